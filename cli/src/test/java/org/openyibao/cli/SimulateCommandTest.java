package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.sim.io.PopulationReader;
import org.openyibao.sim.io.RunFiles;

/** {@code yibao simulate} on a small generated population: what it writes, and the errors (exit code 2, no stack trace). */
class SimulateCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path POLICIES = Path.of(System.getProperty("yibao.policies", "../policies"));

    @TempDir static Path dir;
    static Path pop;

    @BeforeAll
    static void generate() {
        pop = dir.resolve("pop");
        Cli.run("generate", "--region", "zhanjiang", "--persons", "300", "--seed", "4", "--part-households", "30",
                "--no-oop", "--threads", "2", "--out", pop.toString()).ok();
    }

    @Test
    void baselineAndAReform() throws Exception {
        Path run = dir.resolve("baseline");
        Cli.Result r = Cli.run("simulate", "--population", pop.toString(), "--out", run.toString(), "--threads", "2").ok();
        JsonNode region = JSON.readTree(pop.resolve("region.json").toFile());
        JsonNode json = JSON.readTree(run.resolve(RunFiles.RUN).toFile());
        assertThat(json.path("scenario").asText()).isEqualTo("baseline");
        assertThat(json.path("policy").asText()).isEqualTo("zhanjiang");
        assertThat(json.path("visits").asLong()).isEqualTo(region.path("visits").asLong()).isPositive();
        assertThat(json.path("households").asLong()).isEqualTo(region.path("households").asLong());
        assertThat(json.path("persons").asLong()).isEqualTo(300);
        assertThat(json.path("funds").path("resident_pooling").path("income_fen").asLong()).isPositive();
        int parts = new PopulationReader(pop).parts();
        assertThat(parts).isGreaterThan(1);
        for (int k = 0; k < parts; k++) {
            assertThat(RunFiles.part(run, RunFiles.SETTLEMENTS, k)).isRegularFile();
            assertThat(RunFiles.part(run, RunFiles.HOUSEHOLDS, k)).isRegularFile();
        }
        assertThat(r.out()).contains("baseline (zhanjiang)").contains(String.format("%,d visits", region.path("visits").asLong()))
                .contains("resident_pooling").contains("serious_illness")
                .containsPattern("assistance .*yuan  \\(income: a fiscal transfer\\)");
        assertThat(r.err()).contains("visits/s");

        // a reform: labelled by its name, the file recorded
        Path si = POLICIES.resolve("zhanjiang/scenarios/si-100.yaml");
        Path reformed = dir.resolve("si-100");
        Cli.run("simulate", "--population", pop.toString(), "--reform", si.toString(), "--out", reformed.toString()).ok();
        JsonNode rj = JSON.readTree(reformed.resolve(RunFiles.RUN).toFile());
        assertThat(rj.path("scenario").asText()).isEqualTo("si-100");
        assertThat(rj.path("reform").asText()).isEqualTo(si.toString());
        assertThat(rj.path("visits").asLong()).isEqualTo(json.path("visits").asLong());
        // more serious-illness cover never pays less from that fund
        assertThat(rj.path("funds").path("serious_illness").path("expenditure_fen").asLong())
                .isGreaterThanOrEqualTo(json.path("funds").path("serious_illness").path("expenditure_fen").asLong());
        // what was compared: the pack and its version, the population's seed and calibration, the reform's differences
        assertThat(json.path("pack").path("version").asText()).matches("sha256:[0-9a-f]{16}")
                .isEqualTo(rj.path("pack").path("version").asText());
        assertThat(json.path("population").path("seed").asLong()).isEqualTo(4);
        assertThat(json.path("calibration")).isEqualTo(region.path("calibration"));
        assertThat(json.path("differences").isArray()).isTrue();
        assertThat(json.path("differences")).isEmpty();
        JsonNode general = null;
        for (JsonNode d : rj.path("differences"))
            if (d.path("path").asText().equals("serious_illness.bands.general.brackets[0].rate")) general = d;
        // the general band's first rate: 0.5 in the base pack from 2017, 1 under si-100 from 2017 (the whole of 2018)
        assertThat(general).isNotNull();
        assertThat(general.path("old").asText()).isEqualTo("0.5");
        assertThat(general.path("new").asText()).isEqualTo("1");
        assertThat(general.path("unit").asText()).isEqualTo("ratio");
        assertThat(general.path("effective").asText()).isEqualTo("2017-01-01");
        assertThat(general.path("from").asText()).isEqualTo("2018-01-01");
        assertThat(general.path("until").asText()).isEqualTo("2018-12-31");
        assertThat(general.path("source").asText()).isNotBlank();
        assertThat(rj.path("reform_dates").toString()).contains("2017-01-01");

        // --scenario overrides the label
        Path labelled = dir.resolve("labelled");
        Cli.run("simulate", "--population", pop.toString(), "--scenario", "mine", "--out", labelled.toString(), "--threads", "1").ok();
        assertThat(JSON.readTree(labelled.resolve(RunFiles.RUN).toFile()).path("scenario").asText()).isEqualTo("mine");

        // a non-empty --out: refused without --force, replaced with it
        Cli.run("simulate", "--population", pop.toString(), "--out", run.toString()).userError("--out", "not empty", "--force");
        Cli.run("simulate", "--population", pop.toString(), "--out", run.toString(), "--force").ok();
        assertThat(run.resolve(RunFiles.RUN)).isRegularFile();
    }

    /** si-threshold-15000 starts on 2019-01-01: on the population's 2018 it changes nothing, and is refused in words. */
    @Test
    void aReformThatChangesNothingInTheYearIsRefused() {
        Path reform = POLICIES.resolve("zhanjiang/reforms/si-threshold-15000.yaml");
        Path out = dir.resolve("nothing");
        Cli.run("simulate", "--population", pop.toString(), "--reform", reform.toString(), "--out", out.toString())
                .userError("--reform", "si-threshold-15000.yaml", "changes nothing in 2018", "2019-01-01", "all after 2018");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingPopulation() {
        Cli.run("simulate", "--population", dir.resolve("nowhere").toString(), "--out", dir.resolve("o1").toString())
                .userError("--population", "nowhere", "not a directory");
        assertThat(dir.resolve("o1")).doesNotExist();
    }

    @Test
    void aDirectoryThatIsNotAPopulation(@TempDir Path empty) throws Exception {
        Cli.run("simulate", "--population", empty.toString(), "--out", dir.resolve("o2").toString())
                .userError("--population", "not a population");
        // a run is not a population either
        Files.createDirectories(empty.resolve("households"));
        Cli.run("simulate", "--population", empty.toString(), "--out", dir.resolve("o3").toString())
                .userError("--population", "not a population");
    }

    @Test
    void aCsvPopulationIsRefusedNotSimulatedAsEmpty() {
        Path csv = dir.resolve("pop-csv");
        Cli.run("generate", "--region", "zhanjiang", "--persons", "50", "--format", "csv", "--no-oop", "--out", csv.toString()).ok();
        Cli.run("simulate", "--population", csv.toString(), "--out", dir.resolve("o4").toString())
                .userError("--population", "Parquet");
        assertThat(dir.resolve("o4").resolve(RunFiles.RUN)).doesNotExist();
    }

    /** A copy of the population's files (region.json and the Parquet tables) to damage. */
    static Path copyOfPopulation(Path to) throws Exception {
        try (var files = Files.walk(pop)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(pop.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t); else Files.copy(f, t);
            }
        }
        return to;
    }

    @Test
    void aTruncatedParquetPartIsAUserErrorNamingTheFile(@TempDir Path tmp) throws Exception {
        Path bad = copyOfPopulation(tmp.resolve("pop"));
        Path part = bad.resolve("persons/part-00002.parquet");
        byte[] bytes = Files.readAllBytes(part);
        Files.write(part, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Result r = Cli.run("simulate", "--population", bad.toString(), "--out", tmp.resolve("o").toString(), "--threads", "2")
                .userError("--population", "part-00002.parquet", "Parquet");
        // the error is on a line of its own, not at the end of the progress bar
        assertThat(r.err()).containsPattern("(?m)^error: --population");
        Files.writeString(bad.resolve("visits/part-00001.parquet"), "not parquet");
        Cli.run("simulate", "--population", bad.toString(), "--out", tmp.resolve("o").toString(), "--force")
                .userError("--population", "parquet");
    }

    @Test
    void aRegionJsonWithoutTheYearIsAUserError(@TempDir Path tmp) throws Exception {
        Path bad = copyOfPopulation(tmp.resolve("pop"));
        JsonNode region = JSON.readTree(bad.resolve("region.json").toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) region).remove("year");
        JSON.writeValue(bad.resolve("region.json").toFile(), region);
        Cli.run("simulate", "--population", bad.toString(), "--out", tmp.resolve("o").toString())
                .userError("--population", "region.json", "\"year\"");
        Files.writeString(bad.resolve("region.json"), "{\"year\": 2018}");
        Cli.run("simulate", "--population", bad.toString(), "--out", tmp.resolve("o").toString())
                .userError("--population", "region.json", "\"region\"");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void thePopulationIsNeverTheOutput() {
        Cli.run("simulate", "--population", pop.toString(), "--out", pop.toString(), "--force").userError("--out");
        assertThat(pop.resolve("region.json")).isRegularFile();
    }

    @Test
    void unknownPolicy() {
        Cli.run("simulate", "--population", pop.toString(), "--policy", "atlantis", "--out", dir.resolve("o5").toString())
                .userError("--policy", "atlantis", "zhanjiang");
    }

    @Test
    void badReformFiles(@TempDir Path tmp) throws Exception {
        Cli.run("simulate", "--population", pop.toString(), "--reform", tmp.resolve("none.yaml").toString(),
                "--out", dir.resolve("o6").toString()).userError("--reform", "none.yaml");
        Path garbage = Files.writeString(tmp.resolve("garbage.yaml"), "reform: [unclosed\n  : : :\n");
        Cli.run("simulate", "--population", pop.toString(), "--reform", garbage.toString(), "--out", dir.resolve("o7").toString())
                .userError("--reform", "garbage.yaml");
        Path nameless = Files.writeString(tmp.resolve("nameless.yaml"), """
                serious_illness:
                  include_general_outpatient:
                    values:
                      2018-01-01: true
                """);
        Cli.run("simulate", "--population", pop.toString(), "--reform", nameless.toString(), "--out", dir.resolve("o8").toString())
                .userError("--reform", "name");
        Path unknown = Files.writeString(tmp.resolve("unknown.yaml"), """
                reform:
                  name: nonsense
                resident:
                  no_such_parameter:
                    values:
                      2018-01-01: 1
                """);
        Cli.run("simulate", "--population", pop.toString(), "--reform", unknown.toString(), "--out", dir.resolve("o9").toString())
                .userError("--reform");
    }

    @Test
    void badThreadsAndWage() {
        Cli.run("simulate", "--population", pop.toString(), "--threads", "0", "--out", dir.resolve("o10").toString())
                .userError("--threads");
        Cli.run("simulate", "--population", pop.toString(), "--average-wage", "0", "--out", dir.resolve("o11").toString())
                .userError("--average-wage");
    }

    /** --payment drg and dip (docs/sim.md#case-payment): the cases paid, the fund's due, run.json's payment. */
    @Test
    void payingHospitalsByDrgAndDip() throws Exception {
        Path drg = dir.resolve("drg"), dip = dir.resolve("dip"), ffs = dir.resolve("ffs");
        Cli.Result r = Cli.run("simulate", "--population", pop.toString(), "--out", drg.toString(), "--payment", "drg",
                "--tables", "zhanjiang-drg-1").ok();
        assertThat(r.out()).contains("inpatient cases paid by drg (zhanjiang-drg-1)").contains("the fund owes");
        Cli.run("simulate", "--population", pop.toString(), "--out", dip.toString(), "--payment", "dip",
                "--tables", "zhanjiang-dip-1").ok();
        // the pack's method in 2018 is fee for each service
        Cli.run("simulate", "--population", pop.toString(), "--out", ffs.toString()).ok();
        JsonNode d = JSON.readTree(drg.resolve(RunFiles.RUN).toFile()).path("payment");
        JsonNode p = JSON.readTree(dip.resolve(RunFiles.RUN).toFile()).path("payment");
        JsonNode f = JSON.readTree(ffs.resolve(RunFiles.RUN).toFile()).path("payment");
        assertThat(f.path("method").asText()).isEqualTo("fee-for-service");
        assertThat(d.path("method").asText()).isEqualTo("drg");
        assertThat(d.path("cases").asLong()).isEqualTo(p.path("cases").asLong()).isEqualTo(f.path("cases").asLong()).isPositive();
        assertThat(d.path("patient_share_fen").asLong()).isEqualTo(f.path("patient_share_fen").asLong());
        // DIP shares the fund's fee-for-service money by points: the fund owes the same in total
        assertThat(p.path("fund_due_fen").asLong()).isEqualTo(f.path("fund_due_fen").asLong());
        assertThat(p.path("dip_pools")).hasSize(2);
        JsonNode hospitals = JSON.readTree(drg.resolve(RunFiles.CASE_PAYMENT).toFile()).path("hospitals");
        long due = 0;
        for (JsonNode h : hospitals) due += h.path("fund_due_fen").asLong();
        assertThat(due).isEqualTo(d.path("fund_due_fen").asLong());
        assertThat(RunFiles.parts(drg, RunFiles.CASES)).isEqualTo(new PopulationReader(pop).parts());
    }

    @Test
    void paymentErrorsNameTheOption() {
        Cli.run("simulate", "--population", pop.toString(), "--out", dir.resolve("p1").toString(), "--payment", "capitation")
                .userError("--payment", "capitation", "fee-for-service, drg or dip");
        // 2018 is before Zhanjiang's first DRG table (grouping.yaml: 2019): the run needs a version named
        Cli.run("simulate", "--population", pop.toString(), "--out", dir.resolve("p2").toString(), "--payment", "drg")
                .userError("--tables", "no drg table version is in force on 2018-01-01", "zhanjiang-drg-1");
        Cli.run("simulate", "--population", pop.toString(), "--out", dir.resolve("p3").toString(), "--payment", "drg",
                "--tables", "no-such-table").userError("--tables", "no-such-table");
        Cli.run("simulate", "--population", pop.toString(), "--out", dir.resolve("p4").toString(), "--payment", "dip",
                "--tables", "zhanjiang-drg-1").userError("--tables", "zhanjiang-drg-1 is a drg table, not dip");
        for (String o : List.of("p1", "p2", "p3", "p4")) assertThat(dir.resolve(o)).doesNotExist();
    }

    /** A population made before generator 3 has no diagnoses and procedures to group: refused for drg, read for fee. */
    @Test
    void aGenerator2PopulationIsRefusedForDrgWithTheReason(@TempDir Path tmp) throws Exception {
        Path old = tmp.resolve("old");
        Cli.run("generate", "--region", "zhanjiang", "--persons", "60", "--seed", "4", "--no-oop", "--out", old.toString()).ok();
        Path region = old.resolve("region.json");
        Files.writeString(region, Files.readString(region).replaceFirst("\"generator\" *: *\"3\"", "\"generator\" : \"2\""));
        assertThat(Files.readString(region)).contains("\"2\"");
        Cli.run("simulate", "--population", old.toString(), "--out", tmp.resolve("r1").toString(), "--payment", "drg",
                "--tables", "zhanjiang-drg-1").userError("--population", "generator 2", "generate it again");
        Cli.run("simulate", "--population", old.toString(), "--out", tmp.resolve("r2").toString()).ok();
    }
}
