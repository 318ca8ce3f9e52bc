package org.openyibao.sim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.population.Clinical;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * A population written before generator 3 (docs/sim.md#clinical-detail): its visits/ have no clinical columns, and
 * still read, each admission with no clinical detail ({@link Clinical#NONE}) and everything else as written.
 */
class OldVisitsTest {
    /** The visits schema of generator 2: the same columns up to {@code lines}. */
    static final MessageType GENERATOR_2 = Types.buildMessage()
            .addFields(Schemas.VISITS.getFields().subList(0, 11).toArray(new org.apache.parquet.schema.Type[0]))
            .named("visit");

    @Test
    void visitsWithoutTheClinicalColumnsReadAsNoClinicalDetail(@TempDir Path dir) throws Exception {
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 11, 400, 1_000);
        RegionWriter.write(g, dir, Format.PARQUET, 1, null, null);
        assertThat(GENERATOR_2.containsField("procedures")).isFalse();
        assertThat(GENERATOR_2.containsField("lines")).isTrue();
        // rewrite part 0's visits as generator 2 wrote them
        List<VisitRecord> visits = new ArrayList<>();
        g.part(0).forEachRemaining(h -> h.members().forEach(m -> visits.addAll(m.visits())));
        Path file = PopulationFiles.part(dir, PopulationFiles.VISITS, 0, Format.PARQUET);
        Files.delete(file);
        try (ParquetWriter<VisitRecord> w = Parquet.writer(file, GENERATOR_2, OldVisitsTest::oldVisit)) {
            for (VisitRecord v : visits) w.write(v);
        }
        List<Household> read = new ArrayList<>();
        try (var it = new PopulationReader(dir).part(0)) {
            it.forEachRemaining(read::add);
        }
        List<VisitRecord> back = new ArrayList<>();
        for (Household h : read) for (Member m : h.members()) back.addAll(m.visits());
        assertThat(back).hasSameSizeAs(visits);
        int admissions = 0;
        for (int i = 0; i < visits.size(); i++) {
            assertThat(back.get(i).clinical()).isEqualTo(Clinical.NONE);
            assertThat(back.get(i).with(visits.get(i).clinical())).isEqualTo(visits.get(i));
            if (visits.get(i).type() == VisitType.INPATIENT) admissions++;
        }
        assertThat(admissions).isPositive();
    }

    /** RowWriters.visit without the clinical columns: what generator 2 wrote. */
    private static void oldVisit(RecordConsumer c, VisitRecord v) {
        RowWriters.visit(new RecordConsumer() {
            private boolean skipping;
            @Override public void startMessage() { c.startMessage(); }
            @Override public void endMessage() { c.endMessage(); }
            @Override public void startField(String field, int index) {
                if (index > 10 && !skipping && depth == 0) { skipping = true; skipDepth = 0; return; }
                if (skipping) return;
                depth++;
                c.startField(field, index);
            }
            @Override public void endField(String field, int index) {
                if (skipping) { if (depth == 0 && skipDepth == 0) skipping = false; return; }
                depth--;
                c.endField(field, index);
            }
            int depth, skipDepth;
            @Override public void startGroup() { if (skipping) { skipDepth++; return; } c.startGroup(); }
            @Override public void endGroup() { if (skipping) { skipDepth--; return; } c.endGroup(); }
            @Override public void addInteger(int value) { if (!skipping) c.addInteger(value); }
            @Override public void addLong(long value) { if (!skipping) c.addLong(value); }
            @Override public void addBoolean(boolean value) { if (!skipping) c.addBoolean(value); }
            @Override public void addBinary(org.apache.parquet.io.api.Binary value) { if (!skipping) c.addBinary(value); }
            @Override public void addFloat(float value) { if (!skipping) c.addFloat(value); }
            @Override public void addDouble(double value) { if (!skipping) c.addDouble(value); }
        }, v);
    }
}
