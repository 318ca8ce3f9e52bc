package org.openyibao.engine.policy.explorer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.openyibao.engine.policy.PolicyPack;

/**
 * The parameters whose value differs: between two dates of one pack (the explorer's second page), or between a pack
 * and the same pack with a reform on one date (the overlay check). A value whose source alone changed is no
 * difference. Pure; ordered by path.
 */
public final class PolicyDifference {
    private PolicyDifference() {}

    /** What changed in {@code pack} from {@code from} to {@code to} (either order: "before" is {@code from}'s). */
    public static List<PolicyChange> between(PolicyPack pack, LocalDate from, LocalDate to) {
        return between(PolicyValues.on(pack, from), PolicyValues.on(pack, to));
    }

    /** What {@code reformed} changes in {@code base} on {@code date}. */
    public static List<PolicyChange> between(PolicyPack base, PolicyPack reformed, LocalDate date) {
        return between(PolicyValues.on(base, date), PolicyValues.on(reformed, date));
    }

    /** The values of {@code before} and {@code after} that differ, matched by path. */
    public static List<PolicyChange> between(List<PolicyValue> before, List<PolicyValue> after) {
        Map<String, PolicyValue> a = byPath(before);
        Map<String, PolicyValue> b = byPath(after);
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<PolicyChange> out = new ArrayList<>();
        for (String path : paths) {
            PolicyValue old = a.get(path);
            PolicyValue now = b.get(path);
            Object oldValue = old == null ? null : old.value();
            Object newValue = now == null ? null : now.value();
            if (Objects.equals(oldValue, newValue)) continue;
            PolicyValue any = now != null ? now : old;
            out.add(new PolicyChange(path, any.section(), any.group(), any.key(), any.unit(),
                    old == null ? null : old.inForce(), now == null ? null : now.inForce()));
        }
        return out;
    }

    private static Map<String, PolicyValue> byPath(List<PolicyValue> values) {
        Map<String, PolicyValue> m = new LinkedHashMap<>();
        for (PolicyValue v : values) m.put(v.path(), v);
        return m;
    }
}
