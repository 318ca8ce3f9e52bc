package org.openyibao.platform.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/**
 * The settlement auditor (TigerBeetle style, issue 9): random sequences of 10 to 40 settlements and
 * cancellations go through {@link SettlementService} on a real database, and afterwards the person's
 * accumulators ({@code person_year}), the individual account and the ledger must be exactly as if each
 * cancelled visit had never happened. Shared by the H2 property ({@code SettlementAuditorTest}) and the
 * PostgreSQL samples ({@code SettlementAuditorPostgresSamplesTest}); a failure names the sequence and what
 * each step settled.
 *
 * <h2>The people</h2>
 * {@link SettlementServiceTest#service}'s region (Zhanjiang, the level III hospital H003), its employee P1
 * (an individual account opened with 3,000.00) and resident P2, plus two residents in poverty categories
 * so medical assistance pays and its cap binds: P3 in dire poverty, P4 on the subsistence allowance; a
 * village station V001 (the residents' outpatient card, credited on the first settlement of each year
 * from 2018, rolling over, seed 003 L1031) and a township centre T001 (its 300.00 yearly outpatient limit).
 * Visits fall between 2018 and 2020 in date order per person (the service settles in date order): three
 * calendar years, so a card can skip a year and be credited for two, and 2020 brings the COVID-19
 * emergency cover. Amounts run from a few yuan to 800,000.00 a line so every cap is reached.
 *
 * <h2>What "as if it had never happened" means here</h2>
 * The engine settles a visit with the accumulators of that moment, so a visit settled after one that is
 * later cancelled may have paid differently from the way it would have paid had the cancelled one never
 * existed (a deductible already met, a cap already reached, the card already credited). The honest
 * statement is therefore about the <em>recorded</em> settlements. One part of a settlement is not the visit's
 * to take back: the village card's yearly credit is owed whether or not the visit stands, so a cancellation
 * gives the card back only what it paid and the card keeps the credit and its year ({@code AccumulatorDelta},
 * issue 9 defect 1). For the card, then, a cancelled visit is as if the person had come that day for nothing.
 * The statement is checked four ways, each from something other than the code under test:
 * <ol>
 *   <li><b>Restore, at once.</b> When a cancelled settlement is the person's latest one still standing
 *       (every later settlement of theirs already cancelled, none of their earlier ones cancelled since), the
 *       person's accumulators for every year and their individual account must equal the snapshot read just
 *       before it was settled, the card keeping the credits of the settlements since (from the trace): the
 *       restore path is checked against the state, not against the delta the service stored.</li>
 *   <li><b>Accumulators from the recorded amounts.</b> Every {@code person_year} row (every year) equals what
 *       the surviving settlements' national fields add up to, by the engine's documented meaning of each
 *       accumulator ({@link Accumulator}): {@code hifp_paid} = Σ {@code hifp_pay} of the year (the card's
 *       payments included), {@code large_amount_paid} = Σ {@code hifob_pay}, {@code serious_illness_paid} =
 *       Σ {@code hifmi_pay}, {@code assistance_paid} = Σ {@code maf_pay}, {@code emergency_paid} = Σ
 *       {@code oth_pay}, {@code deductible_paid} = Σ {@code act_pay_dedc} of admissions,
 *       {@code special_deductible_paid} = Σ {@code act_pay_dedc} of special-disease outpatient visits,
 *       {@code township_outpatient_paid} = Σ {@code hifp_pay} at the township centre's outpatient
 *       department; the card, which carries over: {@code card_balance} = Σ, over every settlement up to that
 *       year, of the credit the engine's trace records ({@code outpatient_card_credit}), less Σ, over the
 *       surviving ones, of what the card paid ({@code hifp_pay} at the village station), and
 *       {@code card_year} = the last year a settlement credited the card (0: never); the settlement's own
 *       {@code outpatient_card_credit} and {@code outpatient_card_paid} agree with those. Only the two cumulative bases
 *       ({@code serious_illness_base}, {@code assistance_base}), which no national field records, are summed
 *       from the service's own {@code acc_delta}; check 4 covers them independently.</li>
 *   <li><b>Account and ledger from the recorded amounts.</b> P1's account = 3,000.00 − Σ surviving
 *       {@code acct_pay}; every ledger account's balance equals the opening entry plus, for each surviving
 *       settlement, its fund fields as benefits owed to institutions (pooling ← {@code hifp_pay}, large
 *       amount ← {@code hifob_pay}, serious illness ← {@code hifmi_pay}, civil servant ←
 *       {@code cvlserv_pay}, assistance ← {@code maf_pay}, emergency ← {@code oth_pay}, the accounts ←
 *       {@code acct_pay}), every other account 0; each cancelled settlement's entry has exactly one
 *       reversal, whose lines and account movements are its own negated, and a surviving one none;
 *       {@link LedgerCheck} passes after every cancellation and at the end. Cancelling twice is refused and
 *       changes nothing.</li>
 *   <li><b>Replay.</b> Where the recorded and the "never happened" world must coincide, they are compared
 *       outright. If each of a person's cancellations was of their latest standing settlement (last in, first
 *       out; the generator favours recent ones), every later visit of theirs was settled on what the cancelled
 *       ones left behind, which a correct restore makes what it would have been without them. So only the
 *       surviving settlements are run again, in the same order and on the same dates (a cancelled one that
 *       credited the card by a village visit costing nothing, that day), on a fresh database
 *       (on H2 a copy of a freshly migrated one holding the fixture, made once: Flyway for each of a hundred
 *       databases would take most of the running time). That person's settlements must come out identical
 *       field by field (trace included), and their accumulators for every year and their account equal; when
 *       every person qualifies, so must every ledger balance. This uses nothing but {@code settle} on an
 *       empty database.</li>
 * </ol>
 */
final class SettlementAuditorProperties {
    private SettlementAuditorProperties() {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Loaded once: every try opens two databases. */
    private static final PolicyPacks PACKS = new PolicyPacks(System.getProperty("yibao.policies", "../policies"));
    /** Dates the cancellations' reversals (no year is closed here, so any day will do). */
    private static final java.time.Clock CLOCK = java.time.Clock.systemDefaultZone();

    static final String[] PERSONS = {"P1", "P2", "P3", "P4"};
    static final String EMPLOYEE = "P1";
    static final long OPENING_ACCOUNT = 300_000;
    static final LocalDate FIRST_DAY = LocalDate.of(2018, 1, 1), LAST_DAY = LocalDate.of(2020, 12, 31);
    static final String ADMDVS = "440800";

    /** Where and how a person is seen. */
    enum VisitKind {
        /** an admission at the level III hospital */
        INPATIENT("H003", "inpatient"),
        /** an admission at the township centre */
        TOWNSHIP_INPATIENT("T001", "inpatient"),
        /** a general outpatient visit at the hospital (no pooling; the employee's account pays) */
        OUTPATIENT("H003", "outpatient"),
        /** an outpatient visit for a special disease (hypertension, I10): inpatient rules, a yearly deductible */
        SPECIAL_OUTPATIENT("H003", "outpatient"),
        /** the village station: a resident's outpatient card pays */
        VILLAGE("V001", "outpatient"),
        /** the township centre's outpatient department: the residents' 300.00 yearly limit */
        TOWNSHIP_OUTPATIENT("T001", "outpatient"),
        /** an admission for COVID-19 (U07.1): emergency cover takes the rest from 2020 */
        EMERGENCY("H003", "inpatient");

        final String institution;
        final String type;

        VisitKind(String institution, String type) {
            this.institution = institution;
            this.type = type;
        }
    }

    sealed interface Op permits Settle, Cancel, CancelAgain {}

    /** A fee line: class A, B or C and its amount in fen. */
    record Line(String cls, long fen) {
        @Override
        public String toString() {
            return cls + " " + BigDecimal.valueOf(fen, 2);
        }
    }

    /** Settles a visit of person {@code person} (index into {@link #PERSONS}), {@code days} after their previous one. */
    record Settle(int person, VisitKind kind, int days, List<Line> lines) implements Op {
        @Override
        public String toString() {
            return "Settle(" + PERSONS[person] + ", " + kind + ", +" + days + "d, " + lines + ")";
        }
    }

    /** Cancels the {@code back}-th most recent settlement still standing (0: the latest), if any. */
    record Cancel(int back) implements Op {}

    /** Cancels again an already cancelled settlement (the {@code pick}-th, modulo): refused, nothing changes. */
    record CancelAgain(int pick) implements Op {}

    static Arbitrary<List<Op>> sequences() {
        Arbitrary<Long> fen = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(1, 20_000)),               // up to 200.00
                Tuple.of(3, Arbitraries.longs().between(20_000, 2_000_000)),       // up to 20,000.00
                Tuple.of(2, Arbitraries.longs().between(2_000_000, 80_000_000)));  // up to 800,000.00: caps bind
        Arbitrary<Line> line = Combinators.combine(Arbitraries.frequency(Tuple.of(3, "A"), Tuple.of(2, "B"), Tuple.of(1, "C")), fen)
                .as(Line::new);
        Arbitrary<VisitKind> kind = Arbitraries.frequency(Tuple.of(3, VisitKind.INPATIENT), Tuple.of(1, VisitKind.TOWNSHIP_INPATIENT),
                Tuple.of(1, VisitKind.OUTPATIENT), Tuple.of(1, VisitKind.SPECIAL_OUTPATIENT), Tuple.of(3, VisitKind.VILLAGE),
                Tuple.of(1, VisitKind.TOWNSHIP_OUTPATIENT), Tuple.of(1, VisitKind.EMERGENCY));
        Arbitrary<Integer> days = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(5, Arbitraries.integers().between(1, 60)), Tuple.of(2, Arbitraries.integers().between(61, 400)));
        Arbitrary<Op> settle = Combinators.combine(Arbitraries.integers().between(0, PERSONS.length - 1), kind, days,
                line.list().ofMinSize(1).ofMaxSize(3)).as(Settle::new);
        Arbitrary<Op> cancel = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(0)),
                Tuple.of(3, Arbitraries.integers().between(1, 3)), Tuple.of(1, Arbitraries.integers().between(4, 40))).map(Cancel::new);
        Arbitrary<Op> again = Arbitraries.integers().between(0, 40).map(CancelAgain::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(Tuple.of(6, settle), Tuple.of(3, cancel), Tuple.of(1, again));
        return op.list().ofMinSize(10).ofMaxSize(40).withSizeDistribution(RandomDistribution.uniform());
    }

    // ---------------------------------------------------------------- the world

    /** A database holding the fixture, and the service on it. */
    static final class Db implements AutoCloseable {
        final TestDatabase.Kind kind;
        final JdbcTemplate jdbc;
        final TransactionTemplate tx;
        final SettlementService service;
        private final TestDatabase owned;

        private Db(TestDatabase.Kind kind, JdbcTemplate jdbc, TransactionTemplate tx, SettlementService service, TestDatabase owned) {
            this.kind = kind;
            this.jdbc = jdbc;
            this.tx = tx;
            this.service = service;
            this.owned = owned;
        }

        @Override
        public void close() {
            if (owned != null) owned.close();
            else jdbc.execute("SHUTDOWN");
        }
    }

    private static Path h2Template;

    /**
     * A fresh database holding the fixture. PostgreSQL: {@link TestDatabase#fresh} and the fixture. H2: a new
     * in-memory database loaded from a script of one made that way (once per JVM), since Flyway's migration of
     * each of a property's hundred databases would be most of its running time.
     */
    static Db fresh(TestDatabase.Kind kind) {
        if (kind == TestDatabase.Kind.POSTGRES) {
            TestDatabase db = TestDatabase.fresh(kind);
            try {
                return new Db(kind, db.jdbc, db.tx, db.tx.execute(st -> fixture(db)), db);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
        Path script = h2Template();
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:auditor_" + UUID.randomUUID().toString().replace("-", "")
                + ";" + Migrations.H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("RUNSCRIPT FROM '" + script + "'");
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        return new Db(kind, jdbc, tx, SettlementServiceTest.service(jdbc, tx, PACKS, CLOCK), null);
    }

    private static synchronized Path h2Template() {
        if (h2Template == null) {
            try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.H2)) {
                db.tx.execute(st -> fixture(db));
                Path f = Files.createTempFile("settlement-auditor-", ".sql");
                f.toFile().deleteOnExit();
                db.jdbc.execute("SCRIPT TO '" + f + "'");
                h2Template = f;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h2Template;
    }

    /**
     * {@link SettlementServiceTest#service}'s fixture with two residents in poverty categories, a village station and
     * a township centre. In one transaction, one connection: the test data sources open one per statement.
     */
    private static SettlementService fixture(TestDatabase db) {
        SettlementService service = SettlementServiceTest.service(db, CLOCK, PACKS);
        db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from)"
                + " VALUES ('V001', 'Village Station', 'village', 'clinic', '440800', DATE '2010-01-01'),"
                + " ('T001', 'Township Health Centre', 'township', 'hospital', '440800', DATE '2010-01-01')");
        db.jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                + " ('P3', '440802195503030033', 'Resident Three', '1', DATE '1955-03-03', '440800'),"
                + " ('P4', '440802199007070044', 'Resident Four', '2', DATE '1990-07-07', '440800')");
        db.jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                + " SELECT id, 'resident', '440800', DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no IN ('P3', 'P4')");
        db.jdbc.update("INSERT INTO person_category (person_id, category, valid_from)"
                + " SELECT id, 'dire_poverty', DATE '2009-01-01' FROM person WHERE psn_no = 'P3'");
        db.jdbc.update("INSERT INTO person_category (person_id, category, valid_from)"
                + " SELECT id, 'subsistence_allowance', DATE '2009-01-01' FROM person WHERE psn_no = 'P4'");
        return service;
    }

    /** One settle operation as it ran on the first database. */
    static final class Settled {
        final int step;
        final String psn;
        final VisitKind kind;
        final LocalDate date;
        final JsonNode visit;
        final Map<String, Long> stateBefore;
        String setlId;
        /** The card credit the engine's trace records (fen): kept by a cancellation (AccumulatorDelta, defect 1). */
        long cardCredit;
        int cancelledAt; // 0: standing
        /** False once an earlier settlement of the person is cancelled while this one stands: stateBefore is then stale. */
        boolean stateBeforeHolds = true;

        Settled(int step, String psn, VisitKind kind, LocalDate date, JsonNode visit, Map<String, Long> stateBefore) {
            this.step = step;
            this.psn = psn;
            this.kind = kind;
            this.date = date;
            this.visit = visit;
            this.stateBefore = stateBefore;
        }

        boolean standing() {
            return cancelledAt == 0;
        }
    }

    /** The visit in the calc format (docs/calc.md). */
    static JsonNode visit(VisitKind kind, LocalDate date, List<Line> lines) {
        ObjectNode v = JSON.createObjectNode();
        v.put("date", date.toString());
        v.put("type", kind.type);
        if (kind == VisitKind.SPECIAL_OUTPATIENT) v.putArray("diagnoses").add("I10");
        if (kind == VisitKind.EMERGENCY) {
            v.putArray("diagnoses").add("U07.1");
            v.put("emergency_case", "confirmed");
        }
        ArrayNode ls = v.putArray("lines");
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode l = ls.addObject();
            l.put("class", lines.get(i).cls());
            l.put("amount", BigDecimal.valueOf(lines.get(i).fen(), 2));
            if (kind == VisitKind.EMERGENCY && i == 1) l.put("comorbidity", true); // the fund settles it as usual
        }
        return v;
    }

    // ---------------------------------------------------------------- the run

    /** Runs the sequence and every check; a failure names the sequence and what each step did. */
    static void run(TestDatabase.Kind kind, List<Op> ops) {
        StringBuilder log = new StringBuilder();
        try {
            audit(kind, ops, log);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("settlement auditor on " + kind + " failed: " + e.getMessage()
                    + "\n  sequence: " + ops + "\n  what happened:\n" + log, e);
        }
    }

    private static void audit(TestDatabase.Kind kind, List<Op> ops, StringBuilder log) {
        List<Settled> settled = new ArrayList<>();
        Map<String, Boolean> lastInFirstOut = new LinkedHashMap<>();
        for (String p : PERSONS) lastInFirstOut.put(p, true);
        try (Db db = fresh(kind)) {
            SettlementService service = db.service;
            Map<String, Long> ids = personIds(db);
            Map<String, LocalDate> cursor = new LinkedHashMap<>();
            int step = 0;
            for (Op op : ops) {
                step++;
                if (op instanceof Settle s) {
                    String psn = PERSONS[s.person()];
                    LocalDate date = cursor.getOrDefault(psn, FIRST_DAY).plusDays(s.days());
                    if (date.isAfter(LAST_DAY)) date = LAST_DAY;
                    cursor.put(psn, date);
                    Settled r = new Settled(step, psn, s.kind(), date, visit(s.kind(), date, s.lines()),
                            personState(db, ids.get(psn)));
                    SettlementService.Settled out;
                    try {
                        out = service.settle(psn, s.kind().institution, r.visit);
                    } catch (ApiException e) {
                        throw new AssertionError("step " + step + " " + op + " on " + date + " was refused: " + e.getMessage(), e);
                    }
                    r.setlId = out.setlId();
                    Map<String, Object> row = settlementRow(db, r.setlId);
                    r.cardCredit = new Row(r, row).cardCredit();
                    settled.add(r);
                    log.append("    ").append(step).append(". settle ").append(psn).append(' ').append(s.kind()).append(' ')
                            .append(date).append(' ').append(s.lines()).append(" → ").append(r.setlId).append(' ')
                            .append(amounts(row)).append('\n');
                } else if (op instanceof Cancel c) {
                    List<Settled> standing = settled.stream().filter(Settled::standing).toList();
                    if (standing.isEmpty()) {
                        log.append("    ").append(step).append(". cancel: nothing standing\n");
                        continue;
                    }
                    Settled x = standing.get(standing.size() - 1 - c.back() % standing.size());
                    // the person's latest standing settlement: their state must be what it was before it
                    boolean latest = settled.stream().noneMatch(o -> o.psn.equals(x.psn) && o.step > x.step && o.standing());
                    if (!latest) {
                        lastInFirstOut.put(x.psn, false);
                        for (Settled o : settled) if (o.psn.equals(x.psn) && o.step > x.step) o.stateBeforeHolds = false;
                    }
                    service.cancel(x.setlId);
                    x.cancelledAt = step;
                    log.append("    ").append(step).append(". cancel ").append(x.setlId).append(" (step ").append(x.step)
                            .append(", ").append(x.psn).append(latest ? ", their latest standing" : ", not their latest standing")
                            .append(")\n");
                    if (latest && x.stateBeforeHolds) {
                        same(personState(db, ids.get(x.psn)), withCardCredits(x.stateBefore, settled, x), "step " + step
                                + ": cancelling " + x.setlId + " (step " + x.step + ", " + x.psn + "'s latest standing settlement)"
                                + " must restore " + x.psn + "'s accumulators and account to what they were before step " + x.step
                                + ", the card keeping the credits of the years since");
                    }
                } else if (op instanceof CancelAgain a) {
                    List<Settled> cancelled = settled.stream().filter(o -> !o.standing()).toList();
                    if (cancelled.isEmpty()) {
                        log.append("    ").append(step).append(". cancel again: nothing cancelled\n");
                        continue;
                    }
                    Settled x = cancelled.get(a.pick() % cancelled.size());
                    String before = everything(db);
                    int at = step;
                    assertThatThrownBy(() -> service.cancel(x.setlId)).as("step %d: cancelling %s a second time", at, x.setlId)
                            .isInstanceOf(ApiException.class).hasMessageContaining("already cancelled");
                    assertThat(everything(db)).as("step %d: a refused second cancellation of %s changed something", step,
                            x.setlId).isEqualTo(before);
                    log.append("    ").append(step).append(". cancel ").append(x.setlId).append(" again: refused\n");
                }
                if (!(op instanceof Settle)) { // after each cancellation (settlements' entries: at the end, with theirs)
                    LedgerCheck.Result check = new LedgerCheck(db.jdbc).run();
                    assertThat(check.violations()).as("ledger check after step %d %s", step, op).isEmpty();
                }
            }
            assertThat(new LedgerCheck(db.jdbc).run().violations()).as("ledger check at the end").isEmpty();

            // read in one transaction (one connection)
            db.tx.executeWithoutResult(st -> accumulatorsFromRecordedAmounts(db, ids, settled));
            db.tx.executeWithoutResult(st -> accountAndLedgerFromRecordedAmounts(db, ids, settled));
            replay(kind, db, ids, settled, lastInFirstOut, log);
        }
    }

    /**
     * The state before {@code x} with the card credits of {@code x} and of the person's settlements after it (all
     * cancelled by now) kept: each adds its credit to the card from its year on, and makes that year the card's.
     */
    private static Map<String, Long> withCardCredits(Map<String, Long> before, List<Settled> settled, Settled x) {
        Map<String, Long> out = new TreeMap<>(before);
        for (Settled z : settled) {
            if (!z.psn.equals(x.psn) || z.step < x.step || z.cardCredit == 0) continue;
            for (int year = z.date.getYear(); year <= LAST_DAY.getYear() + 1; year++) {
                out.merge(year + " card_balance", z.cardCredit, Long::sum);
                out.put(year + " card_year", (long) z.date.getYear());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- check 2: accumulators

    private static void accumulatorsFromRecordedAmounts(Db db, Map<String, Long> ids, List<Settled> settled) {
        for (String psn : PERSONS) {
            List<Row> all = new ArrayList<>(), mine = new ArrayList<>();
            for (Settled s : settled) {
                if (!s.psn.equals(psn)) continue;
                Row r = new Row(s, settlementRow(db, s.setlId));
                all.add(r);
                if (s.standing()) mine.add(r);
                // the service keeps the card's part with the settlement: as the engine's trace and hifp_pay say
                assertThat(r.fen("outpatient_card_credit")).as("%s (step %d) outpatient_card_credit against its trace",
                        s.setlId, s.step).isEqualTo(r.cardCredit());
                assertThat(r.fen("outpatient_card_paid")).as("%s (step %d) outpatient_card_paid against its hifp_pay at the"
                        + " village station", s.setlId, s.step).isEqualTo(r.cardPaid());
            }
            List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT * FROM person_year WHERE person_id = ?"
                    + " ORDER BY fiscal_year", ids.get(psn));
            for (Row r : mine) {
                int year = r.s.date.getYear();
                assertThat(rows).as("%s has a person_year row for %d, the year of standing settlement %s", psn, year, r.s.setlId)
                        .anyMatch(row -> ((Number) row.get("fiscal_year")).intValue() == year);
            }
            for (Map<String, Object> row : rows) {
                int year = ((Number) row.get("fiscal_year")).intValue();
                Map<String, Long> expected = new TreeMap<>(), actual = new TreeMap<>();
                for (Accumulator a : Accumulator.values()) {
                    if (a.inPersonYear()) actual.put(a.column(), ((Number) row.get(a.column())).longValue());
                }
                List<Row> inYear = mine.stream().filter(r -> r.s.date.getYear() == year).toList();
                expected.put("hifp_paid", sum(inYear, r -> r.fen("hifp_pay")));
                expected.put("deductible_paid", sum(inYear, r -> r.s.kind.type.equals("inpatient") ? r.fen("act_pay_dedc") : 0));
                expected.put("special_deductible_paid", sum(inYear,
                        r -> r.s.kind == VisitKind.SPECIAL_OUTPATIENT ? r.fen("act_pay_dedc") : 0));
                expected.put("township_outpatient_paid", sum(inYear,
                        r -> r.s.kind == VisitKind.TOWNSHIP_OUTPATIENT ? r.fen("hifp_pay") : 0));
                expected.put("large_amount_paid", sum(inYear, r -> r.fen("hifob_pay")));
                expected.put("serious_illness_paid", sum(inYear, r -> r.fen("hifmi_pay")));
                expected.put("assistance_paid", sum(inYear, r -> r.fen("maf_pay")));
                expected.put("emergency_paid", sum(inYear, r -> r.fen("oth_pay")));
                // no national field records the cumulative bases: the service's own delta (check 4 covers them)
                expected.put("serious_illness_base", sum(inYear, r -> r.delta("serious_illness_base")));
                expected.put("assistance_base", sum(inYear, r -> r.delta("assistance_base")));
                // the card carries over: up to this year, every credit (a cancellation keeps it: the year's credit is
                // owed whether or not the visit stands) less what the standing settlements had the card pay
                List<Row> upTo = mine.stream().filter(r -> r.s.date.getYear() <= year).toList();
                List<Row> creditsUpTo = all.stream().filter(r -> r.s.date.getYear() <= year).toList();
                expected.put("card_balance", sum(creditsUpTo, Row::cardCredit) - sum(upTo, Row::cardPaid));
                expected.put("card_year", (long) creditsUpTo.stream().filter(r -> r.cardCredit() > 0)
                        .mapToInt(r -> r.s.date.getYear()).max().orElse(0));
                same(actual, expected, psn + "'s person_year " + year + " against the recorded amounts of the standing"
                        + " settlements " + upTo.stream().map(r -> r.s.setlId + " (step " + r.s.step + ")").toList());
            }
        }
    }

    /** A standing settlement and its row in the settlement table. */
    private record Row(Settled s, Map<String, Object> row) {
        long fen(String field) {
            return ((Number) row.get(field)).longValue();
        }

        long delta(String accumulator) {
            try {
                JsonNode d = JSON.readTree((String) row.get("acc_delta"));
                return d.path(accumulator).asLong(0);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** What the card paid: all of {@code hifp_pay} at the village station (VillageOutpatient), nothing elsewhere. */
        long cardPaid() {
            return s.kind == VisitKind.VILLAGE ? fen("hifp_pay") : 0;
        }

        /** The card credit the engine's trace records for this settlement (fen), 0 when none. */
        long cardCredit() {
            try {
                long credit = 0;
                for (JsonNode t : JSON.readTree((String) row.get("trace"))) {
                    if ("outpatient_card_credit".equals(t.path("rule").asText())) {
                        credit += t.get("amount").decimalValue().movePointRight(2).longValueExact();
                    }
                }
                return credit;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static long sum(List<Row> rows, java.util.function.ToLongFunction<Row> f) {
        return rows.stream().mapToLong(f).sum();
    }

    // ---------------------------------------------------------------- check 3: account and ledger

    /** Fund → the settlement field it pays (REFERENCE §3), written out here rather than read from the code under test. */
    private static final Map<String, String> FUND_FIELDS = Map.of("pooling", "hifp_pay", "large_amount", "hifob_pay",
            "serious_illness", "hifmi_pay", "civil_servant", "cvlserv_pay", "assistance", "maf_pay", "emergency", "oth_pay");

    private static void accountAndLedgerFromRecordedAmounts(Db db, Map<String, Long> ids, List<Settled> settled) {
        Map<String, Long> spent = new LinkedHashMap<>();
        Map<String, Long> expected = new TreeMap<>();
        // the fixture's opening entry: Dr individual_accounts:bank, Cr individual_accounts:holders
        expected.merge(ADMDVS + ":individual_accounts:bank", OPENING_ACCOUNT, Long::sum);
        expected.merge(ADMDVS + ":individual_accounts:holders", -OPENING_ACCOUNT, Long::sum);
        for (Settled s : settled) {
            Map<String, Object> row = settlementRow(db, s.setlId);
            if (s.standing()) {
                assertThat(row.get("status")).as("%s (step %d) is standing", s.setlId, s.step).isEqualTo("settled");
                assertThat(row.get("cancel_entry_id")).as("%s (step %d) has no cancellation entry", s.setlId, s.step).isNull();
                if (row.get("entry_id") != null) {
                    assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE reverses_entry_id = ?",
                            Long.class, row.get("entry_id"))).as("reversals of standing %s's entry", s.setlId).isZero();
                }
                FUND_FIELDS.forEach((fund, field) -> {
                    long fen = ((Number) row.get(field)).longValue();
                    expected.merge(ADMDVS + ":" + fund + ":benefits", fen, Long::sum);
                    expected.merge(ADMDVS + ":" + fund + ":payable_institutions", -fen, Long::sum);
                });
                long acct = ((Number) row.get("acct_pay")).longValue();
                expected.merge(ADMDVS + ":individual_accounts:holders", acct, Long::sum);
                expected.merge(ADMDVS + ":individual_accounts:payable_institutions", -acct, Long::sum);
                spent.merge(s.psn, acct, Long::sum);
            } else {
                assertThat(row.get("status")).as("%s (step %d) was cancelled at step %d", s.setlId, s.step, s.cancelledAt)
                        .isEqualTo("cancelled");
                reversalMirrors(db, s, row);
            }
        }
        for (String psn : PERSONS) {
            long opening = psn.equals(EMPLOYEE) ? OPENING_ACCOUNT : 0;
            assertThat(account(db, ids.get(psn))).as("%s's individual account = %d − Σ standing acct_pay", psn, opening)
                    .isEqualTo(opening - spent.getOrDefault(psn, 0L));
        }
        Map<String, Long> actual = new TreeMap<>();
        for (Map<String, Object> a : db.jdbc.queryForList("SELECT code, balance_fen FROM ledger_account")) {
            long b = ((Number) a.get("balance_fen")).longValue();
            if (b != 0) actual.put(((String) a.get("code")).trim(), b);
        }
        expected.values().removeIf(v -> v == 0);
        same(actual, expected, "ledger balances against the opening entry and the standing settlements' recorded fund fields");
    }

    /** The cancelled settlement's entry is reversed once, by its cancellation entry, line for line and movement for movement. */
    private static void reversalMirrors(Db db, Settled s, Map<String, Object> row) {
        Object entry = row.get("entry_id"), cancel = row.get("cancel_entry_id");
        if (entry == null) {
            assertThat(cancel).as("%s posted nothing, so its cancellation posts nothing", s.setlId).isNull();
            return;
        }
        assertThat(cancel).as("%s's cancellation entry", s.setlId).isNotNull();
        assertThat(db.jdbc.queryForList("SELECT id FROM journal_entry WHERE reverses_entry_id = ?", Long.class, entry))
                .as("entries reversing %s's entry %s", s.setlId, entry).containsExactly(((Number) cancel).longValue());
        assertThat(lines(db, cancel, true)).as("%s's cancellation entry %s mirrors entry %s", s.setlId, cancel, entry)
                .isEqualTo(lines(db, entry, false));
        assertThat(movements(db, cancel, true)).as("%s's cancellation gives back the account movements of entry %s", s.setlId,
                entry).isEqualTo(movements(db, entry, false));
    }

    private static List<String> lines(Db db, Object entry, boolean swap) {
        return db.jdbc.query("SELECT a.code, l.debit_fen, l.credit_fen FROM journal_line l JOIN ledger_account a ON a.id = l.account_id"
                + " WHERE l.entry_id = ?", (rs, i) -> rs.getString(1).trim() + " Dr " + rs.getLong(swap ? 3 : 2) + " Cr "
                + rs.getLong(swap ? 2 : 3), entry).stream().sorted().toList();
    }

    private static List<String> movements(Db db, Object entry, boolean negate) {
        return db.jdbc.query("SELECT person_id, amount_fen FROM individual_account_movement WHERE entry_id = ?",
                (rs, i) -> rs.getLong(1) + " " + (negate ? -rs.getLong(2) : rs.getLong(2)), entry).stream().sorted().toList();
    }

    // ---------------------------------------------------------------- check 4: replay

    private static final List<String> COMPARED = List.of("visit_date", "visit_type", "level", "fiscal_year", "medfee_sumamt",
            "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt", "act_pay_dedc", "hifp_pay",
            "pool_prop_selfpay", "cvlserv_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay", "fund_pay_sumamt", "acct_pay",
            "psn_cash_pay", "psn_part_amt", "hosp_part_amt", "balc", "eligible", "reason", "reason_words", "trace", "acc_delta",
            "outpatient_card_credit", "outpatient_card_paid");

    private static void replay(TestDatabase.Kind kind, Db d1, Map<String, Long> ids1, List<Settled> settled,
                               Map<String, Boolean> lastInFirstOut, StringBuilder log) {
        boolean everyone = !lastInFirstOut.containsValue(false);
        log.append("    replay of the standing settlements on a fresh database for ")
                .append(lastInFirstOut.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList())
                .append(everyone ? " and the whole ledger" : "").append('\n');
        try (Db d2 = fresh(kind)) {
            SettlementService service = d2.service;
            Map<String, Long> ids2 = personIds(d2);
            Map<Settled, String> again = new LinkedHashMap<>();
            for (Settled s : settled) {
                if (s.standing()) {
                    again.put(s, service.settle(s.psn, s.kind.institution, s.visit).setlId());
                } else if (s.cardCredit > 0) {
                    // the card keeps a cancelled visit's credit: as if the person had come that day for nothing
                    service.settle(s.psn, VisitKind.VILLAGE.institution, visit(VisitKind.VILLAGE, s.date, List.of(new Line("A", 0))));
                }
            }
            // read both databases each in one transaction (one connection)
            d1.tx.executeWithoutResult(t1 -> d2.tx.executeWithoutResult(t2 -> {
                again.forEach((s, id) -> {
                    if (!lastInFirstOut.get(s.psn)) return;
                    Map<String, Object> a = settlementRow(d1, s.setlId), b = settlementRow(d2, id);
                    for (String f : COMPARED) {
                        assertThat(String.valueOf(a.get(f))).as("replay: %s (step %d, %s) field %s against the same visit"
                                + " settled without the cancelled ones", s.setlId, s.step, s.psn, f).isEqualTo(String.valueOf(b.get(f)));
                    }
                });
                for (String psn : PERSONS) {
                    if (!lastInFirstOut.get(psn)) continue;
                    same(personStateInTransaction(d1, ids1.get(psn)), personStateInTransaction(d2, ids2.get(psn)), "replay: "
                            + psn + "'s accumulators and account against the standing settlements alone");
                }
                if (everyone) {
                    same(balances(d1), balances(d2), "replay: every ledger balance against the standing settlements alone");
                }
            }));
            assertThat(new LedgerCheck(d2.jdbc).run().violations()).as("ledger check of the replay").isEmpty();
        }
    }

    /** Fails naming only the entries that differ: "2018 card_year: expected 0, was 2018". */
    static void same(Map<String, Long> actual, Map<String, Long> expected, String what) {
        List<String> diff = new ArrayList<>();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            Long e = expected.getOrDefault(k, 0L), a = actual.getOrDefault(k, 0L);
            if (!e.equals(a)) diff.add(k + ": expected " + e + ", was " + a);
        }
        if (!diff.isEmpty()) throw new AssertionError(what + ": " + String.join("; ", diff));
    }

    // ---------------------------------------------------------------- reading the database

    static Map<String, Long> personIds(Db db) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String p : PERSONS) ids.put(p, db.jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, p));
        return ids;
    }

    /**
     * What the service would read for the person in each year of the range and the next: the latest
     * person_year row up to that year, its yearly totals zero when the row is of an earlier year; and the
     * individual account. Equal states settle every later visit alike, whichever rows exist.
     */
    static Map<String, Long> personState(Db db, long personId) {
        return db.tx.execute(st -> personStateInTransaction(db, personId));
    }

    private static Map<String, Long> personStateInTransaction(Db db, long personId) {
        List<Map<String, Object>> rows = db.jdbc.queryForList("SELECT * FROM person_year WHERE person_id = ? ORDER BY fiscal_year",
                personId);
        Map<String, Long> out = new TreeMap<>();
        for (int year = FIRST_DAY.getYear(); year <= LAST_DAY.getYear() + 1; year++) {
            Map<String, Object> latest = null;
            for (Map<String, Object> r : rows) if (((Number) r.get("fiscal_year")).intValue() <= year) latest = r;
            int rowYear = latest == null ? 0 : ((Number) latest.get("fiscal_year")).intValue();
            for (Accumulator a : Accumulator.values()) {
                if (!a.inPersonYear()) continue;
                boolean zero = latest == null || (a.span() == Accumulator.Span.YEAR && rowYear != year);
                out.put(year + " " + a.column(), zero ? 0 : ((Number) latest.get(a.column())).longValue());
            }
        }
        out.put("individual account", account(db, personId));
        return out;
    }

    static long account(Db db, long personId) {
        List<Long> b = db.jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class, personId);
        return b.isEmpty() ? 0 : b.get(0);
    }

    static Map<String, Long> balances(Db db) {
        Map<String, Long> out = new TreeMap<>();
        for (Map<String, Object> a : db.jdbc.queryForList("SELECT code, balance_fen FROM ledger_account")) {
            out.put(((String) a.get("code")).trim(), ((Number) a.get("balance_fen")).longValue());
        }
        return out;
    }

    static Map<String, Object> settlementRow(Db db, String setlId) {
        return db.jdbc.queryForMap("SELECT * FROM settlement WHERE setl_id = ?", setlId);
    }

    /** Everything a refused cancellation must leave as it was. */
    static String everything(Db db) {
        return db.tx.execute(st -> everythingInTransaction(db));
    }

    private static String everythingInTransaction(Db db) {
        StringBuilder b = new StringBuilder();
        b.append(balances(db)).append(';');
        b.append(db.jdbc.queryForList("SELECT * FROM person_year ORDER BY person_id, fiscal_year")).append(';');
        b.append(db.jdbc.queryForList("SELECT person_id, balance_fen FROM individual_account ORDER BY person_id")).append(';');
        b.append(db.jdbc.queryForList("SELECT setl_id, status, cancel_entry_id FROM settlement ORDER BY id")).append(';');
        for (String t : new String[] {"journal_entry", "journal_line", "individual_account_movement"}) {
            b.append(t).append('=').append(db.jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).append(';');
        }
        return b.toString();
    }

    /** A settlement's payers, for the log. */
    private static String amounts(Map<String, Object> r) {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("medfee_sumamt", "act_pay_dedc", "hifp_pay", "hifob_pay", "hifmi_pay", "maf_pay", "oth_pay",
                "acct_pay", "psn_cash_pay")) {
            long v = ((Number) r.get(f)).longValue();
            if (v != 0 || f.equals("medfee_sumamt")) b.append(f).append('=').append(BigDecimal.valueOf(v, 2)).append(' ');
        }
        long credit = new Row(null, r).cardCredit();
        if (credit != 0) b.append("card_credit=").append(BigDecimal.valueOf(credit, 2)).append(' ');
        long paid = ((Number) r.get("outpatient_card_paid")).longValue();
        if (paid != 0) b.append("card_paid=").append(BigDecimal.valueOf(paid, 2)).append(' ');
        b.append("acc_delta=").append(r.get("acc_delta"));
        return b.toString();
    }
}
