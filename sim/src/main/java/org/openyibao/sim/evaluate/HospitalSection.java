package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Hospitals' budgets and year-ends" (issue 13, docs/sim.md#hospital-budgets): for each run, the institutions' budgets
 * set before the year from the baseline's spending, their spending against them, what the fund pays of an over-spend,
 * what the institutions bear, the saving they keep, what the fund owes for the year and the year-end balance, with how many ended under, over within
 * the bound and beyond it; each further run's difference from the baseline; a chart of spending as a share of the
 * budget by institution level, and the table by level. A reform that raises the pooling funds' payments shows here as
 * institutions moving over their budgets.
 */
final class HospitalSection {

    private HospitalSection() {
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        List<HospitalOutcome> runs = r.hospitals();
        if (runs.isEmpty()) return;
        b.append("<section><h2>").append(e(t.t("hospitals"))).append("</h2>");
        b.append("<p class=\"note\">").append(e(t.t("hospitals.intro"))).append("</p><div class=\"fig\"><figure>")
                .append(chart(r, t)).append("</figure><div class=\"data\"><table>");
        Sections.header(b, t, List.of("run", "hospitals.budget", "hospitals.spending", "hospitals.overUnder",
                "hospitals.fundOver", "hospitals.borne", "hospitals.savingKept", "hospitals.fundDue", "hospitals.balance",
                "hospitals.under",
                "hospitals.overWithin", "hospitals.beyond"));
        for (HospitalOutcome o : runs) {
            HospitalOutcome.Totals x = o.total();
            b.append("<tr>");
            cell(b, t.scenario(o.run()));
            number(b, Format.yuan(x.budgetFen()));
            number(b, Format.yuan(x.spendingFen()));
            number(b, signedYuan(x.overUnderFen()));
            number(b, Format.yuan(x.fundOverFen()));
            number(b, Format.yuan(x.borneFen()));
            number(b, Format.yuan(x.savingKeptFen()));
            number(b, Format.yuan(x.totalDueFen()));
            number(b, signedYuan(x.balanceFen()));
            number(b, Format.count(x.under()));
            number(b, Format.count(x.overWithinBound()));
            number(b, Format.count(x.beyondBound()));
            b.append("</tr>");
        }
        b.append("</table></div></div>");
        changes(b, runs, t);
        byLevel(b, runs, t);
        b.append("</section>\n");
    }

    /** Each further run less the baseline. */
    private static void changes(StringBuilder b, List<HospitalOutcome> runs, ReportText t) {
        if (runs.size() < 2) return;
        HospitalOutcome.Totals base = runs.get(0).total();
        b.append("<h3>").append(e(t.f("hospitals.changes", t.scenario(runs.get(0).run())))).append("</h3><div class=\"data\"><table>");
        Sections.header(b, t, List.of("run", "hospitals.spending", "hospitals.fundDue", "hospitals.borne",
                "hospitals.savingKept", "hospitals.balance", "hospitals.overCount"));
        for (HospitalOutcome o : runs.subList(1, runs.size())) {
            HospitalOutcome.Totals x = o.total();
            b.append("<tr>");
            cell(b, t.scenario(o.run()));
            number(b, signedYuan(x.spendingFen() - base.spendingFen()));
            number(b, signedYuan(x.totalDueFen() - base.totalDueFen()));
            number(b, signedYuan(x.borneFen() - base.borneFen()));
            number(b, signedYuan(x.savingKeptFen() - base.savingKeptFen()));
            number(b, signedYuan(x.balanceFen() - base.balanceFen()));
            number(b, signedCount(x.over() - base.over()));
            b.append("</tr>");
        }
        b.append("</table></div>");
    }

    private static void byLevel(StringBuilder b, List<HospitalOutcome> runs, ReportText t) {
        b.append("<h3>").append(e(t.t("hospitals.byLevel"))).append("</h3><div class=\"data\"><table>");
        Sections.header(b, t, List.of("run", "hospitals.level", "hospitals.institutions", "hospitals.budget",
                "hospitals.spending", "hospitals.share", "hospitals.overUnder", "hospitals.borne", "hospitals.overWithin",
                "hospitals.beyond"));
        for (HospitalOutcome o : runs) {
            for (HospitalOutcome.Totals x : o.byLevel()) {
                b.append("<tr>");
                cell(b, t.scenario(o.run()));
                cell(b, t.group(x.group()));
                number(b, Format.count(x.institutions()));
                number(b, Format.yuan(x.budgetFen()));
                number(b, Format.yuan(x.spendingFen()));
                number(b, Double.isNaN(x.spendingShare()) ? Format.NONE : Format.percent(x.spendingShare()));
                number(b, signedYuan(x.overUnderFen()));
                number(b, Format.yuan(x.borneFen()));
                number(b, Format.count(x.overWithinBound()));
                number(b, Format.count(x.beyondBound()));
                b.append("</tr>");
            }
        }
        b.append("</table></div>");
    }

    /** Spending as a share of the budget by institution level and in all, one bar per run in its scenario's colour. */
    private static String chart(EvaluationResult r, ReportText t) {
        List<HospitalOutcome> runs = r.hospitals();
        Set<String> levels = new LinkedHashSet<>();
        for (HospitalOutcome o : runs) for (HospitalOutcome.Totals x : o.byLevel()) levels.add(x.group());
        List<String> groups = new ArrayList<>(levels);
        groups.add("total");
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        for (HospitalOutcome o : runs) {
            double[] v = new double[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                String group = groups.get(g);
                HospitalOutcome.Totals x = group.equals("total") ? o.total()
                        : o.byLevel().stream().filter(y -> y.group().equals(group)).findFirst().orElse(null);
                v[g] = x == null || Double.isNaN(x.spendingShare()) ? 0 : x.spendingShare();
            }
            series.add(BarChart.Series.of(t.scenario(o.run()), o.run(), palette.colour(o.run()), v));
        }
        BarChart.Chart chart = BarChart.Chart.of(t.t("hospitals.chart"), new BarChart.Axes(t.t("axis.institutionLevel"),
                t.t("axis.spendingShare")), groups.stream().map(t::group).toList(), series, Format::percent)
                .ticks(AxisFormat::percent);
        return BarChart.svg(chart);
    }

    /** Yuan with a sign when positive: +1,234.00, −1,234.00, 0.00. */
    static String signedYuan(long fen) {
        return (fen > 0 ? "+" : "") + Format.yuan(fen);
    }

    private static String signedCount(long n) {
        return (n > 0 ? "+" : "") + Format.count(n);
    }
}
