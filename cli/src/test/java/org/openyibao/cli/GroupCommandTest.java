package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.cli.CommandLineTest.repo;
import static org.openyibao.cli.CommandLineTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.cli.CommandLineTest.Run;

/** {@code yibao group}: cases grouped and explained, a version chosen by region and date, the vectors checked. */
class GroupCommandTest {
    @TempDir
    Path tmp;

    private Path csv() throws IOException {
        return Files.writeString(tmp.resolve("cases.csv"), """
                case,principal,secondary,procedures,age_years,age_days,sex,los,discharge,birth_weight,cost
                pci-1,I21.0,,00.66 36.07,60,0,M,6,1,0,40000.00
                pneumonia-2,J18.9,E87.1,,40,0,F,5,1,0,9000
                """);
    }

    @Test
    void groupsACsvFileAndPrintsEachCaseWithItsTrace() throws IOException {
        Run r = run(null, "group", csv().toString(), "--version", "illustrative-drg-1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pci-1  GROUPED  FM15 PCI for AMI, without CC  (MDC F, ADRG FM1, weight 3.18,"
                        + " average cost 37524.00 yuan)  [illustrative-drg-1]")
                .contains("    ADRG: FM1 - ")
                .contains("pneumonia-2  GROUPED  ES33 ")
                .contains("    complications: CC - counted E87.1 CC");
    }

    @Test
    void theRegionAndDateChooseTheVersion() throws IOException {
        Run v2 = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2024-03-01");
        assertThat(v2.exit()).as(v2.err()).isZero();
        assertThat(v2.out()).contains("weight 2.544").contains("[illustrative-drg-2]");
        Run dip = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2020-03-01", "--method", "dip");
        assertThat(dip.out()).contains("pci-1  GROUPED  I21-01 ").contains("[illustrative-dip-1]");
        Run before = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2018-03-01");
        assertThat(before.exit()).isEqualTo(2);
        assertThat(before.err()).contains("error: no DRG table version is in force on 2018-03-01");
    }

    @Test
    void withARegionEachCaseIsPaidByItsRules() throws IOException {
        // DRG on 2024-03-01 (illustrative-drg-2), a level-2 hospital: pci-1 is FM15, weight 2.544, average cost
        // 2.544 × 12,400 = 31,545.60; its cost 40,000 is 1.27 × that, inside the outlier bounds (0.5×, 2×), so it is
        // paid the standard: 2.544 × base rate 11,800.00 × level-2 coefficient 0.85 = 25,516.32 yuan.
        Run drg = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2024-03-01");
        assertThat(drg.exit()).as(drg.err()).isZero();
        assertThat(drg.out()).contains("    payment: STANDARD, 25516.32 yuan")
                .contains("standard = weight 2.544 × base rate 11800.00 × level2 coefficient 0.85 = 25516.32")
                .contains("note: on this day the region pays inpatient cases by DIP; shown as DRG would pay it");
        // DIP: pneumonia-2 is J18-01 (score 70, average 7,000); 9,000 is 1.29 × the average: its 70 points.
        Run dip = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2024-03-01", "--method", "dip");
        assertThat(dip.out()).contains("    payment: STANDARD, 70 points (their money value is fixed at the year-end)")
                .doesNotContain("note:");
        // An emergency case is paid its cost by fee, outside the rules.
        Run emergency = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2024-03-01", "--emergency");
        assertThat(emergency.out()).contains("    payment: EMERGENCY_OUTSIDE, 40000.00 yuan");
        Run bad = run(null, "group", csv().toString(), "--region", "zhanjiang", "--date", "2024-03-01", "--level", "level9");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--level: 'level9' is not village, township, level1, level2 or level3");
    }

    @Test
    void withAVersionAloneNoPaymentIsPrinted() throws IOException {
        Run r = run(null, "group", csv().toString(), "--version", "illustrative-drg-1");
        assertThat(r.out()).doesNotContain("payment:");
    }

    @Test
    void readsJsonAndNamesABadField() throws IOException {
        Path ok = Files.writeString(tmp.resolve("cases.json"), """
                [{"case": "c1", "principal": "K35.8", "procedures": ["47.01", "47.09"], "age_years": "20", "sex": "M",
                  "los": 3, "cost": "7400.00"}]
                """);
        Run r = run(null, "group", ok.toString(), "--version", "illustrative-dip-1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("c1  AMBIGUOUS  ambiguous-dip [K35-01, K35-02]");
        Path bad = Files.writeString(tmp.resolve("bad.json"), "[{\"principal\": \"J18.9\", \"age_years\": \"forty\"}]");
        Run b = run(null, "group", bad.toString(), "--version", "illustrative-drg-1");
        assertThat(b.exit()).isEqualTo(2);
        assertThat(b.err()).contains("error: cases[0].age_years: a whole number is needed").doesNotContain("Exception");
        // a third decimal is refused, not rounded to the fen
        Path fen = Files.writeString(tmp.resolve("fen.json"), "[{\"principal\": \"J18.9\", \"cost\": \"12.345\"}]");
        Run f = run(null, "group", fen.toString(), "--version", "illustrative-drg-1");
        assertThat(f.exit()).isEqualTo(2);
        assertThat(f.err()).contains("error: cases[0].cost: an amount in yuan with at most two decimals is needed, not \"12.345\"");
        Run unknown = run(null, "group", ok.toString(), "--version", "drg-1999");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("error: no grouping table version 'drg-1999'");
    }

    @Test
    void checkRunsTheVectors() {
        Run all = run(null, "group", "--check");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("ok: illustrative-drg-1: 92 of 92 conformance vectors pass")
                .contains("ok: illustrative-dip-1: 63 of 63 conformance vectors pass")
                .contains("ok: illustrative-drg-2: 92 of 92");
    }

    @Test
    void checkExitsNonZeroNamingAMismatchedCase() throws IOException {
        Path policies = tmp.resolve("policies");
        Path v = Files.createDirectories(policies.resolve("grouping/illustrative-dip-1"));
        Path shipped = repo().resolve("policies/grouping/illustrative-dip-1");
        for (String f : new String[] {"version.yaml", "core.csv", "comprehensive.csv", "procedure_classes.csv"})
            Files.copy(shipped.resolve(f), v.resolve(f));
        Files.writeString(v.resolve("vectors.csv"), """
                case,principal,secondary,procedures,age_years,age_days,sex,los,discharge,birth_weight,cost,outcome,code,reason,comment
                W1,J18.9,,,70,0,F,5,1,0,7000,grouped,J44-01,,deliberately wrong
                """);
        String before = System.getProperty("yibao.policies");
        System.setProperty("yibao.policies", policies.toString());
        try {
            Run r = run(null, "group", "--check", "--version", "illustrative-dip-1");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("grouping/illustrative-dip-1/vectors.csv:2: case W1: expected group J44-01, got J18-01");
            assertThat(r.out()).contains("FAILED: illustrative-dip-1: 0 of 1 conformance vectors pass");
        } finally {
            System.setProperty("yibao.policies", before);
        }
    }

    @Test
    void policyCheckChecksTheGroupingTables() {
        Run r = run(null, "policy", "check", repo().resolve("policies/zhanjiang").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // the simulation's local versions (zhanjiang-drg-1, zhanjiang-dip-1, docs/decisions.md#sim-case-payment) too
        assertThat(r.out()).contains("ok: grouping: 5 table versions [illustrative-dip-1, illustrative-drg-1, "
                + "illustrative-drg-2, zhanjiang-dip-1, zhanjiang-drg-1], 399 conformance vectors pass; zhanjiang groups with illustrative-drg-1 from "
                + "2019-01-01, illustrative-drg-2 from 2024-01-01, illustrative-dip-1 from 2019-01-01");
    }
}
