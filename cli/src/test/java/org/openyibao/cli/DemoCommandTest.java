package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.Migrations;
import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.sim.batch.Contributions;
import org.openyibao.sim.batch.FundSums;
import org.openyibao.sim.batch.HouseholdYear;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;

/**
 * Starts the server as {@code yibao demo} does, on an embedded in-memory database: the hand-made demo region
 * and the generated population the command adds ({@link DemoGeneratedPopulation}: the platform does not ship
 * sim), seeded through the platform's services, its visits settled and the ledger balanced.
 */
class DemoCommandTest {
    private static final String PASSWORD = "demo-cli-test";

    @Test
    void theDemoSeedsTheGeneratedPopulationThroughThePlatform() throws Exception {
        // what the generator makes with the demo's seed, counted here independently of the seeding
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), DemoGeneratedPopulation.YEAR, DemoGeneratedPopulation.SEED,
                DemoGeneratedPopulation.PERSONS, Generator.DEFAULT_PART_HOUSEHOLDS);
        long households = 0, members = 0, insured = 0, insuredVisits = 0;
        for (var it = g.households(); it.hasNext(); ) {
            households++;
            for (Member m : it.next().members()) {
                members++;
                if (!m.insured() || m.scheme() == null) continue;
                insured++;
                insuredVisits += m.visits().size();
            }
        }
        assertThat(members).isEqualTo(DemoGeneratedPopulation.PERSONS);

        try (ConfigurableApplicationContext ctx = DemoCommand.start(0, "jdbc:h2:mem:demo-cli;" + Migrations.H2_OPTIONS
                + ";DB_CLOSE_DELAY=-1", "--yibao.demo.password=" + PASSWORD)) {
            List<String> welcome = DemoCommand.welcome(ctx, "in memory");
            assertThat(welcome).contains("    44080000000006  440802********0063  resident, documented_poor",
                    "    and 400 generated persons (yibao generate --region zhanjiang --persons 400 --seed 2018), psn_no"
                            + " 44089900000001 to 44089900000400, with their 2018 visits settled");

            JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
            assertThat(count(jdbc, "SELECT count(*) FROM person WHERE psn_no LIKE '440899%'")).isEqualTo(members);
            assertThat(count(jdbc, "SELECT count(*) FROM person WHERE psn_no LIKE '440800%'")).isEqualTo(6);
            assertThat(count(jdbc, "SELECT count(*) FROM household WHERE ref LIKE 'HG%'")).isEqualTo(households);
            assertThat(count(jdbc, "SELECT count(*) FROM enrolment e JOIN person p ON p.id = e.person_id"
                    + " WHERE p.psn_no LIKE '440899%'")).isEqualTo(insured);
            // each insured person's visits settled in date order (a refusal, e.g. in the waiting period, is not recorded)
            long settled = count(jdbc, "SELECT count(*) FROM settlement s JOIN person p ON p.id = s.person_id"
                    + " WHERE p.psn_no LIKE '440899%'");
            assertThat(settled).isGreaterThan(300).isLessThanOrEqualTo(insuredVisits);

            // the funds paid what the batch year pays the same people (HouseholdYear: the engine over the calibrated
            // generator's visits, docs/sim.md#calibration), so the demo's fund figures are the draw of 400 people and
            // not its bookkeeping (the dashboard says why they are not a fund's year)
            long demoFunds = count(jdbc, "SELECT COALESCE(SUM(s.fund_pay_sumamt), 0) FROM settlement s JOIN person p"
                    + " ON p.id = s.person_id WHERE p.psn_no LIKE '440899%'");
            assertThat(demoFunds).isPositive().isEqualTo(batchFundPayments());

            LedgerCheck.Result ledger = ctx.getBean(LedgerCheck.class).run();
            assertThat(ledger.ok()).as("%s", ledger.violations()).isTrue();
            assertThat(ledger.debitsFen()).isEqualTo(ledger.creditsFen()).isPositive();

            // and the API serves them
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            assertThat(get(port, "/api/persons/44089900000001")).isEqualTo(200);
            assertThat(get(port, "/api/persons/44089900000400")).isEqualTo(200);
            assertThat(get(port, "/api/persons/44089900000401")).isEqualTo(404);
        }
    }

    /** What the funds pay for the demo's 400 persons in the batch year (yibao simulate's settlement of a household). */
    private static long batchFundPayments() {
        PolicyPack pack = PackLoader.load(Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang"));
        int year = DemoGeneratedPopulation.YEAR;
        HouseholdYear batch = new HouseholdYear(pack, year, new Contributions(pack, year, 560_000));
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), year, DemoGeneratedPopulation.SEED,
                DemoGeneratedPopulation.PERSONS, Generator.DEFAULT_PART_HOUSEHOLDS);
        long[] paid = {0};
        g.households().forEachRemaining(h -> batch.settle(h, (m, v, s) -> paid[0] += s.fundPaySumamt(), new FundSums()));
        return paid[0];
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static int get(int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("agency:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
