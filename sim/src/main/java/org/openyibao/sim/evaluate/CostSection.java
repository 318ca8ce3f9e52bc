package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.interval;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.List;

/**
 * Cost-effectiveness (issue 12, "the question a policy maker asks"): for each further run and threshold, the
 * households kept out of catastrophic spending and what each fund pays for each of them, with bootstrap intervals.
 */
final class CostSection {

    private CostSection() {
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        if (r.costEffectiveness().isEmpty()) return;
        Sections.open(b, t.t("ce"));
        b.append("<p class=\"note\">").append(e(t.t("ce.intro"))).append("</p>\n");
        String run = null;
        for (CostEffectiveness c : r.costEffectiveness()) {
            if (!c.run().equals(run)) {
                if (run != null) b.append("</table>\n");
                run = c.run();
                b.append("<h3>").append(e(t.scenario(c.run()) + " " + t.t("against") + " " + t.scenario(c.baseline())))
                        .append("</h3><table>");
                Sections.header(b, t, List.of("threshold", "keptOut", "interval", "fund", "expenditureChange", "balanceChange",
                        "netCost", "expenditurePerKept", "netCostPerKept", "interval"));
            }
            rows(b, c, t);
        }
        b.append("</table></section>\n");
    }

    private static void rows(StringBuilder b, CostEffectiveness c, ReportText t) {
        boolean first = true;
        for (CostEffectiveness.FundCost f : c.funds()) {
            b.append("<tr>");
            cell(b, first ? "z = " + c.thresholdPercent() + "%" : "");
            number(b, first ? String.format(java.util.Locale.ROOT, "%,d", c.keptOut()) : "");
            number(b, first ? interval(t, c.keptOutInterval(), v -> Format.count(Math.round(v))) : "");
            cell(b, t.fund(f.fund()));
            number(b, Format.yuan(f.expenditureChangeFen()));
            number(b, Format.yuan(f.balanceChangeFen()));
            number(b, Format.yuan(f.netCostFen()));
            number(b, c.keptOut() > 0 ? Format.yuan(f.expenditurePerKeptOutFen()) : t.t("notDefined"));
            number(b, c.keptOut() > 0 ? Format.yuan(f.netCostPerKeptOutFen()) : t.t("notDefined"));
            number(b, f.netCostPerKeptOut() == null ? Format.NONE : interval(t, f.netCostPerKeptOut(), Format::yuan));
            b.append("</tr>");
            first = false;
        }
    }
}
