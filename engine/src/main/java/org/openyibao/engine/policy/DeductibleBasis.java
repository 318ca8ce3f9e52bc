package org.openyibao.engine.policy;

/** Whether the inpatient deductible is paid once per admission or once per year (REFERENCE §3 DECISION). */
public enum DeductibleBasis {
    ADMISSION("admission"),
    YEAR("year");

    /** The word used for it in policy packs, calc JSON and the API. */
    public final String key;

    DeductibleBasis(String key) {
        this.key = key;
    }

    /** The value named {@code key}, or null. */
    public static DeductibleBasis of(String key) {
        for (DeductibleBasis v : values()) if (v.key.equals(key)) return v;
        return null;
    }

    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (DeductibleBasis v : values()) b.append(b.length() == 0 ? "" : "|").append(v.key);
        return b.toString();
    }
}
