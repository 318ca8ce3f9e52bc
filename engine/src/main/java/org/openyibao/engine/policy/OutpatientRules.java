package org.openyibao.engine.policy;

/**
 * Residents' general outpatient cover (seed 003 L1031): a village station card credited every year
 * (the balance rolling over where the pack says so), and township health centre visits paid at a
 * ratio above a per-visit deductible up to a yearly limit.
 */
public record OutpatientRules(Amount villageCardCredit, boolean cardRollsOver, Cited cardRollsOverCited,
                              Amount townshipDeductible, Ratio townshipRatio, Amount townshipLimit) {}
