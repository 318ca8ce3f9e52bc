package org.openyibao.engine.settlement;

import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.Cited;

/** The settlement's trace while it is built; when off ({@link #OFF}, shared), tiers build no text at all. */
final class TraceLog {
    /** The log of every settlement without a trace: it holds nothing, so one serves them all. */
    static final TraceLog OFF = new TraceLog(null);

    private final List<TraceEntry> entries;

    /** A log that keeps entries. */
    TraceLog() {
        this(new ArrayList<>());
    }

    private TraceLog(List<TraceEntry> entries) {
        this.entries = entries;
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
        return entry(rule, text, null, amount, cited);
    }

    /** An entry with its words as data ({@code words} built, may be null), citing the non-null parameters. */
    static TraceEntry entry(String rule, String text, TraceWords.Builder words, long amount, Cited... cited) {
        List<Cited> used = new ArrayList<>(cited.length);
        for (Cited c : cited) if (c != null) used.add(c);
        return new TraceEntry(rule, text, words == null ? null : words.build(), List.copyOf(used), amount);
    }
}
