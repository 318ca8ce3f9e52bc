package org.openyibao.sim.population;

/**
 * Splits a whole number of things (hospitals, village stations, pharmacies) among districts in proportion
 * to weights (their registered population): each gets the floor of its exact share, then the largest
 * remainders get one more each, ties to the earlier district (DECISION). Integer arithmetic throughout, so
 * the split is exact and the same on every machine.
 */
final class LargestRemainder {
    private LargestRemainder() {}

    static int[] split(int total, long[] weights) {
        if (total < 0) throw new IllegalArgumentException("cannot split a negative total " + total);
        long sum = 0;
        for (long w : weights) {
            if (w < 0) throw new IllegalArgumentException("negative weight " + w);
            sum = Math.addExact(sum, w);
        }
        if (sum == 0) throw new IllegalArgumentException("cannot split " + total + " by weights that are all zero");
        int[] out = new int[weights.length];
        long[] remainder = new long[weights.length]; // share = out + remainder / sum
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            long product = Math.multiplyExact((long) total, weights[i]);
            out[i] = (int) (product / sum);
            remainder[i] = product % sum;
            given += out[i];
        }
        for (; given < total; given++) {
            int best = -1;
            for (int i = 0; i < remainder.length; i++) {
                if (remainder[i] >= 0 && (best < 0 || remainder[i] > remainder[best])) best = i;
            }
            out[best]++;
            remainder[best] = -1; // one more at most each: the floors leave fewer than weights.length over
        }
        return out;
    }
}
