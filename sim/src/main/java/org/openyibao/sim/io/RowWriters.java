package org.openyibao.sim.io;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.population.Clinical;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Institution;
import org.openyibao.sim.population.LineRecord;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/** Emits one row of each table to a {@link RecordConsumer}, field by field in schema order. */
final class RowWriters {
    private RowWriters() {}

    /** Strings repeat (enumeration keys, district and institution codes): encode each once. */
    private static final ConcurrentHashMap<String, Binary> BINARIES = new ConcurrentHashMap<>();

    private static Binary bin(String s) {
        Binary b = BINARIES.get(s);
        if (b != null) return b;
        if (BINARIES.size() > 100_000) return Binary.fromString(s);
        return BINARIES.computeIfAbsent(s, Binary::fromString);
    }

    static void str(RecordConsumer c, int i, String name, String v) {
        if (v == null) return;
        c.startField(name, i);
        c.addBinary(bin(v));
        c.endField(name, i);
    }

    static void i64(RecordConsumer c, int i, String name, long v) {
        c.startField(name, i);
        c.addLong(v);
        c.endField(name, i);
    }

    static void i32(RecordConsumer c, int i, String name, int v) {
        c.startField(name, i);
        c.addInteger(v);
        c.endField(name, i);
    }

    static void bool(RecordConsumer c, int i, String name, boolean v) {
        c.startField(name, i);
        c.addBoolean(v);
        c.endField(name, i);
    }

    static void institution(RecordConsumer c, Institution r) {
        str(c, 0, "code", r.code());
        str(c, 1, "name", r.name());
        str(c, 2, "level", r.level().key);
        str(c, 3, "kind", r.kind());
        str(c, 4, "district", r.district());
    }

    static void household(RecordConsumer c, Household h) {
        i64(c, 0, "household_id", h.householdId());
        str(c, 1, "district", h.district());
        bool(c, 2, "agricultural", h.agricultural());
        i32(c, 3, "size", h.size());
        i64(c, 4, "income_fen", h.incomeFen());
        i64(c, 5, "spending_fen", h.spendingFen());
        i64(c, 6, "food_fen", h.foodFen());
    }

    static void person(RecordConsumer c, Member p) {
        i64(c, 0, "person_id", p.personId());
        i64(c, 1, "household_id", p.householdId());
        str(c, 2, "sex", p.sex());
        i32(c, 3, "birth_date", (int) p.birthDate().toEpochDay());
        bool(c, 4, "insured", p.insured());
        str(c, 5, "scheme", p.scheme() == null ? null : p.scheme().key);
        str(c, 6, "employment", p.employment() == null ? null : p.employment().key);
        str(c, 7, "category", p.category().key);
        str(c, 8, "contribution", p.contribution() == null ? null : p.contribution().key);
        if (p.enrolledSince() != null) i32(c, 9, "enrolled_since", (int) p.enrolledSince().toEpochDay());
        bool(c, 10, "arrears", p.arrears());
        i64(c, 11, "wage_base_fen", p.wageBaseFen());
        i64(c, 12, "account_balance_fen", p.accountBalanceFen());
    }

    static void visit(RecordConsumer c, VisitRecord v) {
        i64(c, 0, "visit_id", v.visitId());
        i64(c, 1, "person_id", v.personId());
        i64(c, 2, "household_id", v.householdId());
        i32(c, 3, "date", (int) v.date().toEpochDay());
        str(c, 4, "type", v.type().key);
        str(c, 5, "level", v.level().key);
        str(c, 6, "institution_code", v.institutionCode());
        str(c, 7, "diagnosis", v.diagnosis());
        i32(c, 8, "days", v.days());
        str(c, 9, "emergency_case", v.emergencyCase().key);
        c.startField("lines", 10);
        c.startGroup();
        List<LineRecord> lines = v.lines();
        if (!lines.isEmpty()) {
            c.startField("list", 0);
            for (LineRecord l : lines) {
                c.startGroup();
                c.startField("element", 0);
                c.startGroup();
                str(c, 0, "code", l.code());
                str(c, 1, "class", l.lineClass().key);
                i64(c, 2, "amount_fen", l.amountFen());
                i32(c, 3, "self_pay_first_ppm", l.selfPayFirstPpm());
                i64(c, 4, "over_limit_fen", l.overLimitFen());
                c.endGroup();
                c.endField("element", 0);
                c.endGroup();
            }
            c.endField("list", 0);
        }
        c.endGroup();
        c.endField("lines", 10);
        if (v.type() != VisitType.INPATIENT) return;
        Clinical k = v.clinical();
        strings(c, 11, "secondary_diagnoses", k.secondaryDiagnoses());
        strings(c, 12, "procedures", k.procedures());
        str(c, 13, "discharge_type", k.dischargeType().code);
        i32(c, 14, "birth_weight_g", k.birthWeightGrams());
        i32(c, 15, "age_days", k.ageDays());
    }

    /** A standard three-level LIST of strings. */
    private static void strings(RecordConsumer c, int i, String name, List<String> values) {
        c.startField(name, i);
        c.startGroup();
        if (!values.isEmpty()) {
            c.startField("list", 0);
            for (String s : values) {
                c.startGroup();
                str(c, 0, "element", s);
                c.endGroup();
            }
            c.endField("list", 0);
        }
        c.endGroup();
        c.endField(name, i);
    }
}
