package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.ArrayList;
import java.util.List;

/**
 * Distribution, not only means (issue 12): the out-of-pocket share of non-food spending by income decile for each
 * scenario (chart and table), the households each run pushes over a threshold or brings under it, and the size of the
 * gainers' and losers' changes.
 */
final class DistributionSection {

    private DistributionSection() {
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        Distribution d = r.distribution();
        if (d == null) return;
        deciles(b, d, t, Palette.of(r));
        if (!d.crossings().isEmpty()) crossings(b, d, t);
        if (!d.amounts().isEmpty()) amounts(b, d, t);
    }

    private static void deciles(StringBuilder b, Distribution d, ReportText t, Palette palette) {
        List<String> groups = new ArrayList<>();
        for (int k = 1; k <= Distribution.DECILES; k++) groups.add(t.f("decile.n", k));
        List<String> names = d.deciles().stream().map(x -> t.scenario(x.scenario())).toList();
        double[][] v = new double[names.size()][Distribution.DECILES];
        StringBuilder table = new StringBuilder("<table><tr><th>").append(e(t.t("decile"))).append("</th>");
        for (String n : names) table.append("<th>").append(e(n)).append("</th>");
        table.append("<th>").append(e(t.t("households"))).append("</th></tr>");
        for (int s = 0; s < names.size(); s++)
            for (int k = 0; k < Distribution.DECILES; k++) v[s][k] = d.deciles().get(s).share(k);
        for (int k = 0; k < Distribution.DECILES; k++) {
            table.append("<tr>");
            cell(table, groups.get(k));
            for (int s = 0; s < names.size(); s++) number(table, Format.percent(v[s][k]));
            number(table, Format.count(d.deciles().get(0).households()[k]));
            table.append("</tr>");
        }
        table.append("</table><p class=\"note\">").append(e(t.t("deciles.note"))).append("</p>");
        String title = t.t("deciles");
        List<BarChart.Series> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            String key = d.deciles().get(s).scenario();
            series.add(BarChart.Series.of(names.get(s), key, palette.colour(key), v[s]));
        }
        BarChart.Chart chart = BarChart.Chart.of(title, new BarChart.Axes(t.t("decile"), t.t("axis.oopShare")), groups, series,
                Format::percent).ticks(AxisFormat::percent);
        b.append("<section><h2>").append(e(title)).append("</h2><div class=\"fig\"><figure>")
                .append(BarChart.svg(chart)).append("</figure><div class=\"data\">")
                .append(table).append("</div></div></section>\n");
    }

    private static void crossings(StringBuilder b, Distribution d, ReportText t) {
        Sections.open(b, t.t("crossings"));
        b.append("<table>");
        Sections.header(b, t, List.of("run", "threshold", "pushedOver", "broughtUnder", "netChange"));
        for (Distribution.Crossing c : d.crossings()) {
            b.append("<tr>");
            cell(b, t.scenario(c.run()));
            cell(b, "z = " + c.thresholdPercent() + "%");
            number(b, Format.count(c.pushedOver()));
            number(b, Format.count(c.broughtUnder()));
            number(b, String.format(java.util.Locale.ROOT, "%+,d", c.pushedOver() - c.broughtUnder()));
            b.append("</tr>");
        }
        b.append("</table></section>\n");
    }

    private static void amounts(StringBuilder b, Distribution d, ReportText t) {
        Sections.open(b, t.t("amounts"));
        b.append("<table><tr><th>").append(e(t.t("run"))).append("</th><th>").append(e(t.t("group"))).append("</th>");
        for (int p : Distribution.PERCENTILES) b.append("<th>P").append(p).append("</th>");
        b.append("</tr>");
        for (Distribution.ChangeAmounts a : d.amounts()) {
            row(b, t, a.run(), "amounts.gainers", a.gainersFen());
            row(b, t, a.run(), "amounts.losers", a.losersFen());
        }
        b.append("</table><p class=\"note\">").append(e(t.t("gainLoss.note"))).append("</p></section>\n");
    }

    private static void row(StringBuilder b, ReportText t, String run, String group, long[] fen) {
        b.append("<tr>");
        cell(b, t.scenario(run));
        cell(b, t.t(group));
        for (int k = 0; k < Distribution.PERCENTILES.length; k++)
            number(b, fen.length == 0 ? t.t("amounts.none") : Format.yuan(fen[k]));
        b.append("</tr>");
    }
}
