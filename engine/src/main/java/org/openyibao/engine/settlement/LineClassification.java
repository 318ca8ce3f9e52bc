package org.openyibao.engine.settlement;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.Rules;

/**
 * Sorts a visit's fee lines by how they are paid (REFERENCE §3): class C is fully self-paid; of
 * class A and B, the part above the price limit is self-paid; class B pays its self-pay-first share
 * (line amount within the limit × ratio, half-up per line, REFERENCE §3 DECISION); the rest is in
 * scope. An emergency case's lines form a second group, its comorbidity lines stay in the first.
 */
final class LineClassification {
    /** The second group of a visit that is no emergency case. */
    private static final LineGroup NO_LINES = new LineGroup(0, 0, 0, 0, 0);

    /** The ordinary (or comorbidity) lines, the emergency lines (empty unless an emergency case), and the trace. */
    record Classified(LineGroup ordinary, LineGroup emergency, TraceEntry why) {
        LineGroup all() {
            return emergency == NO_LINES ? ordinary : ordinary.plus(emergency);
        }
    }

    private LineClassification() {}

    static Classified classify(Rules rules, Visit visit, EmergencyMatch emergency, boolean trace) {
        boolean emergencyCase = emergency != null;
        LineGroup ordinary = sum(rules, visit.lines(), emergencyCase, false);
        LineGroup emergencyLines = emergencyCase ? sum(rules, visit.lines(), true, true) : NO_LINES;
        TraceEntry why = trace ? explain(rules, visit, ordinary.plus(emergencyLines)) : null;
        return new Classified(ordinary, emergencyLines, why);
    }

    /**
     * One group's sums, kept in local variables while the lines are read: every line of an ordinary
     * visit; of an emergency case, the comorbidity lines (first group) or the others (second group).
     */
    private static LineGroup sum(Rules rules, FeeLine[] lines, boolean emergencyCase, boolean emergencyGroup) {
        long total = 0;
        long fullySelfPaid = 0;
        long overLimit = 0;
        long selfPayFirst = 0;
        long inScope = 0;
        for (FeeLine line : lines) {
            if (emergencyCase && line.comorbidity() == emergencyGroup) continue;
            long amount = line.amountFen();
            total += amount;
            if (line.lineClass() == LineClass.C) {
                fullySelfPaid += amount;
                continue;
            }
            long rest = amount - line.overLimitFen();
            overLimit += line.overLimitFen();
            if (line.lineClass() == LineClass.B) {
                long first = Money.applyRatio(rest, selfPayFirstRatio(rules, line));
                selfPayFirst += first;
                rest -= first;
            }
            inScope += rest;
        }
        return new LineGroup(total, fullySelfPaid, overLimit, selfPayFirst, inScope);
    }

    /** A class B line's own self-pay-first ratio, else the pack's default (ppm). */
    private static int selfPayFirstRatio(Rules rules, FeeLine line) {
        return line.selfPayFirstPpm() >= 0 ? line.selfPayFirstPpm() : rules.defaultSelfPayFirst.ppm();
    }

    private static TraceEntry explain(Rules rules, Visit visit, LineGroup all) {
        String text = visit.lines().length + " fee lines, total " + Money.format(all.total())
                + ": class C (fully self-paid) " + Money.format(all.fullySelfPaid())
                + ", over price limit " + Money.format(all.overLimit())
                + ", class B self-pay-first " + Money.format(all.selfPayFirst())
                + " → in scope " + Money.format(all.inScope());
        TraceWords.Builder words = TraceWords.of("classification").count("lines", visit.lines().length)
                .fen("total", all.total()).fen("class_c", all.fullySelfPaid()).fen("over_limit", all.overLimit())
                .fen("self_pay_first", all.selfPayFirst()).fen("in_scope", all.inScope());
        return TraceLog.entry("classification", text, words, all.inScope(),
                anyAtDefaultRatio(visit.lines()) ? rules.defaultSelfPayFirst.cited() : null);
    }

    /** Whether a class B line took the pack's default self-pay-first ratio (then the trace cites it). */
    private static boolean anyAtDefaultRatio(FeeLine[] lines) {
        for (FeeLine line : lines) if (line.lineClass() == LineClass.B && line.selfPayFirstPpm() < 0) return true;
        return false;
    }

    /** The emergency case's trace entry: which lines are settled how. */
    static TraceEntry explainEmergency(EmergencyMatch emergency, Classified lines) {
        return TraceLog.entry("emergency_case", (emergency.confirmed() ? "confirmed" : "suspected") + " case of "
                + emergency.declaration().name() + ": comorbidity lines " + Money.format(lines.ordinary().total())
                + " are settled first as an ordinary visit, then emergency lines " + Money.format(lines.emergency().total()),
                TraceWords.of(emergency.confirmed() ? "emergency_confirmed" : "emergency_suspected")
                        .fen("comorbidity_lines", lines.ordinary().total()).fen("emergency_lines", lines.emergency().total()),
                lines.emergency().total(), emergency.declaration().cited());
    }
}
