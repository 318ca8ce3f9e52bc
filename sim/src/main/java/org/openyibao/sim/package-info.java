/**
 * Simulation: a synthetic region ({@code population}), the batch year settled through the engine
 * ({@code batch}) and the security-effect evaluation ({@code evaluate}). Parquet in and out
 * ({@code io}). The per-person settlement keeps no global state, so the batch year can be split by
 * person across threads here and across a cluster later. Contract: docs/sim.md.
 */
package org.openyibao.sim;
