package org.openyibao.engine.policy.explorer;

import java.time.LocalDate;
import java.util.List;

import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Unit;

/**
 * One parameter of a pack as the policy explorer shows it on a date: where it sits in the pack's tree ({@code section},
 * the scheme or part such as {@code resident}; {@code group}, the node that holds it such as
 * {@code resident.inpatient.deductible}; {@code key}, its own name such as {@code level3}), its unit, the file it is
 * written in, every dated value it has had, and the one in force that day (null when it has none yet, or was repealed).
 */
public record PolicyValue(String path, String section, String group, String key, Unit unit, String description,
                          String file, List<Dated> history, Dated inForce) {

    public PolicyValue {
        history = List.copyOf(history);
    }

    /** The value in force, or null. */
    public Object value() {
        return inForce == null ? null : inForce.value();
    }

    /** Whether {@code d} is the value in force (the history highlights it). */
    public boolean isInForce(Dated d) {
        return d != null && d.equals(inForce);
    }

    /** The date a value in the history stops being in force: the day before the next one's, or null (still in force). */
    public LocalDate until(Dated d) {
        int i = history.indexOf(d);
        return i < 0 || i + 1 >= history.size() ? null : history.get(i + 1).from().minusDays(1);
    }
}
