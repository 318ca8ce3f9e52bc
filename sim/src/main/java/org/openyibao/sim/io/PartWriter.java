package org.openyibao.sim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.hadoop.ParquetWriter;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Institution;
import org.openyibao.sim.population.LineRecord;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * Writes one part of a population: the households given in order, their persons and visits, to
 * {@code households/}, {@code persons/}, {@code visits/} (and {@code visit_lines/} in CSV).
 */
public abstract class PartWriter implements AutoCloseable {

    public static PartWriter open(Path dir, int part, Format format) {
        return format == Format.PARQUET ? new ParquetPart(dir, part) : new CsvPart(dir, part);
    }

    public abstract void write(Household h);

    @Override
    public abstract void close();

    /** The institutions file of the region, one file for all parts. */
    public static void writeInstitutions(Path dir, Format format, List<Institution> institutions) {
        Path file = PopulationFiles.institutions(dir, format);
        if (format == Format.PARQUET) {
            try (ParquetWriter<Institution> w = Parquet.writer(file, Schemas.INSTITUTIONS, RowWriters::institution)) {
                for (Institution i : institutions) w.write(i);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        } else {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("code,name,level,kind,district\n");
                for (Institution i : institutions) {
                    w.write(i.code() + "," + csv(i.name()) + "," + i.level().key + "," + i.kind() + "," + csv(i.district()) + "\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    static String csv(String s) {
        return Csv.field(s);
    }

    private static Path prepare(Path dir, String table, int part, Format format) {
        Path file = PopulationFiles.part(dir, table, part, format);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        return file;
    }

    private static final class ParquetPart extends PartWriter {
        private final ParquetWriter<Household> households;
        private final ParquetWriter<Member> persons;
        private final ParquetWriter<VisitRecord> visits;

        ParquetPart(Path dir, int part) {
            households = Parquet.writer(prepare(dir, PopulationFiles.HOUSEHOLDS, part, Format.PARQUET), Schemas.HOUSEHOLDS,
                    RowWriters::household);
            persons = Parquet.writer(prepare(dir, PopulationFiles.PERSONS, part, Format.PARQUET), Schemas.PERSONS,
                    RowWriters::person);
            visits = Parquet.writer(prepare(dir, PopulationFiles.VISITS, part, Format.PARQUET), Schemas.VISITS,
                    RowWriters::visit);
        }

        @Override
        public void write(Household h) {
            try {
                households.write(h);
                for (Member m : h.members()) {
                    persons.write(m);
                    for (VisitRecord v : m.visits()) visits.write(v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (households; persons; visits) {
                // closing writes the footers
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class CsvPart extends PartWriter {
        private final BufferedWriter households, persons, visits, lines;

        CsvPart(Path dir, int part) {
            try {
                households = open(dir, PopulationFiles.HOUSEHOLDS, part,
                        "household_id,district,agricultural,size,income_fen,spending_fen,food_fen");
                persons = open(dir, PopulationFiles.PERSONS, part, "person_id,household_id,sex,birth_date,insured,scheme,"
                        + "employment,category,contribution,enrolled_since,arrears,wage_base_fen,account_balance_fen");
                visits = open(dir, PopulationFiles.VISITS, part, "visit_id,person_id,household_id,date,type,level,"
                        + "institution_code,diagnosis,days,emergency_case,secondary_diagnoses,procedures,discharge_type,"
                        + "birth_weight_g,age_days");
                lines = open(dir, PopulationFiles.VISIT_LINES, part,
                        "visit_id,line_no,code,class,amount_fen,self_pay_first_ppm,over_limit_fen");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static BufferedWriter open(Path dir, String table, int part, String header) throws IOException {
            BufferedWriter w = Files.newBufferedWriter(prepare(dir, table, part, Format.CSV), StandardCharsets.UTF_8);
            w.write(header);
            w.write('\n');
            return w;
        }

        /** An admission's clinical columns, the lists' codes joined by spaces; empty for other visits. */
        private static String clinical(VisitRecord v) {
            if (v.type() != org.openyibao.engine.policy.VisitType.INPATIENT) return ",,,,";
            var k = v.clinical();
            return String.join(" ", k.secondaryDiagnoses()) + "," + String.join(" ", k.procedures()) + ","
                    + k.dischargeType().code + "," + k.birthWeightGrams() + "," + k.ageDays();
        }

        private static String key(Object o) {
            if (o == null) return "";
            if (o instanceof org.openyibao.engine.policy.Scheme s) return s.key;
            if (o instanceof org.openyibao.engine.policy.Employment e) return e.key;
            if (o instanceof org.openyibao.engine.policy.Contribution c) return c.key;
            return o.toString();
        }

        @Override
        public void write(Household h) {
            try {
                households.write(h.householdId() + "," + csv(h.district()) + "," + h.agricultural() + "," + h.size() + ","
                        + h.incomeFen() + "," + h.spendingFen() + "," + h.foodFen() + "\n");
                for (Member m : h.members()) {
                    persons.write(m.personId() + "," + m.householdId() + "," + m.sex() + "," + m.birthDate() + ","
                            + m.insured() + "," + key(m.scheme()) + "," + key(m.employment()) + "," + m.category().key + ","
                            + key(m.contribution()) + "," + key(m.enrolledSince()) + "," + m.arrears() + "," + m.wageBaseFen()
                            + "," + m.accountBalanceFen() + "\n");
                    for (VisitRecord v : m.visits()) {
                        visits.write(v.visitId() + "," + v.personId() + "," + v.householdId() + "," + v.date() + ","
                                + v.type().key + "," + v.level().key + "," + v.institutionCode() + "," + key(v.diagnosis())
                                + "," + v.days() + "," + v.emergencyCase().key + "," + clinical(v) + "\n");
                        int n = 0;
                        for (LineRecord l : v.lines()) {
                            lines.write(v.visitId() + "," + n++ + "," + csv(l.code()) + "," + l.lineClass().key + ","
                                    + l.amountFen() + "," + l.selfPayFirstPpm() + "," + l.overLimitFen() + "\n");
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try (households; persons; visits; lines) {
                // flushed on close
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
