package org.openyibao.sim.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.engine.settlement.SettlementField.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.sim.batch.HouseholdTotals;
import org.openyibao.sim.evaluate.Households;
import org.openyibao.sim.evaluate.Reimbursement;
import org.openyibao.sim.evaluate.SettlementAggregate;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/** The settlements table of a simulated year has a column per national field (SettlementField), and reads back. */
class RunFilesTest {
    @TempDir
    Path dir;

    /** Every field a different value, the identities kept: 10,600 = 100 + 200 + 300 + 10,000 = 4,150 + 6,000 + 450. */
    static Settlement settlement() {
        return Settlement.builder().set(MEDFEE_SUMAMT, 10_600).set(FULAMT_OWNPAY_AMT, 100).set(OVERLMT_SELFPAY, 200)
                .set(PRESELFPAY_AMT, 300).set(INSCP_SCP_AMT, 10_000).set(ACT_PAY_DEDC, 500).set(HIFP_PAY, 4_000)
                .set(POOL_PROP_SELFPAY, 750_000).set(CVLSERV_PAY, 10).set(HIFMI_PAY, 20).set(HIFOB_PAY, 30).set(MAF_PAY, 40)
                .set(OTH_PAY, 50).set(ACCT_PAY, 1_000).set(PSN_CASH_PAY, 5_000).set(HOSP_PART_AMT, 450).set(BALC, 7_777).build();
    }

    @Test
    void theSettlementsTableHasAColumnPerNationalFieldInTheTablesOrder() {
        List<String> columns = RunFiles.SETTLEMENT.getFields().stream().map(Type::getName).toList();
        List<String> expected = new ArrayList<>(List.of("visit_id", "person_id", "household_id", "date", "type", "level", "scheme",
                "employment", "category"));
        for (SettlementField f : SettlementField.values()) expected.add(f.national());
        expected.add("eligible");
        assertThat(columns).containsExactlyElementsOf(expected);
        List<String> projected = RunFiles.SETTLEMENT_FOR_EVALUATION.getFields().stream().map(Type::getName).toList();
        assertThat(projected).containsExactlyElementsOf(
                new ArrayList<>(List.of("household_id", "level", "scheme")) {{
                    SettlementAggregate.FIELDS.forEach(f -> add(f.national()));
                }});
    }

    @Test
    void aSettlementRoundTripsThroughParquetAndTheEvaluationsReader() throws Exception {
        Settlement s = settlement();
        LocalDate day = LocalDate.of(2018, 3, 1);
        Member m = new Member(1, 7, "F", LocalDate.of(1950, 1, 1), true, Scheme.EMPLOYEE, Employment.RETIRED, Category.GENERAL,
                null, LocalDate.of(2000, 1, 1), false, 0, 0, List.of());
        VisitRecord v = new VisitRecord(11, 1, 7, day, VisitType.INPATIENT, Level.LEVEL3, "H1", "I21.9", 5, EmergencyCase.NONE,
                List.of());
        Household h = new Household(7, "Chikan", false, 1, 5_000_000, 3_000_000, 1_000_000, List.of(m));
        try (RunWriter w = new RunWriter(dir, 0)) {
            w.settled(m, v, s);
            w.household(new HouseholdTotals(h, 1, 1, 10_600, 4_040, 20, 40, 50, 1_000, 5_000, 6_000, 0));
        }
        List<Group> rows = new ArrayList<>();
        try (Parquet.CloseableIterator<Group> it = Parquet.read(RunFiles.part(dir, RunFiles.SETTLEMENTS, 0), GroupRecordConverter::new)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(1);
        for (SettlementField f : SettlementField.values()) {
            assertThat(rows.get(0).getLong(f.national(), 0)).as(f.national()).isEqualTo(s.value(f));
        }

        Files.writeString(dir.resolve(RunFiles.RUN), "{\"households\": 1, \"scenario\": \"baseline\"}");
        RunReader reader = new RunReader(dir);
        Households households = reader.households();
        Reimbursement.Row total = reader.settlements(households, 1).result().total();
        assertThat(total.settlements()).isEqualTo(1);
        for (SettlementField f : SettlementAggregate.FIELDS) assertThat(total.sum(f)).as(f.national()).isEqualTo(s.value(f));
    }
}
