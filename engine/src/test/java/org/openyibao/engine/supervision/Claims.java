package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/** Hand-made visits, knowledge and rules for the supervision tests. */
final class Claims {
    private Claims() {}

    static final LocalDate D = LocalDate.of(2024, 3, 10);

    /** A visit under construction: defaults are a 40-year-old woman, resident, level2 hospital H1, outpatient on D. */
    static final class V {
        String id = "V1", person = "P1", institution = "H1", principal = "J18.9";
        Sex sex = Sex.FEMALE;
        int age = 40;
        Level level = Level.LEVEL2;
        Scheme scheme = Scheme.RESIDENT;
        Scene scene = Scene.OUTPATIENT;
        boolean crossRegion;
        long account;
        LocalDate admission = D, discharge = D;
        List<String> others = new ArrayList<>();
        List<ClaimLine> lines = new ArrayList<>();

        V id(String v) { id = v; return this; }
        V at(String v) { institution = v; return this; }
        V account(long fen) { account = fen; return this; }
        V sex(Sex v) { sex = v; return this; }
        V age(int v) { age = v; return this; }
        V level(Level v) { level = v; return this; }
        V scheme(Scheme v) { scheme = v; return this; }
        V diagnosis(String v) { principal = v; return this; }
        V pharmacy(LocalDate day) { scene = Scene.PHARMACY; admission = day; discharge = day; return this; }
        V outpatient(LocalDate day) { scene = Scene.OUTPATIENT; admission = day; discharge = day; return this; }
        V stay(LocalDate in, LocalDate out) { scene = Scene.INPATIENT; admission = in; discharge = out; return this; }

        V line(String code, ItemKind kind, LocalDate day, long qty, long unitFen) {
            lines.add(new ClaimLine(lines.size() + 1, code, kind, day, qty, unitFen, qty * unitFen));
            return this;
        }

        V line(String code, long qty) {
            return line(code, code.startsWith("X") ? ItemKind.DRUG : ItemKind.SERVICE, admission, qty, 100);
        }

        ClaimVisit build() {
            return new ClaimVisit(id, person, sex, age, institution, level, scheme, scene, crossRegion, admission,
                    discharge, principal, others, lines, account);
        }
    }

    static V visit() {
        return new V();
    }

    static Knowledge.Origin origin() {
        return new Knowledge.Origin("test", 1, "DECISION (docs/decisions.md#supervision-illustrative-rules): test");
    }

    /** An item with no limits; tests set the one they need through {@link #item}. */
    static Knowledge.Item item(String code, Sex sex, Integer minAge, Integer maxAge, List<String> indications,
                               Level minLevel, Set<Scheme> schemes, Long dailyMax, Long stayMax, boolean treatment) {
        return new Knowledge.Item(code, "item " + code, sex, minAge, maxAge, indications, minLevel, schemes, dailyMax,
                stayMax, treatment, origin());
    }

    static Knowledge.Item plain(String code) {
        return item(code, null, null, null, List.of(), null, Set.of(), null, null, true);
    }

    static Knowledge knowledge(List<Knowledge.Item> items) {
        return knowledge(items, List.of(), List.of(), List.of(), List.of());
    }

    static Knowledge knowledge(List<Knowledge.Item> items, List<Knowledge.Pair> exclusive, List<Knowledge.Pair> dependent,
                               List<Knowledge.Swap> swaps, List<Knowledge.StayNorm> norms) {
        Map<String, Knowledge.Item> m = new HashMap<>();
        for (Knowledge.Item i : items) m.put(i.code(), i);
        return new Knowledge(m, exclusive, dependent, swaps, norms);
    }

    /** A rule running {@code check} in every scene with these parameters. */
    static Rule rule(String check, Map<String, Long> parameters) {
        return new Rule("T-" + check, check, RuleKind.MEDICAL, Set.of(Scene.values()), Stage.AFTER,
                new Window(Window.Unit.VISIT, 0), check, parameters, Severity.MEDIUM, false,
                "DECISION (docs/decisions.md#supervision-illustrative-rules): test", "test", 1);
    }

    static List<Finding> run(String check, Map<String, Long> parameters, Knowledge k, ClaimVisit v, ClaimVisit... history) {
        return Checks.named(check).findings(new Screened(v, History.of(history), k), rule(check, parameters));
    }

    static List<Finding> run(String check, Knowledge k, ClaimVisit v, ClaimVisit... history) {
        return run(check, Map.of(), k, v, history);
    }
}
