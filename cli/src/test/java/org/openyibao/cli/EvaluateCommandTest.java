package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.sim.evaluate.Households;
import org.openyibao.sim.io.RunFiles;
import org.openyibao.sim.io.RunReader;

/**
 * generate → simulate (baseline, si-50, si-100) → evaluate on one small population: the report files, the
 * order of the headcounts where more insurance must not raise them, and the errors (exit code 2, no stack trace).
 */
class EvaluateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCENARIOS = Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang/scenarios");

    @TempDir static Path dir;
    static Path pop, baseline, si50, si100, report;

    @BeforeAll
    static void generateSimulateEvaluate() {
        pop = dir.resolve("pop");
        Cli.run("generate", "--region", "zhanjiang", "--persons", "400", "--seed", "8", "--part-households", "40",
                "--no-oop", "--threads", "2", "--out", pop.toString()).ok();
        baseline = dir.resolve("baseline");
        si50 = dir.resolve("si-50");
        si100 = dir.resolve("si-100");
        Cli.run("simulate", "--population", pop.toString(), "--out", baseline.toString(), "--threads", "2").ok();
        Cli.run("simulate", "--population", pop.toString(), "--reform", SCENARIOS.resolve("si-50.yaml").toString(),
                "--out", si50.toString(), "--threads", "2").ok();
        Cli.run("simulate", "--population", pop.toString(), "--reform", SCENARIOS.resolve("si-100.yaml").toString(),
                "--out", si100.toString(), "--threads", "2").ok();
        report = dir.resolve("report");
        Cli.Result r = Cli.run("evaluate", baseline.toString(), si50.toString(), si100.toString(), "--out", report.toString(),
                "--threads", "2").ok();
        assertThat(r.out()).contains("3 runs (baseline, si-50, si-100)");
    }

    @Test
    void writesTheReportInBothLanguagesCsvAndJson() throws Exception {
        for (String f : List.of("report.zh.html", "report.en.html", "indicators.csv", "indicators.json")) {
            assertThat(report.resolve(f)).isRegularFile().isNotEmptyFile();
        }
        assertThat(Files.readString(report.resolve("report.zh.html"))).contains("灾难性卫生支出").contains("report.en.html");
        assertThat(Files.readString(report.resolve("report.en.html"))).contains("si-100").contains("report.zh.html");
        List<String> csv = Files.readAllLines(report.resolve("indicators.csv"));
        // a header, then 5 scenarios × 3 thresholds
        assertThat(csv).hasSize(1 + 5 * 3);
        assertThat(csv.get(0)).startsWith("scenario,");
        JsonNode json = JSON.readTree(report.resolve("indicators.json").toFile());
        assertThat(json.path("baseline").asText()).isEqualTo("baseline");
        assertThat(json.path("scenarios").findValuesAsText("key"))
                .containsExactly("no-insurance", "basic-only", "baseline", "si-50", "si-100");
        assertThat(json.path("households").asLong()).isEqualTo(JSON.readTree(pop.resolve("region.json").toFile()).path("households").asLong());
        assertThat(json.path("funds").path("si-100").path("serious_illness").path("expenditure_fen").isIntegralNumber()).isTrue();
        assertThat(json.path("comparisons")).hasSize(2);
        assertThat(json.path("reimbursement").has("baseline")).isTrue();
    }

    /**
     * The hospitals' budgets (docs/sim.md#hospital-budgets): set from the baseline's pooling payments, every run settled
     * against them. Serious illness at 50% or 100% changes what the insurer pays, not the pooling funds: every
     * institution stays under its budget by the growth rate in all three runs, and the changes from the baseline are 0.
     */
    @Test
    void theHospitalsBudgetsSectionAndItsCsv() throws Exception {
        assertThat(Files.readString(report.resolve("report.en.html"))).contains("Hospitals&#39; budgets and year-ends",
                "Spending as a share of the budget by institution level");
        assertThat(Files.readString(report.resolve("report.zh.html"))).contains("医疗机构总额预算与年终清算");
        JsonNode runs = JSON.readTree(report.resolve("indicators.json").toFile()).path("hospitals").path("runs");
        assertThat(runs.findValuesAsText("run")).containsExactly("baseline", "si-50", "si-100");
        JsonNode base = runs.get(0).path("total");
        assertThat(base.path("institutions").asInt()).isPositive();
        assertThat(base.path("spending_fen").asLong()).isPositive().isLessThan(base.path("budget_fen").asLong());
        for (JsonNode r : runs) {
            assertThat(r.path("total").path("under").asInt()).isEqualTo(base.path("institutions").asInt());
            assertThat(r.path("total").path("spending_fen").asLong()).isEqualTo(base.path("spending_fen").asLong());
        }
        assertThat(runs.get(2).path("change").path("balance_fen").asLong()).isZero();
        List<String> csv = Files.readAllLines(report.resolve("hospitals.csv"));
        assertThat(csv.get(0)).startsWith("run,group,institutions,budget_yuan");
        assertThat(csv.stream().filter(l -> l.contains(",total,"))).hasSize(3);
    }

    /**
     * Per household, OOP(no insurance) ≥ OOP(basic only) ≥ OOP(si-50) ≥ OOP(baseline) ≥ OOP(si-100): basic only
     * adds back what serious illness and assistance paid; si-50 pays 50% above each category's threshold, never
     * more than the baseline's bands (50–80% general, 80–85% the poor, same thresholds); si-100 pays 100% above them.
     * Assistance after serious illness pays at most a share (≤ 100%) of what is left, so more serious-illness
     * money never raises the OOP. Hence the headcount and the average gap are ordered the same way at every threshold.
     */
    @Test
    void moreInsuranceNeverRaisesTheHeadcount() throws Exception {
        JsonNode json = JSON.readTree(report.resolve("indicators.json").toFile());
        Map<String, JsonNode> by = new LinkedHashMap<>();
        for (JsonNode s : json.path("scenarios")) by.put(s.path("key").asText(), s.path("indicators"));
        List<String> order = List.of("no-insurance", "basic-only", "si-50", "baseline", "si-100"); // less to more insurance
        int thresholds = by.get("baseline").size();
        assertThat(thresholds).isEqualTo(3);
        for (int t = 0; t < thresholds; t++) {
            for (int k = 1; k < order.size(); k++) {
                JsonNode less = by.get(order.get(k - 1)).get(t), more = by.get(order.get(k)).get(t);
                assertThat(more.path("threshold_percent").asInt()).isEqualTo(less.path("threshold_percent").asInt());
                assertThat(more.path("catastrophic").asLong()).as("%s vs %s at %s%%", order.get(k), order.get(k - 1),
                        more.path("threshold_percent").asText()).isLessThanOrEqualTo(less.path("catastrophic").asLong());
                assertThat(more.path("headcount").asDouble()).isLessThanOrEqualTo(less.path("headcount").asDouble());
                assertThat(more.path("average_gap").asDouble()).isLessThanOrEqualTo(less.path("average_gap").asDouble() + 1e-12);
            }
        }
        // the population is not trivial: insurance matters at 40%
        JsonNode none40 = by.get("no-insurance").get(2), base40 = by.get("baseline").get(2);
        assertThat(none40.path("catastrophic").asLong()).isGreaterThan(base40.path("catastrophic").asLong());
        // and the household OOP itself is ordered (read from the runs' households/)
        Households b = new RunReader(baseline).households(), h50 = new RunReader(si50).households(),
                h100 = new RunReader(si100).households();
        assertThat(h50.count()).isEqualTo(b.count());
        for (int i = 0; i < b.count(); i++) {
            long basicOnly = b.oopFen(i) + b.seriousIllnessFen(i) + b.assistanceFen(i) + b.otherFen(i);
            assertThat(b.medfeeFen(i)).isGreaterThanOrEqualTo(basicOnly);
            assertThat(basicOnly).isGreaterThanOrEqualTo(h50.oopFen(i));
            assertThat(h50.oopFen(i) + 1).as("household %d", b.householdId(i)).isGreaterThanOrEqualTo(b.oopFen(i));
            assertThat(b.oopFen(i) + 1).as("household %d", b.householdId(i)).isGreaterThanOrEqualTo(h100.oopFen(i));
        }
    }

    /** The report opens with what was compared: region, year, population and seed, pack and version, each reform's changes. */
    @Test
    void saysWhatWasCompared() throws Exception {
        String en = Files.readString(report.resolve("report.en.html"));
        JsonNode run = JSON.readTree(baseline.resolve(RunFiles.RUN).toFile());
        assertThat(en.indexOf("What was compared")).isPositive().isLessThan(en.indexOf("CHE headcount"));
        assertThat(en).contains("zhanjiang", "2018", "400 persons", run.path("pack").path("version").asText(),
                "serious_illness.bands.general.brackets[0].rate", "Calibrated to", "income_per_capita_yuan",
                "Uncertainty: 95% intervals", "200 replicates", "seed 20180101", "Cost per household kept out",
                "Out-of-pocket share of non-food spending by income decile", "Pushed over");
        String zh = Files.readString(report.resolve("report.zh.html"));
        assertThat(zh).contains("比较内容", "校准目标", "自助抽样", "每减少一户灾难性卫生支出家庭的基金成本", "收入十等分组");
        JsonNode json = JSON.readTree(report.resolve("indicators.json").toFile());
        assertThat(json.at("/bootstrap/replicates").asInt()).isEqualTo(200);
        assertThat(json.at("/bootstrap/seed").asLong()).isEqualTo(20180101L);
        assertThat(json.at("/runs/si-100/differences").size()).isPositive();
        assertThat(json.at("/runs/baseline/seed").asLong()).isEqualTo(8);
        assertThat(json.at("/cost_effectiveness").size()).isEqualTo(2 * 3);
        assertThat(json.at("/distribution/deciles").size()).isEqualTo(5);
        // 400 persons rarely reach serious illness's thresholds: the runs may be identical, and are then said to be;
        // but every reform records its differences
        assertThat(json.path("warnings").findValuesAsText("kind")).doesNotContain("noDifferences");
    }

    /** The same runs give the same intervals with 1 thread or 2; --bootstrap 0 gives none. */
    @Test
    void theBootstrapIsDeterministic(@TempDir Path tmp) throws Exception {
        Cli.run("evaluate", baseline.toString(), si100.toString(), "--out", tmp.resolve("t1").toString(), "--threads", "1",
                "--bootstrap", "50").ok();
        Cli.run("evaluate", baseline.toString(), si100.toString(), "--out", tmp.resolve("t2").toString(), "--threads", "2",
                "--bootstrap", "50").ok();
        assertThat(JSON.readTree(tmp.resolve("t1/indicators.json").toFile()).path("bootstrap"))
                .isEqualTo(JSON.readTree(tmp.resolve("t2/indicators.json").toFile()).path("bootstrap"));
        Cli.Result off = Cli.run("evaluate", baseline.toString(), "--out", tmp.resolve("t3").toString(), "--bootstrap", "0").ok();
        assertThat(off.out()).contains("no bootstrap");
        assertThat(JSON.readTree(tmp.resolve("t3/indicators.json").toFile()).at("/bootstrap/replicates").asInt()).isZero();
        Cli.run("evaluate", baseline.toString(), "--out", tmp.resolve("t4").toString(), "--bootstrap", "-1")
                .userError("--bootstrap", "-1");
    }

    /** A contract overlay changes the insurer's year, not the households: a real comparison, not warned about as empty. */
    @Test
    void aContractOverlayIsNotAnEmptyComparison(@TempDir Path tmp) throws Exception {
        Path taicang = tmp.resolve("taicang");
        Cli.run("simulate", "--population", pop.toString(), "--reform",
                SCENARIOS.resolveSibling("contracts").resolve("taicang.yaml").toString(), "--out", taicang.toString(),
                "--threads", "2").ok();
        Cli.Result r = Cli.run("evaluate", baseline.toString(), taicang.toString(), "--out", tmp.resolve("r").toString(),
                "--bootstrap", "0").ok();
        assertThat(r.err()).doesNotContain("identical household results");
        assertThat(Files.readString(tmp.resolve("r/report.en.html"))).contains("The insurer under its contract", "4.5%");
    }

    /**
     * Two runs with identical household results, and a run without a reform given as a further run: warned about on the
     * terminal and at the top of the report. A run written before the differences were recorded still evaluates.
     */
    @Test
    void warnsLoudlyAboutAnEmptyComparison(@TempDir Path tmp) throws Exception {
        Path again = tmp.resolve("again");
        copy(baseline, again);
        Cli.Result r = Cli.run("evaluate", baseline.toString(), again.toString(), "--out", tmp.resolve("w").toString(),
                "--bootstrap", "0").ok();
        assertThat(r.err()).contains("WARNING: run baseline#2 records no difference from the base pack")
                .contains("WARNING: runs baseline and baseline#2 give identical household results");
        String en = Files.readString(tmp.resolve("w/report.en.html"));
        assertThat(en.indexOf("Warnings")).isPositive().isLessThan(en.indexOf("What was compared"));
        assertThat(Files.readString(tmp.resolve("w/report.zh.html"))).contains("家庭结果完全相同");

        // an older run.json: no pack, differences, calibration
        Path old = tmp.resolve("old");
        copy(si100, old);
        com.fasterxml.jackson.databind.node.ObjectNode json =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(old.resolve(RunFiles.RUN).toFile());
        json.remove(List.of("pack", "differences", "reform_dates", "calibration"));
        JSON.writeValue(old.resolve(RunFiles.RUN).toFile(), json);
        Cli.Result o = Cli.run("evaluate", baseline.toString(), old.toString(), "--out", tmp.resolve("o").toString(),
                "--bootstrap", "0").ok();
        assertThat(o.err()).doesNotContain("records no difference");
        assertThat(Files.readString(tmp.resolve("o/report.en.html"))).contains("Differences from the base pack not recorded");
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
            }
        }
    }

    @Test
    void notARun(@TempDir Path tmp) {
        Cli.run("evaluate", pop.toString(), "--out", tmp.resolve("r1").toString()).userError("RUN", "not a simulated year");
        Cli.run("evaluate", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("r2").toString())
                .userError("RUN", "nowhere", "not a directory");
        Cli.run("evaluate", baseline.toString(), pop.toString(), "--out", tmp.resolve("r3").toString())
                .userError("RUN", "not a simulated year");
    }

    @Test
    void aDamagedRunIsAUserErrorNamingTheFile(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("run");
        try (var files = Files.walk(baseline)) {
            for (Path f : files.toList()) {
                Path t = bad.resolve(baseline.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
            }
        }
        Path settlements = RunFiles.part(bad, RunFiles.SETTLEMENTS, 0);
        byte[] bytes = Files.readAllBytes(settlements);
        Files.write(settlements, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        Cli.run("evaluate", bad.toString(), "--out", tmp.resolve("r1").toString())
                .userError("RUN", settlements.getFileName().toString(), "Parquet");
        Files.writeString(RunFiles.part(bad, RunFiles.HOUSEHOLDS, 0), "PAR1");
        Cli.run("evaluate", bad.toString(), "--out", tmp.resolve("r2").toString())
                .userError("RUN", "households", "cannot read");
        try (var files = Files.walk(bad.resolve(RunFiles.HOUSEHOLDS))) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
        Cli.run("evaluate", bad.toString(), "--out", tmp.resolve("r3").toString()).userError("RUN", "no households/");
    }

    @Test
    void runsOfTwoPopulations(@TempDir Path tmp) {
        Path other = tmp.resolve("pop2"), run = tmp.resolve("run2");
        Cli.run("generate", "--region", "zhanjiang", "--persons", "120", "--seed", "9", "--no-oop", "--out", other.toString()).ok();
        Cli.run("simulate", "--population", other.toString(), "--out", run.toString(), "--threads", "1").ok();
        Path out = tmp.resolve("r4");
        Cli.run("evaluate", baseline.toString(), run.toString(), "--out", out.toString())
                .userError(run.toString(), "population");
        assertThat(out.resolve("indicators.json")).doesNotExist();
    }

    @Test
    void outputDirectoryAndLanguages(@TempDir Path tmp) throws Exception {
        // non-empty --out: refused without --force
        Cli.run("evaluate", baseline.toString(), "--out", report.toString()).userError("--out", "--force");
        // unknown language
        Cli.run("evaluate", baseline.toString(), "--out", tmp.resolve("r5").toString(), "--lang", "fr").userError("--lang", "fr");
        // one language only, into a replaced directory
        Path out = tmp.resolve("r6");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "old");
        Cli.run("evaluate", baseline.toString(), "--out", out.toString(), "--lang", "en", "--force").ok();
        assertThat(out.resolve("report.en.html")).isRegularFile();
        assertThat(out.resolve("report.zh.html")).doesNotExist();
        assertThat(out.resolve("old.txt")).doesNotExist();
        assertThat(out.resolve("indicators.json")).isRegularFile();
    }

    @Test
    void aRunIsNeverTheOutput() {
        Cli.run("evaluate", baseline.toString(), "--out", baseline.toString(), "--force").userError("--out");
        assertThat(baseline.resolve("run.json")).isRegularFile();
    }
}
