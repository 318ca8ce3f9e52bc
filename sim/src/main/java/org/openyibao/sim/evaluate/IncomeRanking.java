package org.openyibao.sim.evaluate;

/**
 * Households ordered from the poorest to the richest by per-capita income, for the concentration
 * index (REFERENCE §8: r_i = 1 the poorest) and for income quintiles.
 *
 * <p><b>DECISION</b> (docs/sim.md "Evaluation"): the rank is by per-capita income
 * {@code income_fen / size} (seed 003 L1521 says only "the order in the income distribution"); the
 * comparison is exact ({@code income_a · size_b} against {@code income_b · size_a}, no division), and
 * ties go to the smaller {@code household_id} first, so the rank is reproducible.
 *
 * <p>The concentration index ranks only the households whose share is defined (non-food spending
 * &gt; 0, see {@link Indicators}); quintiles are over all households.
 */
public final class IncomeRanking {

    /** Number of income groups; quintile 1 is the poorest fifth. */
    public static final int QUINTILES = 5;

    private final int[] order;
    private final int[] rank;
    private final byte[] quintile;
    private final int ranked;

    private IncomeRanking(int[] order, int[] rank, byte[] quintile, int ranked) {
        this.order = order;
        this.rank = rank;
        this.quintile = quintile;
        this.ranked = ranked;
    }

    static IncomeRanking of(Households h) {
        int n = h.count();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        sort(order, h);
        int[] rank = new int[n];
        byte[] quintile = new byte[n];
        int r = 0;
        for (int p = 0; p < n; p++) {
            int i = order[p];
            quintile[i] = (byte) ((long) p * QUINTILES / n);
            if (h.nonFoodFen(i) > 0) rank[i] = ++r;
        }
        return new IncomeRanking(order, rank, quintile, r);
    }

    /** Row index of the household at position {@code p} (0 the poorest). */
    public int at(int p) { return order[p]; }

    /** Rank r_i (1 the poorest) among the ranked households, 0 for a household left out (non-food ≤ 0). */
    public int rank(int i) { return rank[i]; }

    /** How many households are ranked (N of REFERENCE §8). */
    public int ranked() { return ranked; }

    /** Income quintile of row {@code i}: 0 (poorest fifth) … 4 (richest fifth). */
    public int quintile(int i) { return quintile[i]; }

    /** −1, 0, 1 as row a is poorer than, equal to (same row), richer than row b. */
    static int compare(Households h, int a, int b) {
        // income_a / size_a  vs  income_b / size_b, exactly: sizes are ≥ 1
        int c = Long.compare(Math.multiplyExact(h.incomeFen(a), (long) h.size(b)),
                Math.multiplyExact(h.incomeFen(b), (long) h.size(a)));
        return c != 0 ? c : Long.compare(h.householdId(a), h.householdId(b));
    }

    /** Stable merge sort of row indices, primitive (no boxing of 2 million Integers). */
    private static void sort(int[] a, Households h) {
        int[] buf = new int[a.length];
        for (int width = 1; width < a.length; width *= 2) {
            for (int lo = 0; lo < a.length - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, a.length);
                if (compare(h, a[mid - 1], a[mid]) <= 0) continue; // already in order
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi) buf[k++] = compare(h, a[i], a[j]) <= 0 ? a[i++] : a[j++];
                while (i < mid) buf[k++] = a[i++];
                while (j < hi) buf[k++] = a[j++];
                System.arraycopy(buf, lo, a, lo, hi - lo);
            }
        }
    }
}
