package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.fsi.FsiFlows.Answer;
import org.openyibao.platform.fsi.FsiFlows.Line;
import org.openyibao.platform.fsi.FsiFlows.Person;
import org.openyibao.platform.fsi.FsiFlows.Settled;
import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.support.TestDatabase;

/**
 * One person's settlements serialize (issue 4, "What must hold"), over real HTTP on PostgreSQL: many threads run
 * full outpatient (2207) and inpatient (2304) flows at once for the same two people, a resident 1,000 yuan below
 * the 200,000 basic annual cap and an employee with 300 yuan in the individual account. Afterwards the cap was
 * reached exactly and never passed, the account was spent exactly once down to zero and never below, each
 * settlement's reply satisfies the 2207 identities and agrees with its row, and the ledger checks. A msgid sent by
 * several threads at once settles once. Skipped (with a notice) without PostgreSQL, except on CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yibao.fsi.key=a concurrency test key",
        "management.endpoints.web.exposure.include=health"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FsiConcurrencyTest {
    static final String HOSPITAL = "H44080000001";
    static final String PAASID = "paas-concurrency";
    static final String SECRET = "s3cret-for-the-concurrency-test";
    static final int THREADS = 16;
    static final long CAP_FEN = 20_000_000;              // the residents' basic annual cap, 200,000.00
    static final long OPENING_FEN = 30_000;              // the employee's individual account, 300.00
    static final LocalDate DAY = LocalDate.now();
    static final Person RESIDENT = person("44080000000201", "44080219650708003", "390");
    static final Person EMPLOYEE = person("44080000000202", "44080219800115001", "310");
    static final Person RACER = person("44080000000203", "44080219780301002", "310");

    private static TestDatabase db;
    private static DataSource serverPool;
    private static boolean seeded;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Ledger ledger;
    @Autowired
    FsiCredentials credentials;
    @Autowired
    DataSource dataSource;

    static Person person(String psnNo, String id17, String insutype) {
        return new Person(psnNo, id17 + ResidentId.checkDigit(id17), insutype);
    }

    @BeforeAll
    static void postgres() {
        TestDatabase.requirePostgres(); // skipped with a notice without PostgreSQL; CI=true makes it fail instead
    }

    private static synchronized TestDatabase db() {
        if (db == null) db = TestDatabase.fresh(TestDatabase.Kind.POSTGRES);
        return db;
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry r) {
        r.add("spring.datasource.url", () -> ((DriverManagerDataSource) db().dataSource).getUrl());
        r.add("spring.datasource.username", () -> "postgres");
        r.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void drop() throws Exception {
        try {
            // the server's pool first (the context closes it again, harmlessly, after this), then the database
            if (serverPool instanceof AutoCloseable c) c.close();
        } finally {
            if (db != null) db.close();
        }
    }

    @BeforeEach
    void seed() {
        synchronized (FsiConcurrencyTest.class) {
            serverPool = dataSource;
            if (seeded) return;
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            new Ledger(jdbc).openRegion("440800");
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES"
                    + " (?, 'Zhanjiang Central Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01')", HOSPITAL);
            credentials.register(new FsiCredentials.Spec(HOSPITAL, PAASID, SECRET, null, null, null, null, null, null, false, "never"));
            insertPerson(RESIDENT, "Wu Resident", "1965-07-08");
            insertPerson(EMPLOYEE, "Chen Employee", "1980-01-15");
            insertPerson(RACER, "Li Employee", "1978-03-01");
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?",
                    RESIDENT.psnNo());
            for (Person p : List.of(EMPLOYEE, RACER)) {
                jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                        + " SELECT id, 'employee', '440800', 'combined', DATE '2016-01-01', DATE '2016-01-01' FROM person"
                        + " WHERE psn_no = ?", p.psnNo());
                long id = personId(p);
                tx.executeWithoutResult(s -> ledger.post(JournalEntry.builder("440800", DAY, "opening", p.psnNo(),
                        "opening balance").creditIndividualAccount(id, "individual_accounts:bank", OPENING_FEN).build()));
            }
            seeded = true;
        }
    }

    private void insertPerson(Person p, String name, String birth) {
        jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES (?, ?, ?, '1', ?, '440800')",
                p.psnNo(), p.certNo(), name, LocalDate.parse(birth));
    }

    private long personId(Person p) {
        return jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, p.psnNo());
    }

    private FsiLoadClient client() throws IOException {
        return new FsiLoadClient(port, HOSPITAL, PAASID, SECRET, Duration.ofSeconds(30)).signIn();
    }

    /** Sends once with a fresh msgid; anything but infcode 0 fails the test (no retries: the server is up). */
    private static FsiFlows.Caller once(FsiLoadClient c) {
        return (infno, input) -> {
            String msgid = c.msgid();
            FsiTestClient.Reply r;
            try {
                r = c.send(infno, msgid, input);
            } catch (IOException e) {
                throw new AssertionError(infno + " " + msgid + ": no answer: " + e, e);
            }
            assertThat(r.status()).as(infno + ": " + r.text()).isEqualTo(200);
            assertThat(r.infcode()).as(infno + ": " + r.text()).isZero();
            return new Answer(msgid, r.text(), r.json());
        };
    }

    // ------------------------------------------------------------------------------------------ one person, many threads

    @Test
    void manyThreadsSettlingForOnePersonNeverSpendTheSameCapOrBalanceTwice() throws Exception {
        FsiLoadClient c = client();
        int year = DAY.getYear();
        // the resident's year so far: one admission of 398,500.00 at level III: (398,500 − 500) × 50% = 199,000.00
        Settled base = FsiFlows.inpatient(once(c), RESIDENT, DAY, "IP-BASE", List.of(new Line("XA01", "1", "398500.00")));
        assertThat(base.money("hifp_pay")).isEqualByComparingTo("199000.00");

        // 16 threads × 4 flows, each thread in its own order: the resident's admission (250.00 of pooling asked each,
        // 4,000.00 in all for the 1,000.00 left) and clinic visit, the employee's clinic visit (25.00 from the account)
        // and admission (more than the 300.00 in the account by itself)
        List<Line> clinic = List.of(new Line("XA01", "2", "12.50"));
        List<Line> ward = List.of(new Line("XA01", "1", "1000.00"));
        List<Line> employeeWard = List.of(new Line("XA01", "1", "2000.00"), new Line("XB01", "4", "25.00"));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Settled>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                final int k = t;
                futures.add(pool.submit(() -> {
                    FsiFlows.Caller call = once(c);
                    start.await();
                    List<Settled> out = new ArrayList<>();
                    for (int step = 0; step < 4; step++) {
                        String tag = "T" + k + "-" + step;
                        switch ((k + step) % 4) {
                            case 0 -> out.add(FsiFlows.inpatient(call, RESIDENT, DAY, tag, ward));
                            case 1 -> out.add(FsiFlows.outpatient(call, EMPLOYEE, DAY, tag, clinic));
                            case 2 -> out.add(FsiFlows.outpatient(call, RESIDENT, DAY, tag, clinic));
                            default -> out.add(FsiFlows.inpatient(call, EMPLOYEE, DAY, tag, employeeWard));
                        }
                    }
                    return out;
                }));
            }
            start.countDown();
            List<Settled> all = new ArrayList<>();
            for (Future<List<Settled>> f : futures) all.addAll(f.get(120, TimeUnit.SECONDS));
            assertThat(all).hasSize(THREADS * 4);

            // every reply is the row it reports
            for (Settled s : all) {
                Map<String, Object> row = jdbc.queryForMap("SELECT s.*, f.msgid FROM settlement s JOIN fsi_settlement f"
                        + " ON f.setl_id = s.setl_id WHERE s.setl_id = ?", s.setlId());
                assertThat(row.get("msgid")).isEqualTo(s.msgid());
                for (String f : List.of("medfee_sumamt", "hifp_pay", "hifmi_pay", "fund_pay_sumamt", "acct_pay", "psn_cash_pay", "balc")) {
                    assertThat(s.money(f)).as(f + " of " + s.setlId()).isEqualByComparingTo(BigDecimal.valueOf(((Number) row.get(f)).longValue(), 2));
                }
            }
        } finally {
            pool.shutdownNow();
        }

        // the resident: the cap reached exactly, never passed, in the order the settlements committed; Σ = person_year
        long resident = personId(RESIDENT);
        long running = 0;
        for (Map<String, Object> r : jdbc.queryForList("SELECT hifp_pay FROM settlement WHERE person_id = ? AND fiscal_year = ?"
                + " AND status = 'settled' ORDER BY id", resident, year)) {
            running += ((Number) r.get("hifp_pay")).longValue();
            assertThat(running).as("the resident's pooling payments so far").isLessThanOrEqualTo(CAP_FEN);
        }
        assertThat(running).as("Σ hifp_pay of the year: the 1,000.00 left was paid, and no more").isEqualTo(CAP_FEN);
        assertThat(jdbc.queryForObject("SELECT hifp_paid FROM person_year WHERE person_id = ? AND fiscal_year = ?", Long.class,
                resident, year)).isEqualTo(running);
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(hifmi_pay), 0) FROM settlement WHERE person_id = ? AND fiscal_year = ?",
                Long.class, resident, year)).as("serious-illness payments = the band accumulator")
                .isEqualTo(jdbc.queryForObject("SELECT serious_illness_paid FROM person_year WHERE person_id = ? AND fiscal_year = ?",
                        Long.class, resident, year));

        // the employee: each settlement's balc is the balance after it, the account never below zero, spent exactly once
        long employee = personId(EMPLOYEE);
        long balance = OPENING_FEN, spent = 0;
        for (Map<String, Object> r : jdbc.queryForList("SELECT acct_pay, balc FROM settlement WHERE person_id = ? ORDER BY id",
                employee)) {
            long acct = ((Number) r.get("acct_pay")).longValue();
            assertThat(acct).isBetween(0L, balance);
            balance -= acct;
            spent += acct;
            assertThat(((Number) r.get("balc")).longValue()).as("balc after a settlement").isEqualTo(balance);
        }
        assertThat(spent).as("Σ acct_pay: all of the 300.00, once").isEqualTo(OPENING_FEN);
        assertThat(ledger.individualAccount(employee)).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE person_id IN (?, ?)", Integer.class, resident, employee))
                .isEqualTo(THREADS * 4 + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message WHERE infno IN ('2207', '2304') AND reply IS NOT NULL",
                Integer.class)).as("one stored reply per settlement").isEqualTo(
                jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class));
        LedgerCheck.Result check = new LedgerCheck(jdbc).run();
        assertThat(check.violations()).as(String.join("\n", check.summary())).isEmpty();
    }

    private int racedSettlements() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM settlement s JOIN person p ON p.id = s.person_id WHERE p.psn_no = ?",
                Integer.class, RACER.psnNo());
    }

    // ------------------------------------------------------------------------------------------ one msgid, many threads

    @Test
    void theSameMsgidFromManyThreadsAtOnceSettlesOnce() throws Exception {
        FsiLoadClient c = client();
        FsiFlows.Caller call = once(c);
        long racer = personId(RACER);
        long before = ledger.individualAccount(racer);

        // an outpatient visit and an inpatient stay ready to settle; each settlement message sent by 8 threads at once
        List<FsiFlows.Message> ready = List.of(
                FsiFlows.upToSettlement(call, c2 -> FsiFlows.outpatient(c2, RACER, DAY, "RACE-OP", List.of(new Line("XA01", "4", "12.50")))),
                FsiFlows.upToSettlement(call, c2 -> FsiFlows.inpatient(c2, RACER, DAY, "RACE-IP", List.of(new Line("XA01", "1", "1500.00")))));
        assertThat(ready).extracting(FsiFlows.Message::infno).containsExactly("2207", "2304");

        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (FsiFlows.Message m : ready) {
                String infno = m.infno();
                JsonNode input = m.input();
                String msgid = c.msgid();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<FsiTestClient.Reply>> replies = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return c.send(infno, msgid, input);
                    }));
                }
                start.countDown();
                List<String> texts = Collections.synchronizedList(new ArrayList<>());
                for (Future<FsiTestClient.Reply> f : replies) {
                    FsiTestClient.Reply r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.infcode()).as(r.text()).isZero();
                    FsiFlows.identities(r.output().get("setlinfo"));
                    texts.add(r.text());
                }
                // one reply, byte for byte, for all of them: the one settlement's
                assertThat(texts).as("replies to " + n + " concurrent " + infno + " with msgid " + msgid).containsOnly(texts.get(0));
                String setlId = FsiJson.parse(texts.get(0), "r").at("/output/setlinfo/setl_id").asText();
                assertThat(jdbc.queryForList("SELECT setl_id FROM fsi_settlement WHERE msgid = ?", String.class, msgid))
                        .containsExactly(setlId);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message WHERE msgid = ?", Integer.class, msgid)).isEqualTo(1);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'settlement' AND cause_ref = ?",
                        Integer.class, setlId)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(racedSettlements()).as("one settlement per message").isEqualTo(2);
        long spent = jdbc.queryForObject("SELECT SUM(acct_pay) FROM settlement WHERE person_id = ?", Long.class, racer);
        assertThat(spent).isPositive();
        assertThat(ledger.individualAccount(racer)).as("the account paid each settlement once").isEqualTo(before - spent);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM individual_account_movement m JOIN journal_entry e ON e.id = m.entry_id"
                + " WHERE m.person_id = ? AND e.cause_type = 'settlement'", Integer.class, racer)).isEqualTo(2);
        LedgerCheck.Result check = new LedgerCheck(jdbc).run();
        assertThat(check.violations()).as(String.join("\n", check.summary())).isEmpty();
    }
}
