package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.sim.evaluate.SettlementAggregate;

/** The tables of a simulated year (docs/sim.md, "A simulated year"): where they live and their schemas. */
public final class RunFiles {
    public static final String SETTLEMENTS = "settlements";
    public static final String HOUSEHOLDS = "households";
    public static final String RUN = "run.json";
    /** One file for the whole run: each institution's pooling-fund payments (docs/sim.md#hospital-budgets). */
    public static final String INSTITUTIONS = "institutions.parquet";
    /** The inpatient cases as paid, one Parquet part per population part (docs/sim.md#case-payment). */
    public static final String CASES = "cases";
    /** The year-end of the inpatient cases under the run's payment method (docs/sim.md#case-payment). */
    public static final String CASE_PAYMENT = "case_payment.json";

    /** One inpatient case as paid: {@link org.openyibao.sim.batch.PaidCase}'s columns. */
    public static final MessageType CASE = MessageTypeParser.parseMessageType("""
            message paid_case {
              required int64 case_id;
              required int64 person_id;
              required binary institution_code (STRING);
              required binary level (STRING);
              required binary scheme (STRING);
              required int32 discharge (DATE);
              required int32 days;
              required binary method (STRING);
              optional binary table_version (STRING);
              optional binary outcome (STRING);
              optional binary group (STRING);
              required int64 weight_ppm;
              required int64 cost_fen;
              required int64 fund_fen;
              required int64 patient_share_fen;
              required binary kind (STRING);
              required int64 payment_fen;
              required int64 points_ppm;
            }""");

    private RunFiles() {}

    public static Path part(Path dir, String table, int part) {
        return PopulationFiles.part(dir, table, part, Format.PARQUET);
    }

    /** The number of parts of a run's {@code table}. */
    public static int parts(Path dir, String table) {
        Path d = dir.resolve(table);
        if (!Files.isDirectory(d)) throw new IllegalArgumentException(dir + " is not a simulated year (no " + table + "/)");
        try (Stream<Path> s = Files.list(d)) {
            return (int) s.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The engine's Settlement: the visit's keys, then every national field of {@link SettlementField} under its
     * national name, in the table's order, as int64 (fen; {@code pool_prop_selfpay} in ppm), then {@code eligible}.
     */
    public static final MessageType SETTLEMENT = settlement("settlement", List.of("required int64 visit_id",
            "required int64 person_id", "required int64 household_id", "required int32 date (DATE)", "required binary type (STRING)",
            "required binary level (STRING)", "optional binary scheme (STRING)", "optional binary employment (STRING)",
            "required binary category (STRING)"), List.of(SettlementField.values()), List.of("required boolean eligible"));

    /** A household's year: the population's columns, then sums over its members' visits. */
    public static final MessageType HOUSEHOLD = MessageTypeParser.parseMessageType("""
            message household_year {
              required int64 household_id;
              required binary district (STRING);
              required boolean agricultural;
              required int32 size;
              required int64 income_fen;
              required int64 spending_fen;
              required int64 food_fen;
              required int32 visits;
              required int32 inpatient;
              required int64 medfee_fen;
              required int64 basic_fen;
              required int64 serious_illness_fen;
              required int64 assistance_fen;
              required int64 other_fen;
              required int64 account_fen;
              required int64 cash_fen;
              required int64 oop_fen;
              required int64 contribution_fen;
            }""");

    /**
     * An institution's year: the population's code, name, level and kind (name and kind null for a code it does not
     * list), the visits settled there and the pooling funds' payments on them, in fen: counted against the budget (the
     * year and its months) and a declared emergency's.
     */
    public static final MessageType INSTITUTION_YEAR = MessageTypeParser.parseMessageType("""
            message institution_year {
              required binary code (STRING);
              optional binary name (STRING);
              optional binary level (STRING);
              optional binary kind (STRING);
              required int64 visits;
              required int64 in_budget_fen;
              required int64 emergency_fen;
            """ + months() + "}");

    /** {@code month_01_fen} … {@code month_12_fen}: the in-budget payments month by month. */
    public static String month(int m) {
        return String.format(java.util.Locale.ROOT, "month_%02d_fen", m);
    }

    private static String months() {
        StringBuilder b = new StringBuilder();
        for (int m = 1; m <= 12; m++) b.append("  required int64 ").append(month(m)).append(";\n");
        return b.toString();
    }

    /** The columns the evaluation reads from {@code settlements/} (a projection: the others are not decoded). */
    public static final MessageType SETTLEMENT_FOR_EVALUATION = settlement("settlement", List.of("required int64 household_id",
            "required binary level (STRING)", "optional binary scheme (STRING)"), SettlementAggregate.FIELDS, List.of());

    /** A schema of {@code before} columns, one {@code required int64} per field under its national name, {@code after}. */
    private static MessageType settlement(String name, List<String> before, List<SettlementField> fields, List<String> after) {
        StringBuilder b = new StringBuilder("message ").append(name).append(" {\n");
        for (String c : before) b.append("  ").append(c).append(";\n");
        for (SettlementField f : fields) b.append("  required int64 ").append(f.national()).append(";\n");
        for (String c : after) b.append("  ").append(c).append(";\n");
        return MessageTypeParser.parseMessageType(b.append('}').toString());
    }
}
