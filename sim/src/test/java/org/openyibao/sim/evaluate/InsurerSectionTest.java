package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The insurer under its contract" in the report and indicators.json: the baseline makes a profit inside Zhanjiang's
 * 3% corridor, si-50 one above it (part returned), a reform at 100% a loss beyond it (part compensated).
 */
class InsurerSectionTest {

    /** ReportTest's three runs, each with an insurer's year: 1,000,000.00 premium at 3% each way. */
    static List<RunInput> runs() {
        long[][] figures = {
                // before, returned, compensated, after, claims
                {2_000_000L, 0, 0, 2_000_000L, 98_000_000L},
                {8_000_000L, 5_000_000L, 0, 3_000_000L, 92_000_000L},
                {-20_000_000L, 0, 17_000_000L, -3_000_000L, 120_000_000L}};
        List<RunInput> out = new ArrayList<>();
        List<RunInput> base = ReportTest.runs();
        for (int k = 0; k < base.size(); k++) {
            RunInput r = base.get(k);
            long[] f = figures[k];
            InsurerFigures i = new InsurerFigures(100_000_000L, f[4], f[4] / 100_000_000.0, f[0], f[3], f[1], f[2], "0.03", "0.03");
            out.add(new RunInput(r.label(), r.households(), r.settlements(), new FundTotals(r.funds().funds(), i)));
        }
        return out;
    }

    @Test
    void eachRunsResultBeforeAndAfterTheCorridorInBothLanguagesAndTheJson(@TempDir Path out) throws Exception {
        Set<Locale> langs = new LinkedHashSet<>(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        Evaluation.run(runs(), out, langs, new Evaluation.Options(0, 1, 1));
        String en = Files.readString(out.resolve("report.en.html"));
        String zh = Files.readString(out.resolve("report.zh.html"));
        assertThat(en).contains("The insurer under its contract", "Result before the corridor (yuan)", "Loss ratio",
                "Year-end figure", "profit 3.00%, loss 3.00%", "Luo 2020, §2.9.4");
        assertThat(zh).contains("承办保险公司在合同下的盈亏", "赔付率", "年终结算项目", "盈利 3.00%，亏损 3.00%");
        int at = en.indexOf("The insurer under its contract");
        String section = en.substring(at, en.indexOf("</section>", at));
        assertThat(section).as("a chart with axis titles").contains("<svg", "Year-end figure", "Amount (");
        // the reform: a loss of 200,000.00 before the corridor, 170,000.00 compensated, −30,000.00 after (the edge)
        assertThat(section).contains("-200,000.00", "170,000.00", "-30,000.00", "120.00%");
        // si-50: 50,000.00 of an 80,000.00 profit returned, 30,000.00 kept
        assertThat(section).contains("80,000.00", "50,000.00", "30,000.00");

        JsonNode json = new ObjectMapper().readTree(out.resolve("indicators.json").toFile());
        assertThat(json.at("/insurer/baseline/result_after_fen").asLong()).isEqualTo(2_000_000L);
        assertThat(json.at("/insurer/si-50/returned_fen").asLong()).isEqualTo(5_000_000L);
        assertThat(json.at("/insurer/si-50/loss_ratio").asDouble()).isEqualTo(0.92);
        assertThat(json.at("/insurer/si-50/profit_rate").asText()).isEqualTo("0.03");
    }

    @Test
    void noSectionWithoutAnInsurer(@TempDir Path out) throws Exception {
        Evaluation.run(ReportTest.runs(), out, Set.of(Locale.ENGLISH), new Evaluation.Options(0, 1, 1));
        assertThat(Files.readString(out.resolve("report.en.html"))).doesNotContain("The insurer under its contract");
        assertThat(new ObjectMapper().readTree(out.resolve("indicators.json").toFile()).path("insurer").size()).isZero();
    }
}
