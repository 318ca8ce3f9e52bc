package org.openyibao.engine.policy.explorer;

import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Unit;

/**
 * A parameter whose value differs between two dates (or between a pack and its reform on one date): the value before
 * and the value after, each with its date and source; either may be null (no value then).
 */
public record PolicyChange(String path, String section, String group, String key, Unit unit, Dated before, Dated after) {

    /** The value before, or null. */
    public Object oldValue() {
        return before == null ? null : before.value();
    }

    /** The value after, or null. */
    public Object newValue() {
        return after == null ? null : after.value();
    }
}
