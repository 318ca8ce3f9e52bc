package org.openyibao.engine.policy.explorer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.Parameter;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.PolicySchema;
import org.openyibao.engine.policy.Scale;
import org.openyibao.engine.policy.Unit;

/**
 * Every parameter of a pack on a date, with its source and history (the policy explorer's first page, and
 * {@code yibao policy show}). Pure: a pack and a date in, values out, ordered by path.
 *
 * <p>A scale's brackets are named by their place among the brackets in force that day, lowest threshold first
 * ({@code serious_illness.bands.general.brackets[0].threshold}): a reform replaces a scale's brackets from its date, so
 * the place, not the bracket's line in a file, is what two dates or a pack and its reform have in common. An
 * emergency declaration is a list of confirmed-case codes in force from its first day to its last.
 */
public final class PolicyValues {
    private PolicyValues() {}

    /** Every parameter, scale bracket and emergency declaration of {@code pack}, each with its value on {@code date}. */
    public static List<PolicyValue> on(PolicyPack pack, LocalDate date) {
        TreeMap<String, PolicyValue> out = new TreeMap<>();
        for (Parameter p : pack.parameters().values()) {
            out.put(p.path(), value(p.path(), p, date, describe(p.path(), p.description())));
        }
        for (Scale s : pack.scales().values()) {
            for (PolicyValue v : brackets(s, date)) out.put(v.path(), v);
        }
        for (Declaration d : pack.declarations()) {
            PolicyValue v = declaration(d, date);
            out.put(v.path(), v);
        }
        return new ArrayList<>(out.values());
    }

    /** Only the values in force on {@code date} (a parameter with no value that day is left out). */
    public static List<PolicyValue> inForce(PolicyPack pack, LocalDate date) {
        return on(pack, date).stream().filter(v -> v.value() != null).toList();
    }

    private static PolicyValue value(String path, Parameter p, LocalDate date, String description) {
        int dot = path.lastIndexOf('.');
        String group = dot < 0 ? "" : path.substring(0, dot);
        return new PolicyValue(path, section(path), group, path.substring(dot + 1), p.unit(), description, p.file(),
                p.history(), p.at(date));
    }

    /** The brackets with a threshold and a rate on {@code date}, lowest threshold first; none when the scale has none that day. */
    private static List<PolicyValue> brackets(Scale s, LocalDate date) {
        List<Scale.Bracket> live = new ArrayList<>();
        for (Scale.Bracket b : s.brackets()) {
            if (has(b.threshold(), date) && has(b.rate(), date)) live.add(b);
        }
        live.sort(Comparator.comparingLong(b -> (Long) b.threshold().at(date).value()));
        List<PolicyValue> out = new ArrayList<>();
        String description = describe(s.path(), s.description());
        for (int i = 0; i < live.size(); i++) {
            Scale.Bracket b = live.get(i);
            String at = s.path() + ".brackets[" + i + "]";
            out.add(bracketPart(s, at + ".threshold", "brackets[" + i + "].threshold", b.threshold(), date, description));
            out.add(bracketPart(s, at + ".rate", "brackets[" + i + "].rate", b.rate(), date, description));
        }
        return out;
    }

    private static PolicyValue bracketPart(Scale s, String path, String key, Parameter p, LocalDate date, String description) {
        return new PolicyValue(path, section(path), s.path(), key, p.unit(), description, p.file(), p.history(), p.at(date));
    }

    private static PolicyValue declaration(Declaration d, LocalDate date) {
        List<Dated> history = new ArrayList<>();
        history.add(new Dated(d.from(), d.confirmedCodes(), d.source(), d.line()));
        if (d.until() != null) history.add(new Dated(d.until().plusDays(1), null, d.source(), d.line()));
        Dated inForce = d.inForce(date) ? history.get(0) : null;
        if (d.until() != null && date.isAfter(d.until())) inForce = history.get(1);
        String path = "emergency.declarations." + d.name();
        return new PolicyValue(path, "emergency", "emergency.declarations", d.name(), Unit.CODES,
                "confirmed " + d.confirmedCodes() + ", suspected " + d.suspectedCodes() + ", regions " + d.regions(),
                d.file(), history, inForce);
    }

    private static boolean has(Parameter p, LocalDate date) {
        Dated d = p.at(date);
        return d != null && d.value() != null;
    }

    private static String section(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    /** The pack's own description, or what the schema says the parameter means. */
    private static String describe(String path, String own) {
        if (own != null && !own.isBlank()) return own.strip();
        PolicySchema.Entry e = PolicySchema.find(path);
        return e == null ? "" : e.meaning();
    }
}
