package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.RecordConsumer;
import org.openyibao.sim.batch.PaidCase;

/** Writes one part of a run's {@code cases/} table (docs/sim.md#case-payment). */
public final class CaseWriter implements AutoCloseable {
    private final ParquetWriter<PaidCase> cases;

    public CaseWriter(Path dir, int part) {
        try {
            Files.createDirectories(dir.resolve(RunFiles.CASES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        cases = Parquet.writer(RunFiles.part(dir, RunFiles.CASES, part), RunFiles.CASE, CaseWriter::row);
    }

    public void write(PaidCase c) {
        try {
            cases.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            cases.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(RecordConsumer c, PaidCase p) {
        int i = 0;
        RowWriters.i64(c, i++, "case_id", p.caseId());
        RowWriters.i64(c, i++, "person_id", p.personId());
        RowWriters.str(c, i++, "institution_code", p.institution());
        RowWriters.str(c, i++, "level", p.level());
        RowWriters.str(c, i++, "scheme", p.scheme());
        RowWriters.i32(c, i++, "discharge", (int) p.discharge().toEpochDay());
        RowWriters.i32(c, i++, "days", p.days());
        RowWriters.str(c, i++, "method", p.method());
        RowWriters.str(c, i++, "table_version", p.version());
        RowWriters.str(c, i++, "outcome", p.outcome());
        RowWriters.str(c, i++, "group", p.group());
        RowWriters.i64(c, i++, "weight_ppm", p.weightPpm());
        RowWriters.i64(c, i++, "cost_fen", p.costFen());
        RowWriters.i64(c, i++, "fund_fen", p.fundFen());
        RowWriters.i64(c, i++, "patient_share_fen", p.patientShareFen());
        RowWriters.str(c, i++, "kind", p.kind());
        RowWriters.i64(c, i++, "payment_fen", p.paymentFen());
        RowWriters.i64(c, i, "points_ppm", p.pointsPpm());
    }
}
