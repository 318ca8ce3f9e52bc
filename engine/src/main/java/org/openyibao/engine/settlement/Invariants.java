package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;

/**
 * The facts every settlement keeps (TigerBeetle-style: asserted in code, one fact per check, the
 * message naming the rule). A broken invariant is a defect in the engine, never the caller's mistake.
 */
final class Invariants {
    private Invariants() {}

    /** Checks a fact whose rule is a constant (a message built from values is built only when it fails). */
    static void require(boolean fact, String rule) {
        if (!fact) broken(rule);
    }

    static void broken(String rule) {
        throw new IllegalStateException("settlement invariant broken: " + rule);
    }

    /** No insurance fund pays class C, over-limit or self-pay-first money: together they stay within the in-scope amount. */
    static void fundsWithinScope(LineGroup group, GroupPayments paid) {
        if (paid.insuranceFunds() <= group.inScope()) return;
        broken("no fund pays class C, over-limit or self-pay-first money (funds " + Money.format(paid.insuranceFunds())
                + " > in scope " + Money.format(group.inScope()) + ")");
    }

    /** What the funds and the account pay never exceeds the group's total: the person's cash is not negative. */
    static void cashNotNegative(LineGroup group, GroupPayments paid) {
        if (paid.funds() + paid.account <= group.total()) return;
        broken("the person's cash share is not negative (funds " + Money.format(paid.funds()) + " + account "
                + Money.format(paid.account) + " > total " + Money.format(group.total()) + ")");
    }

    /** A yearly cap is never exceeded: after the visit the total is within the cap, or no higher than it was. */
    static void capKept(String rule, long before, long after, long cap) {
        if (after <= Math.max(before, cap)) return;
        broken(rule + " is never exceeded (" + Money.format(after) + " > cap " + Money.format(cap) + ")");
    }

    /** A balance (account, card) never goes below zero. */
    static void notOverdrawn(String rule, long balance) {
        if (balance < 0) broken(rule + " is never overdrawn (balance " + Money.format(balance) + ")");
    }
}
