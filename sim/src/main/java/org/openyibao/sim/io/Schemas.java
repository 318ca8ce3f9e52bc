package org.openyibao.sim.io;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** The Parquet schemas of the population tables, exactly as docs/sim.md "Data contract" lists them. */
public final class Schemas {
    private Schemas() {}

    public static final MessageType INSTITUTIONS = MessageTypeParser.parseMessageType("""
            message institution {
              required binary code (STRING);
              required binary name (STRING);
              required binary level (STRING);
              required binary kind (STRING);
              required binary district (STRING);
            }""");

    public static final MessageType HOUSEHOLDS = MessageTypeParser.parseMessageType("""
            message household {
              required int64 household_id;
              required binary district (STRING);
              required boolean agricultural;
              required int32 size;
              required int64 income_fen;
              required int64 spending_fen;
              required int64 food_fen;
            }""");

    public static final MessageType PERSONS = MessageTypeParser.parseMessageType("""
            message person {
              required int64 person_id;
              required int64 household_id;
              required binary sex (STRING);
              required int32 birth_date (DATE);
              required boolean insured;
              optional binary scheme (STRING);
              optional binary employment (STRING);
              required binary category (STRING);
              optional binary contribution (STRING);
              optional int32 enrolled_since (DATE);
              required boolean arrears;
              required int64 wage_base_fen;
              required int64 account_balance_fen;
            }""");

    /**
     * {@code lines} is the standard three-level LIST (pyarrow, pandas and Spark read it as a list of structs). The
     * clinical columns after it (generator 3, docs/sim.md#clinical-detail) are optional: admissions have them,
     * other visits and the files of older generators do not (read as no clinical detail).
     */
    public static final MessageType VISITS = MessageTypeParser.parseMessageType("""
            message visit {
              required int64 visit_id;
              required int64 person_id;
              required int64 household_id;
              required int32 date (DATE);
              required binary type (STRING);
              required binary level (STRING);
              required binary institution_code (STRING);
              optional binary diagnosis (STRING);
              required int32 days;
              required binary emergency_case (STRING);
              required group lines (LIST) {
                repeated group list {
                  required group element {
                    required binary code (STRING);
                    required binary class (STRING);
                    required int64 amount_fen;
                    required int32 self_pay_first_ppm;
                    required int64 over_limit_fen;
                  }
                }
              }
              optional group secondary_diagnoses (LIST) {
                repeated group list {
                  required binary element (STRING);
                }
              }
              optional group procedures (LIST) {
                repeated group list {
                  required binary element (STRING);
                }
              }
              optional binary discharge_type (STRING);
              optional int32 birth_weight_g;
              optional int32 age_days;
            }""");
}
