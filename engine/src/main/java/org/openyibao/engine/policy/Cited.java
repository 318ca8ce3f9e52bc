package org.openyibao.engine.policy;

import java.time.LocalDate;

/** A parameter value as used in a settlement: what, how much, since when, and on what authority. */
public record Cited(String path, String value, LocalDate since, String source) {
    @Override
    public String toString() {
        return path + " = " + value + " (since " + since + "; " + source + ")";
    }
}
