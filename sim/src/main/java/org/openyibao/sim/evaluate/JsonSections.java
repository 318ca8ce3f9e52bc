package org.openyibao.sim.evaluate;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of {@code indicators.json} beyond the indicators (docs/sim.md "The report"): what was compared, the
 * warnings, the bootstrap, the distribution and the cost-effectiveness. Money in fen; ratios unrounded; null where
 * undefined; an interval is {@code {low, high, defined, replicates}} with a null end and {@code "unbounded": "low"},
 * {@code "high"} or {@code "both"} where no household is kept out in some replicates.
 */
final class JsonSections {

    private JsonSections() {
    }

    static void context(ObjectMapper m, ObjectNode root, EvaluationResult r) {
        ObjectNode runs = root.putObject("runs");
        for (Map.Entry<String, RunContext> e : r.contexts().entrySet()) runs.set(e.getKey(), m.valueToTree(e.getValue()));
        ArrayNode warnings = root.putArray("warnings");
        for (Warning w : r.warnings()) {
            ObjectNode o = warnings.addObject().put("kind", w.kind()).put("text", w.english());
            ArrayNode a = o.putArray("args");
            w.args().forEach(a::add);
        }
    }

    static void uncertainty(ObjectNode root, EvaluationResult r) {
        Uncertainty u = r.uncertainty();
        ObjectNode o = root.putObject("bootstrap").put("replicates", u.replicates()).put("seed", u.seed())
                .put("level", 1 - 2 * Interval.TAIL).put("method", "paired bootstrap over households, percentile intervals");
        ObjectNode scenarios = o.putObject("scenarios"), differences = o.putObject("differences");
        u.scenarios().forEach((k, v) -> indicators(scenarios.putArray(k), v));
        u.differences().forEach((k, v) -> indicators(differences.putArray(k), v));
        ObjectNode payments = o.putObject("payments"), changes = o.putObject("payment_changes");
        u.payments().forEach((run, v) -> {
            ObjectNode p = payments.putObject(run);
            v.forEach((g, x) -> {
                ObjectNode q = p.putObject(g).put("fen", u.paymentPoints().get(run).get(g));
                interval(q, "interval", x);
            });
        });
        u.paymentChanges().forEach((run, v) -> {
            ObjectNode p = changes.putObject(run);
            v.forEach((g, x) -> interval(p, g, x));
        });
    }

    private static void indicators(ArrayNode a, List<Uncertainty.IndicatorIntervals> v) {
        for (Uncertainty.IndicatorIntervals x : v) {
            ObjectNode o = a.addObject().put("threshold_percent", x.thresholdPercent());
            interval(o, "headcount", x.headcount());
            interval(o, "average_gap", x.averageGap());
            interval(o, "mean_positive_gap", x.meanPositiveGap());
            interval(o, "concentration_index", x.concentrationIndex());
        }
    }

    static void interval(ObjectNode parent, String name, Interval x) {
        if (x == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode o = parent.putObject(name);
        end(o, "low", x.low());
        end(o, "high", x.high());
        o.put("defined", x.defined()).put("replicates", x.replicates());
        if (x.known()) o.put("contains_zero", x.containsZero());
        boolean low = Double.isInfinite(x.low()), high = Double.isInfinite(x.high());
        if (low || high) o.put("unbounded", low && high ? "both" : low ? "low" : "high");
    }

    private static void end(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(name); else o.put(name, v);
    }

    private static void ratio(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(name); else o.put(name, v);
    }

    static void distribution(ObjectNode root, EvaluationResult r) {
        Distribution d = r.distribution();
        ObjectNode o = root.putObject("distribution");
        ArrayNode deciles = o.putArray("deciles");
        for (Distribution.Deciles x : d.deciles()) {
            ObjectNode q = deciles.addObject().put("scenario", x.scenario());
            ArrayNode n = q.putArray("households"), oop = q.putArray("oop_fen"), nf = q.putArray("non_food_fen"),
                    share = q.putArray("oop_share");
            for (int k = 0; k < Distribution.DECILES; k++) {
                n.add(x.households()[k]);
                oop.add(x.oopFen()[k]);
                nf.add(x.nonFoodFen()[k]);
                if (Double.isNaN(x.share(k))) share.addNull(); else share.add(x.share(k));
            }
        }
        ArrayNode crossings = o.putArray("crossings");
        for (Distribution.Crossing c : d.crossings())
            crossings.addObject().put("run", c.run()).put("baseline", c.baseline()).put("threshold_percent", c.thresholdPercent())
                    .put("pushed_over", c.pushedOver()).put("brought_under", c.broughtUnder());
        ArrayNode amounts = o.putArray("change_amounts");
        for (Distribution.ChangeAmounts a : d.amounts()) {
            ObjectNode q = amounts.addObject().put("run", a.run());
            ArrayNode p = q.putArray("percentiles"), g = q.putArray("gainers_fen"), l = q.putArray("losers_fen");
            for (int x : Distribution.PERCENTILES) p.add(x);
            for (long x : a.gainersFen()) g.add(x);
            for (long x : a.losersFen()) l.add(x);
        }
    }

    static void costEffectiveness(ObjectNode root, EvaluationResult r) {
        ArrayNode a = root.putArray("cost_effectiveness");
        for (CostEffectiveness c : r.costEffectiveness()) {
            ObjectNode o = a.addObject().put("run", c.run()).put("baseline", c.baseline()).put("threshold_percent", c.thresholdPercent())
                    .put("baseline_catastrophic", c.baselineCatastrophic()).put("run_catastrophic", c.runCatastrophic())
                    .put("kept_out", c.keptOut());
            interval(o, "kept_out_interval", c.keptOutInterval());
            ArrayNode funds = o.putArray("funds");
            for (CostEffectiveness.FundCost f : c.funds()) {
                ObjectNode q = funds.addObject().put("fund", f.fund()).put("expenditure_change_fen", f.expenditureChangeFen())
                        .put("balance_change_fen", f.balanceChangeFen()).put("net_cost_fen", f.netCostFen());
                ratio(q, "expenditure_per_kept_out_fen", f.expenditurePerKeptOutFen());
                ratio(q, "net_cost_per_kept_out_fen", f.netCostPerKeptOutFen());
                interval(q, "net_cost_per_kept_out_interval", f.netCostPerKeptOut());
            }
        }
    }
}
