package org.openyibao.sim.evaluate;

import static org.openyibao.sim.evaluate.Sections.cell;
import static org.openyibao.sim.evaluate.Sections.e;
import static org.openyibao.sim.evaluate.Sections.number;

import java.util.List;


/**
 * The report's opening: its warnings, then "What was compared" (issue 12): the region, year, population and seed,
 * the policy pack and its version, each run described by its differences from the base pack, the derived scenarios in
 * words, and what the population was calibrated to.
 */
final class ContextSection {

    private ContextSection() {
    }

    /** The warnings, first on the page; nothing when there are none. */
    static void warnings(StringBuilder b, EvaluationResult r, ReportText t) {
        if (r.warnings().isEmpty()) return;
        b.append("<section role=\"alert\"><h2>⚠ ").append(e(t.t("warnings"))).append("</h2><ul>");
        for (Warning w : r.warnings())
            b.append("<li><strong>").append(e(t.f("warning." + w.kind(), w.args().toArray()))).append("</strong></li>");
        b.append("</ul></section>\n");
    }

    static void render(StringBuilder b, EvaluationResult r, ReportText t) {
        RunContext base = r.contexts().get(r.baseline());
        if (base == null) base = RunContext.NOT_RECORDED;
        Sections.open(b, t.t("compared"));
        b.append("<table class=\"summary\">");
        row(b, t, "compared.region", base.region());
        row(b, t, "compared.year", base.year() == null ? null : base.year().toString());
        row(b, t, "compared.population", base.persons() == null ? null
                : t.f("compared.persons", Format.count(base.persons()), Format.count(base.households() == null ? r.households() : base.households())));
        row(b, t, "compared.seed", base.seed() == null ? null : base.seed().toString());
        row(b, t, "compared.pack", base.pack() == null ? null : base.pack() + (base.packName() == null ? "" : " (" + base.packName() + ")"));
        row(b, t, "compared.version", base.packVersion());
        b.append("</table>\n");
        b.append("<h3>").append(e(t.t("compared.scenarios"))).append("</h3>\n");
        for (ScenarioResult s : r.scenarios()) {
            b.append("<h4>").append(e(t.scenario(s.key()))).append(" <code>").append(e(s.key())).append("</code></h4>");
            if (s.derived()) b.append("<p>").append(e(t.t("derived." + s.key()))).append("</p>\n");
            else run(b, r.contexts().getOrDefault(s.key(), RunContext.NOT_RECORDED), t);
        }
        calibration(b, base, t);
        b.append("</section>\n");
    }

    private static void row(StringBuilder b, ReportText t, String key, String value) {
        b.append("<tr><th>").append(e(t.t(key))).append("</th><td>").append(e(value == null ? t.t("notRecorded") : value))
                .append("</td></tr>");
    }

    /** One run: its reform file and the parameters it changes in the year (a table), or why there is none. */
    private static void run(StringBuilder b, RunContext c, ReportText t) {
        if (c.reformFile() != null)
            b.append("<p>").append(e(t.t("compared.reform"))).append("<code>").append(e(c.reformFile())).append("</code></p>");
        List<RunContext.Change> d = c.differences();
        if (d == null) {
            b.append("<p>").append(e(t.t(c.reformFile() == null && c.reforms().isEmpty() && c.pack() != null
                    ? "compared.noReform" : "compared.differencesNotRecorded"))).append("</p>\n");
            return;
        }
        if (d.isEmpty()) {
            b.append("<p>").append(e(c.reforms().isEmpty() ? t.t("compared.noReform")
                    : t.f("compared.noDifference", c.year() == null ? "" : c.year()))).append("</p>\n");
            return;
        }
        b.append("<table>");
        Sections.header(b, t, List.of("change.path", "change.old", "change.new", "change.unit", "change.effective",
                "change.during", "change.source"));
        for (RunContext.Change x : d) {
            b.append("<tr><td><code>").append(e(x.path())).append("</code></td>");
            number(b, x.oldValue() == null ? t.t("change.none") : x.oldValue());
            number(b, x.newValue() == null ? t.t("change.none") : x.newValue());
            cell(b, x.unit());
            cell(b, x.effective() == null ? "" : x.effective());
            cell(b, x.from() + " – " + x.until());
            cell(b, x.source());
            b.append("</tr>");
        }
        b.append("</table>\n");
    }

    /** "Calibrated to": every entry of the population's calibration with a target and an achieved value. */
    private static void calibration(StringBuilder b, RunContext base, ReportText t) {
        b.append("<h3>").append(e(t.t("calibrated"))).append("</h3>\n");
        if (base.calibration().isEmpty()) {
            b.append("<p>").append(e(t.t("calibrated.none"))).append("</p>\n");
            return;
        }
        b.append("<table>");
        Sections.header(b, t, List.of("calibrated.name", "calibrated.target", "calibrated.achieved", "calibrated.source"));
        for (RunContext.Calibrated c : base.calibration()) {
            b.append("<tr><td><code>").append(e(c.name())).append("</code></td>");
            number(b, c.target() == null ? Format.NONE : c.target());
            number(b, c.achieved() == null ? Format.NONE : c.achieved());
            cell(b, c.source());
            b.append("</tr>");
        }
        b.append("</table>\n");
    }

}
