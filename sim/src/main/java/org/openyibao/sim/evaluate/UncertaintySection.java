package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.interval;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The bootstrap's intervals (docs/sim.md "Uncertainty"): each scenario's indicators, each scenario's difference from
 * the baseline run with, in words, whether it is within the noise of a sample this size, and the funds' payments.
 */
final class UncertaintySection {

    private UncertaintySection() {
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        Uncertainty u = r.uncertainty();
        Sections.open(b, t.t("uncertainty"));
        if (u == null || u.replicates() == 0) {
            b.append("<p>").append(e(t.t("uncertainty.off"))).append("</p></section>\n");
            return;
        }
        b.append("<p>").append(e(t.f("uncertainty.intro", u.replicates(), u.seed()))).append("</p><p class=\"note\">")
                .append(e(t.t("uncertainty.scope"))).append("</p>\n");
        levels(b, r, t, u);
        differences(b, r, t, u);
        payments(b, r, t, u);
        b.append("</section>\n");
    }

    /** Each scenario and threshold: the four indicators with their intervals. */
    private static void levels(StringBuilder b, EvaluationResult r, ReportText t, Uncertainty u) {
        b.append("<table><tr><th>").append(e(t.t("scenario"))).append("</th><th>").append(e(t.t("threshold"))).append("</th>");
        for (String k : List.of("headcount", "averageGap", "meanPositiveGap", "concentrationIndex"))
            b.append("<th>").append(e(t.t(k))).append("</th><th>").append(e(t.t("interval"))).append("</th>");
        b.append("</tr>");
        for (ScenarioResult s : r.scenarios()) {
            List<Uncertainty.IndicatorIntervals> iv = u.scenarios().get(s.key());
            for (int k = 0; k < s.indicators().size(); k++) {
                CheIndicators p = s.indicators().get(k);
                Uncertainty.IndicatorIntervals x = iv == null ? null : iv.get(k);
                b.append("<tr>");
                cell(b, t.scenario(s.key()));
                cell(b, "z = " + p.thresholdPercent() + "%");
                number(b, Format.percent(p.headcount()));
                number(b, x == null ? Format.NONE : interval(t, x.headcount(), Format::percent));
                number(b, Format.percent(p.averageGap()));
                number(b, x == null ? Format.NONE : interval(t, x.averageGap(), Format::percent));
                number(b, Format.percent(p.meanPositiveGap()));
                number(b, x == null ? Format.NONE : interval(t, x.meanPositiveGap(), Format::percent));
                number(b, Format.index(p.concentrationIndex()));
                number(b, x == null ? Format.NONE : interval(t, x.concentrationIndex(), Format::index));
                b.append("</tr>");
            }
        }
        b.append("</table>\n");
    }

    /** Each scenario minus the baseline run, with its interval and whether 0 lies within it. */
    private static void differences(StringBuilder b, EvaluationResult r, ReportText t, Uncertainty u) {
        b.append("<h3>").append(e(t.t("diff"))).append("</h3><table><tr>");
        for (String k : List.of("scenario", "threshold")) b.append("<th>").append(e(t.t(k))).append("</th>");
        for (String k : List.of("headcount", "averageGap", "meanPositiveGap", "concentrationIndex"))
            b.append("<th>").append(e(t.t(k) + " Δ")).append("</th><th>").append(e(t.t("interval"))).append("</th><th>")
                    .append(e(t.t("diff.reading"))).append("</th>");
        b.append("</tr>");
        ScenarioResult base = r.scenarios().stream().filter(s -> s.key().equals(r.baseline())).findFirst().orElseThrow();
        for (ScenarioResult s : r.scenarios()) {
            List<Uncertainty.IndicatorIntervals> iv = u.differences().get(s.key());
            if (iv == null) continue;
            for (int k = 0; k < s.indicators().size(); k++) {
                CheIndicators p = s.indicators().get(k), q = base.indicators().get(k);
                Uncertainty.IndicatorIntervals x = iv.get(k);
                b.append("<tr>");
                cell(b, t.scenario(s.key()));
                cell(b, "z = " + p.thresholdPercent() + "%");
                difference(b, t, p, q, CheIndicators::headcount, x.headcount(), false);
                difference(b, t, p, q, CheIndicators::averageGap, x.averageGap(), false);
                difference(b, t, p, q, CheIndicators::meanPositiveGap, x.meanPositiveGap(), false);
                difference(b, t, p, q, CheIndicators::concentrationIndex, x.concentrationIndex(), true);
                b.append("</tr>");
            }
        }
        b.append("</table><p class=\"note\">").append(e(t.t("points"))).append("; ").append(e(t.t("diff.ci"))).append("</p>\n");
    }

    private static void difference(StringBuilder b, ReportText t, CheIndicators p, CheIndicators q,
                                   ToDoubleFunction<CheIndicators> f, Interval x, boolean index) {
        double d = f.applyAsDouble(p) - f.applyAsDouble(q);
        number(b, index ? Sections.signedIndex(d) : Sections.points(d));
        number(b, interval(t, x, index ? Sections::signedIndex : Sections::points));
        cell(b, reading(t, x));
    }

    /** "within the noise of a sample this size" when the interval contains 0. */
    static String reading(ReportText t, Interval x) {
        if (x == null || !x.known()) return Format.NONE;
        return t.t(x.containsZero() ? "noise.within" : "noise.beyond");
    }

    /** Each run's payments by column and, for the further runs, their change, with intervals (yuan). */
    private static void payments(StringBuilder b, EvaluationResult r, ReportText t, Uncertainty u) {
        b.append("<h3>").append(e(t.t("payments"))).append("</h3><table><tr>");
        for (String k : List.of("run", "payment", "point", "interval", "expenditureChange", "interval", "diff.reading"))
            b.append("<th>").append(e(t.t(k))).append("</th>");
        b.append("</tr>");
        for (Map.Entry<String, Map<String, Interval>> run : u.payments().entrySet()) {
            Map<String, Interval> change = u.paymentChanges().get(run.getKey());
            Map<String, Long> point = u.paymentPoints().get(run.getKey()), basePoint = u.paymentPoints().get(r.baseline());
            for (Map.Entry<String, Interval> p : run.getValue().entrySet()) {
                b.append("<tr>");
                cell(b, t.scenario(run.getKey()));
                cell(b, t.t("payment." + p.getKey()));
                number(b, Format.yuan(point.get(p.getKey())));
                number(b, interval(t, p.getValue(), v -> Format.yuan(Math.round(v))));
                Interval c = change == null ? null : change.get(p.getKey());
                number(b, c == null ? Format.NONE : Format.yuan(point.get(p.getKey()) - basePoint.get(p.getKey())));
                number(b, c == null ? Format.NONE : interval(t, c, v -> Format.yuan(Math.round(v))));
                cell(b, c == null ? "" : reading(t, c));
                b.append("</tr>");
            }
        }
        b.append("</table><p class=\"note\">").append(e(t.t("payments.note"))).append("</p>\n");
    }
}
