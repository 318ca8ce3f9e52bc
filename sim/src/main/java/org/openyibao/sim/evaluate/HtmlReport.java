package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * The report: one self-contained page per language ({@code report.zh.html}, {@code report.en.html}),
 * each linking to the others by relative file name. <b>DECISION</b>: a page per language rather than
 * one page with a switch, so the page needs no script and prints as it reads. Inline CSS and SVG
 * only: no external script, style, font or image, no URL. Each chart has its data table beside it.
 */
final class HtmlReport {

    private HtmlReport() {
    }

    static String fileName(ReportText t) {
        return "report." + t.lang + ".html";
    }

    /** The file with every language on one page, one after the other. */
    static final String BILINGUAL = "report.html";

    static String render(EvaluationResult r, ReportText t, List<ReportText> all) {
        return render(r, t, all, FontSubset.SOURCES);
    }

    /** The page of language {@code t}, its Chinese in a subset of the first of {@code fonts} found. */
    static String render(EvaluationResult r, ReportText t, List<ReportText> all, List<FontSubset.Source> fonts) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<header><h1>").append(e(t.t("title"))).append("</h1><nav>");
        for (ReportText o : all)
            if (o != t) b.append("<a href=\"").append(e(fileName(o))).append("\" hreflang=\"").append(o.lang).append("\">")
                    .append(e(o.t("language"))).append("</a> ");
        b.append("</nav></header>\n");
        body(b, r, t);
        return page(t.lang, t.t("title"), b.toString(), List.of(t), fonts);
    }

    /** One self-contained page with every language of {@code all}, each in its own section, linked from the top. */
    static String renderAll(EvaluationResult r, List<ReportText> all) {
        StringBuilder b = new StringBuilder(128 * 1024);
        b.append("<nav>");
        for (ReportText t : all)
            b.append("<a href=\"#").append(e(t.lang)).append("\" hreflang=\"").append(e(t.lang)).append("\">")
                    .append(e(t.t("language"))).append("</a> ");
        b.append("</nav>\n");
        for (ReportText t : all) {
            b.append("<section id=\"").append(e(t.lang)).append("\" lang=\"").append(e(t.lang)).append("\"><header><h1>")
                    .append(e(t.t("title"))).append("</h1></header>\n");
            body(b, r, t);
            b.append("</section>\n");
        }
        return page(all.get(0).lang, all.get(0).t("title"), b.toString(), all, FontSubset.SOURCES);
    }

    /**
     * The whole page: its head, {@code content}, and a footer naming the font whose subset the page embeds for its
     * Chinese (in each language of {@code texts}), or saying that none is embedded.
     */
    private static String page(String lang, String title, String content, List<ReportText> texts, List<FontSubset.Source> fonts) {
        FontSubset.Source source = FontSubset.find(fonts).orElse(fonts.get(0));
        List<String> notes = texts.stream().map(t -> t.t("font.embedded").replace("{font}", fontName(source, t))
                .replace("{licence}", "zh".equals(t.lang) ? source.chineseLicence() : source.licence())).toList();
        Optional<FontSubset.Embedded> font = FontSubset.forText(title + content + String.join("", notes), fonts)
                .filter(f -> !f.codePoints().isEmpty());
        StringBuilder b = new StringBuilder(content.length() + (font.isPresent() ? 96 * 1024 : 4096));
        head(b, lang, title, font);
        b.append(content).append("<footer>");
        for (int k = 0; k < texts.size(); k++) {
            String note = font.isPresent() ? notes.get(k).replace("{n}", Integer.toString(font.get().codePoints().size()))
                    : texts.get(k).t("font.missing").replace("{package}", source.debianPackage());
            b.append("<p class=\"note font\" lang=\"").append(e(texts.get(k).lang)).append("\">").append(e(note)).append("</p>");
        }
        return b.append("</footer>\n</body></html>\n").toString();
    }

    private static String fontName(FontSubset.Source s, ReportText t) {
        return "zh".equals(t.lang) ? s.chineseName() + "（" + s.name() + "）" : s.name();
    }

    private static void head(StringBuilder b, String lang, String title, Optional<FontSubset.Embedded> font) {
        b.append("<!DOCTYPE html>\n<html lang=\"").append(e(lang)).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(e(title)).append("</title><style>");
        font.ifPresent(f -> b.append(f.fontFace()));
        b.append(CSS).append("</style></head><body>\n");
    }

    /** The report's sections alone (Evaluation#reportBody). */
    static String body(EvaluationResult r, ReportText t) {
        StringBuilder b = new StringBuilder(64 * 1024);
        body(b, r, t);
        return b.toString();
    }

    private static void body(StringBuilder b, EvaluationResult r, ReportText t) {
        ContextSection.warnings(b, r, t);
        b.append("<p>").append(e(t.t("intro"))).append("</p>\n");
        ContextSection.render(b, r, t);
        summary(b, r, t);
        List<ScenarioResult> sc = r.scenarios();
        indicator(b, r, t, "headcount", CheIndicators::headcount, Format::percent, true);
        indicator(b, r, t, "averageGap", CheIndicators::averageGap, Format::percent, false);
        indicator(b, r, t, "meanPositiveGap", CheIndicators::meanPositiveGap, Format::percent, false);
        indicator(b, r, t, "concentrationIndex", CheIndicators::concentrationIndex, Format::index, false);
        b.append("<p class=\"note\">").append(e(t.t("ci.note"))).append("</p>\n");
        if (!r.reimbursement().isEmpty()) reimbursement(b, r, t);
        for (Comparison c : r.comparisons()) gainLoss(b, c, t);
        if (!r.funds().isEmpty()) funds(b, r, t);
        InsurerSection.render(b, r, t);
        HospitalSection.render(b, r, t);
        PaymentSection.render(b, r, t);
        UncertaintySection.render(b, r, t);
        DistributionSection.render(b, r, t);
        CostSection.render(b, r, t);
        b.append("<section><h2>").append(e(t.t("notes"))).append("</h2><ul>");
        for (String k : List.of("note.method", "note.share", "note.basicOnly", "note.rank", "gainLoss.note"))
            b.append("<li>").append(e(t.t(k))).append("</li>");
        b.append("</ul></section>\n");
        WorksCited.render(b, r, t);
    }

    private static void summary(StringBuilder b, EvaluationResult r, ReportText t) {
        long excluded = r.scenarios().get(0).indicators().get(0).excluded();
        b.append("<table class=\"summary\"><tr><th>").append(e(t.t("baseline"))).append("</th><td>")
                .append(e(t.scenario(r.baseline()))).append("</td></tr><tr><th>").append(e(t.t("households")))
                .append("</th><td class=\"n\">").append(Format.count(r.households())).append("</td></tr><tr><th>")
                .append(e(t.t("excluded"))).append("</th><td class=\"n\">").append(Format.count(excluded))
                .append("</td></tr></table>\n");
        // every scenario's name with its label as run.json gives it
        b.append("<table class=\"summary\"><tr><th>").append(e(t.t("scenario"))).append("</th><th>").append(e(t.t("label")))
                .append("</th></tr>");
        for (ScenarioResult s : r.scenarios())
            b.append("<tr><td>").append(e(t.scenario(s.key()))).append("</td><td><code>").append(e(s.key())).append("</code></td></tr>");
        b.append("</table>\n");
    }

    /** One indicator: chart (thresholds × scenarios) and its table. */
    private static void indicator(StringBuilder b, EvaluationResult r, ReportText t, String key,
                                  ToDoubleFunction<CheIndicators> value, DoubleFunction<String> format, boolean withCounts) {
        List<String> thresholds = new ArrayList<>();
        for (int z : Indicators.THRESHOLDS) thresholds.add("z = " + z + "%");
        List<String> names = new ArrayList<>();
        double[][] v = new double[r.scenarios().size()][];
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        for (int s = 0; s < v.length; s++) {
            ScenarioResult sr = r.scenarios().get(s);
            names.add(t.scenario(sr.key()));
            v[s] = sr.indicators().stream().mapToDouble(value).toArray();
            series.add(BarChart.Series.of(names.get(s), sr.key(), palette.colour(sr.key()), v[s]));
        }
        StringBuilder table = new StringBuilder("<table><tr><th>").append(e(t.t("scenario"))).append("</th>");
        for (String z : thresholds) table.append("<th>").append(e(z)).append("</th>");
        if (withCounts) for (String z : thresholds) table.append("<th>").append(e(t.t("catastrophic") + " " + z)).append("</th>");
        table.append("</tr>");
        for (int s = 0; s < v.length; s++) {
            table.append("<tr><td>").append(e(names.get(s))).append("</td>");
            for (double x : v[s]) table.append("<td class=\"n\">").append(e(format.apply(x))).append("</td>");
            if (withCounts)
                for (CheIndicators i : r.scenarios().get(s).indicators())
                    table.append("<td class=\"n\">").append(Format.count(i.catastrophic())).append("</td>");
            table.append("</tr>");
        }
        table.append("</table>");
        BarChart.Chart chart = BarChart.Chart.of(t.t(key), new BarChart.Axes(t.t("axis.threshold"), t.t("axis." + key)), thresholds,
                series, format);
        // the index is a number from −1 to 1, the others shares of non-food spending
        DoubleFunction<String> ticks = "concentrationIndex".equals(key) ? AxisFormat::trim : AxisFormat::percent;
        figure(b, t.t(key), BarChart.svg(chart.ticks(ticks)), table.toString());
    }

    private static void reimbursement(StringBuilder b, EvaluationResult r, ReportText t) {
        List<String> runs = new ArrayList<>(r.reimbursement().keySet());
        List<String> runNames = runs.stream().map(t::scenario).toList();
        List<String> groups = new ArrayList<>();
        Reimbursement first = r.reimbursement().get(runs.get(0));
        for (Reimbursement.Row w : first.byQuintile()) groups.add(t.group(w.key()));
        groups.add(t.group("total"));
        double[][] v = new double[runs.size()][groups.size()];
        StringBuilder table = new StringBuilder("<table><tr><th>").append(e(t.t("group"))).append("</th>");
        for (String n : runNames) table.append("<th>").append(e(n)).append("</th>");
        table.append("</tr>");
        for (int k = 0; k < runs.size(); k++) {
            Reimbursement x = r.reimbursement().get(runs.get(k));
            for (int g = 0; g < x.byQuintile().size(); g++) v[k][g] = x.byQuintile().get(g).effectiveReimbursement();
            v[k][groups.size() - 1] = x.total().effectiveReimbursement();
        }
        for (int g = 0; g < groups.size(); g++) {
            table.append("<tr><td>").append(e(groups.get(g))).append("</td>");
            for (int k = 0; k < runs.size(); k++) table.append("<td class=\"n\">").append(Format.percent(v[k][g])).append("</td>");
            table.append("</tr>");
        }
        table.append("</table>");
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++)
            series.add(BarChart.Series.of(runNames.get(k), runs.get(k), palette.colour(runs.get(k)), v[k]));
        BarChart.Chart chart = BarChart.Chart.of(t.t("reimbursement"), new BarChart.Axes(t.t("axis.quintile"), t.t("axis.reimbursement")),
                groups, series, Format::percent).ticks(AxisFormat::percent);
        figure(b, t.t("reimbursement"), BarChart.svg(chart), table.toString());
        detail(b, r, t, "reimbursement.scheme", Reimbursement::byScheme);
        detail(b, r, t, "reimbursement.level", Reimbursement::byLevel);
    }

    private static void detail(StringBuilder b, EvaluationResult r, ReportText t, String title,
                               java.util.function.Function<Reimbursement, List<Reimbursement.Row>> rows) {
        b.append("<section><h2>").append(e(t.t(title))).append("</h2><table><tr>");
        for (String h : List.of("run", "group", "settlements", "medfee", "fundPay", "psnPart", "effectiveReimbursement", "oopShare"))
            b.append("<th>").append(e(t.t(h))).append("</th>");
        b.append("</tr>");
        for (Map.Entry<String, Reimbursement> x : r.reimbursement().entrySet())
            for (Reimbursement.Row w : rows.apply(x.getValue()))
                b.append("<tr><td>").append(e(t.scenario(x.getKey()))).append("</td><td>").append(e(t.group(w.key())))
                        .append("</td><td class=\"n\">").append(Format.count(w.settlements()))
                        .append("</td><td class=\"n\">").append(Format.yuan(w.medfeeSumamt()))
                        .append("</td><td class=\"n\">").append(Format.yuan(w.fundPaySumamt()))
                        .append("</td><td class=\"n\">").append(Format.yuan(w.psnPartAmt()))
                        .append("</td><td class=\"n\">").append(Format.percent(w.effectiveReimbursement()))
                        .append("</td><td class=\"n\">").append(Format.percent(w.outOfPocketShare())).append("</td></tr>");
        b.append("</table></section>\n");
    }

    private static void gainLoss(StringBuilder b, Comparison c, ReportText t) {
        String title = t.t("gainLoss") + ": " + t.scenario(c.run()) + " " + t.t("against") + " " + t.scenario(c.baseline());
        List<String> groups = c.byQuintile().stream().map(g -> t.group(g.group())).toList();
        double[][] v = new double[2][groups.size()];
        for (int g = 0; g < groups.size(); g++) {
            v[0][g] = c.byQuintile().get(g).gainers();
            v[1][g] = c.byQuintile().get(g).losers();
        }
        StringBuilder table = new StringBuilder("<table><tr>");
        for (String h : List.of("group", "households", "gainers", "gainersMean", "losers", "losersMean", "unchanged", "meanChange"))
            table.append("<th>").append(e(t.t(h))).append("</th>");
        table.append("</tr>");
        List<Comparison.GainLoss> rows = new ArrayList<>(c.byQuintile());
        rows.add(c.total());
        for (Comparison.GainLoss g : rows)
            table.append("<tr><td>").append(e(t.group(g.group()))).append("</td><td class=\"n\">").append(Format.count(g.households()))
                    .append("</td><td class=\"n\">").append(Format.count(g.gainers()))
                    .append("</td><td class=\"n\">").append(Format.yuan(g.gainersMeanChangeFen()))
                    .append("</td><td class=\"n\">").append(Format.count(g.losers()))
                    .append("</td><td class=\"n\">").append(Format.yuan(g.losersMeanChangeFen()))
                    .append("</td><td class=\"n\">").append(Format.count(g.unchanged()))
                    .append("</td><td class=\"n\">").append(Format.yuan(g.meanChangeFen())).append("</td></tr>");
        table.append("</table>");
        BarChart.Chart chart = BarChart.Chart.of(title, new BarChart.Axes(t.t("axis.quintile"), t.t("axis.households")), groups,
                List.of(BarChart.Series.of(t.t("gainers"), "gainers", Palette.GAINERS, v[0]),
                        BarChart.Series.of(t.t("losers"), "losers", Palette.LOSERS, v[1])), x -> Format.count(Math.round(x)));
        figure(b, title, BarChart.svg(chart.minStep(1)), table.toString());
        if (c.funds().isEmpty()) return;
        b.append("<section><h2>").append(e(t.t("fundCost") + ": " + t.scenario(c.run()))).append("</h2><table><tr>");
        for (String h : List.of("fund", "incomeChange", "expenditureChange", "balanceChange"))
            b.append("<th>").append(e(t.t(h))).append("</th>");
        b.append("</tr>");
        for (Comparison.FundChange f : c.funds())
            b.append("<tr><td>").append(e(t.fund(f.fund()))).append("</td><td class=\"n\">").append(Format.yuan(f.incomeChangeFen()))
                    .append("</td><td class=\"n\">").append(Format.yuan(f.expenditureChangeFen()))
                    .append("</td><td class=\"n\">").append(Format.yuan(f.balanceChangeFen())).append("</td></tr>");
        b.append("</table></section>\n");
    }

    private static void funds(StringBuilder b, EvaluationResult r, ReportText t) {
        List<String> runs = new ArrayList<>(r.funds().keySet());
        List<String> keys = new ArrayList<>();
        for (FundTotals f : r.funds().values()) for (String k : f.funds().keySet()) if (!keys.contains(k)) keys.add(k);
        List<String> fundNames = keys.stream().map(t::fund).toList();
        double[][] v = new double[runs.size()][keys.size()], in = new double[runs.size()][keys.size()],
                out = new double[runs.size()][keys.size()];
        StringBuilder table = new StringBuilder("<table><tr>");
        for (String h : List.of("run", "fund", "income", "expenditure", "balance")) table.append("<th>").append(e(t.t(h))).append("</th>");
        table.append("</tr>");
        for (int k = 0; k < runs.size(); k++)
            for (int f = 0; f < keys.size(); f++) {
                FundFlow x = r.funds().get(runs.get(k)).get(keys.get(f));
                v[k][f] = x.balanceFen();
                in[k][f] = x.incomeFen();
                out[k][f] = x.expenditureFen();
                table.append("<tr><td>").append(e(t.scenario(runs.get(k)))).append("</td><td>").append(e(fundNames.get(f)))
                        .append("</td><td class=\"n\">").append(Format.yuan(x.incomeFen()))
                        .append("</td><td class=\"n\">").append(Format.yuan(x.expenditureFen()))
                        .append("</td><td class=\"n\">").append(Format.yuan(x.balanceFen())).append("</td></tr>");
            }
        table.append("</table>");
        if (keys.contains("assistance") || keys.contains("emergency"))
            table.append("<p class=\"note\">").append(e(t.t("funds.fiscal"))).append("</p>");
        figure(b, t.t("funds"), table.toString(), fundFlows(r, t, runs, fundNames, in, out), fundBalances(r, t, runs, fundNames, v));
    }

    /** Income (solid) and expenditure (pale) of each fund, two bars per run in its scenario's colour. */
    private static String fundFlows(EvaluationResult r, ReportText t, List<String> runs, List<String> funds, double[][] in,
                                    double[][] out) {
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        List<BarChart.Key> legend = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++) {
            String name = t.scenario(runs.get(k)), colour = palette.colour(runs.get(k));
            series.add(BarChart.Series.of(name + " · " + t.t("key.income"), runs.get(k), colour, in[k]));
            series.add(new BarChart.Series(name + " · " + t.t("key.expenditure"), runs.get(k), colour, true, out[k]));
            legend.add(new BarChart.Key(name, runs.get(k), colour, false));
        }
        legend.add(new BarChart.Key(t.t("key.income"), null, NEUTRAL, false));
        legend.add(new BarChart.Key(t.t("key.expenditure"), null, NEUTRAL, true));
        AxisFormat.Money unit = AxisFormat.money(Math.max(maxAbs(in), maxAbs(out)), t);
        BarChart.Chart chart = BarChart.Chart.of(t.t("funds.flows"), new BarChart.Axes(t.t("axis.fund"),
                t.t("axis.flows").replace("{unit}", unit.unit())), funds, series, x -> Format.yuan(Math.round(x)) + " " + t.t("unit.yuan"));
        return BarChart.svg(chart.legend(legend).ticks(unit::tick));
    }

    /** Each fund's year's balance, one bar per run. */
    private static String fundBalances(EvaluationResult r, ReportText t, List<String> runs, List<String> funds, double[][] balance) {
        Palette palette = Palette.of(r);
        List<BarChart.Series> series = new ArrayList<>();
        for (int k = 0; k < runs.size(); k++)
            series.add(BarChart.Series.of(t.scenario(runs.get(k)), runs.get(k), palette.colour(runs.get(k)), balance[k]));
        AxisFormat.Money unit = AxisFormat.money(maxAbs(balance), t);
        BarChart.Chart chart = BarChart.Chart.of(t.t("funds.balance"), new BarChart.Axes(t.t("axis.fund"),
                t.t("axis.balance").replace("{unit}", unit.unit())), funds, series, x -> Format.yuan(Math.round(x)) + " " + t.t("unit.yuan"));
        return BarChart.svg(chart.ticks(unit::tick));
    }

    /** The swatches of the fund chart's two styles: grey, solid for income, pale for expenditure. */
    private static final String NEUTRAL = "#666666";

    private static double maxAbs(double[][] v) {
        double m = 0;
        for (double[] row : v) for (double x : row) if (!Double.isNaN(x)) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static void figure(StringBuilder b, String title, String svg, String table) {
        figure(b, title, table, new String[] {svg});
    }

    /** A section: its title, its charts, and the table of their figures beside them. */
    private static void figure(StringBuilder b, String title, String table, String... svgs) {
        b.append("<section><h2>").append(e(title)).append("</h2><div class=\"fig\">");
        for (String svg : svgs) b.append("<figure>").append(svg).append("</figure>");
        b.append("<div class=\"data\">").append(table).append("</div></div></section>\n");
    }

    private static String e(String s) {
        return Html.escape(s);
    }

    /**
     * The page's style. The embedded CJK subset first (its unicode-range holds only the page's Chinese characters, so
     * Latin text keeps the reader's font). No sideways scrolling at 800 px: charts scale down (their viewBox), a table
     * wider than the page scrolls in a box of its own, long unbroken words (a run's label) may break; in a table cell Chinese
     * breaks only at spaces and punctuation (keep-all: "第一组（最低收入）" at most before its bracket).
     */
    private static final String CSS = "body{font-family:\"" + FontSubset.FAMILY + "\",system-ui,sans-serif;margin:1.5em;"
            + "color:#222;max-width:1400px;overflow-wrap:break-word}"
            + "h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}nav{float:right}"
            + ".fig{display:flex;flex-wrap:wrap;gap:1.5em;align-items:flex-start}.fig>*{min-width:0;max-width:100%}"
            + "figure{margin:0}svg.chart{display:block;max-width:100%;height:auto}"
            + "table{border-collapse:collapse;font-size:0.9em;display:block;max-width:100%;overflow-x:auto}"
            + "th,td{border:1px solid #ccc;padding:0.25em 0.6em;word-break:keep-all}th{background:#f3f3f3;text-align:left}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}code{overflow-wrap:anywhere}"
            + ".note{color:#555;font-size:0.9em}.summary{margin:1em 0}footer{margin-top:2em;border-top:1px solid #ccc}";
}
