package org.openyibao.engine.casepay;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares an amount in fen among parts in proportion to their weights so that the shares sum to the amount exactly:
 * each exact share is cut to the fen, and the fen left over go one each to the parts with the largest remainders,
 * ties to the earlier part (the largest-remainder method; docs/decisions.md#case-payment-year-end).
 */
final class LargestRemainder {
    private LargestRemainder() {}

    /** {@code amount} shared by {@code weights} (non-negative, not all zero); the shares in the weights' order. */
    static long[] share(long amount, List<Long> weights) {
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) total = total.add(BigInteger.valueOf(w));
        BigInteger big = BigInteger.valueOf(amount);
        long[] shares = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] qr = big.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(total);
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < amount - given; k++) shares[order.get(k)]++;
        return shares;
    }
}
