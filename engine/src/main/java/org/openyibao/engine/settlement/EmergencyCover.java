package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;

/**
 * Public-health emergency cover ({@code oth_pay}, REFERENCE §7): for a declared emergency's case,
 * public finance pays everything the insurance funds left of the emergency lines, class C included.
 */
final class EmergencyCover {
    Payment pay(EmergencyMatch emergency, GroupPayments paid, boolean trace) {
        long pays = paid.group.total() - paid.insuranceFunds();
        return new Payment(pays, trace ? explain(emergency, paid, pays) : null);
    }

    private static TraceEntry explain(EmergencyMatch emergency, GroupPayments paid, long pays) {
        return TraceLog.entry("emergency_cover", "public finance pays what is left of the emergency lines: "
                + Money.format(paid.group.total()) + " − funds " + Money.format(paid.insuranceFunds()) + " = "
                + Money.format(pays), TraceWords.of("emergency_cover").fen("emergency_lines", paid.group.total())
                .fen("funds", paid.insuranceFunds()).fen("pays", pays), pays, emergency.declaration().cited());
    }
}
