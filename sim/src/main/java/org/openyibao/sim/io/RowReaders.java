package org.openyibao.sim.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.GroupType;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.population.Clinical;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Institution;
import org.openyibao.sim.population.LineRecord;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * Column-level converters that build the population records straight from Parquet's values.
 * Strings are decoded once per dictionary entry. Persons are read with no visits (the reader joins them).
 */
final class RowReaders {
    private RowReaders() {}

    static final class Str extends PrimitiveConverter {
        private final Consumer<String> set;
        private String[] dict;

        Str(Consumer<String> set) { this.set = set; }

        @Override public boolean hasDictionarySupport() { return true; }
        @Override public void setDictionary(Dictionary d) {
            dict = new String[d.getMaxId() + 1];
            for (int i = 0; i < dict.length; i++) dict[i] = d.decodeToBinary(i).toStringUsingUTF8();
        }
        @Override public void addValueFromDictionary(int id) { set.accept(dict[id]); }
        @Override public void addBinary(Binary b) { set.accept(b.toStringUsingUTF8()); }
    }

    static PrimitiveConverter i64(LongConsumer set) {
        return new PrimitiveConverter() {
            @Override public void addLong(long v) { set.accept(v); }
        };
    }

    static PrimitiveConverter i32(IntConsumer set) {
        return new PrimitiveConverter() {
            @Override public void addInt(int v) { set.accept(v); }
        };
    }

    static PrimitiveConverter bool(Consumer<Boolean> set) {
        return new PrimitiveConverter() {
            @Override public void addBoolean(boolean v) { set.accept(v); }
        };
    }

    /** A group whose children are found by field name, so a file with the columns in another order still reads. */
    static class Group extends GroupConverter {
        private final Converter[] children;
        private final Runnable start;
        private final Runnable end;

        Group(GroupType type, Map<String, Converter> byName, Runnable start, Runnable end) {
            children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                String name = type.getFieldName(i);
                Converter c = byName.get(name);
                if (c == null) throw new IllegalArgumentException("unexpected column " + name + " in " + type.getName());
                children[i] = c;
            }
            this.start = start;
            this.end = end;
        }

        @Override public Converter getConverter(int i) { return children[i]; }
        @Override public void start() { start.run(); }
        @Override public void end() { end.run(); }
    }

    /** A materializer whose root group fills mutable state and builds the record at the end. */
    abstract static class Rows<T> extends RecordMaterializer<T> {
        T current;
        @Override public T getCurrentRecord() { return current; }
    }

    static Rows<Institution> institutions(GroupType schema) {
        return new Rows<>() {
            String code, name, level, kind, district;
            final Group root = new Group(schema, Map.of(
                    "code", new Str(v -> code = v), "name", new Str(v -> name = v), "level", new Str(v -> level = v),
                    "kind", new Str(v -> kind = v), "district", new Str(v -> district = v)),
                    () -> {}, () -> current = new Institution(code, name, Level.of(level), kind, district));
            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    static Rows<Household> households(GroupType schema) {
        return new Rows<>() {
            long id, income, spending, food;
            String district;
            boolean agricultural;
            int size;
            final Group root = new Group(schema, Map.of(
                    "household_id", i64(v -> id = v), "district", new Str(v -> district = v),
                    "agricultural", bool(v -> agricultural = v), "size", i32(v -> size = v),
                    "income_fen", i64(v -> income = v), "spending_fen", i64(v -> spending = v),
                    "food_fen", i64(v -> food = v)),
                    () -> {}, () -> current = new Household(id, district, agricultural, size, income, spending, food, List.of()));
            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    static Rows<Member> persons(GroupType schema) {
        return new Rows<>() {
            long id, household, wage, account;
            String sex, scheme, employment, category, contribution;
            int birth;
            Integer since;
            boolean insured, arrears;
            final Group root = new Group(schema, Map.ofEntries(
                    Map.entry("person_id", i64(v -> id = v)), Map.entry("household_id", i64(v -> household = v)),
                    Map.entry("sex", new Str(v -> sex = v)), Map.entry("birth_date", i32(v -> birth = v)),
                    Map.entry("insured", bool(v -> insured = v)), Map.entry("scheme", new Str(v -> scheme = v)),
                    Map.entry("employment", new Str(v -> employment = v)), Map.entry("category", new Str(v -> category = v)),
                    Map.entry("contribution", new Str(v -> contribution = v)), Map.entry("enrolled_since", i32(v -> since = v)),
                    Map.entry("arrears", bool(v -> arrears = v)), Map.entry("wage_base_fen", i64(v -> wage = v)),
                    Map.entry("account_balance_fen", i64(v -> account = v))),
                    () -> {
                        scheme = employment = contribution = null;
                        since = null;
                    },
                    () -> current = new Member(id, household, sex, LocalDate.ofEpochDay(birth), insured,
                            scheme == null ? null : Scheme.of(scheme), employment == null ? null : Employment.of(employment),
                            Category.of(category), contribution == null ? null : Contribution.of(contribution),
                            since == null ? null : LocalDate.ofEpochDay(since), arrears, wage, account, List.of()));
            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    static Rows<VisitRecord> visits(GroupType schema) {
        return new Rows<>() {
            long id, person, household, amount, over;
            int date, days, spf, birthWeight, ageDays;
            String type, level, institution, diagnosis, emergency, code, cls, discharge;
            List<LineRecord> lines;
            List<String> secondary, procedures;
            final Group root;
            {
                GroupType linesType = schema.getType("lines").asGroupType();
                GroupType listType = linesType.getType(0).asGroupType();
                GroupType elementType = listType.getType(0).asGroupType();
                Group element = new Group(elementType, Map.of(
                        "code", new Str(v -> code = v), "class", new Str(v -> cls = v),
                        "amount_fen", i64(v -> amount = v), "self_pay_first_ppm", i32(v -> spf = v),
                        "over_limit_fen", i64(v -> over = v)),
                        () -> code = null,
                        () -> lines.add(new LineRecord(code, LineClass.of(cls), amount, spf, over)));
                Group list = new Group(listType, Map.of(listType.getFieldName(0), element), () -> {}, () -> {});
                Group linesGroup = new Group(linesType, Map.of(linesType.getFieldName(0), list),
                        () -> lines = new ArrayList<>(4), () -> {});
                Map<String, Converter> columns = new HashMap<>(Map.ofEntries(
                        Map.entry("visit_id", i64(v -> id = v)), Map.entry("person_id", i64(v -> person = v)),
                        Map.entry("household_id", i64(v -> household = v)), Map.entry("date", i32(v -> date = v)),
                        Map.entry("type", new Str(v -> type = v)), Map.entry("level", new Str(v -> level = v)),
                        Map.entry("institution_code", new Str(v -> institution = v)),
                        Map.entry("diagnosis", new Str(v -> diagnosis = v)), Map.entry("days", i32(v -> days = v)),
                        Map.entry("emergency_case", new Str(v -> emergency = v)), Map.entry("lines", linesGroup),
                        Map.entry("discharge_type", new Str(v -> discharge = v)),
                        Map.entry("birth_weight_g", i32(v -> birthWeight = v)), Map.entry("age_days", i32(v -> ageDays = v))));
                if (schema.containsField("secondary_diagnoses")) {
                    columns.put("secondary_diagnoses", strings(schema.getType("secondary_diagnoses").asGroupType(),
                            () -> secondary = new ArrayList<>(2), v -> secondary.add(v)));
                }
                if (schema.containsField("procedures")) {
                    columns.put("procedures", strings(schema.getType("procedures").asGroupType(),
                            () -> procedures = new ArrayList<>(1), v -> procedures.add(v)));
                }
                root = new Group(schema, columns,
                        () -> {
                            diagnosis = discharge = null;
                            lines = List.of();
                            secondary = procedures = List.of();
                            birthWeight = ageDays = 0;
                        },
                        () -> current = new VisitRecord(id, person, household, LocalDate.ofEpochDay(date), VisitType.of(type),
                                Level.of(level), institution, diagnosis, days, EmergencyCase.of(emergency), lines,
                                discharge == null ? Clinical.NONE
                                        : new Clinical(secondary, procedures, DischargeType.of(discharge), birthWeight, ageDays)));
            }
            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    /** A standard three-level LIST of strings: {@code start} when the list begins, {@code add} for each element. */
    private static Group strings(GroupType listType, Runnable start, Consumer<String> add) {
        GroupType repeated = listType.getType(0).asGroupType();
        Group list = new Group(repeated, Map.of(repeated.getFieldName(0), new Str(add)), () -> {}, () -> {});
        return new Group(listType, Map.of(listType.getFieldName(0), list), start, () -> {});
    }
}
