package org.openyibao.sim.io;

import static org.openyibao.sim.io.RowReaders.bool;
import static org.openyibao.sim.io.RowReaders.i32;
import static org.openyibao.sim.io.RowReaders.i64;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.GroupType;

import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.sim.evaluate.FundFlow;
import org.openyibao.sim.evaluate.FundTotals;
import org.openyibao.sim.evaluate.Households;
import org.openyibao.sim.evaluate.HospitalFigures;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.evaluate.InsurerFigures;
import org.openyibao.sim.evaluate.RunContext;
import org.openyibao.sim.evaluate.PaymentRun;
import org.openyibao.sim.evaluate.RunInput;
import org.openyibao.sim.evaluate.SettlementAggregate;

/**
 * Reads a simulated year ({@code yibao simulate}'s output) for the evaluation: run.json, the households'
 * totals in household order, and the settlements (only the columns the evaluation needs) into a
 * {@link SettlementAggregate}, part by part on several threads.
 */
public final class RunReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final JsonNode run;

    public RunReader(Path dir) {
        this.dir = dir;
        Path file = dir.resolve(RunFiles.RUN);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(dir + " is not a simulated year (no run.json)");
        try {
            run = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
    }

    public JsonNode run() {
        return run;
    }

    public String scenario() {
        return run.path("scenario").asText("baseline");
    }

    /**
     * The run as the evaluation takes it. {@code rankingOf}, when given, is the baseline's households:
     * the same population is ranked once (Households.useRankingOf).
     */
    public RunInput read(Households rankingOf, int threads) throws InterruptedException {
        Households h = households();
        if (rankingOf != null) h.useRankingOf(rankingOf);
        return new RunInput(scenario(), h, settlements(h, threads), funds(), context(), payment());
    }

    /**
     * What the run compared, from run.json (docs/sim.md "A simulated year"); what a run written before these fields
     * does not record is null ("not recorded" in the report), its differences among them.
     */
    public RunContext context() {
        JsonNode pop = run.path("population"), pack = run.path("pack");
        List<RunContext.Change> differences = null;
        if (run.path("differences").isArray()) {
            differences = new ArrayList<>();
            for (JsonNode d : run.path("differences"))
                differences.add(new RunContext.Change(text(d, "path"), text(d, "unit"), text(d, "old"), text(d, "new"),
                        text(d, "effective"), text(d, "source"), text(d, "from"), text(d, "until")));
        }
        List<RunContext.Calibrated> calibration = new ArrayList<>();
        // entries with a target and an achieved value; others (the counts) are not targets
        run.path("calibration").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            if (c.isObject() && c.has("target") && c.has("achieved"))
                calibration.add(new RunContext.Calibrated(e.getKey(), text(c, "target"), text(c, "achieved"), text(c, "source")));
        });
        return new RunContext(text(pop, "region"), run.path("year").isInt() ? run.path("year").asInt() : null,
                number(pop, "persons", run.path("persons")), number(pop, "households", run.path("households")),
                pop.path("seed").isIntegralNumber() ? pop.path("seed").asLong() : null, text(run, "policy"),
                text(pack, "name"), text(pack, "version"), text(run, "reform"), strings(run.path("reforms")),
                strings(run.path("reform_dates")), differences, calibration);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static Long number(JsonNode o, String field, JsonNode fallback) {
        JsonNode v = o.path(field).isIntegralNumber() ? o.path(field) : fallback;
        return v.isIntegralNumber() ? v.asLong() : null;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : a) out.add(v.asText());
        return out;
    }

    /**
     * The runs as the evaluation takes them, the first the baseline (the others are ranked by its households: one
     * population); a run that cannot be read is named by its directory ({@code DIR: why}).
     */
    public static List<RunInput> readAll(List<RunReader> readers, int threads) throws InterruptedException {
        List<RunInput> inputs = new ArrayList<>();
        for (RunReader r : readers) {
            try {
                inputs.add(r.read(inputs.isEmpty() ? null : inputs.get(0).households(), threads));
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException(r.dir + ": " + e.getMessage(), e);
            }
        }
        return inputs;
    }

    public Households households() {
        Households h = new Households((int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, run.path("households").asLong())));
        int parts = RunFiles.parts(dir, RunFiles.HOUSEHOLDS);
        for (int k = 0; k < parts; k++) {
            try (Parquet.CloseableIterator<Object> it = Parquet.read(RunFiles.part(dir, RunFiles.HOUSEHOLDS, k),
                    schema -> householdRows(schema, h))) {
                while (it.hasNext()) it.next();
            }
        }
        return h;
    }

    public SettlementAggregate settlements(Households h, int threads) throws InterruptedException {
        int parts = RunFiles.parts(dir, RunFiles.SETTLEMENTS);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, parts)));
        try {
            List<Future<SettlementAggregate>> futures = new ArrayList<>();
            for (int k = 0; k < parts; k++) {
                Path file = RunFiles.part(dir, RunFiles.SETTLEMENTS, k);
                futures.add(pool.submit(() -> {
                    SettlementAggregate a = new SettlementAggregate(h);
                    try (Parquet.CloseableIterator<Object> it = Parquet.read(file, RunFiles.SETTLEMENT_FOR_EVALUATION,
                            schema -> settlementRows(schema, a))) {
                        while (it.hasNext()) it.next();
                    }
                    return a;
                }));
            }
            SettlementAggregate all = new SettlementAggregate(h);
            for (Future<SettlementAggregate> f : futures) all = all.merge(f.get());
            return all;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** run.json's funds: fund → {income_fen, expenditure_fen}, in the order written. */
    public FundTotals funds() {
        Map<String, FundFlow> m = new LinkedHashMap<>();
        run.path("funds").fields().forEachRemaining(f -> m.put(f.getKey(),
                new FundFlow(f.getValue().path("income_fen").asLong(), f.getValue().path("expenditure_fen").asLong())));
        return new FundTotals(m, insurer(), hospitals());
    }

    /** The inpatient cases' payment (RUN/case_payment.json, docs/sim.md#case-payment), or null in a run without it. */
    public PaymentRun payment() {
        Path file = dir.resolve(RunFiles.CASE_PAYMENT);
        if (!Files.isRegularFile(file)) return null;
        JsonNode j;
        try {
            j = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String> levels = new HashMap<>();
        for (JsonNode h : j.path("hospitals")) {
            String code = h.path("institution").asText();
            levels.putIfAbsent(code, h.path("level").asText(null));
            long[] a = sums.computeIfAbsent(code, c -> new long[6]);
            a[0] += h.path("cases").asLong();
            a[1] += h.path("grouped").asLong();
            a[2] += h.path("weight_ppm").asLong();
            a[3] += h.path("cost_fen").asLong();
            a[4] += h.path("income_fen").asLong();
            a[5] += h.path("fund_due_fen").asLong();
        }
        List<PaymentRun.Hospital> rows = new ArrayList<>();
        sums.forEach((c, a) -> rows.add(new PaymentRun.Hospital(c, levels.get(c), a[0], a[1], a[2], a[3], a[4], a[5])));
        List<String> versions = new ArrayList<>();
        j.path("versions").forEach(v -> versions.add(v.asText()));
        return new PaymentRun(j.path("method").asText(), versions, rows);
    }

    /**
     * The institutions' year ({@code institutions.parquet}) and run.json's hospital budget rules
     * (docs/sim.md#hospital-budgets), or null in a run written without them.
     */
    public HospitalFigures hospitals() {
        Path file = dir.resolve(RunFiles.INSTITUTIONS);
        if (!Files.isRegularFile(file)) return null;
        List<InstitutionYear> rows = new ArrayList<>();
        try (Parquet.CloseableIterator<Group> it = Parquet.read(file, GroupRecordConverter::new)) {
            while (it.hasNext()) rows.add(institution(it.next()));
        }
        return new HospitalFigures(BudgetRulesJson.of(run.path("hospitals").path("rules")), rows);
    }

    private static InstitutionYear institution(Group g) {
        List<Long> months = new ArrayList<>(12);
        for (int m = 1; m <= 12; m++) months.add(g.getLong(RunFiles.month(m), 0));
        return new InstitutionYear(g.getString("code", 0), optional(g, "name"), optional(g, "level"), optional(g, "kind"),
                g.getLong("visits", 0), g.getLong("in_budget_fen", 0), g.getLong("emergency_fen", 0), months);
    }

    private static String optional(Group g, String field) {
        return g.getFieldRepetitionCount(field) == 0 ? null : g.getString(field, 0);
    }

    /** run.json's insurer (docs/sim.md#insurer), or null in a run written without one. */
    public InsurerFigures insurer() {
        JsonNode i = run.path("insurer");
        if (!i.isObject()) return null;
        JsonNode c = i.path("contract");
        return new InsurerFigures(i.path("premium_fen").asLong(), i.path("claims_fen").asLong(),
                i.path("loss_ratio").isNumber() ? i.path("loss_ratio").asDouble() : null, i.path("result_before_fen").asLong(),
                i.path("result_after_fen").asLong(), i.path("returned_fen").asLong(), i.path("compensated_fen").asLong(),
                text(c, "profit_rate"), text(c, "loss_rate"));
    }

    /** Each row goes straight into the columns of {@code h}; no record per row. */
    private static RowReaders.Rows<Object> householdRows(GroupType schema, Households h) {
        return new RowReaders.Rows<>() {
            long id, income, spending, food, medfee, basic, si, ma, other, oop, contribution;
            int size;
            final Map<String, Converter> columns = new HashMap<>();
            final GroupConverter root;
            {
                columns.put("household_id", i64(v -> id = v));
                columns.put("size", i32(v -> size = v));
                columns.put("income_fen", i64(v -> income = v));
                columns.put("spending_fen", i64(v -> spending = v));
                columns.put("food_fen", i64(v -> food = v));
                columns.put("medfee_fen", i64(v -> medfee = v));
                columns.put("basic_fen", i64(v -> basic = v));
                columns.put("serious_illness_fen", i64(v -> si = v));
                columns.put("assistance_fen", i64(v -> ma = v));
                columns.put("other_fen", i64(v -> other = v));
                columns.put("oop_fen", i64(v -> oop = v));
                columns.put("contribution_fen", i64(v -> contribution = v));
                for (String unused : List.of("district", "agricultural", "visits", "inpatient", "account_fen", "cash_fen")) {
                    columns.put(unused, unused.equals("district") ? new RowReaders.Str(v -> {}) : unused.equals("agricultural")
                            ? bool(v -> {}) : unused.endsWith("_fen") ? i64(v -> {}) : i32(v -> {}));
                }
                root = new RowReaders.Group(schema, columns, () -> {}, () -> {
                    h.add(id, size, income, spending, food, medfee, basic, si, ma, other, oop, contribution);
                    current = Boolean.TRUE;
                });
            }
            @Override public GroupConverter getRootConverter() { return root; }
        };
    }

    private static RowReaders.Rows<Object> settlementRows(GroupType schema, SettlementAggregate a) {
        return new RowReaders.Rows<>() {
            long household;
            /** The row's amounts by SettlementField ordinal (the aggregate's fields are read; every row sets them all). */
            final long[] values = SettlementAggregate.row();
            String level, scheme;
            // dictionary-decoded strings repeat as the same instances: look the enum up only when the key changes
            String levelKey, schemeKey;
            Level levelValue;
            Scheme schemeValue;
            final GroupConverter root = new RowReaders.Group(schema, columns(), () -> scheme = null, () -> {
                        if (level != levelKey || levelValue == null) levelValue = Level.of(levelKey = level);
                        if (scheme != schemeKey) {
                            schemeKey = scheme;
                            schemeValue = scheme == null ? null : Scheme.of(scheme);
                        }
                        a.add(schemeValue, levelValue, household, values);
                        current = Boolean.TRUE;
                    });

            private Map<String, Converter> columns() {
                Map<String, Converter> m = new HashMap<>();
                m.put("household_id", i64(v -> household = v));
                m.put("level", new RowReaders.Str(v -> level = v));
                m.put("scheme", new RowReaders.Str(v -> scheme = v));
                for (SettlementField f : SettlementAggregate.FIELDS) {
                    int k = f.ordinal();
                    m.put(f.national(), i64(v -> values[k] = v));
                }
                return m;
            }

            @Override public GroupConverter getRootConverter() { return root; }
        };
    }
}
