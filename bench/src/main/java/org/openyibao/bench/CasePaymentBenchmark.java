package org.openyibao.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.CaseToPay;
import org.openyibao.engine.casepay.DipCaseScore;
import org.openyibao.engine.casepay.DipHospitalYear;
import org.openyibao.engine.casepay.DipYearEnd;
import org.openyibao.engine.casepay.DrgCasePayment;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.GroupStep;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.Scheme;

/**
 * Throughput of paying one grouped case by DRG and scoring it by DIP, and of a DIP year-end (docs/benchmarks.md,
 * docs/case-payment.md). Target (issue 14): a year of Zhanjiang-size inpatient cases (about 1.5 million) grouped and
 * paid within the batch year's 60 s, i.e. well above 25,000 cases/s for the payment alone.
 *
 * <p>The state loads the Zhanjiang pack once, takes the case payment rules in force on 2022-06-01 and builds 64 cases
 * of groups with weights 0.5-5.5 at every level, with costs from a quarter to six times the group's average, so that
 * every rule (standard, high and low outlier, special review, emergency, no group) is taken; the methods walk through
 * them in turn. {@code dipYearEnd} shares a budget among 300 hospital-scheme rows.
 *
 * <pre>
 *   mvn -B -q package -pl bench -am -DskipTests
 *   java -jar bench/target/benchmarks.jar CasePaymentBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -t 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class CasePaymentBenchmark {
    static final int CASES = 64;

    CasePaymentRules rules;
    final CaseToPay[] drg = new CaseToPay[CASES];
    final CaseToPay[] dip = new CaseToPay[CASES];
    final List<DipHospitalYear> hospitals = new ArrayList<>();
    final Map<Scheme, Long> budgets = new EnumMap<>(Scheme.class);
    int next;

    @Setup
    public void setup() {
        rules = CasePaymentRules.of(PackLoader.load(SettlementBenchmark.packDir()), LocalDate.of(2022, 6, 1));
        SplittableRandom rnd = new SplittableRandom(14);
        Level[] levels = {Level.LEVEL1, Level.LEVEL2, Level.LEVEL3, Level.TOWNSHIP};
        for (int i = 0; i < CASES; i++) {
            long weight = 500_000 + rnd.nextLong(5_000_000);
            long average = weight * 1_180_000 / 1_000_000;
            long cost = average / 4 + rnd.nextLong(average * 6);
            boolean none = i % 32 == 7;
            drg[i] = new CaseToPay("B" + i, group(Method.DRG, none, weight, average), cost, levels[i % 4],
                    i % 16 == 3 ? 70 : 3 + rnd.nextInt(20), DischargeType.ORDERED, i % 29 == 5, Scheme.RESIDENT);
            dip[i] = new CaseToPay("B" + i, group(Method.DIP, none, weight * 100, average), cost, levels[i % 4],
                    drg[i].lengthOfStay(), DischargeType.ORDERED, drg[i].emergency(), Scheme.EMPLOYEE);
        }
        for (int h = 0; h < 150; h++) {
            for (Scheme s : Scheme.values()) {
                hospitals.add(new DipHospitalYear("H" + h, s, 1_000_000L * (1 + rnd.nextInt(500_000)),
                        rnd.nextLong(1_000_000_000L), rnd.nextLong(5_000_000_000L)));
            }
        }
        budgets.put(Scheme.EMPLOYEE, 300_000_000_000L);
        budgets.put(Scheme.RESIDENT, 200_000_000_000L);
        int kinds = 0;
        for (CaseToPay c : drg) kinds |= 1 << DrgCasePayment.of(c, rules).kind().ordinal();
        if (kinds != (1 << CasePayment.Kind.values().length) - 1) {
            throw new IllegalStateException("the cases do not take every rule: " + Integer.toBinaryString(kinds));
        }
    }

    private static GroupResult group(Method m, boolean none, long size, long average) {
        if (none) {
            return new GroupResult(GroupResult.Outcome.UNGROUPABLE, m, "bench", null, null, null, null, 0, 0, 0,
                    "no-adrg", List.of(), List.of());
        }
        return new GroupResult(GroupResult.Outcome.GROUPED, m, "bench", m == Method.DRG ? "G" : null, null, "G" + size,
                "a group", m == Method.DRG ? size : 0, m == Method.DIP ? size : 0, average, null, List.of(),
                List.of(new GroupStep("bench", "G", "made up")));
    }

    @Benchmark
    public CasePayment drgPayment() {
        return DrgCasePayment.of(drg[next++ & (CASES - 1)], rules);
    }

    @Benchmark
    public CasePayment dipScore() {
        return DipCaseScore.of(dip[next++ & (CASES - 1)], rules);
    }

    @Benchmark
    public DipYearEnd dipYearEnd() {
        return DipYearEnd.of(hospitals, budgets, rules);
    }
}
