package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The procedures a table row asks for: terms joined by {@code +} are all required, the codes of a term joined by
 * {@code /} are alternatives, any one of which will do ({@code 00.66+36.06/36.07}: a PCI and a stent of either kind).
 * Codes match a case's procedure by prefix. An empty rule asks for nothing (DIP 2020, §3; CHS-DRG 1.1, §3).
 */
final class ProcedureRule {
    static final ProcedureRule NONE = new ProcedureRule("", List.of());

    private final String text;
    private final List<List<String>> terms;

    private ProcedureRule(String text, List<List<String>> terms) {
        this.text = text;
        this.terms = terms;
    }

    static ProcedureRule parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return NONE;
        List<List<String>> terms = new ArrayList<>();
        for (String term : t.split("\\+")) {
            List<String> alternatives = Arrays.stream(term.split("/")).map(CodeIndex::normal)
                    .filter(s -> !s.isEmpty()).toList();
            if (!alternatives.isEmpty()) terms.add(alternatives);
        }
        return new ProcedureRule(t, List.copyOf(terms));
    }

    /** Whether the case's procedures satisfy every term (always, for an empty rule). */
    boolean matches(List<String> procedures) {
        for (List<String> alternatives : terms) {
            if (!anyMatches(alternatives, procedures)) return false;
        }
        return true;
    }

    private static boolean anyMatches(List<String> alternatives, List<String> procedures) {
        for (String p : procedures) {
            String code = CodeIndex.normal(p);
            for (String a : alternatives) if (code.startsWith(a)) return true;
        }
        return false;
    }

    /** How many procedures the rule lists (terms, an alternative counting once): the DIP core step prefers more. */
    int size() {
        return terms.size();
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Every code the rule names, for building random cases from a table's codes. */
    List<String> codes() {
        return terms.stream().flatMap(List::stream).toList();
    }

    @Override
    public String toString() {
        return text;
    }
}
