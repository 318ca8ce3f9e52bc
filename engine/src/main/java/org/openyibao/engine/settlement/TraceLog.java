package org.openyibao.engine.settlement;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.Cited;

/** The settlement's trace while it is built; when off, tiers build no text at all. */
final class TraceLog {
    private final List<TraceEntry> entries;

    TraceLog(boolean on) {
        this.entries = on ? new ArrayList<>() : null;
    }

    boolean on() {
        return entries != null;
    }

    void add(TraceEntry e) {
        if (e != null) entries.add(e);
    }

    List<TraceEntry> entries() {
        return entries == null ? List.of() : entries;
    }

    /** An entry citing the non-null parameters among {@code cited}. */
    static TraceEntry entry(String rule, String text, long amount, Cited... cited) {
        List<Cited> used = new ArrayList<>(cited.length);
        for (Cited c : cited) if (c != null) used.add(c);
        return new TraceEntry(rule, text, List.copyOf(used), amount);
    }
}
