package org.openyibao.platform.insurer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.support.TestDatabase;

/**
 * Region 440800 on the Zhanjiang pack (or a contract overlay of it), Zhanjiang Central Hospital (H003, level III),
 * residents R1..Rn enrolled since 2009; the settlement service and the insurer's cases on it; "today" is 2018-09-01.
 * A second region 440900 with its own hospital H009 and resident Q1, for "another region's case".
 */
final class CaseFixture {
    static final PolicyPacks PACKS = new PolicyPacks(System.getProperty("yibao.policies", "../policies"));
    static final PolicyPack ZHANJIANG = PACKS.pack("zhanjiang");
    static final PolicyPack TAICANG = PackLoader.applyReform(ZHANJIANG, PACKS.root().resolve(Path.of("zhanjiang", "contracts", "taicang.yaml")));
    static final PolicyPack MADE_UP = PackLoader.applyReform(ZHANJIANG, Path.of("../engine/src/test/resources/insurer/made-up-contract.yaml"));
    static final LocalDate TODAY = LocalDate.of(2018, 9, 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestDatabase db;
    final Ledger ledger;
    final SettlementService settlements;
    final SeriousIllnessCases cases;

    private CaseFixture(TestDatabase db, PolicyPack pack) {
        this.db = db;
        PolicyPacks packs = new PolicyPacks(PACKS.root().toString()) {
            @Override
            public PolicyPack pack(String name) {
                return pack;
            }
        };
        Clock today = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        this.ledger = new Ledger(db.jdbc);
        var registry = new RegistryService(db.jdbc, db.tx, ledger, packs);
        var persons = new PersonService(db.jdbc, db.tx, registry, today);
        var enrolments = new EnrolmentService(db.jdbc, db.tx, persons, registry, packs);
        this.settlements = new SettlementService(db.jdbc, db.tx, ledger, packs, enrolments,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), today);
        this.cases = new SeriousIllnessCases(db.jdbc, db.tx, ledger, packs, today);
    }

    static CaseFixture open(TestDatabase db, PolicyPack pack, int residents) {
        for (String[] r : new String[][] {{"440800", "H003"}, {"440900", "H009"}}) {
            db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES (?, ?, 'zhanjiang')", r[0], "Region " + r[0]);
            new Ledger(db.jdbc).openRegion(r[0]);
            db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from)"
                    + " VALUES (?, ?, 'level3', 'hospital', ?, DATE '2010-01-01')", r[1], "Hospital " + r[1], r[0]);
        }
        for (int i = 1; i <= residents; i++) resident(db, "R" + i, "440800", i);
        resident(db, "Q1", "440900", 999);
        return new CaseFixture(db, pack);
    }

    private static void resident(TestDatabase db, String psnNo, String admdvs, int n) {
        db.jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES (?, ?, ?, '2',"
                + " DATE '1960-05-01', ?)", psnNo, String.format("X%017d", n), "Resident " + psnNo, admdvs);
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since) SELECT id, 'resident',"
                + " ?, DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", admdvs, psnNo);
    }

    /** An inpatient stay of {@code amount} yuan of class A items at the person's region's hospital. */
    SettlementService.Settled stay(String psnNo, String date, String amount) {
        try {
            JsonNode v = JSON.readTree("{\"date\": \"" + date + "\", \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\","
                    + " \"amount\": " + amount + "}]}");
            return settlements.settle(psnNo, psnNo.startsWith("Q") ? "H009" : "H003", v);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    long caseOf(String setlId) {
        return db.jdbc.queryForObject("SELECT id FROM si_case WHERE setl_id = ?", Long.class, setlId);
    }

    String status(long caseId) {
        return db.jdbc.queryForObject("SELECT status FROM si_case WHERE id = ?", String.class, caseId);
    }

    long balance(String admdvs, String account) {
        return ledger.balance(admdvs + ":" + account);
    }

    SeriousIllnessCases.Decision decide(long caseId, String decision, String amount, String reason) {
        return cases.decide("440800", caseId, new SeriousIllnessCases.DecisionRequest(decision, amount, reason, "test"), "insurer");
    }
}
