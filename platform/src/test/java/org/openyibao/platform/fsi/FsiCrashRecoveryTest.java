package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

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
 * The fault test of issue 4: the real server runs as its own OS process on a fresh PostgreSQL database; hospital
 * clients drive full outpatient (2207) and inpatient (2304) flows from several threads; in the middle of the load,
 * with a settlement on the wire, the server is killed with SIGKILL (kill -9) and started again on the same database.
 * The clients retry every message they got no answer to with the same msgid (what a HIS does), until each flow has
 * settled. Then everything is reconciled: every acknowledged settlement is there exactly once, with its message,
 * ledger entry, individual-account movement and accumulators (nothing half there); nothing is there that was not
 * acknowledged; repeating an acknowledged message returns its original reply byte for byte; and the ledger check
 * of {@code yibao ledger check} passes. Skipped (with a notice) without PostgreSQL, except on CI.
 */
class FsiCrashRecoveryTest {
    static final String HOSPITAL = "H44080000001";
    static final String PAASID = "paas-crash";
    static final String SECRET = "s3cret-for-the-crash-test";
    static final String KEY = "a crash test server key";
    static final int CLIENTS = 4;
    static final int FLOWS_PER_CLIENT = 8;
    static final int KILL_AFTER_ACKS = 10;
    static final int LOST_REPLIES = 2;
    static final long OPENING_FEN = 1_000_000;               // each employee's individual account: 10,000.00
    static final LocalDate DAY = LocalDate.now();
    static final Duration LOAD_WITHIN = Duration.ofSeconds(45);

    /** Three employees (accounts) and three residents, shared by every client thread. */
    static final List<Person> PEOPLE = List.of(
            person("44080000000301", "44080219800115001", "310"),
            person("44080000000302", "44080219650708003", "390"),
            person("44080000000303", "44080219781201004", "310"),
            person("44080000000304", "44080219590303005", "390"),
            person("44080000000305", "44080219900607006", "310"),
            person("44080000000306", "44080219720909007", "390"));

    static Person person(String psnNo, String id17, String insutype) {
        return new Person(psnNo, id17 + ResidentId.checkDigit(id17), insutype);
    }

    @Test
    void killDashNineInTheMiddleOfALoadThenRestartRetryAndReconcile() throws Exception {
        long t0 = System.nanoTime();
        TestDatabase.requirePostgres();
        try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.POSTGRES)) {
            String url = ((DriverManagerDataSource) db.dataSource).getUrl();
            seed(db);
            Path dir = FsiServerProcess.runDirectory("fsi-crash");           // the servers' configuration and logs
            Path config = FsiServerProcess.writeConfig(dir.resolve("server.yaml"), url, KEY);
            System.out.println("fsi crash test: the servers' configuration and logs are in " + dir.toAbsolutePath());

            FsiServerProcess first = null, second = null;
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            boolean passed = false;
            try {
                first = FsiServerProcess.start(config, FsiServerProcess.freePort(), dir.resolve("server-1.log"));
                first.awaitReady(FsiServerProcess.START_WITHIN);
                FsiLoadClient client = new FsiLoadClient(first.port, HOSPITAL, PAASID, SECRET, Duration.ofSeconds(15)).signIn();

                // the load: each client runs its flows one after another; every message is retried with its msgid.
                // acks: the settlements the hospital was told about (infcode 0 with a setl_id), by msgid
                Map<String, Settled> acks = new ConcurrentHashMap<>();
                AtomicInteger settling = new AtomicInteger();   // settlement messages on the wire now
                AtomicInteger unanswered = new AtomicInteger(); // sends that got no answer (refused, reset, timed out)
                AtomicInteger unansweredSettlements = new AtomicInteger();
                Map<String, String> retriedSettlements = new ConcurrentHashMap<>(); // msgid → infno
                long loadDeadline = System.nanoTime() + LOAD_WITHIN.toNanos();
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < CLIENTS; t++) {
                    final int k = t;
                    done.add(clients.submit(() -> {
                        for (int i = 0; i < FLOWS_PER_CLIENT; i++) {
                            Person p = PEOPLE.get((k * 5 + i) % PEOPLE.size());
                            String tag = "C" + k + "-" + i;
                            Retrying caller = new Retrying(client, loadDeadline, settling, unanswered, unansweredSettlements,
                                    retriedSettlements);
                            boolean inpatient = (k + i) % 2 == 0;
                            Settled s = inpatient
                                    ? FsiFlows.inpatient(caller, p, DAY, tag, List.of(new Line("XA01", "1", (600 + 100 * (i % 4)) + ".00"),
                                    new Line("XB01", "2", "30.00")))
                                    : FsiFlows.outpatient(caller, p, DAY, tag, List.of(new Line("XA01", Integer.toString(1 + i % 3), "12.50"),
                                    new Line("XB03", "1", "15.00")));
                            assertThat(acks.put(s.msgid(), s)).isNull();
                        }
                        return FLOWS_PER_CLIENT;
                    }));
                }

                // settlements whose replies the hospital never gets (a timeout, a dropped connection): they committed
                // before the kill, and the hospital sends them again only after the restart, with their msgids
                List<Settled> lost = new ArrayList<>();
                for (int i = 0; i < LOST_REPLIES; i++) {
                    Person p = PEOPLE.get(i % PEOPLE.size());
                    Retrying caller = new Retrying(client, loadDeadline, settling, unanswered, unansweredSettlements,
                            retriedSettlements);
                    FsiFlows.Message m = FsiFlows.upToSettlement(caller, c -> FsiFlows.outpatient(c, p, DAY, "LOST-" + p.psnNo(),
                            List.of(new Line("XA01", "3", "12.50"), new Line("XB01", "1", "40.00"))));
                    String msgid = client.msgid();
                    FsiTestClient.Reply r = client.send(m.infno(), msgid, m.input());
                    assertThat(r.infcode()).as(r.text()).isZero();
                    lost.add(new Settled(m.infno(), msgid, m.input(), r.text(), r.output().get("setlinfo"), null, null));
                }

                // kill -9 once enough has settled and while a settlement is on the wire (bounded wait)
                long waitUntil = System.nanoTime() + Duration.ofSeconds(25).toNanos();
                while (System.nanoTime() < waitUntil && !(acks.size() >= KILL_AFTER_ACKS && settling.get() > 0)) {
                    failFast(done);
                    Thread.onSpinWait();
                }
                int inFlightAtKill = settling.get();
                int acksBeforeKill = acks.size();
                first.kill9();

                // the same configuration, the same database (a new port, as a restarted instance behind a balancer may get)
                second = FsiServerProcess.start(config, FsiServerProcess.freePort(), dir.resolve("server-2.log"));
                client.port(second.port);
                second.awaitReady(FsiServerProcess.START_WITHIN);
                long restarted = System.currentTimeMillis();

                int flows = 0;
                for (Future<Integer> f : done) {
                    flows += f.get(Math.max(1, (loadDeadline - System.nanoTime()) / 1_000_000) + 5_000, TimeUnit.MILLISECONDS);
                }
                assertThat(flows).isEqualTo(CLIENTS * FLOWS_PER_CLIENT);
                // the replies lost before the kill: asked again, the restarted server answers from the message store
                for (Settled l : lost) {
                    FsiTestClient.Reply again = client.send(l.infno(), l.msgid(), l.input());
                    assertThat(again.text()).as("the reply to " + l.infno() + " " + l.msgid() + " after the crash").isEqualTo(l.replyText());
                    assertThat(acks.put(l.msgid(), l)).isNull();
                }
                assertThat(unanswered.get()).as("sends that got no answer because of the kill").isPositive();

                // -------------------------------------------------------------------------------- reconciliation
                JdbcTemplate jdbc = db.jdbc;
                assertThat(acks).hasSize(CLIENTS * FLOWS_PER_CLIENT + LOST_REPLIES);
                Map<String, String> setlByMsgid = new HashMap<>();
                acks.forEach((m, s) -> setlByMsgid.put(m, s.setlId()));
                assertThat(new TreeSet<>(setlByMsgid.values())).as("a setl_id per acknowledged message").hasSize(acks.size());

                // exactly the acknowledged settlements, each once: nothing lost, nothing extra, no duplicate from a retry
                assertThat(new TreeSet<>(jdbc.queryForList("SELECT setl_id FROM settlement", String.class)))
                        .isEqualTo(new TreeSet<>(setlByMsgid.values()));
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isEqualTo(acks.size());
                Map<String, String> fsiByMsgid = new HashMap<>();
                jdbc.query("SELECT msgid, setl_id, status FROM fsi_settlement", rs -> {
                    assertThat(fsiByMsgid.put(rs.getString(1), rs.getString(2))).as("one fsi_settlement per msgid").isNull();
                    assertThat(rs.getString(3)).isEqualTo("settled");
                });
                assertThat(fsiByMsgid).isEqualTo(setlByMsgid);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE status <> 'settled'", Integer.class)).isZero();

                // every message: answered and stored whole (a crash leaves no claimed-but-unanswered msgid)
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message WHERE reply IS NULL", Integer.class)).isZero();
                FsiMessages messages = new FsiMessages(jdbc, KEY);   // the replies are sealed at rest under the server key
                for (Map.Entry<String, Settled> e : acks.entrySet()) {
                    Settled s = e.getValue();
                    FsiMessages.Stored stored = messages.find(HOSPITAL, e.getKey()).orElseThrow();
                    assertThat(stored.infno()).isEqualTo(s.infno());
                    assertThat(stored.output().at("/setlinfo/setl_id").asText()).isEqualTo(s.setlId());
                }
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message WHERE infno IN ('2207', '2304')", Integer.class))
                        .isEqualTo(acks.size());
                // retries of the other messages made nothing twice either: one visit per flow, its lines once
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_visit", Integer.class)).isEqualTo(acks.size());
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_fee_detail", Integer.class)).isEqualTo(acks.size() * 2);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_fee_detail WHERE status <> 'settled'", Integer.class)).isZero();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM fsi_visit v WHERE NOT EXISTS (SELECT 1 FROM fsi_settlement f"
                        + " WHERE f.mdtrt_id = v.mdtrt_id)", Integer.class)).as("visits without their settlement").isZero();

                // each settlement row is the reply it was acknowledged with, and its ledger entry carries exactly its money
                for (Settled s : acks.values()) {
                    Map<String, Object> row = jdbc.queryForMap("SELECT * FROM settlement WHERE setl_id = ?", s.setlId());
                    for (String f : List.of("medfee_sumamt", "hifp_pay", "hifmi_pay", "fund_pay_sumamt", "acct_pay", "psn_cash_pay")) {
                        assertThat(s.money(f).movePointRight(2).longValueExact()).as(f + " of " + s.setlId())
                                .isEqualTo(((Number) row.get(f)).longValue());
                    }
                    long paid = ((Number) row.get("fund_pay_sumamt")).longValue() + ((Number) row.get("acct_pay")).longValue();
                    List<Map<String, Object>> entry = jdbc.queryForList("SELECT e.id, COALESCE(SUM(l.debit_fen), 0) AS debits"
                            + " FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id WHERE e.cause_type = 'settlement'"
                            + " AND e.cause_ref = ? GROUP BY e.id", s.setlId());
                    if (paid == 0) {
                        assertThat(entry).as("no entry for a settlement that pays nothing").isEmpty();
                        continue;
                    }
                    assertThat(entry).as("the ledger entry of " + s.setlId()).hasSize(1);
                    assertThat(((Number) entry.get(0).get("id")).longValue()).isEqualTo(((Number) row.get("entry_id")).longValue());
                    assertThat(((Number) entry.get(0).get("debits")).longValue()).as("the entry moves the funds' and account's payment")
                            .isEqualTo(paid);
                    long moved = jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM individual_account_movement"
                            + " WHERE entry_id = ?", Long.class, row.get("entry_id"));
                    assertThat(moved).as("the account movement of " + s.setlId()).isEqualTo(-((Number) row.get("acct_pay")).longValue());
                }
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'settlement'", Integer.class))
                        .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE entry_id IS NOT NULL", Integer.class));

                // the accumulators and accounts hold exactly what the settlements took
                int year = DAY.getYear();
                for (Person p : PEOPLE) {
                    long id = jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, p.psnNo());
                    Map<String, Object> sums = jdbc.queryForMap("SELECT COUNT(*) AS n, COALESCE(SUM(hifp_pay), 0) AS hifp,"
                            + " COALESCE(SUM(acct_pay), 0) AS acct FROM settlement WHERE person_id = ? AND fiscal_year = ?", id, year);
                    if (((Number) sums.get("n")).longValue() == 0) continue;
                    assertThat(jdbc.queryForObject("SELECT hifp_paid FROM person_year WHERE person_id = ? AND fiscal_year = ?",
                            Long.class, id, year)).as("hifp_paid of " + p.psnNo()).isEqualTo(((Number) sums.get("hifp")).longValue());
                    if (p.insutype().equals("310")) {
                        long balance = jdbc.queryForObject("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class, id);
                        assertThat(balance).as("account of " + p.psnNo()).isEqualTo(OPENING_FEN - ((Number) sums.get("acct")).longValue())
                                .isNotNegative();
                    }
                }

                // repeating an acknowledged message returns its original reply, byte for byte, and settles nothing
                for (Settled s : acks.values()) {
                    FsiTestClient.Reply again = client.send(s.infno(), s.msgid(), s.input());
                    assertThat(again.text()).as("the reply to a repeated " + s.infno() + " " + s.msgid()).isEqualTo(s.replyText());
                }
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM settlement", Integer.class)).isEqualTo(acks.size());

                // yibao ledger check: what LedgerCommand.Check runs, on a plain connection to the database the server used
                LedgerCheck.Result check = new LedgerCheck(new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""))).run();
                assertThat(check.violations()).as(String.join("\n", check.summary())).isEmpty();

                // what happened, for the log: the retried settlements answered from the store vs run after the restart
                int fromStore = 0, afterRestart = 0;
                for (String m : retriedSettlements.keySet()) {
                    long answered = stampMillis(FsiJson.parse(acks.get(m).replyText(), "r").get("respond_time").asText());
                    if (answered < restarted - 500) fromStore++; else afterRestart++;
                }
                System.out.printf("fsi crash test (%s): %d flows by %d clients, %d replies lost before the kill; kill -9 after %d acknowledged settlements with %d"
                                + " settlement(s) on the wire; %d sends unanswered (%d settlements); %d settlement messages retried:"
                                + " %d had committed before the kill (answered from the store), %d ran after the restart;"
                                + " %d settlements (%d paid by the pooling fund, %d by an individual account), ledger %d entries OK; %.1f s%n",
                        dir, flows, CLIENTS, LOST_REPLIES, acksBeforeKill, inFlightAtKill, unanswered.get(), unansweredSettlements.get(),
                        retriedSettlements.size(), fromStore, afterRestart, acks.size(),
                        jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE hifp_pay > 0", Integer.class),
                        jdbc.queryForObject("SELECT COUNT(*) FROM settlement WHERE acct_pay > 0", Integer.class), check.entries(),
                        (System.nanoTime() - t0) / 1e9);
                passed = true;
            } finally {
                clients.shutdownNow();
                if (first != null) first.close();
                if (second != null) second.close();
                clients.awaitTermination(10, TimeUnit.SECONDS);
                if (passed) FsiServerProcess.deleteRecursively(dir); // the servers' logs stay in target/fsi-crash when it failed
            }
        }
    }

    private static long stampMillis(String yyyyMMddHHmmssSSS) {
        java.time.LocalDateTime t = java.time.LocalDateTime.parse(yyyyMMddHHmmssSSS,
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"));
        return t.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    private static void failFast(List<Future<Integer>> done) throws Exception {
        for (Future<Integer> f : done) if (f.isDone()) f.get(); // a client that failed before the kill: its error now
        Thread.sleep(5);
    }

    /**
     * Sends a message and, when no answer comes (connection refused or reset, timeout) or the server answers that it
     * failed and changed nothing, sends it again with the same msgid until it is answered; a business refusal fails.
     */
    private static final class Retrying implements FsiFlows.Caller {
        final FsiLoadClient client;
        final long deadline;
        final AtomicInteger settling, unanswered, unansweredSettlements;
        final Map<String, String> retriedSettlements;

        Retrying(FsiLoadClient client, long deadline, AtomicInteger settling, AtomicInteger unanswered,
                 AtomicInteger unansweredSettlements, Map<String, String> retriedSettlements) {
            this.client = client;
            this.deadline = deadline;
            this.settling = settling;
            this.unanswered = unanswered;
            this.unansweredSettlements = unansweredSettlements;
            this.retriedSettlements = retriedSettlements;
        }

        @Override
        public Answer call(String infno, JsonNode input) {
            boolean settlement = infno.equals("2207") || infno.equals("2304");
            String msgid = client.msgid();
            String last = "nothing sent";
            for (int attempt = 1; ; attempt++) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(infno + " " + msgid + ": not answered within the test's bound; last: " + last);
                }
                if (attempt > 1 && settlement) retriedSettlements.put(msgid, infno);
                FsiTestClient.Reply r;
                if (settlement) settling.incrementAndGet();
                try {
                    r = client.send(infno, msgid, input);
                } catch (IOException e) {
                    unanswered.incrementAndGet();
                    if (settlement) unansweredSettlements.incrementAndGet();
                    last = e.toString();
                    pause();
                    continue;
                } finally {
                    if (settlement) settling.decrementAndGet();
                }
                last = r.status() + " " + r.text();
                if (r.status() != 200) {
                    pause();
                    continue;
                }
                int code = r.infcode();
                if (code == 0) {
                    return new Answer(msgid, r.text(), r.json());
                }
                // our own failure, nothing changed (a connection lost under the server, the msgid still held): again
                String err = r.errMsg();
                if (code == -1 && (err.contains("internal error") || err.contains("still being processed"))) {
                    pause();
                    continue;
                }
                throw new AssertionError(infno + " " + msgid + " (attempt " + attempt + "): " + r.text());
            }
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the database

    /** Region, hospital, people, enrolments, opening balances and the hospital's x-tif credentials, in the test JVM. */
    private static void seed(TestDatabase db) {
        JdbcTemplate jdbc = db.jdbc;
        jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        Ledger ledger = new Ledger(jdbc);
        ledger.openRegion("440800");
        jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES"
                + " (?, 'Zhanjiang Central Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01')", HOSPITAL);
        new FsiCredentials(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), KEY)
                .register(new FsiCredentials.Spec(HOSPITAL, PAASID, SECRET, null, null, null, null, null, null, false, "never"));
        int n = 0;
        for (Person p : PEOPLE) {
            boolean employee = p.insutype().equals("310");
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES (?, ?, ?, ?, ?, '440800')",
                    p.psnNo(), p.certNo(), "Person " + (++n), n % 2 == 0 ? "2" : "1",
                    LocalDate.parse(p.certNo().substring(6, 10) + "-" + p.certNo().substring(10, 12) + "-" + p.certNo().substring(12, 14)));
            long id = jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, p.psnNo());
            if (employee) {
                jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                        + " VALUES (?, 'employee', '440800', 'combined', DATE '2016-01-01', DATE '2016-01-01')", id);
                db.tx.executeWithoutResult(s -> ledger.post(JournalEntry.builder("440800", DAY, "opening", p.psnNo(),
                        "opening balance").creditIndividualAccount(id, "individual_accounts:bank", OPENING_FEN).build()));
            } else {
                jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                        + " VALUES (?, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01')", id);
            }
        }
    }
}
