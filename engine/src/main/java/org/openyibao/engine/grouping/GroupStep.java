package org.openyibao.engine.grouping;

/**
 * One step of an explained grouping: which step ({@code "MDC"}, {@code "ADRG"}, {@code "complications"},
 * {@code "DRG"}, {@code "DIP core"}, …), what it chose, and why, in words a hospital clerk can check against the table.
 */
public record GroupStep(String step, String chose, String because) {}
