package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.casepay.DipPool;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.sim.io.Format;
import org.openyibao.sim.io.RegionWriter;
import org.openyibao.sim.io.RunFiles;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Region;

/**
 * A small year paid by fee, by DRG and by DIP (docs/sim.md#case-payment): the patients' share does not move, each
 * hospital's income is the fund's due plus its patients' share, the DIP dues sum to the budget exactly (the fund's
 * fee-for-service payments on the scored cases) and the same sums come out on 1 and 2 threads.
 */
class CasePaymentYearTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path POLICIES = Path.of(System.getProperty("yibao.policies", "../policies"));

    @TempDir static Path dir;
    static Path population;
    static GroupingTables tables;
    static Simulation.Result ffs, drg, dip, dip2;

    @BeforeAll
    static void simulate() throws Exception {
        population = dir.resolve("pop");
        RegionWriter.write(new Generator(Region.KNOWN.get("zhanjiang"), 2018, 9, 3_000, 200), population, Format.PARQUET, 2,
                null, null);
        tables = GroupingTables.load(POLICIES);
        TableSelection selection = TableSelection.of(POLICIES.resolve("zhanjiang"));
        ffs = run("ffs", CasePaymentSpec.FEE_FOR_SERVICE, 2);
        drg = run("drg", new CasePaymentSpec(PaymentMethod.DRG, tables, selection, "illustrative-drg-1"), 2);
        dip = run("dip", new CasePaymentSpec(PaymentMethod.DIP, tables, selection, "illustrative-dip-1"), 2);
        dip2 = run("dip2", new CasePaymentSpec(PaymentMethod.DIP, tables, selection, "illustrative-dip-1"), 1);
    }

    static Simulation.Result run(String name, CasePaymentSpec payment, int threads) throws Exception {
        return new Simulation(new Simulation.Spec(population, ContributionsTest.PACK, "baseline", null, dir.resolve(name),
                threads, 560_000, null, null, payment)).run();
    }

    @Test
    void thePatientsShareAndTheCasesAreTheSameWhateverTheMethod() {
        for (Simulation.Result r : new Simulation.Result[] {drg, dip}) {
            assertThat(r.cases().total(CaseYear.Row::cases)).isEqualTo(ffs.cases().total(CaseYear.Row::cases)).isGreaterThan(300);
            assertThat(r.cases().total(CaseYear.Row::patientShareFen)).isEqualTo(ffs.cases().total(CaseYear.Row::patientShareFen));
            assertThat(r.cases().total(CaseYear.Row::costFen)).isEqualTo(ffs.cases().total(CaseYear.Row::costFen));
        }
        // fee for service: the hospital's income is the cases' cost, the fund owes what it paid as settled
        for (CaseYear.Row row : ffs.cases().rows()) {
            assertThat(row.incomeFen()).isEqualTo(row.costFen());
            assertThat(row.fundDueFen()).isEqualTo(row.fundFfsFen());
        }
    }

    @Test
    void eachHospitalsIncomeIsTheFundsDuePlusItsPatientsShare() {
        for (Simulation.Result r : new Simulation.Result[] {drg, dip}) {
            for (CaseYear.Row row : r.cases().rows()) {
                assertThat(row.incomeFen()).isEqualTo(row.fundDueFen() + row.patientShareFen());
            }
            assertThat(r.cases().total(CaseYear.Row::incomeFen))
                    .isEqualTo(r.cases().total(CaseYear.Row::fundDueFen) + r.cases().total(CaseYear.Row::patientShareFen));
        }
        assertThat(drg.cases().total(CaseYear.Row::grouped)).isGreaterThan(drg.cases().total(CaseYear.Row::cases) * 95 / 100);
    }

    /** DIP shares the fund's fee-for-service money on the scored cases by points: its dues sum to that exactly. */
    @Test
    void theDipDuesSumToTheBudgetExactly() {
        long budget = dip.cases().pools().stream().mapToLong(DipPool::budgetFen).sum();
        long feeCasesFund = dip.cases().total(CaseYear.Row::fundFfsFen) - budget;
        assertThat(budget).isPositive();
        assertThat(dip.cases().total(CaseYear.Row::fundDueFen)).isEqualTo(budget + feeCasesFund)
                .isEqualTo(ffs.cases().total(CaseYear.Row::fundDueFen));
        assertThat(dip.cases().pools()).hasSize(2); // employees' and residents' point values apart (the pack says so)
        for (DipPool p : dip.cases().pools()) {
            long finals = p.hospitals().stream().mapToLong(h -> h.finalFen()).sum();
            assertThat(finals).isEqualTo(p.budgetFen() + p.patientShareFen());
        }
    }

    @Test
    void theSameYearOnOneAndTwoThreads() {
        assertThat(dip2.cases().rows()).isEqualTo(dip.cases().rows());
        assertThat(dip2.cases().summary()).isEqualTo(dip.cases().summary());
    }

    @Test
    void runJsonAndCasePaymentJsonSayWhatWasPaid() throws Exception {
        JsonNode run = JSON.readTree(dir.resolve("drg").resolve(RunFiles.RUN).toFile());
        assertThat(run.path("payment").path("method").asText()).isEqualTo("drg");
        assertThat(run.path("payment").path("versions").get(0).asText()).isEqualTo("illustrative-drg-1");
        assertThat(run.path("payment").path("fund_due_fen").asLong()).isEqualTo(drg.cases().total(CaseYear.Row::fundDueFen));
        JsonNode cp = JSON.readTree(dir.resolve("dip").resolve(RunFiles.CASE_PAYMENT).toFile());
        assertThat(cp.path("hospitals").size()).isEqualTo(dip.cases().rows().size());
        assertThat(cp.path("dip_pools").get(0).path("point_value_yuan").asText()).isNotBlank();
        assertThat(RunFiles.parts(dir.resolve("dip"), RunFiles.CASES)).isEqualTo(RunFiles.parts(dir.resolve("dip"), RunFiles.SETTLEMENTS));
        assertThat(Files.exists(dir.resolve("ffs").resolve(RunFiles.CASE_PAYMENT))).isTrue();
    }

    @Test
    void withNoTableInForceTheRunIsRefusedNamingTheOption() {
        CasePaymentSpec none = new CasePaymentSpec(PaymentMethod.DRG, tables, TableSelection.of(POLICIES.resolve("zhanjiang")), null);
        assertThatThrownBy(() -> run("none", none, 1)).hasMessageContaining("--tables").hasMessageContaining("drg");
    }

    @Test
    void aDrgTableCannotPayByDip() {
        assertThatThrownBy(() -> new CasePaymentSpec(PaymentMethod.DIP, tables, null, "illustrative-drg-1"))
                .hasMessageContaining("illustrative-drg-1 is a drg table, not dip");
    }


    /**
     * evaluate compares the methods (docs/sim.md#case-payment): payment-methods.csv has a line per run and hospital whose
     * income and fund due are the run's, the reference is the fee-for-service run, and the report has the section.
     */
    @Test
    void theEvaluationComparesTheMethods() throws Exception {
        java.util.List<org.openyibao.sim.io.RunReader> readers = java.util.List.of(new org.openyibao.sim.io.RunReader(dir.resolve("ffs")),
                new org.openyibao.sim.io.RunReader(dir.resolve("drg")), new org.openyibao.sim.io.RunReader(dir.resolve("dip")));
        Path out = dir.resolve("report");
        org.openyibao.sim.evaluate.EvaluationResult r = org.openyibao.sim.evaluate.Evaluation.run(
                org.openyibao.sim.io.RunReader.readAll(readers, 2), out, java.util.Set.of(java.util.Locale.ENGLISH),
                new org.openyibao.sim.evaluate.Evaluation.Options(0, 1, 2));
        org.openyibao.sim.evaluate.PaymentMethods p = r.payments();
        assertThat(p.runs()).extracting(org.openyibao.sim.evaluate.PaymentMethods.Run::method)
                .containsExactly("fee-for-service", "drg", "dip");
        assertThat(p.referenceIndex()).isZero();
        assertThat(p.runs().get(1).fundDueFen()).isEqualTo(drg.cases().total(CaseYear.Row::fundDueFen));
        assertThat(p.runs().get(2).fundDueFen()).isEqualTo(p.runs().get(0).fundDueFen());
        assertThat(p.runs().get(0).winners() + p.runs().get(0).losers()).isZero(); // the reference against itself
        java.util.List<String> csv = Files.readAllLines(out.resolve(org.openyibao.sim.evaluate.Evaluation.PAYMENT_METHODS_CSV));
        assertThat(csv).hasSize(1 + 3 * p.hospitals().size());
        long drgDue = csv.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals("drg")).mapToLong(c -> Long.parseLong(c[8])).sum();
        assertThat(drgDue).isEqualTo(drg.cases().total(CaseYear.Row::fundDueFen));
        assertThat(Files.readString(out.resolve("report.en.html"))).contains("Case payment: fee-for-service, DRG and DIP compared");
        // the households' results are the same by design: no "identical" or "no difference" warning between methods
        assertThat(r.warnings()).isEmpty();
        // one method only (a reform's runs, all by fee): nothing to compare, no section, no file
        Path alone = dir.resolve("report-ffs");
        org.openyibao.sim.evaluate.EvaluationResult one = org.openyibao.sim.evaluate.Evaluation.run(
                org.openyibao.sim.io.RunReader.readAll(java.util.List.of(new org.openyibao.sim.io.RunReader(dir.resolve("ffs"))), 1),
                alone, java.util.Set.of(java.util.Locale.ENGLISH), new org.openyibao.sim.evaluate.Evaluation.Options(0, 1, 1));
        assertThat(one.payments()).isNull();
        assertThat(alone.resolve(org.openyibao.sim.evaluate.Evaluation.PAYMENT_METHODS_CSV)).doesNotExist();
    }
}
