package org.openyibao.sim.population;

import java.util.List;

/**
 * One household of the synthetic region (docs/sim.md, table {@code households/}) with its members.
 * Money in fen, for the whole household and the year: {@code incomeFen} disposable income,
 * {@code spendingFen} total consumption, {@code foodFen} food, tobacco and alcohol (seed 003 Table 4-1).
 */
public record Household(long householdId, String district, boolean agricultural, int size, long incomeFen,
                        long spendingFen, long foodFen, List<Member> members) {}
