package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's charts (axis titles, one colour per scenario, labels never cut) and its embedded font subset. */
class ReportChartsTest {

    static final ReportText ZH = ReportText.of(Locale.CHINESE), EN = ReportText.of(Locale.ENGLISH);

    @Test
    void aChineseLabelBreaksOnlyBeforeItsBracketAndAnEnglishOneAtSpaces() {
        // 9 characters at 11 px = 99 px: on one line in 100 px; in 60 px "第一组" (33 px) and "（最低收入）" (66 px, on a
        // line of its own although wider: a piece is never cut)
        assertThat(BarChart.wrap("第一组（最低收入）", 100, 11)).containsExactly("第一组（最低收入）");
        assertThat(BarChart.wrap("第一组（最低收入）", 60, 11)).containsExactly("第一组", "（最低收入）");
        assertThat(BarChart.wrap("突发公共卫生事件保障", 40, 11)).containsExactly("突发公共卫生事件保障");
        // "Public-health" 13 × 6.6 = 85.8 px > 80: alone; "emergency cover" 15 × 6.6 = 99 px > 80: two lines
        assertThat(BarChart.wrap("Public-health emergency cover", 80, 11)).containsExactly("Public-health", "emergency", "cover");
        assertThat(BarChart.pieces("Q1 (poorest)")).containsExactly("Q1", " (poorest)");
    }

    @Test
    void quintileLabelsStayOnOneLineInBandsWideEnoughForThem() {
        List<String> groups = List.of("Q1", "Q2", "Q3", "Q4", "Q5").stream().map(ZH::group).toList();
        BarChart.Layout at = BarChart.Layout.of(groups, 70);
        assertThat(at.labels()).allSatisfy(lines -> assertThat(lines).hasSize(1));
        assertThat(at.band()).isGreaterThanOrEqualTo(BarChart.textWidth("第一组（最低收入）", 11) + 8);
        assertThat(at.width()).isLessThanOrEqualTo(BarChart.MAX_ONE_LINE_WIDTH);
        // six long fund names cannot stand whole in 720 px: broken, each piece fitting its band
        List<String> funds = List.of("resident_pooling", "employee_pooling", "serious_illness", "assistance", "employee_accounts",
                "emergency").stream().map(EN::fund).toList();
        BarChart.Layout f = BarChart.Layout.of(funds, 70);
        assertThat(f.labels()).anySatisfy(lines -> assertThat(lines.size()).isGreaterThan(1));
        for (List<String> lines : f.labels())
            for (String l : lines) assertThat(BarChart.textWidth(l, 11)).isLessThanOrEqualTo(f.band() - 8);
    }

    @Test
    void everyChartHasAxisTitlesAndEveryScenarioOneColourInAllCharts() throws Exception {
        EvaluationResult r = Evaluation.evaluate(ReportTest.runs());
        for (ReportText t : List.of(ZH, EN)) {
            String page = HtmlReport.render(r, t, List.of(ZH, EN));
            List<String> charts = all(page, "<svg class=\"chart\"[\\s\\S]*?</svg>");
            // 4 indicators, reimbursement, 2 gainers-and-losers, fund flows and balances, out-of-pocket by decile
            assertThat(charts).hasSize(10);
            for (String svg : charts) assertThat(svg).contains("class=\"axis-title x\"", "class=\"axis-title y\"");
            Map<String, String> colour = new HashMap<>();
            Matcher m = Pattern.compile("data-series=\"([^\"]*)\"(?: fill=\"([^\"]*)\")?[^>]*>(?:<rect[^>]* fill=\"([^\"]*)\")?")
                    .matcher(page);
            int seen = 0;
            while (m.find()) {
                String fill = m.group(2) != null ? m.group(2) : m.group(3);
                assertThat(fill).as("colour of %s", m.group(1)).isNotNull();
                assertThat(colour.merge(m.group(1), fill, (a, b) -> a.equals(b) ? a : a + "≠" + b))
                        .as("one colour for %s", m.group(1)).doesNotContain("≠");
                seen++;
            }
            assertThat(seen).isGreaterThan(20);
            assertThat(colour).containsEntry("gainers", Palette.GAINERS).containsEntry("losers", Palette.LOSERS)
                    .containsKeys("no-insurance", "basic-only", "baseline", "si-50");
            assertThat(new TreeSet<>(colour.values())).as("no two scenarios share a colour").hasSize(colour.size());
        }
    }

    @Test
    void aLongRunLabelWidensTheChartSoThatItsLegendKeyFits() {
        String label = "si-threshold-15000+si-100+resident-ratio-70+employee-ratio-90+a-long-reform-name";
        String svg = BarChart.svg(BarChart.Chart.of("t", new BarChart.Axes("x", "y"), List.of("a", "b"),
                List.of(BarChart.Series.of(label, label, "#000000", new double[] {1, 2})), AxisFormat::trim));
        int width = Integer.parseInt(svg.replaceAll("(?s).*?viewBox=\"0 0 (\\d+) .*", "$1"));
        // the key: 18 px swatch and gap + 83 characters × 7.2 px + 16 px after it, from the plot's left edge (≥ 60 px)
        assertThat(width).isGreaterThanOrEqualTo((int) (60 + 18 + label.length() * 7.2 + 16));
    }

    @Test
    void fundsPlotIncomeAndExpenditureBesideTheBalanceOnAxesInTheirUnit() {
        String page = HtmlReport.body(Evaluation.evaluate(ReportTest.runs()), ZH);
        // the serious-illness fund's income, 1,000,000 yuan, is 100 万元; its expenditure is drawn pale
        assertThat(page).contains("<title>基金收入与支出</title>", "<title>基金当年结余</title>", "收入与支出（万元）", "当年结余（万元）",
                "大病保险报销 50% · 支出 · 大病保险: 1,100,000.00 元", "fill-opacity=\"0.35\"");
        assertThat(AxisFormat.money(12_500_000, ZH)).isEqualTo(new AxisFormat.Money(1e4, "万元"));
        assertThat(AxisFormat.money(12_500_000, ZH).tick(12_500_000)).isEqualTo("12.5");
        assertThat(AxisFormat.money(12_500_000, EN).tick(12_500_000)).isEqualTo("125");
        assertThat(AxisFormat.money(12_500_000, EN).unit()).isEqualTo("thousand yuan");
        assertThat(AxisFormat.money(99_00, EN).unit()).isEqualTo("yuan");
        assertThat(AxisFormat.money(3e11, ZH).unit()).isEqualTo("亿元");
        assertThat(AxisFormat.percent(0.025)).isEqualTo("2.5%");
        assertThat(AxisFormat.percent(0.1)).isEqualTo("10%");
        assertThat(AxisFormat.trim(-0.2)).isEqualTo("-0.2");
        assertThat(AxisFormat.trim(1200.5)).isEqualTo("1,200.5");
    }

    @Test
    void theFontSubsetHoldsExactlyThePagesChineseCharacters() throws Exception {
        boolean present = Files.isReadable(FontSubset.WQY_ZEN_HEI.file());
        if (System.getenv("CI") == null) assumeTrue(present, "apt-get install fonts-wqy-zenhei");
        FontSubset.Embedded f = FontSubset.subset(FontSubset.WQY_ZEN_HEI, "Q1 第一组（最低收入）第一");
        assertThat(f.codePoints()).containsExactlyElementsOf(
                new TreeSet<>("第一组（最低收入）".codePoints().boxed().toList()));
        // a TrueType file (version 1.0), small: 9 glyphs
        assertThat(f.ttf()).startsWith(0, 1, 0, 0);
        assertThat(f.ttf().length).isLessThan(20_000);
        assertThat(f.fontFace()).startsWith("@font-face{font-family:\"Report CJK\";src:url(data:font/ttf;base64,AAEAAA")
                .endsWith("unicode-range:U+4E00,U+4F4E,U+5165,U+6536,U+6700,U+7B2C,U+7EC4,U+FF08-FF09}");
    }

    @Test
    void unicodeRangesJoinRuns() {
        assertThat(FontSubset.unicodeRange(new TreeSet<>(List.of(0x4E00, 0x4E01, 0x4E02, 0x4E0A)))).isEqualTo("U+4E00-4E02,U+4E0A");
    }

    @Test
    void withoutTheFontThePageIsWrittenAndSaysSoAndTheTerminalIsWarnedOnce(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        FontSubset.Source missing = new FontSubset.Source("Nowhere Sans", "无处黑", "NowhereSans", "OFL-1.1", "OFL-1.1",
                "fonts-nowhere", dir.resolve("nowhere.ttf"));
        EvaluationResult r = Evaluation.evaluate(ReportTest.runs());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String page;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            page = HtmlReport.render(r, ZH, List.of(ZH), List.of(missing));
            HtmlReport.render(r, EN, List.of(EN), List.of(missing));
        } finally {
            System.setErr(err);
        }
        assertThat(page).doesNotContain("@font-face").contains("灾难性卫生支出 发生率", "本页未嵌入中文字体（生成报告的机器上没有 fonts-nowhere）");
        String warning = captured.toString(StandardCharsets.UTF_8);
        assertThat(warning).contains("apt-get install fonts-nowhere", dir.resolve("nowhere.ttf").toString());
        assertThat(warning.lines().count()).as("warned once").isEqualTo(1);
    }

    private static List<String> all(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group());
        return out;
    }
}
