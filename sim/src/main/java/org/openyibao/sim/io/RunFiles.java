package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** The tables of a simulated year (docs/sim.md, "A simulated year"): where they live and their schemas. */
public final class RunFiles {
    public static final String SETTLEMENTS = "settlements";
    public static final String HOUSEHOLDS = "households";
    public static final String RUN = "run.json";

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

    /** The engine's Settlement with the national field names (INTERFACE 2207), in fen. */
    public static final MessageType SETTLEMENT = MessageTypeParser.parseMessageType("""
            message settlement {
              required int64 visit_id;
              required int64 person_id;
              required int64 household_id;
              required int32 date (DATE);
              required binary type (STRING);
              required binary level (STRING);
              optional binary scheme (STRING);
              optional binary employment (STRING);
              required binary category (STRING);
              required int64 medfee_sumamt;
              required int64 fulamt_ownpay_amt;
              required int64 overlmt_selfpay;
              required int64 preselfpay_amt;
              required int64 inscp_scp_amt;
              required int64 act_pay_dedc;
              required int64 hifp_pay;
              required int64 cvlserv_pay;
              required int64 hifmi_pay;
              required int64 hifob_pay;
              required int64 maf_pay;
              required int64 oth_pay;
              required int64 fund_pay_sumamt;
              required int64 acct_pay;
              required int64 psn_cash_pay;
              required int64 psn_part_amt;
              required int64 hosp_part_amt;
              required boolean eligible;
            }""");

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

    /** The columns the evaluation reads from {@code settlements/} (a projection: the others are not decoded). */
    public static final MessageType SETTLEMENT_FOR_EVALUATION = MessageTypeParser.parseMessageType("""
            message settlement {
              required int64 household_id;
              required binary level (STRING);
              optional binary scheme (STRING);
              required int64 medfee_sumamt;
              required int64 hifp_pay;
              required int64 cvlserv_pay;
              required int64 hifmi_pay;
              required int64 hifob_pay;
              required int64 maf_pay;
              required int64 oth_pay;
              required int64 fund_pay_sumamt;
              required int64 psn_part_amt;
            }""");
}
