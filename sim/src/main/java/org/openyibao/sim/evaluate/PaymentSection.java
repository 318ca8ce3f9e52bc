package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Case payment: fee-for-service, DRG and DIP compared" (issue 14, docs/sim.md#case-payment): for each run that paid
 * its inpatient cases apart, the method and tables, the cases' cost, the hospitals' income, what the fund owes, the
 * case-mix index and how many hospitals win or lose against the reference run; then income over cost by level.
 */
final class PaymentSection {
    private PaymentSection() {}

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        PaymentMethods p = r.payments();
        if (p == null) return;
        b.append("<section><h2>").append(e(t.t("casePayment"))).append("</h2>");
        b.append("<p class=\"note\">").append(e(t.t("casePayment.intro"))).append(' ')
                .append(e(t.f("casePayment.reference", t.scenario(p.reference())))).append("</p><div class=\"data\"><table>");
        Sections.header(b, t, List.of("run", "casePayment.method", "casePayment.versions", "casePayment.cases", "casePayment.cmi",
                "casePayment.cost", "casePayment.income", "casePayment.fundDue", "casePayment.winners", "casePayment.losers"));
        for (PaymentMethods.Run run : p.runs()) {
            b.append("<tr>");
            cell(b, t.scenario(run.label()));
            cell(b, run.method());
            cell(b, String.join(", ", run.versions()));
            number(b, String.format(Locale.ROOT, "%,d", run.cases()));
            number(b, run.cmiPpm() == 0 ? Format.NONE : String.format(Locale.ROOT, "%.4f", run.cmiPpm() / 1e6));
            number(b, Format.yuan(run.costFen()));
            number(b, Format.yuan(run.incomeFen()));
            number(b, Format.yuan(run.fundDueFen()));
            number(b, Integer.toString(run.winners()));
            number(b, Integer.toString(run.losers()));
            b.append("</tr>");
        }
        b.append("</table><table>");
        b.append("<tr><th>").append(e(t.t("casePayment.level"))).append("</th>");
        for (PaymentMethods.Run run : p.runs()) b.append("<th>").append(e(t.scenario(run.label()))).append("</th>");
        b.append("</tr>");
        for (Map.Entry<String, List<Long>> level : p.incomeOverCostByLevel().entrySet()) {
            b.append("<tr>");
            cell(b, level.getKey());
            for (long ppm : level.getValue()) number(b, String.format(Locale.ROOT, "%.3f", ppm / 1e6));
            b.append("</tr>");
        }
        b.append("</table><p class=\"note\">").append(e(t.t("casePayment.byLevel"))).append("</p></div></section>\n");
    }
}
