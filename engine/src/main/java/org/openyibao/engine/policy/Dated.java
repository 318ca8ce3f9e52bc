package org.openyibao.engine.policy;

import java.time.LocalDate;

/**
 * One value in a parameter's history: in force from {@code from} until the next value.
 * {@code value} is typed by the unit: Long fen (currency), Integer ppm (ratio, multiple),
 * Integer (months, years), Boolean, List&lt;String&gt; (codes, tiers), String (choice).
 */
public record Dated(LocalDate from, Object value, String source, int line) {}
