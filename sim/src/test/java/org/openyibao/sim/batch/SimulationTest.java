package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.evaluate.Evaluation;
import org.openyibao.sim.evaluate.EvaluationResult;
import org.openyibao.sim.evaluate.HospitalFigures;
import org.openyibao.sim.evaluate.HospitalOutcome;
import org.openyibao.sim.evaluate.Households;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.evaluate.RunInput;
import org.openyibao.sim.io.Format;
import org.openyibao.sim.io.Parquet;
import org.openyibao.sim.io.PopulationReader;
import org.openyibao.sim.io.RegionWriter;
import org.openyibao.sim.io.RunFiles;
import org.openyibao.sim.io.RunReader;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/** The batch year on real Parquet files: a small population in several parts, settled on 1 and on 2 threads. */
class SimulationTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path dir;
    static Path population;
    static Generator generator;
    static Simulation.Result one, two;

    @BeforeAll
    static void generateAndSimulate() throws Exception {
        population = dir.resolve("pop");
        generator = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 5, 400, 30); // about 100 households, 4 parts
        RegionWriter.write(generator, population, Format.PARQUET, 2, null, null);
        one = new Simulation(spec(dir.resolve("run1"), 1)).run();
        two = new Simulation(spec(dir.resolve("run2"), 2)).run();
    }

    static Simulation.Spec spec(Path out, int threads) {
        return new Simulation.Spec(population, ContributionsTest.PACK, "baseline", null, out, threads, 560_000);
    }

    /** Every row of every part of a table, as text, part by part in order. */
    static List<String> rows(Path run, String table) {
        List<String> rows = new ArrayList<>();
        for (int k = 0; k < RunFiles.parts(run, table); k++) {
            try (Parquet.CloseableIterator<Group> it = Parquet.read(RunFiles.part(run, table, k), GroupRecordConverter::new)) {
                it.forEachRemaining(g -> rows.add(g.toString()));
            }
        }
        return rows;
    }

    /** institutions.parquet's rows, as text. */
    static List<String> institutionRows(Path run) {
        List<String> rows = new ArrayList<>();
        try (Parquet.CloseableIterator<Group> it = Parquet.read(run.resolve(RunFiles.INSTITUTIONS), GroupRecordConverter::new)) {
            it.forEachRemaining(g -> rows.add(g.toString()));
        }
        return rows;
    }

    static List<Group> groups(Path run, String table) {
        List<Group> rows = new ArrayList<>();
        for (int k = 0; k < RunFiles.parts(run, table); k++) {
            try (Parquet.CloseableIterator<Group> it = Parquet.read(RunFiles.part(run, table, k), GroupRecordConverter::new)) {
                it.forEachRemaining(rows::add);
            }
        }
        return rows;
    }

    @Test
    void oneThreadAndTwoWriteTheSameRows() {
        assertThat(generator.parts()).isGreaterThan(2);
        assertThat(RunFiles.parts(dir.resolve("run1"), RunFiles.SETTLEMENTS)).isEqualTo(generator.parts());
        assertThat(RunFiles.parts(dir.resolve("run2"), RunFiles.HOUSEHOLDS)).isEqualTo(generator.parts());
        List<String> s1 = rows(dir.resolve("run1"), RunFiles.SETTLEMENTS);
        assertThat(s1).isNotEmpty().isEqualTo(rows(dir.resolve("run2"), RunFiles.SETTLEMENTS));
        List<String> h1 = rows(dir.resolve("run1"), RunFiles.HOUSEHOLDS);
        assertThat(h1).isNotEmpty().isEqualTo(rows(dir.resolve("run2"), RunFiles.HOUSEHOLDS));
        assertThat(two.funds()).isEqualTo(one.funds());
        assertThat(two.visits()).isEqualTo(one.visits());
        assertThat(institutionRows(dir.resolve("run1"))).isNotEmpty().isEqualTo(institutionRows(dir.resolve("run2")));
    }

    @Test
    void settlementRowsAreThePopulationsVisitsAndHouseholdRowsItsHouseholds() throws Exception {
        JsonNode region = JSON.readTree(population.resolve("region.json").toFile());
        PopulationReader pop = new PopulationReader(population);
        List<Long> visitIds = new ArrayList<>();
        for (int k = 0; k < pop.parts(); k++) {
            try (var it = pop.visits(k)) {
                it.forEachRemaining((VisitRecord v) -> visitIds.add(v.visitId()));
            }
        }
        List<Group> settlements = groups(dir.resolve("run1"), RunFiles.SETTLEMENTS);
        assertThat(settlements).hasSize(visitIds.size()).hasSize(region.path("visits").asInt());
        assertThat(settlements.stream().map(g -> g.getLong("visit_id", 0)).toList())
                .containsExactlyInAnyOrderElementsOf(visitIds);
        for (Group s : settlements) {
            assertThat(s.getLong("medfee_sumamt", 0)).isEqualTo(s.getLong("fund_pay_sumamt", 0) + s.getLong("psn_part_amt", 0)
                    + s.getLong("hosp_part_amt", 0));
        }
        List<Group> households = groups(dir.resolve("run1"), RunFiles.HOUSEHOLDS);
        assertThat(households).hasSize(region.path("households").asInt()).hasSize((int) generator.householdCount());
        // in household order across the parts, and each row's totals are its settlements' sums
        long last = 0;
        for (Group h : households) {
            long id = h.getLong("household_id", 0);
            assertThat(id).isGreaterThan(last);
            last = id;
            List<Group> mine = settlements.stream().filter(s -> s.getLong("household_id", 0) == id).toList();
            assertThat(h.getInteger("visits", 0)).isEqualTo(mine.size());
            assertThat(h.getLong("oop_fen", 0)).isEqualTo(mine.stream().mapToLong(s -> s.getLong("psn_part_amt", 0)).sum());
            assertThat(h.getLong("basic_fen", 0)).isEqualTo(mine.stream().mapToLong(s -> s.getLong("hifp_pay", 0)
                    + s.getLong("cvlserv_pay", 0) + s.getLong("hifob_pay", 0)).sum());
            assertThat(h.getLong("medfee_fen", 0)).isEqualTo(mine.stream().mapToLong(s -> s.getLong("medfee_sumamt", 0)).sum());
        }
        assertThat(households.stream().mapToLong(h -> h.getInteger("size", 0)).sum()).isEqualTo(400);
    }

    @Test
    void runJsonSaysWhatWasRun() throws Exception {
        JsonNode run = JSON.readTree(dir.resolve("run1").resolve(RunFiles.RUN).toFile());
        assertThat(run.path("scenario").asText()).isEqualTo("baseline");
        assertThat(run.path("policy").asText()).isEqualTo("zhanjiang");
        assertThat(run.path("year").asInt()).isEqualTo(2018);
        assertThat(run.path("population").path("seed").asLong()).isEqualTo(5);
        assertThat(run.path("visits").asLong()).isEqualTo(one.visits()).isEqualTo(groups(dir.resolve("run1"), RunFiles.SETTLEMENTS).size());
        assertThat(run.path("households").asLong()).isEqualTo(generator.householdCount());
        assertThat(run.path("persons").asLong()).isEqualTo(400);
        assertThat(run.path("reform").isNull()).isTrue();
        JsonNode funds = run.path("funds");
        List<String> names = new ArrayList<>();
        funds.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly(FundSums.RESIDENT_POOLING,
                FundSums.EMPLOYEE_POOLING, FundSums.EMPLOYEE_ACCOUNTS, FundSums.SERIOUS_ILLNESS, FundSums.ASSISTANCE,
                FundSums.EMERGENCY);
        for (Map.Entry<String, Map<String, Long>> f : one.funds().entrySet()) {
            JsonNode j = funds.path(f.getKey());
            assertThat(j.path("income_fen").isIntegralNumber()).as(f.getKey()).isTrue();
            assertThat(j.path("income_fen").asLong()).isEqualTo(f.getValue().get("income_fen"));
            assertThat(j.path("expenditure_fen").asLong()).isEqualTo(f.getValue().get("expenditure_fen"));
            assertThat(j.path("balance_fen").asLong()).isEqualTo(j.path("income_fen").asLong() - j.path("expenditure_fen").asLong());
        }
        // the residents' pooling fund took contributions and paid visits
        assertThat(funds.path(FundSums.RESIDENT_POOLING).path("income_fen").asLong()).isPositive();
        assertThat(funds.path(FundSums.RESIDENT_POOLING).path("expenditure_fen").asLong()).isPositive();
    }

    /**
     * The insurer's year under Zhanjiang's contract (3% each way, the whole excess returned or compensated): the premium
     * and claims are the serious-illness fund's income and expenditure, and the result after the corridor is inside it.
     */
    @Test
    void runJsonHasTheInsurersYearUnderItsContract() throws Exception {
        JsonNode run = JSON.readTree(dir.resolve("run1").resolve(RunFiles.RUN).toFile());
        JsonNode i = run.path("insurer");
        Map<String, Long> si = one.funds().get(FundSums.SERIOUS_ILLNESS);
        long premium = si.get("income_fen"), claims = si.get("expenditure_fen");
        assertThat(premium).isPositive();
        assertThat(i.path("premium_fen").asLong()).isEqualTo(premium);
        assertThat(i.path("claims_fen").asLong()).isEqualTo(claims);
        assertThat(i.path("result_before_fen").asLong()).isEqualTo(premium - claims);
        long corridor = org.openyibao.engine.money.Money.applyRatio(premium, 30_000);
        long after = i.path("result_after_fen").asLong();
        assertThat(after).isBetween(-corridor, corridor);
        assertThat(after).isEqualTo(premium - claims - i.path("returned_fen").asLong() + i.path("compensated_fen").asLong());
        assertThat(i.path("instalments_fen")).hasSize(12);
        assertThat(i.path("contract").path("profit_rate").asText()).isEqualTo("0.03");
        assertThat(new RunReader(dir.resolve("run1")).funds().insurer().resultAfterFen()).isEqualTo(after);
    }

    @Test
    void theEvaluationReadsTheRunBack() throws Exception {
        RunReader r = new RunReader(dir.resolve("run1"));
        RunInput in = r.read(null, 2);
        Households h = in.households();
        List<Group> rows = groups(dir.resolve("run1"), RunFiles.HOUSEHOLDS);
        assertThat(in.label()).isEqualTo("baseline");
        assertThat(h.count()).isEqualTo(rows.size());
        for (int i = 0; i < h.count(); i++) {
            assertThat(h.householdId(i)).isEqualTo(rows.get(i).getLong("household_id", 0));
            assertThat(h.oopFen(i)).isEqualTo(rows.get(i).getLong("oop_fen", 0));
            assertThat(h.contributionFen(i)).isEqualTo(rows.get(i).getLong("contribution_fen", 0));
        }
        assertThat(in.funds()).isEqualTo(new RunReader(dir.resolve("run2")).funds());
        assertThat(new RunReader(dir.resolve("run2")).households().samePopulation(h)).isTrue();
    }

    /**
     * Each institution's year (docs/sim.md#hospital-budgets): the pooling fund's payments at the institutions add up to
     * what the pooling fund paid on the visits and to the settlements' hifp_pay, exactly (less than the basic tiers);
     * the same rows on 1 and 2 threads; institutions.parquet and run.json's hospitals read back as written.
     */
    @Test
    void institutionsSumToThePoolingFundsPaymentsOnTheVisits() throws Exception {
        long inBudget = one.institutions().stream().mapToLong(InstitutionYear::inBudgetFen).sum();
        long emergency = one.institutions().stream().mapToLong(InstitutionYear::emergencyFen).sum();
        assertThat(inBudget).isPositive();
        assertThat(inBudget + emergency).isEqualTo(one.poolingOnVisitsFen());
        // the basic tiers pay at least as much (large amounts, the civil-servant subsidy come on top); on 400 persons
        // generator 3's seed 5 has none of those, so the two are equal here
        assertThat(one.poolingOnVisitsFen()).as("the basic tiers pay at least as much: large amounts, the civil-servant subsidy")
                .isLessThanOrEqualTo(groups(dir.resolve("run1"), RunFiles.HOUSEHOLDS).stream().mapToLong(h -> h.getLong("basic_fen", 0)).sum());
        assertThat(one.poolingOnVisitsFen()).isEqualTo(groups(dir.resolve("run1"), RunFiles.SETTLEMENTS).stream()
                .mapToLong(g -> g.getLong("hifp_pay", 0)).sum());
        long pooling = one.funds().get(FundSums.RESIDENT_POOLING).get("expenditure_fen")
                + one.funds().get(FundSums.EMPLOYEE_POOLING).get("expenditure_fen");
        assertThat(one.poolingOnVisitsFen()).as("the pooling funds' expenditure less the retirees' credits").isLessThanOrEqualTo(pooling);
        // every institution of the population has a row, by code; visits add up to the run's
        PopulationReader pop = new PopulationReader(population);
        assertThat(one.institutions()).extracting(InstitutionYear::code)
                .containsAll(pop.institutions().stream().map(org.openyibao.sim.population.Institution::code).toList()).isSorted();
        assertThat(one.institutions().stream().mapToLong(InstitutionYear::visits).sum()).isEqualTo(one.visits());
        assertThat(two.institutions()).isEqualTo(one.institutions());
        assertThat(two.poolingOnVisitsFen()).isEqualTo(one.poolingOnVisitsFen());

        HospitalFigures read = new RunReader(dir.resolve("run1")).hospitals();
        assertThat(read.institutions()).isEqualTo(one.institutions());
        assertThat(read.rules()).isEqualTo(BudgetRules.of(ContributionsTest.PACK, LocalDate.of(2018, 12, 31)));
        JsonNode h = JSON.readTree(dir.resolve("run1").resolve(RunFiles.RUN).toFile()).path("hospitals");
        assertThat(h.path("in_budget_fen").asLong()).isEqualTo(inBudget);
        assertThat(h.path("file").asText()).isEqualTo(RunFiles.INSTITUTIONS);
        assertThat(h.at("/rules/growth_rate/value").asText()).isEqualTo("0.05");
        assertThat(h.at("/rules/growth_rate/source").asText()).contains("DECISION (docs/decisions.md#hospital-budget)");
    }

    /**
     * A reform that raises the pooling funds' payments (residents' inpatient ratio at 95%, a test overlay) moves
     * hospitals over the budgets set from the baseline's spending; the baseline ends under every one of them.
     */
    @Test
    void aReformThatRaisesPoolingSpendingMovesHospitalsOverTheirBudgets() throws Exception {
        PolicyPack reformed = PackLoader.applyReform(ContributionsTest.PACK, Path.of(SimulationTest.class
                .getResource("/reforms/inpatient-95.yaml").toURI()));
        Path run = dir.resolve("run-inpatient-95");
        new Simulation(new Simulation.Spec(population, reformed, "inpatient-95", null, run, 2, 560_000)).run();
        List<RunInput> runs = RunReader.readAll(List.of(new RunReader(dir.resolve("run1")), new RunReader(run)), 2);
        EvaluationResult r = Evaluation.run(runs, dir.resolve("report"), java.util.Set.of(java.util.Locale.ENGLISH),
                new Evaluation.Options(0, 1, 1));
        assertThat(r.hospitals()).extracting(HospitalOutcome::run).containsExactly("baseline", "inpatient-95");
        HospitalOutcome.Totals base = r.hospitals().get(0).total(), reform = r.hospitals().get(1).total();
        assertThat(base.over()).isZero();
        assertThat(base.under()).isEqualTo(base.institutions()).isPositive();
        assertThat(base.spendingFen()).isLessThan(base.budgetFen());
        assertThat(reform.spendingFen()).isGreaterThan(base.spendingFen());
        assertThat(reform.over()).isPositive();
        assertThat(reform.borneFen()).isPositive();
        assertThat(reform.balanceFen()).isEqualTo(reform.totalDueFen() - reform.prepaidFen());
        assertThat(Files.readString(dir.resolve("report").resolve("report.en.html"))).contains("Hospitals&#39; budgets");
        assertThat(dir.resolve("report").resolve(Evaluation.HOSPITALS_CSV)).exists();
    }

    @Test
    void notAPopulation(@TempDir Path empty) {
        assertThatThrownBy(() -> new Simulation(new Simulation.Spec(empty, ContributionsTest.PACK, "baseline", null,
                empty.resolve("out"), 1, 560_000)).run())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a population");
        assertThatThrownBy(() -> new RunReader(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a simulated year");
        assertThat(Files.exists(empty.resolve("out").resolve(RunFiles.RUN))).isFalse();
    }

}
