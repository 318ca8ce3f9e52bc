package org.openyibao.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run measured, shared by every terminal: latencies by key (an infno, {@code flow-<kind>} from the scheduled
 * start to the settlement's reply, {@code start-lag} how late an open-loop flow started), settlements, errors. Only
 * what completes inside the measured window counts, except errors, which count during warm-up too (apart). What the
 * window measures also goes into the current interval, which {@link #cut()} hands to the per-interval report and
 * starts afresh.
 */
final class LoadStats {
    final long measureStart;
    final long measureEnd;
    private final Map<String, Latencies> total = new ConcurrentHashMap<>();
    private volatile Map<String, Latencies> interval = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> settledInWindow = new ConcurrentHashMap<>();
    private final AtomicLong intervalSettled = new AtomicLong();
    private final AtomicLong intervalErrors = new AtomicLong();
    final AtomicLong settledAll = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong warmupErrors = new AtomicLong();
    final AtomicLong flowsOk = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> errorsByInfno = new ConcurrentHashMap<>();

    /** One interval's figures, as {@link #cut()} hands them over. */
    record Interval(long settlements, long errors, Map<String, Latencies> latencies) {}

    LoadStats(long measureStart, long measureEnd) {
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
    }

    boolean inWindow(long nanos) {
        return nanos >= measureStart && nanos <= measureEnd;
    }

    /** A latency measured from {@code from} to {@code to} (nanoTime), under a key. */
    void latency(String key, long from, long to) {
        if (!inWindow(to)) return;
        long micros = (to - from) / 1000;
        total.computeIfAbsent(key, k -> new Latencies()).add(micros);
        interval.computeIfAbsent(key, k -> new Latencies()).add(micros);
    }

    void settled(FlowKind kind, long at) {
        settledAll.incrementAndGet();
        if (!inWindow(at)) return;
        settledInWindow.computeIfAbsent(kind.settleInfno, k -> new AtomicLong()).incrementAndGet();
        intervalSettled.incrementAndGet();
    }

    void error(String infno, String what) {
        if (System.nanoTime() < measureStart) {
            warmupErrors.incrementAndGet();
        } else {
            errors.incrementAndGet();
            intervalErrors.incrementAndGet();
        }
        errorsByInfno.computeIfAbsent(infno, k -> new AtomicLong()).incrementAndGet();
        // the kind of error without the varying parts (ids, amounts), to count them
        String kind = what.replaceAll("[0-9]{6,}", "#");
        if (errorKinds.size() < 50 || errorKinds.containsKey(kind)) errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** The interval so far; the next one starts empty. */
    Interval cut() {
        Map<String, Latencies> l = interval;
        interval = new ConcurrentHashMap<>();
        return new Interval(intervalSettled.getAndSet(0), intervalErrors.getAndSet(0), new TreeMap<>(l));
    }

    long settlementsInWindow() {
        return settledInWindow.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, Long> settlementsByInfno() {
        Map<String, Long> m = new TreeMap<>();
        settledInWindow.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    Map<String, Latencies> totals() {
        return new TreeMap<>(total);
    }
}
