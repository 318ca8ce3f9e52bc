package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import org.openyibao.platform.fsi.FsiFlows.Answer;
import org.openyibao.platform.fsi.FsiFlows.Line;
import org.openyibao.platform.fsi.FsiFlows.Person;
import org.openyibao.platform.fsi.FsiFlows.Settled;
import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.support.TestDatabase;

/**
 * A hospital under load, as the fault tests drive it (FsiCrashRecoveryTest, FsiBackupRestoreTest): one region, one
 * hospital and six insured people seeded in the test's database; several client threads each running full outpatient
 * (2201 → 2207) and inpatient (2401 → 2304) flows, some cancelling their settlement afterwards (2208 / 2305); every
 * message retried with its msgid until it is answered (what a HIS does when the server goes away), and every answer
 * kept with its bytes and the moment it arrived, so a test can say what the hospital was told and when.
 */
final class FsiHospitalLoad {
    static final String HOSPITAL = "H44080000001";
    static final String PAASID = "paas-faults";
    static final String SECRET = "s3cret-for-the-fault-tests";
    static final long OPENING_FEN = 1_000_000;               // each employee's individual account: 10,000.00
    static final LocalDate DAY = LocalDate.now();
    /** Every fifth flow cancels its settlement once it is acknowledged. */
    static final int CANCEL_EVERY = 5;
    /** The pre-settlements: dry runs, answered but never recorded, so a resend runs them again. */
    static final List<String> DRY_RUNS = List.of("2206", "2303");

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

    /** A message the hospital got an answer to (infcode 0): what it sent, the reply's bytes, when the reply arrived. */
    record Acked(String infno, String msgid, JsonNode input, byte[] reply, long atNanos) {
        String text() {
            return new String(reply, StandardCharsets.UTF_8);
        }

        boolean before(long nanos) {
            return atNanos - nanos < 0;
        }
    }

    /** A finished flow: its settlement as acknowledged, and its cancellation's acknowledgement when it cancelled. */
    record Flow(Settled settled, Acked settlement, Acked cancellation) {
        String setlId() {
            return settled.setlId();
        }
    }

    /** A settlement whose reply the hospital never got (a timeout, a dropped line): it sends it again later. */
    record Lost(Settled settled, byte[] reply) {}

    final FsiLoadClient client;
    final long deadline;
    /** Settlement messages (2207, 2304) on the wire now. */
    final AtomicInteger settling = new AtomicInteger();
    /** Sends that got no answer (refused, reset, timed out), and those of them that were settlements. */
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger unansweredSettlements = new AtomicInteger();
    /** Settlement messages sent more than once: msgid → when the first send went unanswered (epoch ms). */
    final Map<String, Long> retriedSettlements = new ConcurrentHashMap<>();
    /** Every answered message, in the order the answers came. */
    final Queue<Acked> acked = new ConcurrentLinkedQueue<>();
    /** The finished flows by their settlement's msgid. */
    final Map<String, Flow> flows = new ConcurrentHashMap<>();

    FsiHospitalLoad(FsiLoadClient client, Duration within) {
        this.client = client;
        this.deadline = System.nanoTime() + within.toNanos();
    }

    /** Region, hospital, people, enrolments, opening balances and the hospital's x-tif credentials sealed under {@code key}. */
    static void seed(TestDatabase db, String key) {
        JdbcTemplate jdbc = db.jdbc;
        jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        Ledger ledger = new Ledger(jdbc);
        ledger.openRegion("440800");
        jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES"
                + " (?, 'Zhanjiang Central Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01')", HOSPITAL);
        new FsiCredentials(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), key)
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

    /**
     * Starts {@code clients} threads on {@code pool}, each running {@code flowsPerClient} flows one after another; a
     * future per thread gives its count of flows, or its failure.
     */
    List<Future<Integer>> start(ExecutorService pool, int clients, int flowsPerClient) {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            final int k = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < flowsPerClient; i++) runFlow(k, i, (k * flowsPerClient + i) % CANCEL_EVERY == 2);
                return flowsPerClient;
            }));
        }
        return done;
    }

    private void runFlow(int k, int i, boolean cancel) {
        Person p = PEOPLE.get((k * 5 + i) % PEOPLE.size());
        String tag = "C" + k + "-" + i;
        Retrying caller = new Retrying();
        Settled s = (k + i) % 2 == 0
                ? FsiFlows.inpatient(caller, p, DAY, tag, List.of(new Line("XA01", "1", (600 + 100 * (i % 4)) + ".00"),
                new Line("XB01", "2", "30.00")))
                : FsiFlows.outpatient(caller, p, DAY, tag, List.of(new Line("XA01", Integer.toString(1 + i % 3), "12.50"),
                new Line("XB03", "1", "15.00")));
        Acked settlement = caller.last;
        Acked cancellation = null;
        if (cancel) {
            FsiFlows.cancel(caller, s);
            cancellation = caller.last;
        }
        assertThat(flows.put(s.msgid(), new Flow(s, settlement, cancellation))).isNull();
    }

    /**
     * A settlement the server commits and answers but whose reply the hospital does not get: its flow runs up to the
     * settlement, which is sent once; the reply is kept aside (the test's knowledge, not the hospital's).
     */
    Lost settleAndLoseTheReply(Person p, String tag) throws IOException {
        FsiFlows.Message m = FsiFlows.upToSettlement(new Retrying(), c -> FsiFlows.outpatient(c, p, DAY, tag,
                List.of(new Line("XA01", "3", "12.50"), new Line("XB01", "1", "40.00"))));
        String msgid = client.msgid();
        FsiTestClient.Reply r = client.send(m.infno(), msgid, m.input());
        assertThat(r.infcode()).as(r.text()).isZero();
        return new Lost(new Settled(m.infno(), msgid, m.input(), r.text(), r.output().get("setlinfo"), null, null), r.bytes());
    }

    /** The hospital sends a lost settlement again with its msgid: the reply it never got, byte for byte. */
    void resend(Lost l) throws IOException {
        Settled s = l.settled();
        FsiTestClient.Reply again = client.send(s.infno(), s.msgid(), s.input());
        assertThat(again.text()).as("the reply to " + s.infno() + " " + s.msgid() + " sent again").isEqualTo(s.replyText());
        assertThat(again.bytes()).as("the same bytes").isEqualTo(l.reply());
        Acked a = new Acked(s.infno(), s.msgid(), s.input(), again.bytes(), System.nanoTime());
        acked.add(a);
        assertThat(flows.put(s.msgid(), new Flow(s, a, null))).isNull();
    }

    /**
     * Waits (at most {@code within}) until {@code settlements} flows are acknowledged and a settlement is on the wire; a
     * client that failed meanwhile fails here. True when both came about.
     */
    boolean awaitSettlingAfter(int settlements, Duration within, List<Future<Integer>> done) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            failFast(done);
            if (flows.size() >= settlements && settling.get() > 0) return true;
            Thread.onSpinWait();
        }
        return false;
    }

    /** Waits for every client thread; their flows in all. */
    int awaitFlows(List<Future<Integer>> done) throws Exception {
        int n = 0;
        for (Future<Integer> f : done) {
            n += f.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000) + 5_000, TimeUnit.MILLISECONDS);
        }
        return n;
    }

    private static void failFast(List<Future<Integer>> done) throws Exception {
        for (Future<Integer> f : done) if (f.isDone()) f.get(); // a client that failed: its error now
        Thread.sleep(5);
    }

    /** The answered messages the server recorded (every one but the dry runs) that satisfy {@code which}. */
    List<Acked> recorded(Predicate<Acked> which) {
        return acked.stream().filter(a -> !DRY_RUNS.contains(a.infno())).filter(which).toList();
    }

    /**
     * Sends every message of {@code messages} again with its msgid, from {@code threads} threads: each must get the
     * bytes it got the first time. The count sent.
     */
    static int resendAll(FsiLoadClient client, Collection<Acked> messages, ExecutorService pool, int threads) throws Exception {
        List<Acked> all = List.copyOf(messages);
        List<Future<?>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int k = t;
            parts.add(pool.submit(() -> {
                for (int i = k; i < all.size(); i += threads) {
                    Acked a = all.get(i);
                    FsiTestClient.Reply again = client.send(a.infno(), a.msgid(), a.input());
                    assertThat(again.text()).as("the reply to %s %s sent again", a.infno(), a.msgid()).isEqualTo(a.text());
                    assertThat(again.bytes()).as("the reply to %s %s: the same bytes", a.infno(), a.msgid()).isEqualTo(a.reply());
                }
                return null;
            }));
        }
        for (Future<?> f : parts) f.get(2, TimeUnit.MINUTES);
        return all.size();
    }

    /**
     * Sends a message and, when no answer comes (connection refused or reset, timeout) or the server answers that it
     * failed and changed nothing, sends it again with the same msgid until it is answered; a business refusal fails.
     * The last answer is kept (one caller per flow, one thread).
     */
    private final class Retrying implements FsiFlows.Caller {
        Acked last;

        @Override
        public Answer call(String infno, JsonNode input) {
            boolean settlement = infno.equals("2207") || infno.equals("2304");
            String msgid = client.msgid();
            String was = "nothing sent";
            for (int attempt = 1; ; attempt++) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(infno + " " + msgid + ": not answered within the test's bound; last: " + was);
                }
                FsiTestClient.Reply r;
                if (settlement) settling.incrementAndGet();
                try {
                    r = client.send(infno, msgid, input);
                } catch (IOException e) {
                    unanswered.incrementAndGet();
                    if (settlement) {
                        unansweredSettlements.incrementAndGet();
                        retriedSettlements.putIfAbsent(msgid, System.currentTimeMillis());
                    }
                    was = e.toString();
                    pause();
                    continue;
                } finally {
                    if (settlement) settling.decrementAndGet();
                }
                was = r.status() + " " + r.text();
                if (r.status() != 200) {
                    if (settlement) retriedSettlements.putIfAbsent(msgid, System.currentTimeMillis());
                    pause();
                    continue;
                }
                int code = r.infcode();
                if (code == 0) {
                    last = new Acked(infno, msgid, input, r.bytes(), System.nanoTime());
                    acked.add(last);
                    return new Answer(msgid, r.text(), r.json());
                }
                // our own failure, nothing changed (a connection lost under the server, the msgid still held): again
                String err = r.errMsg();
                if (code == -1 && (err.contains("internal error") || err.contains("still being processed"))) {
                    if (settlement) retriedSettlements.putIfAbsent(msgid, System.currentTimeMillis());
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
}
