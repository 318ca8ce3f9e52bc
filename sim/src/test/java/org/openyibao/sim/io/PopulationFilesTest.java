package org.openyibao.sim.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/** Round trip, determinism across threads, and the contract's schemas, parts and order (docs/sim.md). */
class PopulationFilesTest {
    static final Region ZJ = Region.KNOWN.get("zhanjiang");

    static Generator small() {
        return new Generator(ZJ, 2018, 11, 3_000, 200); // several parts
    }

    @Test
    void writtenPartsReadBackAsGenerated(@TempDir Path dir) {
        Generator g = small();
        RegionWriter.write(g, dir, Format.PARQUET, 2, null, null);
        PopulationReader r = new PopulationReader(dir);
        assertThat(r.parts()).isEqualTo(g.parts()).isGreaterThan(1);
        assertThat(r.institutions()).isEqualTo(g.institutions());
        for (int k = 0; k < g.parts(); k++) {
            List<Household> read = new ArrayList<>();
            try (var it = r.part(k)) {
                it.forEachRemaining(read::add);
            }
            List<Household> made = new ArrayList<>();
            g.part(k).forEachRemaining(made::add);
            assertThat(read).isEqualTo(made);
        }
    }

    @Test
    void sameSeedSameBytesWhateverTheThreads(@TempDir Path dir) throws IOException {
        Generator g = small();
        RegionWriter.write(g, dir.resolve("one"), Format.PARQUET, 1, null, null);
        RegionWriter.write(small(), dir.resolve("two"), Format.PARQUET, 2, null, null);
        for (String table : List.of("households", "persons", "visits")) {
            for (int k = 0; k < g.parts(); k++) {
                assertThat(Files.readAllBytes(PopulationFiles.part(dir.resolve("one"), table, k, Format.PARQUET)))
                        .isEqualTo(Files.readAllBytes(PopulationFiles.part(dir.resolve("two"), table, k, Format.PARQUET)));
            }
        }
        assertThat(Files.readString(dir.resolve("one/region.json"))).isEqualTo(Files.readString(dir.resolve("two/region.json")));
    }

    @Test
    void schemasPartsAndOrderAsTheContract(@TempDir Path dir) throws IOException {
        Generator g = small();
        RegionWriter.write(g, dir, Format.PARQUET, 2, null, null);
        assertThat(schema(PopulationFiles.part(dir, "visits", 0, Format.PARQUET))).isEqualTo(Schemas.VISITS);
        assertThat(schema(PopulationFiles.part(dir, "persons", 0, Format.PARQUET))).isEqualTo(Schemas.PERSONS);
        assertThat(schema(PopulationFiles.part(dir, "households", 0, Format.PARQUET))).isEqualTo(Schemas.HOUSEHOLDS);
        assertThat(schema(PopulationFiles.institutions(dir, Format.PARQUET))).isEqualTo(Schemas.INSTITUTIONS);
        PopulationReader r = new PopulationReader(dir);
        long lastHousehold = 0, lastPerson = 0;
        for (int k = 0; k < r.parts(); k++) {
            try (var it = r.part(k)) {
                while (it.hasNext()) {
                    Household h = it.next();
                    assertThat(h.householdId()).isGreaterThan(lastHousehold);
                    lastHousehold = h.householdId();
                    assertThat(h.members()).hasSize(h.size());
                    for (Member m : h.members()) {
                        assertThat(m.personId()).isEqualTo(lastPerson + 1);
                        lastPerson = m.personId();
                        VisitRecord prev = null;
                        for (VisitRecord v : m.visits()) {
                            assertThat(v.date().getYear()).isEqualTo(2018);
                            if (prev != null) {
                                assertThat(v.date()).isAfterOrEqualTo(prev.date());
                                assertThat(v.visitId()).isGreaterThan(prev.visitId());
                            }
                            assertThat(v.lines()).isNotEmpty().allSatisfy(l -> {
                                assertThat(l.amountFen()).isNotNegative();
                                assertThat(l.overLimitFen()).isBetween(0L, l.amountFen());
                            });
                            prev = v;
                        }
                    }
                }
            }
            // whole households: each part's persons and visits belong to that part's households
            try (var vs = r.visits(k); var hs = r.part(k)) {
                long first = hs.next().householdId();
                vs.forEachRemaining(v -> assertThat(v.householdId()).isGreaterThanOrEqualTo(first));
            }
        }
        assertThat(lastPerson).isEqualTo(3_000);
    }

    @Test
    void csvOnRequest(@TempDir Path dir) throws IOException {
        RegionWriter.write(new Generator(ZJ, 2018, 3, 100, 1_000), dir, Format.CSV, 1, null, null);
        List<String> lines = Files.readAllLines(PopulationFiles.part(dir, "visit_lines", 0, Format.CSV));
        assertThat(lines.get(0)).isEqualTo("visit_id,line_no,code,class,amount_fen,self_pay_first_ppm,over_limit_fen");
        assertThat(Files.readAllLines(PopulationFiles.part(dir, "persons", 0, Format.CSV))).hasSize(101);
    }

    /** Reading speed on one core (a figure for the report, not a timed assertion). */
    @Test
    void readingSpeed(@TempDir Path dir) {
        Generator g = new Generator(ZJ, 2018, 5, 100_000, Generator.DEFAULT_PART_HOUSEHOLDS);
        long t0 = System.nanoTime();
        RegionWriter.write(g, dir, Format.PARQUET, 1, null, null);
        long t1 = System.nanoTime();
        long visits = 0;
        for (int rep = 0; rep < 3; rep++) {
            long s = System.nanoTime();
            visits = 0;
            try (var it = new PopulationReader(dir).visits(0)) {
                while (it.hasNext()) {
                    it.next();
                    visits++;
                }
            }
            System.out.printf("read %d visits in %.2f s: %.0f visits/s%n", visits, (System.nanoTime() - s) / 1e9,
                    visits / ((System.nanoTime() - s) / 1e9));
        }
        System.out.printf("generated and wrote 100,000 persons (%d visits) in %.2f s on one thread%n", visits, (t1 - t0) / 1e9);
        assertThat(visits).isPositive();
    }

    private static MessageType schema(Path file) {
        return Parquet.schema(file);
    }
}
