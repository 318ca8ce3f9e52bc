package org.openyibao.platform.enrolment;

/** Employees' payment mode: combined payment (统账结合, with an individual account) or single pooling (单建统筹). */
public enum PaymentMode {
    COMBINED("combined"),
    SINGLE_POOLING("single_pooling");

    /** The word used for it in the API, the database and import files. */
    public final String key;

    PaymentMode(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static PaymentMode of(String key) {
        for (PaymentMode v : values()) if (v.key.equals(key)) return v;
        return null;
    }
}
