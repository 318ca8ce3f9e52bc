package org.openyibao.sim.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The year's inpatient cases summed by hospital and scheme (docs/sim.md#case-payment), in fen, millionths and counts,
 * by one worker and merged at the end: sums only, so the year-end is the same whatever the parts' order and threads.
 */
public final class CaseSums {
    /** The sums' positions. */
    static final int CASES = 0, GROUPED = 1, OUTLIERS = 2, DAYS = 3, COST = 4, FUND = 5, PATIENT = 6, PAYMENT = 7,
            POINTS = 8, POINT_FUND = 9, POINT_PATIENT = 10, WEIGHT = 11, FEE_CASES = 12, SIZE = 13;

    /** A hospital under one scheme. */
    record Key(String institution, String scheme) implements Comparable<Key> {
        @Override public int compareTo(Key o) {
            int c = institution.compareTo(o.institution);
            return c != 0 ? c : scheme.compareTo(o.scheme);
        }
    }

    private final Map<Key, long[]> byKey = new HashMap<>();
    private final Map<String, String> levels = new HashMap<>();
    private final Set<String> versions = new TreeSet<>();

    void add(PaidCase c, boolean grouped, boolean outlier, boolean byFee) {
        long[] a = byKey.computeIfAbsent(new Key(c.institution(), c.scheme()), k -> new long[SIZE]);
        levels.putIfAbsent(c.institution(), c.level());
        if (c.version() != null) versions.add(c.version());
        a[CASES]++;
        a[DAYS] += c.days();
        a[COST] += c.costFen();
        a[FUND] += c.fundFen();
        a[PATIENT] += c.patientShareFen();
        a[PAYMENT] += c.paymentFen();
        if (grouped) {
            a[GROUPED]++;
            a[WEIGHT] += c.weightPpm();
        }
        if (outlier) a[OUTLIERS]++;
        if (byFee) a[FEE_CASES]++;
        if (c.pointsPpm() > 0 || (!byFee && "dip".equals(c.method()))) {
            a[POINTS] += c.pointsPpm();
            a[POINT_FUND] += c.fundFen();
            a[POINT_PATIENT] += c.patientShareFen();
        }
    }

    /** Adds another worker's sums into these. */
    public synchronized void add(CaseSums o) {
        synchronized (o) {
            o.byKey.forEach((k, x) -> {
                long[] a = byKey.computeIfAbsent(k, c -> new long[SIZE]);
                for (int i = 0; i < SIZE; i++) a[i] += x[i];
            });
            o.levels.forEach(levels::putIfAbsent);
            versions.addAll(o.versions);
        }
    }

    /** The table versions that grouped the cases. */
    synchronized List<String> versions() {
        return List.copyOf(versions);
    }

    /** The sums by hospital and scheme, in order. */
    synchronized Map<Key, long[]> rows() {
        Map<Key, long[]> out = new TreeMap<>();
        byKey.forEach((k, a) -> out.put(k, a.clone()));
        return out;
    }

    synchronized String level(String institution) {
        return levels.get(institution);
    }
}
