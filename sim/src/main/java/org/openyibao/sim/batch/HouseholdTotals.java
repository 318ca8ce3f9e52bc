package org.openyibao.sim.batch;

import org.openyibao.sim.population.Household;

/**
 * A household's year after settlement (docs/sim.md, table {@code households/} of a run): the population's
 * columns, then sums over its members' visits in fen. {@code basicFen} = hifp_pay + cvlserv_pay + hifob_pay
 * (the basic tier with its large amounts); {@code oopFen} = psn_part_amt = account + cash (docs/sim.md DECISION).
 */
public record HouseholdTotals(Household household, int visits, int inpatient, long medfeeFen, long basicFen,
                              long seriousIllnessFen, long assistanceFen, long otherFen, long accountFen, long cashFen,
                              long oopFen, long contributionFen) {}
