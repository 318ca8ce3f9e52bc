package org.openyibao.sim.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The security-effect evaluation (docs/sim.md "Evaluation", REFERENCE §8, seed 003 ch. 4): the
 * scenarios side by side, the comparison of every run with the baseline, and the report.
 *
 * <p>Entry point for {@code yibao evaluate}: read each {@code RUN/} into a {@link RunInput} (the first
 * is the baseline) and call {@link #run}. Pure computation apart from the writing of the files.
 */
public final class Evaluation {

    /** Scenario key: no insurance at all, OOP = medfee (seed 003 Table 4-2 "having medical expenditure"). */
    public static final String NO_INSURANCE = "no-insurance";
    /** Scenario key: basic insurance only, the later tiers' payments back on the household (Table 4-2 row 2). */
    public static final String BASIC_ONLY = "basic-only";

    private Evaluation() {
    }

    /**
     * How to evaluate: {@code bootstrap} replicates (0: none) drawn from {@code seed} on {@code threads} threads.
     * The intervals depend on the replicates and the seed only, not on the threads.
     */
    public record Options(int bootstrap, long seed, int threads) {
        public Options {
            if (bootstrap < 0) throw new IllegalArgumentException("bootstrap replicates must be 0 or more, got " + bootstrap);
            if (threads < 1) throw new IllegalArgumentException("threads must be positive, got " + threads);
        }

        /** 200 replicates from the fixed seed, on every processor. */
        public static Options standard() {
            return new Options(DEFAULT_BOOTSTRAP, DEFAULT_SEED, Runtime.getRuntime().availableProcessors());
        }
    }

    /** The hospitals' budgets by run and institution level (docs/sim.md#hospital-budgets), when the runs record them. */
    public static final String HOSPITALS_CSV = "hospitals.csv";
    /** Each run's hospital income and fund cost for the inpatient cases (docs/sim.md#case-payment), when recorded. */
    public static final String PAYMENT_METHODS_CSV = "payment-methods.csv";

    /** Bootstrap replicates by default. */
    public static final int DEFAULT_BOOTSTRAP = Bootstrap.DEFAULT_REPLICATES;
    /** The bootstrap's fixed seed by default. */
    public static final long DEFAULT_SEED = Bootstrap.DEFAULT_SEED;

    /** As {@link #run(List, Path, Set, Options)} with {@link Options#standard()}. */
    public static EvaluationResult run(List<RunInput> runs, Path outDir, Set<Locale> langs) throws IOException {
        return run(runs, outDir, langs, Options.standard());
    }

    /**
     * Evaluates {@code runs} (the first the baseline) and writes {@code indicators.csv},
     * {@code indicators.json}, {@code report.<lang>.html} for each of {@code langs} and, with more than one,
     * {@code report.html} with all of them on one page
     * ({@code zh}, {@code en}) into {@code outDir}.
     */
    public static EvaluationResult run(List<RunInput> runs, Path outDir, Set<Locale> langs, Options options) throws IOException {
        EvaluationResult result = evaluate(runs, options);
        Files.createDirectories(outDir);
        IndicatorFiles.writeCsv(result, outDir.resolve("indicators.csv"));
        IndicatorFiles.writeJson(result, outDir.resolve("indicators.json"));
        if (!result.hospitals().isEmpty()) Files.writeString(outDir.resolve(HOSPITALS_CSV), HospitalFiles.csv(result));
        if (result.payments() != null) Files.writeString(outDir.resolve(PAYMENT_METHODS_CSV), result.payments().csv());
        List<ReportText> texts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Locale l : langs) {
            ReportText t = ReportText.of(l);
            if (seen.add(t.lang)) texts.add(t);   // zh and zh_CN make one page
        }
        for (ReportText t : texts)
            Files.writeString(outDir.resolve(HtmlReport.fileName(t)), HtmlReport.render(result, t, texts));
        if (texts.size() > 1) Files.writeString(outDir.resolve(HtmlReport.BILINGUAL), HtmlReport.renderAll(result, texts));
        return result;
    }

    /**
     * The report of {@code result} in the language of {@code locale}, as the body of a page of someone else's (the
     * console's): the same sections, tables and charts as {@code report.<lang>.html}, without its head, style or
     * language links. Only elements, classes and SVG presentation attributes: no script, no style attribute.
     */
    public static String reportBody(EvaluationResult result, Locale locale) {
        return HtmlReport.body(result, ReportText.of(locale));
    }

    /** The computation alone, with {@link Options#standard()}. */
    public static EvaluationResult evaluate(List<RunInput> runs) {
        return evaluate(runs, Options.standard());
    }

    /** The computation alone. */
    public static EvaluationResult evaluate(List<RunInput> runs, Options options) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no run to evaluate");
        List<String> labels = uniqueLabels(runs);
        Households base = runs.get(0).households();
        for (int k = 1; k < runs.size(); k++)
            if (!base.samePopulation(runs.get(k).households()))
                throw new IllegalArgumentException("run " + labels.get(k) + " is not of the baseline's population");
        base.ranking(); // computed once here, before the scenarios run in parallel

        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario(NO_INSURANCE, true, base.medfeeColumn()));
        scenarios.add(new Scenario(BASIC_ONLY, true, basicOnly(base)));
        for (int k = 0; k < runs.size(); k++)
            scenarios.add(new Scenario(labels.get(k), false, runs.get(k).households().oopColumn()));
        // each scenario is one pass over the households: the 2 cores take one scenario each
        List<ScenarioResult> results = scenarios.parallelStream()
                .map(s -> new ScenarioResult(s.key(), s.derived(), sum(s.oopFen()),
                        Indicators.compute(base, s.oopFen(), Indicators.THRESHOLDS)))
                .toList();

        Map<String, Reimbursement> reimbursement = new LinkedHashMap<>();
        Map<String, FundTotals> funds = new LinkedHashMap<>();
        Map<String, RunContext> contexts = new LinkedHashMap<>();
        for (int k = 0; k < runs.size(); k++) {
            RunInput r = runs.get(k);
            if (r.settlements() != null) reimbursement.put(labels.get(k), r.settlements().result());
            if (r.funds() != null) funds.put(labels.get(k), r.funds());
            contexts.put(labels.get(k), r.context());
        }
        long[] baseOop = scenarios.get(2).oopFen();
        List<Comparison> comparisons = new ArrayList<>();
        for (int k = 1; k < runs.size(); k++)
            comparisons.add(compare(labels.get(0), labels.get(k), base, baseOop, scenarios.get(2 + k).oopFen(),
                    runs.get(0).funds(), runs.get(k).funds()));
        Distribution distribution = distribution(labels, base, scenarios);
        Bootstrap.Replicate[] reps = bootstrap(runs, scenarios, options);
        Uncertainty uncertainty = Uncertainty.of(reps, options.seed(), scenarios.stream().map(Scenario::key).toList(), 2, labels,
                Indicators.THRESHOLDS, runs.stream().map(r -> payments(r.households())).toList());
        List<CostEffectiveness> ce = costEffectiveness(runs, results, comparisons, reps);
        return new EvaluationResult(labels.get(0), base.count(), results, reimbursement, funds, comparisons, contexts,
                Warning.of(labels, runs), uncertainty, distribution, ce, HospitalBudgets.of(labels, runs),
                PaymentMethods.of(labels, runs));
    }

    private static Distribution distribution(List<String> labels, Households base, List<Scenario> scenarios) {
        List<Distribution.Deciles> deciles = new ArrayList<>();
        for (Scenario s : scenarios) deciles.add(Distribution.deciles(s.key(), base, s.oopFen()));
        List<Distribution.Crossing> crossings = new ArrayList<>();
        List<Distribution.ChangeAmounts> amounts = new ArrayList<>();
        long[] baseOop = scenarios.get(2).oopFen();
        for (int k = 1; k < labels.size(); k++) {
            long[] oop = scenarios.get(2 + k).oopFen();
            crossings.addAll(Distribution.crossings(labels.get(k), labels.get(0), base, baseOop, oop));
            amounts.add(Distribution.amounts(labels.get(k), baseOop, oop));
        }
        return new Distribution(deciles, crossings, amounts);
    }

    private static Bootstrap.Replicate[] bootstrap(List<RunInput> runs, List<Scenario> scenarios, Options options) {
        if (options.bootstrap() == 0) return new Bootstrap.Replicate[0];
        Bootstrap b = new Bootstrap(runs.get(0).households(), scenarios.stream().map(Scenario::oopFen).toList(),
                runs.stream().map(RunInput::households).toList(), Indicators.THRESHOLDS);
        try {
            return b.run(options.bootstrap(), options.seed(), options.threads());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the bootstrap was interrupted", e);
        }
    }

    /** Every further run at every threshold: its cost per household kept out of CHE (docs/sim.md "Cost-effectiveness"). */
    private static List<CostEffectiveness> costEffectiveness(List<RunInput> runs, List<ScenarioResult> results,
                                                             List<Comparison> comparisons, Bootstrap.Replicate[] reps) {
        List<CostEffectiveness> out = new ArrayList<>();
        long[] basePay = payments(runs.get(0).households());
        for (int k = 1; k < runs.size(); k++) {
            long[] pay = payments(runs.get(k).households());
            long[] change = new long[pay.length];
            for (int g = 0; g < pay.length; g++) change[g] = pay[g] - basePay[g];
            for (int z = 0; z < Indicators.THRESHOLDS.length; z++)
                out.add(CostEffectiveness.of(comparisons.get(k - 1), k, 2 + k, 2, z, Indicators.THRESHOLDS[z],
                        results.get(2).indicators().get(z).catastrophic(), results.get(2 + k).indicators().get(z).catastrophic(),
                        change, reps));
        }
        return out;
    }

    /** Σ of each payment column ({@link Bootstrap.Payments}) over the households, exact. */
    static long[] payments(Households h) {
        long[] out = new long[Bootstrap.Payments.values().length];
        for (int i = 0; i < h.count(); i++) {
            out[0] = Math.addExact(out[0], h.basicFen(i));
            out[1] = Math.addExact(out[1], h.seriousIllnessFen(i));
            out[2] = Math.addExact(out[2], h.assistanceFen(i));
            out[3] = Math.addExact(out[3], h.otherFen(i));
        }
        return out;
    }

    private record Scenario(String key, boolean derived, long[] oopFen) {
    }

    /**
     * Basic insurance only: what serious illness, medical assistance and the other payers paid falls
     * back on the household (docs/sim.md). <b>DECISION</b>: a first-order rebuild from the run's
     * sums; without serious-illness insurance, assistance might have paid more, which this ignores.
     */
    static long[] basicOnly(Households h) {
        long[] oop = new long[h.count()];
        for (int i = 0; i < oop.length; i++)
            oop[i] = h.oopFen(i) + h.seriousIllnessFen(i) + h.assistanceFen(i) + h.otherFen(i);
        return oop;
    }

    /**
     * Gainers and losers of {@code run} against the baseline by the baseline's income quintiles,
     * and each fund's change ({@code null} fund totals give no fund rows).
     */
    static Comparison compare(String baselineLabel, String runLabel, Households base, long[] baseOop, long[] runOop,
                              FundTotals baseFunds, FundTotals runFunds) {
        IncomeRanking ranking = base.ranking();
        int q = IncomeRanking.QUINTILES;
        long[] households = new long[q], gainers = new long[q], gained = new long[q], losers = new long[q],
                lost = new long[q], change = new long[q];
        for (int i = 0; i < base.count(); i++) {
            int g = ranking.quintile(i);
            long d = runOop[i] - baseOop[i];
            households[g]++;
            change[g] += d;
            if (d < -Comparison.TOLERANCE_FEN) {
                gainers[g]++;
                gained[g] += d;
            } else if (d > Comparison.TOLERANCE_FEN) {
                losers[g]++;
                lost[g] += d;
            }
        }
        List<Comparison.GainLoss> byQuintile = new ArrayList<>();
        long[] t = new long[6];
        for (int g = 0; g < q; g++) {
            byQuintile.add(new Comparison.GainLoss("Q" + (g + 1), households[g], gainers[g], gained[g], losers[g], lost[g],
                    households[g] - gainers[g] - losers[g], change[g]));
            t[0] += households[g]; t[1] += gainers[g]; t[2] += gained[g]; t[3] += losers[g]; t[4] += lost[g]; t[5] += change[g];
        }
        Comparison.GainLoss total = new Comparison.GainLoss("total", t[0], t[1], t[2], t[3], t[4], t[0] - t[1] - t[3], t[5]);

        List<Comparison.FundChange> funds = new ArrayList<>();
        if (baseFunds != null && runFunds != null) {
            Set<String> keys = new LinkedHashSet<>(baseFunds.funds().keySet());
            keys.addAll(runFunds.funds().keySet());
            for (String f : keys) funds.add(new Comparison.FundChange(f, baseFunds.get(f), runFunds.get(f)));
        }
        return new Comparison(runLabel, baselineLabel, total, byQuintile, funds);
    }

    /** Run labels as given, made unique ({@code label#2}) and distinct from the derived scenarios' keys. */
    private static List<String> uniqueLabels(List<RunInput> runs) {
        Set<String> seen = new HashSet<>(List.of(NO_INSURANCE, BASIC_ONLY));
        List<String> out = new ArrayList<>();
        for (RunInput r : runs) {
            String base = r.label() == null || r.label().isBlank() ? "run" : r.label();
            String l = base;
            for (int k = 2; !seen.add(l); k++) l = base + "#" + k;
            out.add(l);
        }
        return out;
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) s = Math.addExact(s, v);
        return s;
    }
}
