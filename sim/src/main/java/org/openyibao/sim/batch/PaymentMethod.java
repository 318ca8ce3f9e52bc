package org.openyibao.sim.batch;

import org.openyibao.engine.grouping.Method;

/** How the batch year pays hospitals for inpatient cases (docs/sim.md#case-payment). */
public enum PaymentMethod {
    FEE_FOR_SERVICE("fee-for-service", null),
    DRG("drg", Method.DRG),
    DIP("dip", Method.DIP);

    /** The word on the command line and in run.json. */
    public final String key;
    /** The grouping method, null for fee-for-service. */
    public final Method grouping;

    PaymentMethod(String key, Method grouping) {
        this.key = key;
        this.grouping = grouping;
    }

    /** The method named {@code key} (fee-for-service, drg, dip; the pack's fee_for_service too), or null. */
    public static PaymentMethod of(String key) {
        if (key == null) return null;
        String k = key.replace('_', '-');
        for (PaymentMethod m : values()) if (m.key.equals(k)) return m;
        return null;
    }
}
