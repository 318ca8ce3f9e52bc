package org.openyibao.sim.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.sim.io.Csv;

/**
 * {@code indicators.csv} (one line per scenario and threshold, percentages with 2 decimals, for a
 * spreadsheet) and {@code indicators.json} (everything, money in fen, ratios as unrounded fractions,
 * null where undefined, for programs).
 */
final class IndicatorFiles {

    static final String CSV_HEADER = "scenario,derived,threshold_percent,households,excluded,catastrophic,"
            + "headcount_percent,average_gap_percent,mean_positive_gap_percent,concentration_index,oop_yuan"
            + CsvColumns.HEADER;

    private IndicatorFiles() {
    }

    static String csv(EvaluationResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        for (ScenarioResult s : r.scenarios())
            for (CheIndicators i : s.indicators())
                b.append(Csv.field(s.key())).append(',').append(s.derived()).append(',').append(i.thresholdPercent())
                        .append(',').append(i.households()).append(',').append(i.excluded()).append(',')
                        .append(i.catastrophic()).append(',').append(pct(i.headcount())).append(',')
                        .append(pct(i.averageGap())).append(',').append(pct(i.meanPositiveGap())).append(',')
                        .append(Double.isNaN(i.concentrationIndex()) ? "" : String.format(Locale.ROOT, "%.4f", i.concentrationIndex()))
                        .append(',').append(Money.format(s.oopFen())).append(CsvColumns.row(r, s, i)).append('\n');
        return b.toString();
    }

    static void writeCsv(EvaluationResult r, Path file) throws IOException {
        Files.writeString(file, csv(r));
    }

    private static String pct(double ratio) {
        return Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.2f", ratio * 100);
    }

    static void writeJson(EvaluationResult r, Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        m.writeValue(file.toFile(), json(m, r));
    }

    static ObjectNode json(ObjectMapper m, EvaluationResult r) {
        ObjectNode root = m.createObjectNode();
        root.put("baseline", r.baseline());
        root.put("households", r.households());
        ArrayNode th = root.putArray("thresholds_percent");
        for (int z : Indicators.THRESHOLDS) th.add(z);
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult s : r.scenarios()) {
            ObjectNode o = scenarios.addObject().put("key", s.key()).put("derived", s.derived()).put("oop_fen", s.oopFen());
            ArrayNode ind = o.putArray("indicators");
            for (CheIndicators i : s.indicators()) {
                ObjectNode x = ind.addObject().put("threshold_percent", i.thresholdPercent()).put("households", i.households())
                        .put("excluded", i.excluded()).put("catastrophic", i.catastrophic());
                ratio(x, "headcount", i.headcount());
                ratio(x, "average_gap", i.averageGap());
                ratio(x, "mean_positive_gap", i.meanPositiveGap());
                ratio(x, "concentration_index", i.concentrationIndex());
            }
        }
        ObjectNode reimb = root.putObject("reimbursement");
        for (Map.Entry<String, Reimbursement> e : r.reimbursement().entrySet()) {
            ObjectNode o = reimb.putObject(e.getKey());
            row(o.putObject("total"), e.getValue().total());
            ArrayNode byScheme = o.putArray("by_scheme"), byLevel = o.putArray("by_level"), byQuintile = o.putArray("by_quintile");
            for (Reimbursement.Row w : e.getValue().byScheme()) row(byScheme.addObject(), w);
            for (Reimbursement.Row w : e.getValue().byLevel()) row(byLevel.addObject(), w);
            for (Reimbursement.Row w : e.getValue().byQuintile()) row(byQuintile.addObject(), w);
        }
        ObjectNode funds = root.putObject("funds");
        for (Map.Entry<String, FundTotals> e : r.funds().entrySet()) {
            ObjectNode o = funds.putObject(e.getKey());
            e.getValue().funds().forEach((k, f) -> o.putObject(k).put("income_fen", f.incomeFen())
                    .put("expenditure_fen", f.expenditureFen()).put("balance_fen", f.balanceFen()));
        }
        insurer(root, r);
        HospitalFiles.json(root, r);
        JsonSections.context(m, root, r);
        ArrayNode comps = root.putArray("comparisons");
        for (Comparison c : r.comparisons()) {
            ObjectNode o = comps.addObject().put("run", c.run()).put("baseline", c.baseline());
            gainLoss(o.putObject("total"), c.total());
            ArrayNode q = o.putArray("by_quintile");
            for (Comparison.GainLoss g : c.byQuintile()) gainLoss(q.addObject(), g);
            ArrayNode f = o.putArray("funds");
            for (Comparison.FundChange x : c.funds())
                f.addObject().put("fund", x.fund()).put("income_change_fen", x.incomeChangeFen())
                        .put("expenditure_change_fen", x.expenditureChangeFen()).put("balance_change_fen", x.balanceChangeFen());
        }
        JsonSections.uncertainty(root, r);
        JsonSections.distribution(root, r);
        JsonSections.costEffectiveness(root, r);
        return root;
    }

    private static void ratio(ObjectNode o, String name, double v) {
        if (Double.isNaN(v)) o.putNull(name); else o.put(name, v);
    }

    private static void row(ObjectNode o, Reimbursement.Row w) {
        o.put("group", w.key()).put("settlements", w.settlements());
        for (SettlementField f : SettlementAggregate.FIELDS) o.put(f.national(), w.sum(f));
        ratio(o, "effective_reimbursement", w.effectiveReimbursement());
        ratio(o, "out_of_pocket_share", w.outOfPocketShare());
    }

    private static void gainLoss(ObjectNode o, Comparison.GainLoss g) {
        o.put("group", g.group()).put("households", g.households()).put("gainers", g.gainers())
                .put("gainers_change_fen", g.gainersChangeFen()).put("losers", g.losers())
                .put("losers_change_fen", g.losersChangeFen()).put("unchanged", g.unchanged()).put("change_fen", g.changeFen());
    }

    /** "insurer": each run's insurer under its contract (docs/sim.md#insurer), as the report's table shows it; runs without one left out. */
    private static void insurer(ObjectNode root, EvaluationResult r) {
        ObjectNode out = root.putObject("insurer");
        for (Map.Entry<String, FundTotals> e : r.funds().entrySet()) {
            InsurerFigures i = e.getValue().insurer();
            if (i == null) continue;
            ObjectNode o = out.putObject(e.getKey()).put("premium_fen", i.premiumFen()).put("claims_fen", i.claimsFen());
            if (i.lossRatio() == null) o.putNull("loss_ratio");
            else o.put("loss_ratio", i.lossRatio());
            o.put("result_before_fen", i.resultBeforeFen()).put("returned_fen", i.returnedFen())
                    .put("compensated_fen", i.compensatedFen()).put("result_after_fen", i.resultAfterFen())
                    .put("profit_rate", i.profitRate()).put("loss_rate", i.lossRate());
        }
    }
}
