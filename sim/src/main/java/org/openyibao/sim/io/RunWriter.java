package org.openyibao.sim.io;

import static org.openyibao.sim.io.RowWriters.bool;
import static org.openyibao.sim.io.RowWriters.i32;
import static org.openyibao.sim.io.RowWriters.i64;
import static org.openyibao.sim.io.RowWriters.str;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.RecordConsumer;

import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.sim.batch.HouseholdTotals;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/** Writes one part of a simulated year: its settlements and its households' totals (docs/sim.md). */
public final class RunWriter implements AutoCloseable {
    private record Settled(Member member, VisitRecord visit, Settlement settlement) {}

    private static final SettlementField[] FIELDS = SettlementField.values();

    private final ParquetWriter<Settled> settlements;
    private final ParquetWriter<HouseholdTotals> households;

    public RunWriter(Path dir, int part) {
        try {
            Files.createDirectories(dir.resolve(RunFiles.SETTLEMENTS));
            Files.createDirectories(dir.resolve(RunFiles.HOUSEHOLDS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        settlements = Parquet.writer(RunFiles.part(dir, RunFiles.SETTLEMENTS, part), RunFiles.SETTLEMENT, RunWriter::settlement);
        households = Parquet.writer(RunFiles.part(dir, RunFiles.HOUSEHOLDS, part), RunFiles.HOUSEHOLD, RunWriter::household);
    }

    public void settled(Member member, VisitRecord visit, Settlement settlement) {
        try {
            settlements.write(new Settled(member, visit, settlement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void household(HouseholdTotals t) {
        try {
            households.write(t);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (settlements; households) {
            // both files
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code RUN/institutions.parquet}: one row per institution, in the order given (docs/sim.md#hospital-budgets). */
    public static void writeInstitutions(Path dir, List<InstitutionYear> rows) {
        Path file = dir.resolve(RunFiles.INSTITUTIONS);
        try {
            Files.deleteIfExists(file);
            try (ParquetWriter<InstitutionYear> w = Parquet.writer(file, RunFiles.INSTITUTION_YEAR, RunWriter::institution)) {
                for (InstitutionYear r : rows) w.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void institution(RecordConsumer c, InstitutionYear r) {
        int i = 0;
        str(c, i++, "code", r.code());
        str(c, i++, "name", r.name());
        str(c, i++, "level", r.level());
        str(c, i++, "kind", r.kind());
        i64(c, i++, "visits", r.visits());
        i64(c, i++, "in_budget_fen", r.inBudgetFen());
        i64(c, i++, "emergency_fen", r.emergencyFen());
        for (int m = 1; m <= 12; m++) i64(c, i++, RunFiles.month(m), r.monthlyFen().get(m - 1));
    }

    private static void settlement(RecordConsumer c, Settled r) {
        Member m = r.member();
        VisitRecord v = r.visit();
        Settlement s = r.settlement();
        int i = 0;
        i64(c, i++, "visit_id", v.visitId());
        i64(c, i++, "person_id", m.personId());
        i64(c, i++, "household_id", m.householdId());
        i32(c, i++, "date", (int) v.date().toEpochDay());
        str(c, i++, "type", v.type().key);
        str(c, i++, "level", v.level().key);
        str(c, i++, "scheme", m.insured() && m.scheme() != null ? m.scheme().key : null);
        str(c, i++, "employment", m.employment() == null ? null : m.employment().key);
        str(c, i++, "category", m.category().key);
        for (SettlementField f : FIELDS) i64(c, i++, f.national(), s.value(f));   // RunFiles.SETTLEMENT's order
        bool(c, i, "eligible", s.eligible());
    }

    private static void household(RecordConsumer c, HouseholdTotals t) {
        Household h = t.household();
        int i = 0;
        i64(c, i++, "household_id", h.householdId());
        str(c, i++, "district", h.district());
        bool(c, i++, "agricultural", h.agricultural());
        i32(c, i++, "size", h.size());
        i64(c, i++, "income_fen", h.incomeFen());
        i64(c, i++, "spending_fen", h.spendingFen());
        i64(c, i++, "food_fen", h.foodFen());
        i32(c, i++, "visits", t.visits());
        i32(c, i++, "inpatient", t.inpatient());
        i64(c, i++, "medfee_fen", t.medfeeFen());
        i64(c, i++, "basic_fen", t.basicFen());
        i64(c, i++, "serious_illness_fen", t.seriousIllnessFen());
        i64(c, i++, "assistance_fen", t.assistanceFen());
        i64(c, i++, "other_fen", t.otherFen());
        i64(c, i++, "account_fen", t.accountFen());
        i64(c, i++, "cash_fen", t.cashFen());
        i64(c, i++, "oop_fen", t.oopFen());
        i64(c, i, "contribution_fen", t.contributionFen());
    }
}
