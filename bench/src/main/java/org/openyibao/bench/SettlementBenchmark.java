package org.openyibao.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.Visit;

/**
 * Throughput of {@link SettlementEngine#settle} on one core (docs/benchmarks.md).
 *
 * <p>Target (issue): one 20-line inpatient settlement, at least 500,000 settlements/s on one
 * core with the trace off and 100,000/s with it on.
 *
 * <p>The state loads the Zhanjiang pack once, takes the rules in force on 2018-06-01 and builds
 * 64 different resident admissions at a level III hospital, each of 20 fee lines (bed, ICU,
 * nursing, tests, drugs of class A and B with self-pay-first ratios, a coronary stent above its
 * price limit, an out-of-catalogue class C line), with 64 different persons and year-to-date
 * accumulators: poverty categories (medical assistance), cumulative self-pay below, inside and
 * above the serious-illness bands, a few near the basic annual cap. The benchmark methods walk
 * through them in turn so the JIT cannot fold a single case to a constant; the Settlement is
 * returned so JMH consumes it.
 *
 * <p>How to run, from the repository root:
 * <pre>
 *   mvn -B -q package -pl bench -am -DskipTests
 *   java -jar bench/target/benchmarks.jar -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
 *   java -jar bench/target/benchmarks.jar SettlementBenchmark.settleTraceOff -prof gc   # allocation per settlement
 * </pre>
 * The pack is read from {@code -Dyibao.policies=DIR} ({@code DIR/zhanjiang}), else from
 * {@code policies/zhanjiang} or {@code ../policies/zhanjiang} of the working directory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class SettlementBenchmark {

    /** Number of distinct cases; a power of two so the rotation is a mask. */
    static final int CASES = 64;
    static final LocalDate DAY = LocalDate.of(2018, 6, 1);

    Rules rules;
    final Person[] inPersons = new Person[CASES];
    final Visit[] inVisits = new Visit[CASES];
    final Accumulators[] inBefore = new Accumulators[CASES];
    final Person[] outPersons = new Person[CASES];
    final Visit[] outVisits = new Visit[CASES];
    final Accumulators[] outBefore = new Accumulators[CASES];
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        rules = PackLoader.load(packDir()).asOf(DAY);
        SplittableRandom rnd = new SplittableRandom(20180601L);
        for (int i = 0; i < CASES; i++) {
            inPersons[i] = resident(i, rnd);
            inVisits[i] = admission(i, rnd);
            inBefore[i] = inpatientYearToDate(i, inPersons[i].category(), rnd);
            outPersons[i] = resident(i + 7, rnd);
            outVisits[i] = outpatient(i, rnd);
            outBefore[i] = outpatientYearToDate(i, rnd);
        }
        check();
    }

    @Benchmark
    public Settlement settleTraceOff() {
        int i = next++ & (CASES - 1);
        return SettlementEngine.settle(rules, inPersons[i], inVisits[i], inBefore[i], false);
    }

    @Benchmark
    public Settlement settleTraceOn() {
        int i = next++ & (CASES - 1);
        return SettlementEngine.settle(rules, inPersons[i], inVisits[i], inBefore[i], true);
    }

    /** A resident's outpatient visit (township health centre or village station), 3-5 lines. */
    @Benchmark
    public Settlement outpatientTraceOff() {
        int i = next++ & (CASES - 1);
        return SettlementEngine.settle(rules, outPersons[i], outVisits[i], outBefore[i], false);
    }

    // ---------------------------------------------------------------- the cases

    static Path packDir() {
        String root = System.getProperty("yibao.policies");
        List<Path> tried = new ArrayList<>();
        if (root != null) tried.add(Path.of(root, "zhanjiang"));
        tried.add(Path.of("policies", "zhanjiang"));
        tried.add(Path.of("..", "policies", "zhanjiang"));
        for (Path p : tried) if (Files.isDirectory(p)) return p;
        throw new IllegalStateException("Zhanjiang pack not found in " + tried
                + " (run from the repository root or pass -Dyibao.policies=DIR)");
    }

    /** Most residents are general; one in eight of each poverty category (serious-illness bands and assistance differ). */
    static Person resident(int i, SplittableRandom rnd) {
        Category cat = switch (i % 8) {
            case 1 -> Category.DOCUMENTED_POOR;
            case 3 -> Category.SUBSISTENCE_ALLOWANCE;
            case 5 -> Category.DIRE_POVERTY;
            default -> Category.GENERAL;
        };
        LocalDate born = LocalDate.of(1940 + rnd.nextInt(45), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        LocalDate enrolled = LocalDate.of(2009 + rnd.nextInt(8), 1 + rnd.nextInt(12), 1);
        return new Person(Scheme.RESIDENT, cat, Employment.IN_SERVICE, born, enrolled, Contribution.CONTRIBUTION_1,
                true, false);
    }

    /** Yuan (two decimals at most) to fen, scaled by {@code f} and kept to whole fen. */
    static long fen(double yuan, double f) {
        return Math.round(yuan * f * 100);
    }

    /**
     * A coronary-care admission at a level III hospital, 20 lines, about 18,000-30,000 yuan:
     * codes from the pack's catalogue where it has them (F001 bed, F006 ICU, F002 CT, F003 stent,
     * XA/XB drugs, XC01), the rest as a hospital would bill them.
     */
    static Visit admission(int i, SplittableRandom rnd) {
        int days = 5 + rnd.nextInt(12);
        int icuDays = rnd.nextInt(4);
        double f = 0.75 + rnd.nextDouble() * 0.5; // this hospital stay's intensity
        long stent = fen(9_200 + rnd.nextInt(1_600), 1);
        long stentLimit = Money.fen("8000.00");
        long ceftriaxone = fen(14.00 * (6 + rnd.nextInt(10)), 1); // charged 14.00 a vial, price limit 12.00
        long ceftriaxoneOver = ceftriaxone / 7;
        FeeLine[] lines = {
                line("F001", LineClass.A, fen(50.00 * days, 1)),                       // bed 50.00 a day
                line("F006", LineClass.A, fen(600.00 * Math.max(1, icuDays), 1)),      // ICU monitoring
                line("N001", LineClass.A, fen(30.00 * days, 1)),                       // grade I nursing
                line("F002", LineClass.A, fen(180.00, 1)),                             // CT plain scan
                line("L001", LineClass.A, fen(386.50, f)),                             // blood tests, troponin, lipids
                line("E001", LineClass.A, fen(25.00 * days, 1)),                       // ECG monitoring
                line("U001", LineClass.A, fen(280.00, 1)),                             // cardiac ultrasound
                line("S001", LineClass.A, fen(3_500.00, 1)),                           // coronary angiography
                line("S002", LineClass.A, fen(2_800.00, f)),                           // PCI procedure fee
                line("XA02", LineClass.A, fen(1.20 * 30, 1)),                          // aspirin
                line("XA01", LineClass.A, fen(18.60, f)),                              // amoxicillin
                line("O001", LineClass.A, fen(4.00 * 24 * Math.max(1, icuDays), 1)),  // oxygen
                new FeeLine("F003", LineClass.B, stent, 200_000, stent - stentLimit, false), // stent above its price limit
                new FeeLine("XB01", LineClass.B, fen(7.00 * (days + 30), 1), 100_000, 0, false), // atorvastatin
                new FeeLine("XB02", LineClass.B, fen(14.00 * (days + 30), 1), 150_000, 0, false), // clopidogrel
                new FeeLine("XB03", LineClass.B, ceftriaxone, 100_000, ceftriaxoneOver, false),   // ceftriaxone, over limit
                new FeeLine("B001", LineClass.B, fen(186.00, f), -1, 0, false),        // heparin: the pack's default ratio
                new FeeLine("B002", LineClass.B, fen(650.00, f), -1, 0, false),        // guide wire, sheath: default ratio
                new FeeLine("B003", LineClass.B, fen(900.00, f), 50_000, 0, false),    // anaesthesia and monitoring
                line("XC01", LineClass.C, fen(680.00, f)),                             // imported nutrition solution
        };
        String[] dx = i % 4 == 0 ? new String[] {"I21.0", "I10"} : new String[] {"I21.0"};
        return new Visit(DAY.plusDays(i % 28), VisitType.INPATIENT, org.openyibao.engine.policy.Level.LEVEL3, dx,
                EmergencyCase.NONE, lines);
    }

    static FeeLine line(String code, LineClass c, long fen) {
        return new FeeLine(code, c, fen, -1, 0, false);
    }

    /**
     * Year-to-date totals before the admission: earlier admissions this year that put the
     * cumulative in-scope self-pay anywhere from nothing to past the top serious-illness band
     * (20,000 / 50,000 / 80,000 / 100,000 yuan), and a few near the basic 200,000 cap.
     */
    static Accumulators inpatientYearToDate(int i, Category cat, SplittableRandom rnd) {
        long siBase = switch (i % 6) {
            case 0 -> 0;
            case 1 -> fen(3_000 + rnd.nextInt(5_000), 1);
            case 2 -> fen(15_000 + rnd.nextInt(10_000), 1);  // crosses 20,000
            case 3 -> fen(45_000 + rnd.nextInt(10_000), 1);  // crosses 50,000
            case 4 -> fen(75_000 + rnd.nextInt(10_000), 1);  // crosses 80,000
            default -> fen(98_000 + rnd.nextInt(30_000), 1); // the top band
        };
        long hifp = i % 16 == 15 ? fen(195_000 + rnd.nextInt(5_000), 1) : siBase; // pooling ≈ self-pay at 50%
        long ded = siBase > 0 ? fen(500, 1) : 0;
        long siPaid = siBase > fen(20_000, 1) ? (siBase - fen(20_000, 1)) / 2 : 0;
        long maBase = cat == Category.GENERAL ? 0 : Math.max(0, siBase - siPaid);
        long maPaid = maBase * 8 / 10 > fen(50_000, 1) ? fen(50_000, 1) : maBase * 8 / 10;
        return Accumulators.builder(2018).set(Accumulator.POOLING_PAID, hifp).set(Accumulator.DEDUCTIBLE_PAID, ded)
                .set(Accumulator.SERIOUS_ILLNESS_BASE, siBase).set(Accumulator.SERIOUS_ILLNESS_PAID, siPaid)
                .set(Accumulator.ASSISTANCE_BASE, maBase).set(Accumulator.ASSISTANCE_PAID, maPaid)
                .set(Accumulator.CARD_BALANCE, fen(20, 1)).set(Accumulator.CARD_YEAR, 2018).build();
    }

    /** A township health centre visit (3-5 lines) or, one in four, a village station visit paid from the card. */
    static Visit outpatient(int i, SplittableRandom rnd) {
        boolean village = i % 4 == 3;
        int n = 3 + rnd.nextInt(3);
        FeeLine[] lines = new FeeLine[n];
        lines[0] = line("C001", LineClass.A, fen(village ? 5.00 : 12.00, 1));   // consultation
        lines[1] = line("XA01", LineClass.A, fen(18.60 * (1 + rnd.nextInt(3)), 1));
        lines[2] = new FeeLine("XB01", LineClass.B, fen(7.00 * (7 + rnd.nextInt(21)), 1), 100_000, 0, false);
        if (n > 3) lines[3] = line("L001", LineClass.A, fen(45.00 + rnd.nextInt(60), 1));
        if (n > 4) lines[4] = line("XC01", LineClass.C, fen(30.00 + rnd.nextInt(50), 1));
        return new Visit(DAY.plusDays(i % 28), VisitType.OUTPATIENT,
                village ? org.openyibao.engine.policy.Level.VILLAGE : org.openyibao.engine.policy.Level.TOWNSHIP,
                new String[] {i % 2 == 0 ? "J06.9" : "K29.7"}, EmergencyCase.NONE, lines);
    }

    static Accumulators outpatientYearToDate(int i, SplittableRandom rnd) {
        long township = fen(rnd.nextInt(320), 1); // some past the 300-yuan yearly limit
        long card = fen(rnd.nextInt(25), 1);
        return Accumulators.builder(2018).set(Accumulator.POOLING_PAID, township)
                .set(Accumulator.TOWNSHIP_OUTPATIENT_PAID, township).set(Accumulator.CARD_BALANCE, card)
                .set(Accumulator.CARD_YEAR, i % 8 == 0 ? 2017 : 2018).build();
    }

    /** Fails fast if the cases do not exercise what they are meant to (and warms nothing: JMH does that). */
    void check() {
        int serious = 0, assisted = 0, capped = 0;
        for (int i = 0; i < CASES; i++) {
            if (inVisits[i].lines().length != 20) throw new IllegalStateException("admission " + i + " is not 20 lines");
            Settlement s = SettlementEngine.settle(rules, inPersons[i], inVisits[i], inBefore[i], true);
            if (!s.eligible()) throw new IllegalStateException("admission " + i + " not eligible: " + s.ineligibleReason());
            if (s.hifmiPay() > 0) serious++;
            if (s.mafPay() > 0) assisted++;
            if (s.hifpPay() < Money.applyRatio(s.inscpScpAmt() - s.actPayDedc(), s.poolPropSelfpay())) capped++;
            SettlementEngine.settle(rules, outPersons[i], outVisits[i], outBefore[i], true);
        }
        if (serious == 0 || assisted == 0 || capped == 0) {
            throw new IllegalStateException("cases do not reach every tier: serious illness " + serious
                    + ", assistance " + assisted + ", capped " + capped);
        }
    }
}
