package org.openyibao.platform.feedback;

import java.util.List;

/**
 * Where a complaint stands, and where each status may go (the workflow, issue 11): received → in progress → answered
 * (or closed without an answer) → closed; an open complaint may be rejected, with the reason as its note. Closed and
 * rejected are final.
 */
public enum FeedbackStatus {
    CLOSED("closed"),
    REJECTED("rejected"),
    ANSWERED("answered", CLOSED),
    IN_PROGRESS("in_progress", ANSWERED, CLOSED, REJECTED),
    RECEIVED("received", IN_PROGRESS, REJECTED);

    /** The word stored and shown in the pages' keys ({@code feedback.status.<key>}). */
    public final String key;
    private final List<FeedbackStatus> next;

    FeedbackStatus(String key, FeedbackStatus... next) {
        this.key = key;
        this.next = List.of(next);
    }

    /** The statuses this one may change to (none when final). */
    public List<FeedbackStatus> next() {
        return next;
    }

    public boolean mayBecome(FeedbackStatus to) {
        return next.contains(to);
    }

    /** The status named {@code key}, or null. */
    public static FeedbackStatus of(String key) {
        for (FeedbackStatus s : values()) if (s.key.equals(key)) return s;
        return null;
    }
}
