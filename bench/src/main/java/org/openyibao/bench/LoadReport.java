package org.openyibao.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run prints and writes: one line per report interval (settlements/s, p50/p99 of each settlement and
 * cancellation transaction and of 3201, errors, the server's memory and the database's size), the final table
 * (latency percentiles per transaction and per flow, settlements/s, errors), and the JSON summary with the
 * per-interval series.
 */
final class LoadReport {
    /** The transactions an interval line shows, when the interval has them. */
    private static final String[] HEADLINE = {"2207", "2304", "2102", "2208", "2305", "2103", "3201"};
    private final LoadOptions o;
    private final List<Map<String, Object>> series = new ArrayList<>();

    LoadReport(LoadOptions o) {
        this.o = o;
    }

    private Map<String, Object> baseline = Map.of();

    /** The server's and the database's size as the measured window starts. */
    void baseline(Map<String, Object> probe) {
        baseline = probe;
        StringBuilder line = new StringBuilder("  [    0 s] window starts:");
        appendIf(line, "  rss ", probe.get("rss_mb"), " MB");
        appendIf(line, "  heap after GC ", probe.get("heap_after_gc_mb"), " MB");
        appendIf(line, " (", probe.get("gcs"), " GCs)");
        appendIf(line, "  db ", probe.get("db_mb"), " MB");
        System.out.println(line);
    }

    /** One interval of {@code seconds} ending {@code endS} seconds into the measured window. */
    void interval(double endS, double seconds, LoadStats.Interval iv, Map<String, Object> probe) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("end_s", round1(endS));
        m.put("settlements_per_s", round1(iv.settlements() / seconds));
        m.put("errors", iv.errors());
        StringBuilder line = new StringBuilder(String.format("  [%5.0f s] %6.1f settlements/s", endS, iv.settlements() / seconds));
        Map<String, Object> lat = new LinkedHashMap<>();
        iv.latencies().forEach((k, v) -> {
            Map<String, Object> p = v.percentiles();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("count", v.count());
            e.put("p50", p.get("p50"));
            e.put("p99", p.get("p99"));
            lat.put(k, e);
        });
        for (String k : HEADLINE) {
            if (lat.get(k) instanceof Map<?, ?> e) line.append(String.format("  %s %s/%s", k, e.get("p50"), e.get("p99")));
        }
        m.put("latency_ms", lat);
        m.putAll(probe);
        line.append(" ms  errors ").append(iv.errors());
        appendIf(line, "  rss ", probe.get("rss_mb"), " MB");
        appendIf(line, "  heap after GC ", probe.get("heap_after_gc_mb"), " MB");
        appendIf(line, " (", probe.get("gcs"), " GCs)");
        appendIf(line, "  db ", probe.get("db_mb"), " MB");
        System.out.println(line);
        series.add(m);
    }

    private static void appendIf(StringBuilder b, String before, Object v, String after) {
        if (v != null) b.append(before).append(v).append(after);
    }

    /** The final table and the JSON summary; true when the run had no error. */
    boolean finish(LoadStats st, Reconciler rec, Schedule schedule, double elapsed, Map<String, Object> probe) throws IOException {
        Map<String, Latencies> lat = st.totals();
        Latencies all = new Latencies();
        lat.forEach((k, v) -> {
            if (k.matches("[0-9]{4}") && !k.equals("9001")) all.addAll(v);
        });
        double window = o.durationSeconds;
        long settled = st.settlementsInWindow(), errs = st.errors.get(), wErrs = st.warmupErrors.get();
        Map<String, Object> out = summary(st, settled / window, all.count() / window, elapsed);
        out.put("latency_ms_2207", lat.containsKey("2207") ? lat.get("2207").percentiles() : null);
        out.put("latency_ms_2304", lat.containsKey("2304") ? lat.get("2304").percentiles() : null);
        out.put("latency_ms_all", all.percentiles());
        Map<String, Object> per = new LinkedHashMap<>();
        lat.forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>(v.percentiles());
            m.put("count", v.count());
            m.put("per_s", round1(v.count() / window));
            per.put(k, m);
        });
        out.put("per_transaction", per);
        if (schedule != null) out.put("open_loop", openLoop(schedule));
        if (rec != null) out.put("reconciliation_3201", Map.of("agreed", rec.agreed.get(), "disagreed", rec.disagreed.get()));
        Map<String, Object> ek = new LinkedHashMap<>();
        st.errorKinds.forEach((k, v) -> ek.put(k, v.get()));
        out.put("error_kinds", ek);
        out.put("server_at_window_start", baseline);
        out.put("server_at_end", probe);
        out.put("per_interval", series);
        print(st, lat, all, settled, schedule, rec);
        if (o.json != null) {
            Files.writeString(o.json, toJson(out, "") + "\n");
            System.out.println("summary: " + o.json);
        }
        return errs + wErrs == 0;
    }

    private Map<String, Object> summary(LoadStats st, double settlementsPerS, double txPerS, double elapsed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", o.label);
        out.put("url", o.url);
        out.put("mode", o.openLoop() ? "open loop" : "closed loop");
        out.put("rate", o.openLoop() ? o.rate : null);
        out.put("threads", o.threads);
        out.put("institutions", o.clients.size());
        out.put("persons", o.persons.size());
        out.put("mix", Map.of("outpatient", round3(o.mix.outpatient), "inpatient", round3(o.mix.inpatient), "pharmacy", round3(o.mix.pharmacy)));
        out.put("inpatient_share", round3(o.mix.inpatient));
        out.put("cancel_share", o.cancelShare);
        out.put("warmup_s", o.warmupSeconds);
        out.put("measured_s", o.durationSeconds);
        out.put("elapsed_s", round1(elapsed));
        out.put("settlements", st.settlementsInWindow());
        out.put("settlements_by_infno", st.settlementsByInfno());
        out.put("settlements_per_s", round1(settlementsPerS));
        out.put("transactions", Math.round(txPerS * o.durationSeconds));
        out.put("transactions_per_s", round1(txPerS));
        out.put("errors", st.errors.get());
        out.put("warmup_errors", st.warmupErrors.get());
        out.put("flows_completed", st.flowsOk.get());
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.put("generator_cpu_s", round1(os.getProcessCpuTime() / 1e9));
        }
        return out;
    }

    private static Map<String, Object> openLoop(Schedule s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("flows_due", s.due.get());
        m.put("started_late", s.late.get());
        m.put("late_ms", Schedule.LATE_MS);
        m.put("never_started", s.unstarted.get());
        m.put("max_queued", s.maxQueued);
        m.put("fell_behind", s.fellBehind());
        return m;
    }

    private void print(LoadStats st, Map<String, Latencies> lat, Latencies all, long settled, Schedule schedule, Reconciler rec) {
        System.out.printf("%nsettlements/s %.1f (completed in the %d s window: %d)   transactions/s %.1f%n",
                settled / (double) o.durationSeconds, o.durationSeconds, settled, all.count() / (double) o.durationSeconds);
        System.out.println("latency ms        p50     p95     p99     max   count");
        lat.forEach(LoadReport::line);
        line("all", all);
        if (schedule != null) {
            System.out.printf("open loop at %.1f flows/s: %d due, %d started over %d ms late, %d never started, at most %d waiting: %s%n",
                    o.rate, schedule.due.get(), schedule.late.get(), Schedule.LATE_MS, schedule.unstarted.get(), schedule.maxQueued,
                    schedule.fellBehind() ? "FELL BEHIND its schedule" : "kept up");
        }
        if (rec != null) System.out.printf("3201: %d in agreement, %d not%n", rec.agreed.get(), rec.disagreed.get());
        System.out.printf("errors: %d measured, %d during warm-up%n", st.errors.get(), st.warmupErrors.get());
        st.errorKinds.forEach((k, v) -> System.out.println("  " + v.get() + " × " + k));
    }

    private static void line(String name, Latencies l) {
        Map<String, Object> p = l.percentiles();
        System.out.printf("  %-18s %7s %7s %7s %7s %7d%n", name, p.get("p50"), p.get("p95"), p.get("p99"), p.get("max"), l.count());
    }

    static BigDecimal round1(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal round3(double d) {
        return BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object o, String indent) {
        if (o == null) return "null";
        if (o instanceof String s) return MiniJson.quote(s);
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        String in = indent + "  ";
        if (o instanceof List<?> l) {
            if (l.isEmpty()) return "[]";
            StringBuilder b = new StringBuilder("[\n");
            for (int k = 0; k < l.size(); k++) b.append(in).append(toJson(l.get(k), in)).append(k + 1 < l.size() ? ",\n" : "\n");
            return b.append(indent).append(']').toString();
        }
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) return "{}";
            StringBuilder b = new StringBuilder("{\n");
            int k = 0;
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
                b.append(in).append(MiniJson.quote(e.getKey().toString())).append(": ").append(toJson(e.getValue(), in));
                b.append(++k < m.size() ? ",\n" : "\n");
            }
            return b.append(indent).append('}').toString();
        }
        return MiniJson.quote(o.toString());
    }
}
