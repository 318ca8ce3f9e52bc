package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.openyibao.platform.simulation.JobProgress;
import org.openyibao.platform.simulation.SimulationJob;
import org.openyibao.platform.simulation.SimulationJobs;

/**
 * The simulations' pages over real HTTP (issue 11), on tiny generated populations: a population generated, a year
 * simulated with and without the si-50 overlay, each run's report with its headline indicators, the two runs
 * compared; progress that moves; bad input refused beside its field; a job failing in words, one a restart
 * interrupted; the auditor reads but starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:simulations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=simulation-test-password"})
class SimulationPagesTest {
    static final String PASSWORD = "simulation-test-password";
    static final Path DIR = Path.of("target", "simulation-tests", "pages-" + System.nanoTime());

    @DynamicPropertySource
    static void workDirectory(DynamicPropertyRegistry r) {
        r.add("yibao.simulation.dir", DIR::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    SimulationJobs jobs;
    @Autowired
    JdbcTemplate jdbc;

    ConsoleClient agency() throws Exception {
        ConsoleClient c = new ConsoleClient(port);
        c.signIn("agency", PASSWORD);
        c.get("/console/simulations");
        return c;
    }

    /** Starts a job through the page's form; its id from the redirect to its page. */
    static long start(ConsoleClient c, String path, Map<String, String> form) throws Exception {
        HttpResponse<String> r = c.post(path, form);
        assertThat(r.statusCode()).as(path + " " + form + ": " + r.body()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        c.get("/console/simulations");
        return Long.parseLong(location.replaceAll(".*/console/simulations/jobs/", ""));
    }

    SimulationJob await(long id) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        SimulationJob j = jobs.job(id);
        while (!j.finished() && System.nanoTime() < end) {
            Thread.sleep(100);
            j = jobs.job(id);
        }
        assertThat(j.finished()).as("job " + id + " finished").isTrue();
        return j;
    }

    @Test
    void aTinyPopulationIsSimulatedWithAndWithoutAReformItsReportsOpenAndTheRunsCompare() throws Exception {
        ConsoleClient agency = agency();
        long gen = start(agency, "/console/simulations/generate", Map.of("region", "zhanjiang", "persons", "500", "name", "tiny"));
        assertThat(await(gen).state()).isEqualTo(SimulationJob.State.DONE);
        assertThat(agency.get("/console/simulations").body()).contains("tiny", "500");

        long base = start(agency, "/console/simulations/start", Map.of("population", "tiny", "overlay", ""));
        long reform = start(agency, "/console/simulations/start", Map.of("population", "tiny", "overlay", "zhanjiang/si-50"));
        SimulationJob b = await(base), r = await(reform);
        assertThat(b.state()).as(b.message()).isEqualTo(SimulationJob.State.DONE);
        assertThat(r.state()).as(r.message()).isEqualTo(SimulationJob.State.DONE);
        assertThat(b.label()).isEqualTo("baseline");
        assertThat(r.label()).isEqualTo("si-50");
        assertThat(b.done()).as("households done = total").isEqualTo(b.total()).isPositive();

        String report = agency.get("/console/simulations/jobs/" + base).body();
        assertThat(report).as("the headline indicators").contains("灾难性卫生支出 发生率", "z = 40%",
                "基本医保 + 大病保险（现行）", "class=\"sim-report\"", "<svg").doesNotContain("<style", "style=\"", "<script>");
        assertThat(agency.get("/console/simulations/jobs/" + reform + "?lang=en").body()).contains("CHE headcount", "Serious illness at 50%");

        long cmp = start(agency, "/console/simulations/compare", Map.of("baseline", Long.toString(base), "reform", Long.toString(reform)));
        assertThat(await(cmp).state()).isEqualTo(SimulationJob.State.DONE);
        String compared = agency.get("/console/simulations/jobs/" + cmp + "?lang=zh_CN").body();
        assertThat(compared).as("both runs and who gains").contains("基本医保 + 大病保险（现行）", "大病保险报销 50%", "受益与受损家庭");
        assertThat(compared).as("what was compared: the overlay described by what it changes, the pack by its version")
                .contains("比较内容", "serious_illness.bands.", "sha256:").doesNotContain("与基础政策包的差异未记录");
        assertThat(jdbc.queryForList("SELECT subject FROM operator_audit WHERE action = 'simulation_started'", String.class))
                .contains("simulation job " + gen, "simulation job " + base, "simulation job " + reform, "simulation job " + cmp);
    }

    @Test
    void progressMovesWhileAJobRuns() throws Exception {
        SimulationJob j = jobs.generate("zhanjiang", "60000", "7", "moving", "agency");
        TreeSet<Long> seen = new TreeSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!j.finished() && System.nanoTime() < end) {
            JobProgress p = jobs.progress(j);
            if (j.state() == SimulationJob.State.RUNNING) seen.add(p.done());
            Thread.sleep(20);
            j = jobs.job(j.id());
        }
        assertThat(j.state()).isEqualTo(SimulationJob.State.DONE);
        assertThat(seen).as("persons done, seen while it ran").hasSizeGreaterThan(1);
        assertThat(jobs.progress(j).percent()).isEqualTo(100);
        ConsoleClient agency = agency();
        String fragment = agency.get("/console/simulations/jobs/" + j.id() + "/progress").body();
        assertThat(fragment).contains("60,000 / 60,000", "100%");
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndNothingIsStarted() throws Exception {
        ConsoleClient agency = agency();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM simulation_job", Integer.class);
        HttpResponse<String> tooMany = agency.post("/console/simulations/generate", Map.of("region", "zhanjiang", "persons", "300000"));
        assertThat(tooMany.statusCode()).isEqualTo(200);
        assertThat(tooMany.body()).contains("id=\"err-persons\"", "200,000", "aria-invalid=\"true\"", "value=\"300000\"");
        assertThat(agency.post("/console/simulations/generate", Map.of("region", "zhanjiang", "persons", "many")).body())
                .contains("id=\"err-persons\"", "a whole number");
        assertThat(agency.post("/console/simulations/start", Map.of("population", "nowhere", "overlay", "")).body())
                .contains("id=\"err-population\"", "no population named &#39;nowhere&#39;");

        // a population directory cut short: region.json names a part that is not there
        Path partial = DIR.resolve("populations").resolve("partial");
        Files.createDirectories(partial.resolve("households"));
        Files.writeString(partial.resolve("region.json"), "{\"region\": \"zhanjiang\", \"year\": 2018, \"parts\": 1, \"format\": \"parquet\"}");
        assertThat(agency.get("/console/simulations").body()).contains("partial", "an incomplete population");
        assertThat(agency.post("/console/simulations/start", Map.of("population", "partial", "overlay", "")).body())
                .contains("id=\"err-population\"", "an incomplete population");

        // an overlay that fails the policy check
        jobs.generate("zhanjiang", "200", "3", "small", "agency");
        await(jdbc.queryForObject("SELECT id FROM simulation_job WHERE population = 'small'", Long.class));
        Files.createDirectories(DIR.resolve("overlays"));
        Files.writeString(DIR.resolve("overlays").resolve("broken.yaml"), "reform:\n  name: broken\nserious_illness:\n  no_such_parameter: 1\n");
        agency.get("/console/simulations");
        String refused = agency.post("/console/simulations/start", Map.of("population", "small", "overlay", "overlays/broken")).body();
        assertThat(refused).contains("id=\"err-overlay\"", "fails the policy check");
        assertThat(agency.post("/console/simulations/start", Map.of("population", "small", "overlay", "../../etc/passwd")).body())
                .contains("id=\"err-overlay\"", "no overlay");
        assertThat(agency.post("/console/simulations/compare", Map.of("baseline", "424242", "reform", "x")).body())
                .contains("id=\"err-baseline\"", "no simulated year numbered 424242");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM simulation_job", Integer.class)).as("no job from a refusal").isEqualTo(before + 1);

        HttpResponse<String> missing = agency.get("/console/simulations/jobs/424242");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no simulation job 424242");
        assertThat(agency.get("/console/simulations/jobs/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void aJobThatFailsSaysWhyAndOneARestartInterruptedIsNotLeftRunning() throws Exception {
        SimulationJob gen = jobs.generate("zhanjiang", "200", "5", "brief", "agency");
        await(gen.id());
        long base = jobs.simulate("brief", "", "agency").id();
        long other = jobs.simulate("brief", "zhanjiang/si-100", "agency").id();
        await(base);
        await(other);
        Files.delete(DIR.resolve("runs").resolve(Long.toString(other)).resolve("run.json"));   // the run's files went away
        SimulationJob failed = await(jobs.compare(Long.toString(base), Long.toString(other), "agency").id());
        assertThat(failed.state()).isEqualTo(SimulationJob.State.FAILED);
        assertThat(failed.message()).contains("no run.json");
        ConsoleClient agency = agency();
        assertThat(agency.get("/console/simulations/jobs/" + failed.id()).body()).contains("任务失败", "no run.json", "role=\"alert\"");
        assertThat(Files.exists(DIR.resolve("reports").resolve(Long.toString(failed.id())))).as("no half-written report").isFalse();

        jdbc.update("INSERT INTO simulation_job (kind, state, population, label, total_count, done_count, created_by, created_at, started_at)"
                + " VALUES ('simulate', 'running', 'brief', 'baseline', 60, 20, 'agency', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        long stale = jdbc.queryForObject("SELECT MAX(id) FROM simulation_job", Long.class);
        jobs.failInterrupted();   // what the next start does
        SimulationJob j = jobs.job(stale);
        assertThat(j.state()).isEqualTo(SimulationJob.State.FAILED);
        assertThat(j.failure()).isEqualTo(SimulationJob.Failure.INTERRUPTED);
        assertThat(agency.get("/console/simulations/jobs/" + stale + "?lang=en").body()).contains("Interrupted by a restart");
    }

    @Test
    void theAuditorReadsTheSimulationsButStartsNoJob() throws Exception {
        ConsoleClient auditor = new ConsoleClient(port);
        auditor.signIn("auditor", PASSWORD);
        HttpResponse<String> page = auditor.get("/console/simulations");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("/console/simulations/start", "/console/simulations/generate", "/console/simulations/compare");
        assertThat(auditor.post("/console/simulations/generate", Map.of("region", "zhanjiang", "persons", "100")).statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/simulations/start", Map.of("population", "tiny", "overlay", "")).statusCode()).isEqualTo(403);
        assertThat(auditor.post("/console/simulations/compare", Map.of("baseline", "1", "reform", "2")).statusCode()).isEqualTo(403);
        ConsoleClient clerk = new ConsoleClient(port);
        clerk.signIn("clerk", PASSWORD);
        assertThat(clerk.get("/console/simulations").statusCode()).isEqualTo(403);
    }
}
