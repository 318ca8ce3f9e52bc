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
    /** The ordinary (or comorbidity) lines, the emergency lines (empty unless an emergency case), and the trace. */
    record Classified(LineGroup ordinary, LineGroup emergency, TraceEntry why) {
        LineGroup all() {
            return ordinary.plus(emergency);
        }
    }

    private LineClassification() {}

    static Classified classify(Rules rules, Visit visit, EmergencyMatch emergency, boolean trace) {
        Sums ordinary = new Sums();
        Sums emergencyLines = new Sums();
        int atDefaultRatio = 0;
        for (FeeLine line : visit.lines()) {
            Sums group = emergency != null && !line.comorbidity() ? emergencyLines : ordinary;
            group.total += line.amountFen();
            if (line.lineClass() == LineClass.C) {
                group.fullySelfPaid += line.amountFen();
                continue;
            }
            long rest = line.amountFen() - line.overLimitFen();
            group.overLimit += line.overLimitFen();
            if (line.lineClass() == LineClass.B) {
                boolean named = line.selfPayFirstPpm() >= 0;
                long first = Money.applyRatio(rest, named ? line.selfPayFirstPpm() : rules.defaultSelfPayFirst.ppm());
                group.selfPayFirst += first;
                rest -= first;
                if (!named) atDefaultRatio++;
            }
            group.inScope += rest;
        }
        LineGroup first = ordinary.toGroup();
        LineGroup second = emergencyLines.toGroup();
        TraceEntry why = trace ? explain(rules, visit, first.plus(second), atDefaultRatio) : null;
        return new Classified(first, second, why);
    }

    /** A group's sums while the lines are read. */
    private static final class Sums {
        long total;
        long fullySelfPaid;
        long overLimit;
        long selfPayFirst;
        long inScope;

        LineGroup toGroup() {
            return new LineGroup(total, fullySelfPaid, overLimit, selfPayFirst, inScope);
        }
    }

    private static TraceEntry explain(Rules rules, Visit visit, LineGroup all, int atDefaultRatio) {
        String text = visit.lines().length + " fee lines, total " + Money.format(all.total())
                + ": class C (fully self-paid) " + Money.format(all.fullySelfPaid())
                + ", over price limit " + Money.format(all.overLimit())
                + ", class B self-pay-first " + Money.format(all.selfPayFirst())
                + " → in scope " + Money.format(all.inScope());
        return TraceLog.entry("classification", text, all.inScope(),
                atDefaultRatio > 0 ? rules.defaultSelfPayFirst.cited() : null);
    }

    /** The emergency case's trace entry: which lines are settled how. */
    static TraceEntry explainEmergency(EmergencyMatch emergency, Classified lines) {
        return TraceLog.entry("emergency_case", (emergency.confirmed() ? "confirmed" : "suspected") + " case of "
                + emergency.declaration().name() + ": comorbidity lines " + Money.format(lines.ordinary().total())
                + " are settled first as an ordinary visit, then emergency lines " + Money.format(lines.emergency().total()),
                lines.emergency().total(), emergency.declaration().cited());
    }
}
