package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "The insurer under its contract" (issue 13, docs/sim.md#insurer): for each run, the serious-illness premium and
 * claims, the loss ratio, the insurer's result before and after the contract's profit/loss corridor, what returned
 * to the fund and what the fund compensated; a table and a chart of the results per scenario. A reform that raises
 * the serious-illness ratio shows here as a profit turning into a loss, and the corridor moving money back.
 */
final class InsurerSection {
    /** The chart's bars, in order (the axis gives the unit). */
    private static final List<String> FIGURES = List.of("insurer.bar.before", "insurer.bar.returned", "insurer.bar.compensated",
            "insurer.bar.after");

    private InsurerSection() {
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        List<String> runs = new ArrayList<>();
        for (Map.Entry<String, FundTotals> f : r.funds().entrySet()) if (f.getValue().insurer() != null) runs.add(f.getKey());
        if (runs.isEmpty()) return;
        b.append("<section><h2>").append(e(t.t("insurer"))).append("</h2>");
        b.append("<p class=\"note\">").append(e(t.t("insurer.intro"))).append("</p><div class=\"fig\"><figure>")
                .append(chart(r, t, runs)).append("</figure><div class=\"data\"><table>");
        Sections.header(b, t, List.of("run", "insurer.premium", "insurer.claims", "insurer.lossRatio", "insurer.before",
                "insurer.returned", "insurer.compensated", "insurer.after", "insurer.corridor"));
        for (String run : runs) {
            InsurerFigures i = r.funds().get(run).insurer();
            b.append("<tr>");
            cell(b, t.scenario(run));
            number(b, Format.yuan(i.premiumFen()));
            number(b, Format.yuan(i.claimsFen()));
            number(b, i.lossRatio() == null ? Format.NONE : Format.percent(i.lossRatio()));
            number(b, Format.yuan(i.resultBeforeFen()));
            number(b, Format.yuan(i.returnedFen()));
            number(b, Format.yuan(i.compensatedFen()));
            number(b, Format.yuan(i.resultAfterFen()));
            cell(b, t.f("insurer.corridorRates", rate(i.profitRate()), rate(i.lossRate())));
            b.append("</tr>");
        }
        b.append("</table></div></div></section>\n");
    }

    /** The four figures of each run's year, one bar per run in its scenario's colour. */
    private static String chart(EvaluationResult r, ReportText t, List<String> runs) {
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        double max = 0;
        for (String run : runs) {
            InsurerFigures i = r.funds().get(run).insurer();
            double[] v = {i.resultBeforeFen(), i.returnedFen(), i.compensatedFen(), i.resultAfterFen()};
            for (double x : v) max = Math.max(max, Math.abs(x));
            series.add(BarChart.Series.of(t.scenario(run), run, palette.colour(run), v));
        }
        AxisFormat.Money unit = AxisFormat.money(max, t);
        BarChart.Chart chart = BarChart.Chart.of(t.t("insurer.chart"), new BarChart.Axes(t.t("axis.insurerFigure"),
                        t.t("axis.insurerAmount").replace("{unit}", unit.unit())), FIGURES.stream().map(t::t).toList(), series,
                x -> Format.yuan(Math.round(x)) + " " + t.t("unit.yuan"));
        return BarChart.svg(chart.ticks(unit::tick));
    }

    /** A rate as the pack writes it (0.03) in percent (3%); as given when it is not a number. */
    private static String rate(String ratio) {
        if (ratio == null) return Format.NONE;
        try {
            return Format.percent(Double.parseDouble(ratio));
        } catch (NumberFormatException ex) {
            return ratio;
        }
    }
}
