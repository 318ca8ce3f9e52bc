package org.openyibao.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies in microseconds, kept whole (a run holds at most a few million): exact nearest-rank percentiles. */
final class Latencies {
    private long[] v = new long[1024];
    private int n;

    synchronized void add(long micros) {
        if (n == v.length) v = Arrays.copyOf(v, n * 2);
        v[n++] = micros;
    }

    synchronized void addAll(Latencies other) {
        long[] o = other.sorted();
        for (long x : o) add(x);
    }

    synchronized int count() {
        return n;
    }

    synchronized long[] sorted() {
        long[] s = Arrays.copyOf(v, n);
        Arrays.sort(s);
        return s;
    }

    /** p50, p95, p99, max in ms (one decimal), null when empty. */
    Map<String, Object> percentiles() {
        long[] s = sorted();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", s.length == 0 ? null : ms(s[rank(s.length, 0.50)]));
        m.put("p95", s.length == 0 ? null : ms(s[rank(s.length, 0.95)]));
        m.put("p99", s.length == 0 ? null : ms(s[rank(s.length, 0.99)]));
        m.put("max", s.length == 0 ? null : ms(s[s.length - 1]));
        return m;
    }

    /** Nearest-rank percentile index. */
    static int rank(int n, double p) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
    }

    static BigDecimal ms(long micros) {
        return BigDecimal.valueOf(micros, 3).setScale(1, RoundingMode.HALF_UP);
    }
}
