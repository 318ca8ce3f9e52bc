package org.openyibao.sim.evaluate;

import java.util.Arrays;

/**
 * A simulated year's {@code households/} table in memory, one primitive array per column
 * (docs/sim.md "A simulated year"). Filled row by row with {@link #add}, in {@code household_id}
 * order as the contract writes it; 2 million households take about 190 MB (11 {@code long}
 * columns and one {@code int}), no object per row. Not thread-safe: one reader fills it.
 *
 * <p>Money in fen. The income ranking and quintiles ({@link #ranking()}) are computed once, on first
 * use, after the table is complete.
 */
public final class Households {

    private int n;
    private long[] householdId;
    private int[] size;
    private long[] incomeFen;
    private long[] spendingFen;
    private long[] foodFen;
    private long[] medfeeFen;
    private long[] basicFen;
    private long[] seriousIllnessFen;
    private long[] assistanceFen;
    private long[] otherFen;
    private long[] oopFen;
    private long[] contributionFen;
    private IncomeRanking ranking;

    /** An empty table; {@code expected} (run.json's household count) avoids regrowing the arrays. */
    public Households(int expected) {
        int c = Math.max(expected, 16);
        householdId = new long[c];
        size = new int[c];
        incomeFen = new long[c];
        spendingFen = new long[c];
        foodFen = new long[c];
        medfeeFen = new long[c];
        basicFen = new long[c];
        seriousIllnessFen = new long[c];
        assistanceFen = new long[c];
        otherFen = new long[c];
        oopFen = new long[c];
        contributionFen = new long[c];
    }

    public Households() {
        this(1024);
    }

    /**
     * Appends one household, the columns as the contract names them. {@code household_id} must
     * increase (docs/sim.md: parts and rows are in {@code household_id} order), which is what lets
     * {@link #indexOf} find a household without a hash map.
     */
    public Households add(long householdId, int size, long incomeFen, long spendingFen, long foodFen,
                          long medfeeFen, long basicFen, long seriousIllnessFen, long assistanceFen,
                          long otherFen, long oopFen, long contributionFen) {
        if (size < 1) throw new IllegalArgumentException("household " + householdId + ": size " + size + " < 1");
        if (n > 0 && householdId <= this.householdId[n - 1])
            throw new IllegalArgumentException("household " + householdId + " after " + this.householdId[n - 1]
                    + ": households must come in increasing household_id order (docs/sim.md)");
        if (n == this.householdId.length) grow();
        this.householdId[n] = householdId;
        this.size[n] = size;
        this.incomeFen[n] = incomeFen;
        this.spendingFen[n] = spendingFen;
        this.foodFen[n] = foodFen;
        this.medfeeFen[n] = medfeeFen;
        this.basicFen[n] = basicFen;
        this.seriousIllnessFen[n] = seriousIllnessFen;
        this.assistanceFen[n] = assistanceFen;
        this.otherFen[n] = otherFen;
        this.oopFen[n] = oopFen;
        this.contributionFen[n] = contributionFen;
        n++;
        ranking = null;
        return this;
    }

    private void grow() {
        int c = householdId.length * 2;
        householdId = Arrays.copyOf(householdId, c);
        size = Arrays.copyOf(size, c);
        incomeFen = Arrays.copyOf(incomeFen, c);
        spendingFen = Arrays.copyOf(spendingFen, c);
        foodFen = Arrays.copyOf(foodFen, c);
        medfeeFen = Arrays.copyOf(medfeeFen, c);
        basicFen = Arrays.copyOf(basicFen, c);
        seriousIllnessFen = Arrays.copyOf(seriousIllnessFen, c);
        assistanceFen = Arrays.copyOf(assistanceFen, c);
        otherFen = Arrays.copyOf(otherFen, c);
        oopFen = Arrays.copyOf(oopFen, c);
        contributionFen = Arrays.copyOf(contributionFen, c);
    }

    public int count() { return n; }

    public long householdId(int i) { return householdId[i]; }
    public int size(int i) { return size[i]; }
    public long incomeFen(int i) { return incomeFen[i]; }
    public long spendingFen(int i) { return spendingFen[i]; }
    public long foodFen(int i) { return foodFen[i]; }
    /** Non-food spending, the denominator of the CHE share (REFERENCE §8). */
    public long nonFoodFen(int i) { return spendingFen[i] - foodFen[i]; }
    public long medfeeFen(int i) { return medfeeFen[i]; }
    public long basicFen(int i) { return basicFen[i]; }
    public long seriousIllnessFen(int i) { return seriousIllnessFen[i]; }
    public long assistanceFen(int i) { return assistanceFen[i]; }
    public long otherFen(int i) { return otherFen[i]; }
    public long oopFen(int i) { return oopFen[i]; }
    public long contributionFen(int i) { return contributionFen[i]; }

    /** The {@code oop_fen} column as run (a copy trimmed to {@link #count()}). */
    long[] oopColumn() { return Arrays.copyOf(oopFen, n); }

    /** The {@code medfee_fen} column: the household's OOP had there been no insurance at all. */
    long[] medfeeColumn() { return Arrays.copyOf(medfeeFen, n); }

    /** Row index of {@code householdId}, or −1. Binary search over the increasing ids. */
    public int indexOf(long householdId) {
        int i = Arrays.binarySearch(this.householdId, 0, n, householdId);
        return i >= 0 ? i : -1;
    }

    /** Whether {@code other} holds the same households (ids, size, income, spending, food). */
    public boolean samePopulation(Households other) {
        return n == other.n
                && Arrays.equals(householdId, 0, n, other.householdId, 0, n)
                && Arrays.equals(size, 0, n, other.size, 0, n)
                && Arrays.equals(incomeFen, 0, n, other.incomeFen, 0, n)
                && Arrays.equals(spendingFen, 0, n, other.spendingFen, 0, n)
                && Arrays.equals(foodFen, 0, n, other.foodFen, 0, n);
    }

    /**
     * Whether {@code other} is the same population with the same year's results: every household's medical fees, fund
     * payments, out-of-pocket spending and contributions equal (two runs whose comparison is empty).
     */
    public boolean sameResults(Households other) {
        return samePopulation(other)
                && Arrays.equals(medfeeFen, 0, n, other.medfeeFen, 0, n)
                && Arrays.equals(basicFen, 0, n, other.basicFen, 0, n)
                && Arrays.equals(seriousIllnessFen, 0, n, other.seriousIllnessFen, 0, n)
                && Arrays.equals(assistanceFen, 0, n, other.assistanceFen, 0, n)
                && Arrays.equals(otherFen, 0, n, other.otherFen, 0, n)
                && Arrays.equals(oopFen, 0, n, other.oopFen, 0, n)
                && Arrays.equals(contributionFen, 0, n, other.contributionFen, 0, n);
    }

    /**
     * Takes {@code population}'s income ranking instead of sorting again: for a further run of the
     * baseline's population (one sort of 1.83 million households is about a second).
     */
    public Households useRankingOf(Households population) {
        if (!samePopulation(population)) {
            throw new IllegalArgumentException("not of the baseline's population (not the same households, incomes and spending)");
        }
        ranking = population.ranking();
        return this;
    }

    /** Income order and quintiles, computed on first use. */
    public IncomeRanking ranking() {
        if (ranking == null) ranking = IncomeRanking.of(this);
        return ranking;
    }
}
