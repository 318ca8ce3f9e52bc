package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.SettlementField;

class ReportTest {

    private static final String EVIL = "<script>alert('x')</script> & \"reform\"";

    /** Baseline = the six households; si-50 cuts every OOP by 10%; a reform with a hostile label raises id 5's. */
    static List<RunInput> runs() {
        List<RunInput> runs = new ArrayList<>();
        String[] labels = {"baseline", "si-50", EVIL};
        for (int k = 0; k < labels.length; k++) {
            Households six = Populations.six(), h = new Households();
            for (int i = 0; i < six.count(); i++) {
                long oop = six.oopFen(i) * (k == 1 ? 9 : 10) / 10 + (k == 2 && i == 4 ? 50_000 : 0);
                h.add(six.householdId(i), six.size(i), six.incomeFen(i), six.spendingFen(i), six.foodFen(i),
                        six.medfeeFen(i) * 3, six.medfeeFen(i), six.medfeeFen(i) / 2, six.medfeeFen(i) / 4, 0, oop, 300_00);
            }
            SettlementAggregate a = new SettlementAggregate(h);
            for (int i = 0; i < h.count(); i++)
                a.add(i % 2 == 0 ? Scheme.RESIDENT : Scheme.EMPLOYEE, Level.values()[i % 5], h.householdId(i),
                        SettlementRows.of(SettlementField.MEDFEE_SUMAMT, h.medfeeFen(i), SettlementField.FUND_PAY_SUMAMT,
                                h.medfeeFen(i) - h.oopFen(i), SettlementField.PSN_PART_AMT, h.oopFen(i), SettlementField.HIFP_PAY,
                                h.basicFen(i), SettlementField.HIFMI_PAY, h.seriousIllnessFen(i), SettlementField.MAF_PAY,
                                h.assistanceFen(i)));
            FundTotals f = FundTotals.of(new FundFlow(10_000_000_00L, 8_000_000_00L), new FundFlow(20_000_000_00L, 15_000_000_00L),
                    new FundFlow(1_000_000_00L, 900_000_00L + k * 200_000_00L), new FundFlow(300_000_00L, 310_000_00L));
            runs.add(new RunInput(labels[k], h, a, f));
        }
        return runs;
    }

    @Test
    void writesBothLanguagesCsvAndJson(@TempDir Path out) throws Exception {
        Set<Locale> langs = new LinkedHashSet<>(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        EvaluationResult r = Evaluation.run(runs(), out, langs);
        assertThat(r.scenarios()).extracting(ScenarioResult::key)
                .containsExactly("no-insurance", "basic-only", "baseline", "si-50", EVIL);

        String zh = Files.readString(out.resolve("report.zh.html"));
        String en = Files.readString(out.resolve("report.en.html"));
        String both = Files.readString(out.resolve("report.html"));
        for (String page : List.of(zh, en, both)) {
            // every label present (escaped), nothing of it unescaped
            assertThat(page).contains("si-50", Html.escape(EVIL));
            assertThat(page).doesNotContain(EVIL).doesNotContainIgnoringCase("<script");
            // self-contained: no external resource or link (a cited work's address is text to read, not a link)
            assertThat(page).doesNotContain("href=\"http", "src=", "<link", "@import");
            assertThat(page).as("the method's work cited in full").contains("Luo Liming (2020). The Security Effect and Operating Mechanism",
                    "https://iscte-iul.pt/tese/11431");
            // the one url( is the embedded font subset, a data: URL
            assertThat(page.replace("url(data:font/ttf;base64,", "")).doesNotContain("url(");
            assertThat(page).startsWith("<!DOCTYPE html>").contains("</html>");
            assertBalanced(page, "table", "svg", "section", "figure", "tr", "td", "th", "title", "text");
            assertThat(page).contains("<svg").contains("</svg>");
        }
        assertThat(zh).contains("lang=\"zh\"", "灾难性卫生支出 发生率", "平均差距", "相对差距", "集中指数", "实际报销比",
                "无医保", "仅基本医保", "基本医保 + 大病保险（现行）", "大病保险报销 50%", "href=\"report.en.html\"");
        assertThat(en).contains("lang=\"en\"", "CHE headcount", "average gap", "concentration index",
                "Effective reimbursement", "No insurance", "Basic only", "href=\"report.zh.html\"");
        // the bilingual page: both languages, each in its own section, linked from the top
        assertThat(both).contains("href=\"#zh\"", "href=\"#en\"", "<section id=\"zh\" lang=\"zh\">",
                "<section id=\"en\" lang=\"en\">", "灾难性卫生支出 发生率", "CHE headcount");
        // figures: percentages and yuan with 2 decimals; the six-household headcount at 20% is 4/6
        assertThat(en).contains("66.67%", "50.00%");
        assertThat(en).as("the budget-funded rows said to be so").contains("their income is the fiscal transfer");
        assertThat(zh).contains("其收入即财政转移支付");
        assertThat(en).contains("2,000,000.00");   // 200,000,000 fen: the serious-illness fund's Δ expenditure

        String csv = Files.readString(out.resolve("indicators.csv"));
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(IndicatorFiles.CSV_HEADER);
        assertThat(csv.lines().count()).isEqualTo(1 + 5 * 3);
        assertThat(csv).contains("baseline,false,20,6,1,4,66.67,12.50,18.75,-0.3333,");
        assertThat(csv).contains("\"<script>alert('x')</script> & \"\"reform\"\"\"");

        JsonNode json = new ObjectMapper().readTree(out.resolve("indicators.json").toFile());
        assertThat(json.get("baseline").asText()).isEqualTo("baseline");
        assertThat(json.get("scenarios")).hasSize(5);
        assertThat(json.at("/scenarios/2/indicators/0/catastrophic").asLong()).isEqualTo(4);
        assertThat(json.at("/comparisons/0/run").asText()).isEqualTo("si-50");
        assertThat(json.at("/comparisons/1/funds/2/expenditure_change_fen").asLong()).isEqualTo(400_000_00L);
        assertThat(json.at("/reimbursement/si-50/by_quintile")).hasSize(5);
    }

    /** Works cited: the full reference of each work the reforms' changes and the calibration cite, each once. */
    @Test
    void worksCitedByTheChangesAndTheCalibrationInFull() {
        EvaluationResult r = Evaluation.evaluate(runs());
        RunContext c = new RunContext("zhanjiang", 2018, 6L, 6L, 1L, "zhanjiang", null, null, "si.yaml", List.of("si"), List.of(),
                List.of(new RunContext.Change("serious_illness.x", "ratio", "0.5", "1", "2018-01-01", "Luo 2020, Table 4-2 scenario",
                        "2018-01-01", "2018-12-31")),
                List.of(new RunContext.Calibrated("resident_pooling", "1", "0.98", "He 2020, §4.1; DECISION, docs/sim.md#calibration")));
        EvaluationResult with = new EvaluationResult(r.baseline(), r.households(), r.scenarios(), r.reimbursement(), r.funds(),
                r.comparisons(), java.util.Map.of("baseline", c), r.warnings(), r.uncertainty(), r.distribution(), r.costEffectiveness());
        String en = HtmlReport.body(with, ReportText.of(Locale.ENGLISH));
        String cited = en.substring(en.indexOf("Works cited"));
        assertThat(cited).contains("Luo Liming (2020)", "He Wei, Liu Huan, Hu Tiantian (2020)", "https://doi.org/10.21203/rs.3.rs-76722/v1");
        assertThat(cited.split("Luo Liming \\(2020\\)", -1)).as("once, though cited twice").hasSize(2);
        assertThat(cited).doesNotContain("Wang Mengyuan");
    }

    /**
     * The newer sections, in both languages: what was compared ("not recorded" for runs given without their run.json),
     * the bootstrap with the words for a difference within the noise, the deciles, the cost per household kept out; every
     * CSV line has as many fields as the header.
     */
    @Test
    void contextUncertaintyDistributionAndCost(@TempDir Path out) throws Exception {
        Evaluation.run(runs(), out, new LinkedHashSet<>(List.of(Locale.CHINESE, Locale.ENGLISH)), new Evaluation.Options(100, 3, 2));
        String en = Files.readString(out.resolve("report.en.html")), zh = Files.readString(out.resolve("report.zh.html"));
        assertThat(en).contains("What was compared", "not recorded", "The population records no calibration",
                "100 replicates", "seed 3", "95% interval", "Income decile", "Pushed over", "Cost per household kept out",
                "sampling noise only");
        assertThat(en).containsAnyOf("within the noise of a sample this size", "beyond the noise of a sample this size");
        assertThat(zh).contains("比较内容", "未记录", "95% 区间", "收入十等分组", "新陷入的家庭", "每减少一户灾难性卫生支出家庭的基金成本");
        assertBalanced(en, "table", "section", "tr", "td", "th", "ul", "li");
        List<String> csv = Files.readAllLines(out.resolve("indicators.csv"));
        int fields = csv.get(0).split(",", -1).length;
        assertThat(fields).isEqualTo(11 + 28 + 10);
        for (String line : csv.subList(1, csv.size()))
            if (!line.startsWith("\"")) assertThat(line.split(",", -1)).hasSize(fields);
        JsonNode json = new ObjectMapper().readTree(out.resolve("indicators.json").toFile());
        assertThat(json.at("/bootstrap/scenarios/baseline/0/headcount/low").isNumber()).isTrue();
        assertThat(json.at("/runs/baseline/differences").isNull()).isTrue();
    }

    /** Every opening tag has its closing tag (a simple well-formedness check, no parser needed). */
    private static void assertBalanced(String page, String... tags) {
        for (String t : tags) {
            assertThat(count(page, "<" + t + "[ >]")).as("<%s> opened and closed", t).isEqualTo(count(page, "</" + t + ">"));
        }
    }

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
