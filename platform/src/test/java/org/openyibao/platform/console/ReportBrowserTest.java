package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.batch.Simulation;
import org.openyibao.sim.evaluate.Evaluation;
import org.openyibao.sim.io.Format;
import org.openyibao.sim.io.RegionWriter;
import org.openyibao.sim.io.RunReader;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Region;

/**
 * The evaluation report ({@code yibao evaluate}'s page) in a real browser (issue 12, "The report itself"), on a small
 * generated population settled without and with the si-50 scenario, in chromium whose fontconfig sees no CJK font
 * (FONTCONFIG_FILE naming only the DejaVu fonts): a reader without Chinese fonts. At 800 px nothing is wider than the
 * window; every chart has both axis titles; a scenario has one colour in every chart of both pages; each chart's
 * category labels lie inside the chart and apart; every Chinese character of the page is drawn by the embedded subset
 * (none falls back to the missing-glyph box). Screenshots {@code report-zh-800.png}, {@code report-zh-1280.png},
 * {@code report-en-800.png}, {@code report-en-1280.png} (docs/sim/ keeps them), beside a copy of the pages.
 */
class ReportBrowserTest {
    static final Path POLICIES = Path.of(System.getProperty("yibao.policies", "../policies"));

    @TempDir static Path dir;
    static Map<String, String> noCjkFont;

    @BeforeAll
    static void writeTheReport() throws Exception {
        Browser.required();
        PolicyPack pack = PackLoader.load(POLICIES.resolve("zhanjiang"));
        Path population = dir.resolve("population");
        RegionWriter.write(new Generator(Region.KNOWN.get("zhanjiang"), 2018, 7, 1_000, Generator.DEFAULT_PART_HOUSEHOLDS),
                population, Format.PARQUET, 2, pack, null);
        long wage = Long.parseLong(Simulation.ILLUSTRATIVE_AVERAGE_WAGE) * 100;
        Path si50File = POLICIES.resolve("zhanjiang/scenarios/si-50.yaml");
        PolicyPack si50 = PackLoader.applyReform(pack, si50File);
        new Simulation(new Simulation.Spec(population, pack, "baseline", null, dir.resolve("baseline"), 2, wage)).run();
        new Simulation(new Simulation.Spec(population, si50, Simulation.label(si50), si50File.toString(), dir.resolve("si-50"), 2,
                wage)).run();
        Evaluation.run(RunReader.readAll(List.of(new RunReader(dir.resolve("baseline")), new RunReader(dir.resolve("si-50"))), 2),
                dir.resolve("report"), new LinkedHashSet<>(List.of(Locale.CHINESE, Locale.ENGLISH)));

        for (String page : List.of("report.zh.html", "report.en.html", "report.html")) {
            // the page with its font subset stays small enough to mail (the subset of ~200 characters is ~45 KB)
            assertThat(Files.size(dir.resolve("report").resolve(page))).as(page + "'s size").isLessThan(400_000);
            Files.copy(dir.resolve("report").resolve(page), Browser.SHOTS.resolve(page), StandardCopyOption.REPLACE_EXISTING);
        }
        Path fonts = dir.resolve("fonts.conf");
        Files.writeString(fonts, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n"
                + "<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>" + dir.resolve("fontconfig-cache")
                + "</cachedir><match target=\"pattern\"><edit name=\"family\" mode=\"append_last\"><string>DejaVu Sans</string>"
                + "</edit></match></fontconfig>\n");
        noCjkFont = Map.of("FONTCONFIG_FILE", fonts.toString());
    }

    @Test
    void theReportReadsWithoutCjkFontsFitsEightHundredPixelsAndKeepsOneColourPerScenario() throws Exception {
        // "all": report.html, both languages on one page (its charts' colours too are one per scenario)
        for (String lang : List.of("zh", "en", "all")) {
            for (int width : List.of(800, 1280)) {
                WebDriver d = Browser.open(width, 900, noCjkFont);
                try {
                    d.get(dir.resolve("report").resolve("all".equals(lang) ? "report.html" : "report." + lang + ".html").toUri().toString());
                    JavascriptExecutor js = (JavascriptExecutor) d;
                    js.executeAsyncScript("document.fonts.ready.then(() => arguments[arguments.length - 1]())");
                    fits(js, lang, width);
                    chartsHaveAxisTitlesAndLabelsApart(js, lang);
                    oneColourPerScenario(js);
                    noGlyphFallsBack(js, lang);
                    Browser.noConsoleErrors(d);
                    if ("all".equals(lang)) continue;
                    long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
                    d.manage().window().setSize(new Dimension(width, (int) Math.min(height, 16_000)));
                    Browser.shot(d, "report-" + lang + "-" + width);
                } finally {
                    d.quit();
                }
            }
        }
    }

    /** No sideways scrolling, and no element reaching past the window except inside a box that scrolls. */
    static void fits(JavascriptExecutor js, String lang, int width) {
        long scroll = (Long) js.executeScript("return document.documentElement.scrollWidth");
        long inner = (Long) js.executeScript("return window.innerWidth");
        assertThat(scroll).as("%s page at %d px: no sideways scrolling", lang, width).isLessThanOrEqualTo(inner);
        @SuppressWarnings("unchecked")
        List<String> over = (List<String>) js.executeScript("""
                const w = window.innerWidth, out = [];
                const clipped = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
                    return false; };
                for (const e of document.body.querySelectorAll('*')) {
                    const r = e.getBoundingClientRect();
                    if (r.right > w + 0.5 && !clipped(e)) out.push(e.tagName + ' ' + Math.round(r.right));
                }
                return out;""");
        assertThat(over).as("%s page at %d px: elements wider than the window", lang, width).isEmpty();
    }

    /** Each chart: both axis titles, non-empty; its category labels inside the chart and not overlapping each other. */
    static void chartsHaveAxisTitlesAndLabelsApart(JavascriptExecutor js, String lang) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) js.executeScript("""
                const out = [], charts = document.querySelectorAll('svg.chart');
                if (charts.length < 6) out.push('only ' + charts.length + ' charts');
                charts.forEach((svg, i) => {
                    const name = i + ' ' + svg.querySelector('title').textContent;
                    for (const axis of ['x', 'y']) {
                        const t = svg.querySelector('text.axis-title.' + axis);
                        if (!t || !t.textContent.trim()) out.push(name + ': no ' + axis + ' axis title');
                    }
                    const vb = svg.viewBox.baseVal, toSvg = svg.getScreenCTM().inverse();
                    // a text's box in the chart's own units, after its transform (the y axis title is turned)
                    const box = t => { const b = t.getBBox(), m = toSvg.multiply(t.getScreenCTM());
                        const p = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
                            .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
                        return {x: Math.min(...p.map(q => q.x)), y: Math.min(...p.map(q => q.y)),
                                right: Math.max(...p.map(q => q.x)), bottom: Math.max(...p.map(q => q.y))}; };
                    for (const t of svg.querySelectorAll('text')) {
                        const b = box(t);
                        if (b.x < -0.5 || b.y < -0.5 || b.right > vb.width + 0.5 || b.bottom > vb.height + 0.5)
                            out.push(name + ': text cut at the edge: ' + t.textContent + ' ' + JSON.stringify(b));
                    }
                    const cats = [...svg.querySelectorAll('text.category')].map(box);
                    for (let k = 1; k < cats.length; k++)
                        if (cats[k - 1].right > cats[k].x) out.push(name + ': category labels ' + (k - 1) + ' and ' + k + ' overlap');
                });
                return out;""");
        assertThat(problems).as("%s page's charts", lang).isEmpty();
    }

    /** Every bar group and legend key of a series ({@code data-series}, the scenario's key) has one colour in all charts. */
    static void oneColourPerScenario(JavascriptExecutor js) {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> colours = (Map<String, List<String>>) js.executeScript("""
                const m = {};
                for (const e of document.querySelectorAll('svg.chart [data-series]')) {
                    const fill = e.getAttribute('fill') || e.querySelector('rect').getAttribute('fill');
                    const k = e.getAttribute('data-series');
                    m[k] = [...new Set([...(m[k] || []), fill])];
                }
                return m;""");
        assertThat(colours).containsKeys("no-insurance", "basic-only", "baseline", "si-50", "gainers", "losers");
        colours.forEach((series, fills) -> assertThat(fills).as("colours of %s in all charts", series).hasSize(1));
        assertThat(colours.values().stream().map(l -> l.get(0)).distinct().count()).as("no two series share a colour")
                .isEqualTo(colours.size());
    }

    /**
     * No Chinese character falls back: the embedded face is loaded, its unicode-range holds every CJK character of the
     * page, and each is drawn 1 em wide by it on a canvas, while the system's own font (no CJK font here) draws the
     * missing-glyph box at another width.
     */
    static void noGlyphFallsBack(JavascriptExecutor js, String lang) {
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) js.executeScript("""
                const face = [...document.fonts].find(x => x.family.replace(/"/g, '') === 'Report CJK');
                const chars = [...new Set([...document.documentElement.textContent].filter(c => c.codePointAt(0) >= 0x2E80))];
                const ranges = face ? face.unicodeRange.split(',').map(r => r.trim().replace(/^U\\+/i, '').split('-')
                    .map(h => parseInt(h, 16))) : [];
                const inRange = c => ranges.some(([a, b]) => c.codePointAt(0) >= a && c.codePointAt(0) <= (b ?? a));
                const ctx = document.createElement('canvas').getContext('2d');
                const width = (font, c) => { ctx.font = font; return ctx.measureText(c).width; };
                return {status: face ? face.status : 'none', chars: chars.length,
                        outside: chars.filter(c => !inRange(c)).join(''),
                        notEm: chars.filter(c => Math.abs(width('40px "Report CJK"', c) - 40) > 0.5).join(''),
                        systemDraws: width('40px sans-serif', '中')};""");
        assertThat(f.get("status")).as("%s page: the embedded CJK subset", lang).isEqualTo("loaded");
        assertThat((Long) f.get("chars")).as("%s page's Chinese characters", lang).isPositive();
        assertThat(f.get("outside")).as("%s page: Chinese characters outside the subset", lang).isEqualTo("");
        assertThat(f.get("notEm")).as("%s page: characters not drawn 1 em wide by the subset", lang).isEqualTo("");
        assertThat(((Number) f.get("systemDraws")).doubleValue()).as("the system has no CJK font here: 中 is a box of another width")
                .isNotCloseTo(40, org.assertj.core.data.Offset.offset(0.5));
    }
}
