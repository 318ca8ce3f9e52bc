package org.openyibao.platform.feedback;

import java.time.OffsetDateTime;

/**
 * A complaint or piece of feedback from an insured person about a designated institution: who (psn_no), about which
 * institution, its category (a code of the list), the text, where it stands, the agency's answer (or the reason it
 * was rejected), when it was filed and last changed.
 */
public record Feedback(long id, long personId, String psnNo, String institutionCode, String institutionName, String category,
                       String body, FeedbackStatus status, String answer, OffsetDateTime filedAt, OffsetDateTime changedAt) {

    /** One change of status: from, to, the note, who made it, when. */
    public record Change(FeedbackStatus from, FeedbackStatus to, String note, String operator, OffsetDateTime at) {}

    /** An institution one may complain about: its code and name. */
    public record Place(String code, String name) {}

    /** What the person files: the institution's code, the category's code, the text. */
    public record New(String institutionCode, String category, String body) {}
}
