package org.openyibao.platform.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.engine.settlement.Visit;
import org.openyibao.engine.calc.CalcInputException;
import org.openyibao.engine.calc.CalcReader;
import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.platform.enrolment.Coverage;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.insurer.CaseBook;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.registry.InstitutionDirectory;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * Settles a registered person's visit (ARCHITECTURE's one-way path): registry → engine input →
 * {@code SettlementEngine.settle} → one transaction holding the settlement and its trace, the
 * person-year accumulators, the individual account and the balanced ledger entry. A person's
 * settlements serialize on the person row, so no two spend the same cap or balance.
 */
@Service
public class SettlementService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;
    private final EnrolmentService enrolments;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SettlementStore store;
    private final PersonYears years;
    private final InstitutionDirectory institutions;
    private final CaseBook cases;

    /** With the institutions read on every settlement (tests). */
    public SettlementService(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs,
                             EnrolmentService enrolments, MeterRegistry meters, Clock clock) {
        this(jdbc, tx, ledger, packs, enrolments, meters, clock, new InstitutionDirectory(jdbc));
    }

    @Autowired
    public SettlementService(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs,
                             EnrolmentService enrolments, MeterRegistry meters, Clock clock, InstitutionDirectory institutions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.store = new SettlementStore(jdbc);
        this.years = new PersonYears(jdbc);
        this.institutions = institutions;
        this.cases = new CaseBook(jdbc, packs, ledger);
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
        this.enrolments = enrolments;
        this.meters = meters;
    }

    /**
     * A settled (or estimated) visit: its id (null for an estimate), the insured (or treating) region,
     * the scheme (null when uninsured), the visit and the engine's result; for the caller's reply, the
     * person's row as locked and the enrolment used (null when uninsured).
     */
    public record Settled(String setlId, String admdvs, String scheme, Visit visit, Settlement settlement,
                          Map<String, Object> person, Coverage coverage) {
        public ObjectNode toJson() {
            ObjectNode o = CalcWriter.settlement(visit, settlement);
            if (setlId != null) o.put("setl_id", setlId);
            return o;
        }
    }

    /** Builds the engine's visit once the person's pack and the institution's level are known. */
    @FunctionalInterface
    public interface VisitSource {
        Visit build(PolicyPack pack, Level level);
    }

    /** A visit in the calc format (docs/calc.md), read with the pack's catalogue at the institution's level. */
    public static VisitSource calcVisit(JsonNode visitJson) {
        if (visitJson == null || !visitJson.isObject()) throw ApiException.badRequest("visit", "visit: required, an object");
        return (pack, level) -> {
            try {
                return new CalcReader(r -> pack).visit(visitJson, "visit", pack.catalogue(), level);
            } catch (CalcInputException e) {
                String msg = e.getMessage();
                throw ApiException.badRequest(msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "visit", msg);
            }
        };
    }

    /** Settles and records the visit. {@code visitJson} is a visit in the calc format (docs/calc.md). */
    public Settled settle(String psnNo, String institutionCode, JsonNode visitJson) {
        return settle(psnNo, institutionCode, visitDate(visitJson), calcVisit(visitJson));
    }

    /** Settles and records a visit on {@code date} built by {@code source}. */
    public Settled settle(String psnNo, String institutionCode, LocalDate date, VisitSource source) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            Settled r = tx.execute(s -> run(psnNo, institutionCode, date, source, true));
            outcome = r.settlement().eligible() ? "settled" : "settled_ineligible";
            return r;
        } catch (ApiException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(meters.timer("yibao.settlements", "outcome", outcome));
        }
    }

    /** The same computation, recording nothing (pre-settlement, the portal's estimator). */
    public Settled estimate(String psnNo, String institutionCode, JsonNode visitJson) {
        return estimate(psnNo, institutionCode, visitDate(visitJson), calcVisit(visitJson));
    }

    /** The same computation, recording nothing; joins the caller's transaction if there is one. */
    public Settled estimate(String psnNo, String institutionCode, LocalDate date, VisitSource source) {
        return tx.execute(s -> run(psnNo, institutionCode, date, source, false));
    }

    /** The person's row, locked: caps, bands and the account are read and written under this lock. */
    private record LockedPerson(long id, LocalDate birth, Map<String, Object> row) {}

    /** The institution the visit is settled at: its level decides the rules, whatever the visit says. */
    private record Institution(String code, Level level, String admdvs, String policyPack) {}

    private Settled run(String psnNo, String institutionCode, LocalDate date, VisitSource source, boolean record) {
        if (psnNo == null || psnNo.isBlank()) throw ApiException.badRequest("psn_no", "psn_no: required");
        if (institutionCode == null || institutionCode.isBlank()) {
            throw ApiException.badRequest("institution_code", "institution_code: required");
        }
        LockedPerson person = lockPerson(psnNo);
        Institution institution = designatedOn(institutionCode, date);
        // the registry's view of the person that day; not enrolled: uninsured, the treating region's pack
        Optional<Coverage> coverage = enrolments.coverageOn(person.id(), date);
        String admdvs = coverage.map(Coverage::admdvs).orElse(institution.admdvs());
        String scheme = coverage.map(c -> c.scheme().key).orElse(null);
        PolicyPack pack = packs.pack(coverage.map(Coverage::policyPack).orElse(institution.policyPack()));
        Visit visit = source.build(pack, institution.level());
        Person insured = coverage.map(Coverage::enginePerson).orElse(new Person(Scheme.RESIDENT, Category.GENERAL,
                Employment.IN_SERVICE, person.birth(), person.birth(), Contribution.CONTRIBUTION_1, false, false));
        Accumulators before = years.read(person.id(), date.getYear());
        Settlement s = SettlementEngine.settle(pack.asOf(date), insured, visit, before, true);
        if (!record) return new Settled(null, admdvs, scheme, visit, s, person.row(), coverage.orElse(null));
        String setlId = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
        Long entryId = postEntry(admdvs, date, setlId, institutionCode, person.id(), s);
        store.insert(setlId, person.id(), institutionCode, admdvs, visit, s,
                CalcWriter.settlement(visit, s).get("trace").toString(), entryId, AccumulatorDelta.of(before, s));
        years.write(person.id(), s.after());
        cases.open(setlId, admdvs, institutionCode, date, s.hifmiPay(), pack);   // the insurer's case, in this transaction
        return new Settled(setlId, admdvs, scheme, visit, s, person.row(), coverage.orElse(null));
    }

    private LockedPerson lockPerson(String psnNo) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM person WHERE psn_no = ? FOR UPDATE", psnNo);
        if (rows.isEmpty()) throw ApiException.notFound("psn_no", "psn_no: no such person");
        Map<String, Object> row = rows.get(0);
        return new LockedPerson(((Number) row.get("id")).longValue(), toDate(row.get("birth_date")), row);
    }

    private Institution designatedOn(String code, LocalDate date) {
        InstitutionDirectory.Facts found = institutions.find(code)
                .orElseThrow(() -> ApiException.notFound("institution_code", "institution_code: no such designated institution"));
        if (!found.designatedOn(date)) throw ApiException.refused("institution_code", "institution_code: not designated on " + date);
        return new Institution(code, Level.of(found.level()), found.admdvs(), found.policyPack());
    }

    /**
     * Cancels a settlement: the reversing entry gives the funds and the individual account their money back,
     * the accumulators are given back what it added (the outpatient card keeps its year's credit). Twice, or
     * unknown: refused.
     */
    public Map<String, Object> cancel(String setlId) {
        return tx.execute(st -> {
            SettlementStore.Row found = store.find(setlId)
                    .orElseThrow(() -> ApiException.notFound("setl_id", "setl_id: no such settlement"));
            jdbc.queryForList("SELECT id FROM person WHERE id = ? FOR UPDATE", found.personId());
            SettlementStore.Row row = store.find(setlId).orElseThrow();   // as it stands under the lock
            if (row.cancelled()) {
                throw ApiException.conflict("setl_id", "setl_id: settlement " + setlId + " is already cancelled");
            }
            // the reversal is dated the day of the cancellation (the visit's year may be closed by now)
            LocalDate today = LocalDate.now(clock);
            Long cancelEntry = row.entryId() == null ? null : ledger.reverseWithIndividualAccounts(row.entryId(), today,
                    "reversal", setlId, "cancellation of settlement " + setlId);
            years.giveBack(row.personId(), row.fiscalYear(), row.delta());
            store.markCancelled(setlId, cancelEntry);
            cases.withdraw(setlId, today);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("setl_id", setlId);
            out.put("status", "cancelled");
            out.put("cancelled_on", today.toString());
            return out;
        });
    }

    /** A recorded settlement: who, where, when, its status, every national field and the trace. */
    public JsonNode find(String setlId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT s.*, p.psn_no FROM settlement s JOIN person p"
                + " ON p.id = s.person_id WHERE s.setl_id = ?", setlId);
        if (rows.isEmpty()) throw ApiException.notFound("setl_id", "setl_id: no such settlement");
        Map<String, Object> r = rows.get(0);
        Settlement s = SettlementStore.fromRow(r);
        ObjectNode o = JSON.createObjectNode();
        o.put("setl_id", setlId);
        o.put("psn_no", (String) r.get("psn_no"));
        o.put("institution_code", (String) r.get("institution_code"));
        o.put("date", toDate(r.get("visit_date")).toString());
        o.put("status", (String) r.get("status"));
        for (SettlementField f : SettlementField.values()) o.put(f.national(), CalcWriter.decimal(f, s.value(f)));
        o.put("eligible", s.eligible());
        if (!s.eligible()) {
            o.put("reason_code", s.ineligibility().code());
            o.put("reason", s.ineligibility().explanation());
        }
        CaseBook.outcome(jdbc, setlId).ifPresent(c -> o.set("si_audit", c));
        try {
            o.set("trace", JSON.readTree((String) r.get("trace")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }

    /** One balanced entry: each fund's payment becomes a benefit owed to the institution. */
    private Long postEntry(String admdvs, LocalDate date, String setlId, String institution, long personId, Settlement s) {
        JournalEntry.Builder b = JournalEntry.builder(admdvs, date, "settlement", setlId, "settlement " + setlId
                + " at institution " + institution);
        for (Fund fund : Fund.PAYING) {
            b.move(fund.account("benefits"), fund.account("payable_institutions"), s.value(fund.settlementField));
        }
        b.payFromIndividualAccount(personId, Fund.INDIVIDUAL_ACCOUNTS.account("payable_institutions"), s.acctPay());
        if (b.isEmpty()) return null;
        return ledger.post(b.build());
    }

    static LocalDate visitDate(JsonNode visit) {
        if (visit == null || !visit.isObject()) throw ApiException.badRequest("visit", "visit: required, an object");
        JsonNode d = visit.get("date");
        if (d == null || !d.isTextual()) throw ApiException.badRequest("visit.date", "visit.date: required (YYYY-MM-DD)");
        try {
            return LocalDate.parse(d.asText());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("visit.date", "visit.date: " + d + " is not a date (YYYY-MM-DD)");
        }
    }

    static LocalDate toDate(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(o.toString());
    }
}
