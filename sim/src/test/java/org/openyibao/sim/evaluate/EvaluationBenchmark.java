package org.openyibao.sim.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.SettlementField;

/**
 * A Zhanjiang-sized year without Parquet: 1.83 million households (REFERENCE §9: 2.064 million
 * registered households; the 7.332 million permanent residents at ~4 a household), three runs
 * (baseline, si-50, si-100: five scenarios with the two derived ones), about 10 million settlement
 * rows per run fed to the aggregate. Prints the time of each step.
 *
 * <pre>
 * mvn -B -q -o -pl sim -am test-compile
 * mvn -B -q -o -pl sim dependency:build-classpath -Dmdep.outputFile=/tmp/sim.cp
 * java -Xmx3g -cp sim/target/test-classes:sim/target/classes:engine/target/classes:$(cat /tmp/sim.cp) \
 *      org.openyibao.sim.evaluate.EvaluationBenchmark [households] [rows per run] [out dir]
 * </pre>
 */
public final class EvaluationBenchmark {

    public static void main(String[] args) throws Exception {
        int households = args.length > 0 ? Integer.parseInt(args[0]) : 1_830_000;
        long rowsPerRun = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("yibao-evaluate");
        String[] labels = {"baseline", "si-50", "si-100"};
        double[] siFactor = {1.0, 0.5 / 0.6, 1.0 / 0.6};   // the baseline pays 60% of the SI base

        long t0 = System.nanoTime();
        List<Households> tables = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) tables.add(new Households(households));
        SplittableRandom rnd = new SplittableRandom(2018);
        for (int i = 0; i < households; i++) {
            int size = 1 + rnd.nextInt(6);
            long income = (long) (size * 2_142_690 * Math.exp(rnd.nextGaussian() * 0.6 - 0.18));
            long spending = income * (60 + rnd.nextInt(25)) / 100;
            long food = spending * (30 + rnd.nextInt(25)) / 100;
            // medical fees: most households small, a tail of hospital stays
            long medfee = rnd.nextInt(100) < 15 ? (long) (2_000_000 * Math.exp(rnd.nextGaussian())) : rnd.nextLong(300_000);
            long basic = medfee * (50 + rnd.nextInt(30)) / 100;
            long siBase = medfee > 3_000_000 ? (medfee - basic) / 2 : 0;   // in-scope self-pay above the SI deductible
            long assistance = rnd.nextInt(100) < 3 ? (medfee - basic) / 10 : 0;
            for (int k = 0; k < labels.length; k++) {
                long si = Math.min((long) (siBase * 0.6 * siFactor[k]), medfee - basic - assistance);
                long oop = medfee - basic - si - assistance;
                tables.get(k).add(i + 1L, size, income, spending, food, medfee, basic, si, assistance, 0, oop, 38_000L * size);
            }
        }
        long t1 = System.nanoTime();
        tables.get(0).ranking();
        for (Households h : tables.subList(1, tables.size())) h.useRankingOf(tables.get(0));
        long t2 = System.nanoTime();

        Scheme[] schemes = {Scheme.RESIDENT, Scheme.RESIDENT, Scheme.RESIDENT, Scheme.EMPLOYEE, null};
        Level[] levels = Level.values();
        List<RunInput> runs = new ArrayList<>();
        long rowsFed = 0;
        for (int k = 0; k < labels.length; k++) {
            Households h = tables.get(k);
            SettlementAggregate a = new SettlementAggregate(h);
            SplittableRandom r = new SplittableRandom(k);
            long[] row = SettlementAggregate.row();
            double perHousehold = (double) rowsPerRun / households;
            for (int i = 0; i < households; i++) {
                int n = (int) perHousehold + (r.nextDouble() < perHousehold - (int) perHousehold ? 1 : 0);
                long id = h.householdId(i);
                for (int v = 0; v < n; v++) {   // the household's sums spread over its visits (last one takes the rest)
                    long medfee = v < n - 1 ? h.medfeeFen(i) / n : h.medfeeFen(i) - (n - 1) * (h.medfeeFen(i) / n);
                    long oop = v < n - 1 ? h.oopFen(i) / n : h.oopFen(i) - (n - 1) * (h.oopFen(i) / n);
                    long fund = medfee - oop;
                    row[SettlementField.MEDFEE_SUMAMT.ordinal()] = medfee;
                    row[SettlementField.FUND_PAY_SUMAMT.ordinal()] = fund;
                    row[SettlementField.PSN_PART_AMT.ordinal()] = oop;
                    row[SettlementField.HIFP_PAY.ordinal()] = fund * 8 / 10;
                    row[SettlementField.HIFMI_PAY.ordinal()] = fund / 10;
                    row[SettlementField.MAF_PAY.ordinal()] = fund / 20;
                    row[SettlementField.OTH_PAY.ordinal()] = fund - fund * 8 / 10 - fund / 10 - fund / 20;
                    a.add(schemes[(int) (id % schemes.length)], levels[r.nextInt(levels.length)], id, row);
                    rowsFed++;
                }
            }
            FundTotals f = FundTotals.of(new FundFlow(9_000_000_000_00L, 8_000_000_000_00L),
                    new FundFlow(6_000_000_000_00L, 5_000_000_000_00L),
                    new FundFlow(600_000_000_00L, (long) (500_000_000_00L * siFactor[k])),
                    new FundFlow(100_000_000_00L, 90_000_000_00L));
            runs.add(new RunInput(labels[k], h, a, f));
        }
        long t3 = System.nanoTime();
        int threads = Runtime.getRuntime().availableProcessors();
        Evaluation.evaluate(runs, new Evaluation.Options(0, Evaluation.DEFAULT_SEED, threads));
        long t3b = System.nanoTime();
        EvaluationResult result = Evaluation.evaluate(runs);
        long t4 = System.nanoTime();
        Evaluation.run(runs, out, new LinkedHashSet<>(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)));
        long t5 = System.nanoTime();

        System.out.printf(Locale.ROOT, "households %,d, runs %d, scenarios %d, settlement rows fed %,d%n", households,
                runs.size(), result.scenarios().size(), rowsFed);
        System.out.printf(Locale.ROOT, "synthetic fill (not measured work)  %6.2f s%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "income ranking, 1 sort + %d reused   %6.2f s%n", tables.size() - 1, (t2 - t1) / 1e9);
        System.out.printf(Locale.ROOT, "settlement aggregate (%,d rows)  %6.2f s  (%,.0f rows/s)%n", rowsFed, (t3 - t2) / 1e9,
                rowsFed / ((t3 - t2) / 1e9));
        System.out.printf(Locale.ROOT, "evaluate without bootstrap          %6.2f s%n", (t3b - t3) / 1e9);
        System.out.printf(Locale.ROOT, "evaluate with bootstrap B = %d     %6.2f s  (%d threads)%n", Evaluation.DEFAULT_BOOTSTRAP,
                (t4 - t3b) / 1e9, threads);
        System.out.printf(Locale.ROOT, "evaluate + write report             %6.2f s%n", (t5 - t4) / 1e9);
        System.out.printf(Locale.ROOT, "total excluding the fill            %6.2f s%n", (t5 - t1) / 1e9 - (t4 - t3) / 1e9);
        for (ScenarioResult s : result.scenarios())
            System.out.printf(Locale.ROOT, "  %-14s H20 %s  H30 %s  H40 %s  C20 %s%n", s.key(),
                    Format.percent(s.indicators().get(0).headcount()), Format.percent(s.indicators().get(1).headcount()),
                    Format.percent(s.indicators().get(2).headcount()), Format.index(s.indicators().get(0).concentrationIndex()));
        System.out.println("report in " + out);
    }
}
