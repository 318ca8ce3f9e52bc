package org.openyibao.platform.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/** Settlement, accumulators, individual account and ledger commit together; cancellation restores them. */
class SettlementServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SettlementService service(TestDatabase db) {
        return service(db, java.time.Clock.systemDefaultZone());
    }

    static SettlementService service(TestDatabase db, java.time.Clock clock) {
        return service(db, clock, new PolicyPacks(System.getProperty("yibao.policies", "../policies")));
    }

    /** The same fixture settling with {@code packs} (loaded once by a property that opens many databases). */
    static SettlementService service(TestDatabase db, java.time.Clock clock, PolicyPacks packs) {
        db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        new Ledger(db.jdbc).openRegion("440800");
        db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from)"
                + " VALUES ('H003', 'Zhanjiang Central Hospital', 'level3', 'hospital', '440800', DATE '2010-01-01')");
        db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from, designated_until)"
                + " VALUES ('H002', 'Old Clinic', 'level2', 'hospital', '440800', DATE '2010-01-01', DATE '2015-12-31')");
        // an in-service employee with 3,000.00 in the account, and a resident
        db.jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                + " ('P1', '440802198001010011', 'Employee One', '1', DATE '1980-01-01', '440800'),"
                + " ('P2', '440802196005010022', 'Resident Two', '2', DATE '1960-05-01', '440800')");
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                + " SELECT id, 'employee', '440800', 'combined', DATE '2010-01-01', DATE '2010-01-01' FROM person WHERE psn_no = 'P1'");
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = 'P2'");
        // the account's money is in the individual-accounts fund: bank against holders, and the sub-ledger
        long p1 = db.jdbc.queryForObject("SELECT id FROM person WHERE psn_no = 'P1'", Long.class);
        db.tx.executeWithoutResult(s -> new Ledger(db.jdbc).post(org.openyibao.platform.ledger.JournalEntry.builder("440800",
                java.time.LocalDate.of(2018, 1, 1), "opening", "P1", "opening balance")
                .creditIndividualAccount(p1, "individual_accounts:bank", 300_000).build()));
        return service(db.jdbc, db.tx, packs, clock);
    }

    /** The service and what it needs, on a database that already holds the fixture. */
    static SettlementService service(org.springframework.jdbc.core.JdbcTemplate jdbc,
                                     org.springframework.transaction.support.TransactionTemplate tx, PolicyPacks packs,
                                     java.time.Clock clock) {
        Ledger ledger = new Ledger(jdbc);
        var registry = new org.openyibao.platform.registry.RegistryService(jdbc, tx, ledger, packs);
        var persons = new org.openyibao.platform.registry.PersonService(jdbc, tx, registry, java.time.Clock.systemDefaultZone());
        var enrolments = new org.openyibao.platform.enrolment.EnrolmentService(jdbc, tx, persons, registry, packs);
        return new SettlementService(jdbc, tx, ledger, packs, enrolments,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), clock);
    }

    static JsonNode visit(String date, String amount) throws Exception {
        return JSON.readTree("{\"date\": \"" + date + "\", \"type\": \"inpatient\", \"lines\": [{\"class\": \"A\", \"amount\": "
                + amount + "}, {\"class\": \"C\", \"amount\": 100}]}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void settlesRecordsAndCancels(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            SettlementService service = service(db);
            Ledger ledger = new Ledger(db.jdbc);
            // employee 2018, level III: (10,000 − 800) × 80% = 7,360; in-scope self-pay 2,640 from the account; class C 100 cash
            var s = service.settle("P1", "H003", visit("2018-05-02", "10000"));
            assertThat(s.settlement().hifpPay()).isEqualTo(736_000);
            assertThat(s.settlement().acctPay()).isEqualTo(264_000);
            assertThat(s.settlement().psnCashPay()).isEqualTo(10_000);
            assertThat(s.settlement().balc()).isEqualTo(36_000);
            assertThat(db.jdbc.queryForObject("SELECT balance_fen FROM individual_account", Long.class)).isEqualTo(36_000);
            assertThat(db.jdbc.queryForObject("SELECT hifp_paid FROM person_year", Long.class)).isEqualTo(736_000);
            assertThat(ledger.balance("440800:pooling:benefits")).isEqualTo(736_000);
            assertThat(ledger.balance("440800:pooling:payable_institutions")).isEqualTo(-736_000);
            assertThat(ledger.balance("440800:individual_accounts:holders")).isEqualTo(-36_000);
            assertThat(service.find(s.setlId()).get("trace").size()).isGreaterThan(3);

            // an estimate records nothing
            var e = service.estimate("P1", "H003", visit("2018-06-02", "1000"));
            assertThat(e.setlId()).isNull();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isEqualTo(1);

            // cancel: everything back; twice: refused
            service.cancel(s.setlId());
            assertThat(db.jdbc.queryForObject("SELECT balance_fen FROM individual_account", Long.class)).isEqualTo(300_000);
            assertThat(db.jdbc.queryForObject("SELECT hifp_paid FROM person_year", Long.class)).isZero();
            assertThat(ledger.balance("440800:pooling:benefits")).isZero();
            assertThat(ledger.balance("440800:individual_accounts:holders")).isEqualTo(-300_000);
            assertThat(new org.openyibao.platform.ledger.LedgerCheck(db.jdbc).run().ok()).isTrue();
            assertThatThrownBy(() -> service.cancel(s.setlId())).isInstanceOf(ApiException.class).hasMessageContaining("already cancelled");
            assertThatThrownBy(() -> service.cancel("NOPE")).isInstanceOf(ApiException.class).hasMessageContaining("no such settlement");
        }
    }

    /**
     * Defect 1 of issue 9: cancelling the visit that credited the resident's village card gave the card back its
     * balance but not its year, so that year's 20.00 was lost for good (the next visit found the card credited
     * for 2018 and empty). The card keeps the year's credit and gets back only what the visit spent.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void cancellingTheVisitThatCreditedTheCardKeepsTheYearsCredit(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            // 16:30 UTC is half past midnight the next day in the agency's zone: the cancellation is dated by that clock
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-05T16:30:00Z"),
                    java.time.ZoneId.of("Asia/Shanghai"));
            SettlementService service = service(db, clock);
            db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from)"
                    + " VALUES ('V001', 'Village Station', 'village', 'clinic', '440800', DATE '2010-01-01')");
            // first village visit of 2018: the card is credited 20.00 (zhanjiang resident.yaml), pays 15.00, keeps 5.00
            var first = service.settle("P2", "V001", outpatient("2018-02-01", "15"));
            assertThat(first.settlement().outpatientCardCredit()).isEqualTo(2_000);
            assertThat(first.settlement().outpatientCardPaid()).isEqualTo(1_500);
            assertThat(db.jdbc.queryForObject("SELECT card_balance FROM person_year", Long.class)).isEqualTo(500);

            assertThat(service.cancel(first.setlId())).containsEntry("cancelled_on", "2026-12-06");
            // the 15.00 spent is back; the credit and its year stay: 5.00 + 15.00 = 20.00
            assertThat(db.jdbc.queryForObject("SELECT card_balance FROM person_year", Long.class)).isEqualTo(2_000);
            assertThat(db.jdbc.queryForObject("SELECT card_year FROM person_year", Integer.class)).isEqualTo(2018);

            // the next visit spends the year's credit: 18.00 of 20.00 (before the fix: 0, the card was empty)
            var next = service.settle("P2", "V001", outpatient("2018-03-01", "18"));
            assertThat(next.settlement().outpatientCardCredit()).isZero();
            assertThat(next.settlement().hifpPay()).isEqualTo(1_800);
            assertThat(db.jdbc.queryForObject("SELECT card_balance FROM person_year", Long.class)).isEqualTo(200);
            assertThat(db.jdbc.queryForObject("SELECT outpatient_card_paid FROM settlement WHERE setl_id = ?", Long.class,
                    next.setlId())).isEqualTo(1_800);
        }
    }

    static JsonNode outpatient(String date, String amount) throws Exception {
        return JSON.readTree("{\"date\": \"" + date + "\", \"type\": \"outpatient\", \"lines\": [{\"class\": \"A\", \"amount\": "
                + amount + "}]}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesBadInputNamingTheFieldAndChangesNothing(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            SettlementService service = service(db);
            assertThatThrownBy(() -> service.settle("P9", "H003", visit("2018-05-02", "100")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("psn_no");
            assertThatThrownBy(() -> service.settle("P1", "H002", visit("2018-05-02", "100")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("institution_code: not designated on 2018-05-02");
            assertThatThrownBy(() -> service.settle("P1", "H003", visit("2018-05-02", "-1")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("visit.lines[0].amount: must not be negative");
            assertThatThrownBy(() -> service.settle("P1", "H003", visit("2018-02-30", "1")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("visit.date");
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isZero();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'settlement'", Integer.class)).isZero();
        }
    }

    /** Many threads settle for one resident at once: the 200,000 annual cap is never spent twice. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentSettlementsOfOnePersonNeverSpendTheCapTwice(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            SettlementService service = service(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    // each admission: (50,500 − 500) × 50% = 25,000 of pooling; 24 of them would be 600,000
                    done.add(pool.submit(() -> service.settle("P2", "H003", visit("2018-07-01", "50500"))));
                }
                for (Future<?> f : done) f.get();
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            long hifp = db.jdbc.queryForObject("SELECT SUM(hifp_pay) FROM settlement", Long.class);
            long hifmi = db.jdbc.queryForObject("SELECT SUM(hifmi_pay) FROM settlement", Long.class);
            assertThat(hifp).isEqualTo(20_000_000); // exactly the 200,000.00 cap
            assertThat(db.jdbc.queryForObject("SELECT hifp_paid FROM person_year", Long.class)).isEqualTo(hifp);
            assertThat(db.jdbc.queryForObject("SELECT serious_illness_paid FROM person_year", Long.class)).isEqualTo(hifmi);
            assertThat(hifp + hifmi).isLessThanOrEqualTo(60_000_000); // combined cap 600,000
            assertThat(new org.openyibao.platform.ledger.LedgerCheck(db.jdbc).run().ok()).isTrue();
            Long debits = db.jdbc.queryForObject("SELECT SUM(debit_fen) FROM journal_line", Long.class);
            Long credits = db.jdbc.queryForObject("SELECT SUM(credit_fen) FROM journal_line", Long.class);
            assertThat(debits).isEqualTo(credits);
            assertThat(new Ledger(db.jdbc).balance("440800:pooling:benefits")).isEqualTo(hifp);
        }
    }
}
