package org.openyibao.sim.population;

import org.openyibao.engine.policy.Level;

/** A designated institution of the region (docs/sim.md, {@code institutions.parquet}); {@code kind} as in the contract. */
public record Institution(String code, String name, Level level, String kind, String district) {}
