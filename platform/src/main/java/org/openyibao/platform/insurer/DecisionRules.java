package org.openyibao.platform.insurer;

import java.math.BigDecimal;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.AuditReason;
import org.openyibao.engine.policy.CaseAudit;
import org.openyibao.platform.web.ApiException;

/**
 * What a decision on a case must say (docs/insurer.md#audit): the decision is approve, adjust or reject; adjust and
 * reject name a reason the pack allows for them (approve may); adjust gives a new amount, not negative, other than
 * the amount now, and at most the bill less the other funds' payments (DECISION docs/insurer.md#adjust-bound); a note
 * is at most {@link SeriousIllnessCases#NOTE_MAX} characters. Each refusal is a 400 naming the field.
 */
record DecisionRules(CaseAudit audit, SeriousIllnessCases.Case c, long boundFen) {

    /** The serious-illness amount after the decision, or a refusal. */
    long check(SeriousIllnessCases.DecisionRequest req) {
        String d = req.decision() == null ? "" : req.decision().trim();
        if (!AuditReason.DECISIONS.contains(d)) {
            throw ApiException.badRequest("decision", "decision: one of " + String.join(", ", AuditReason.DECISIONS));
        }
        reason(d, req.reasonCode());
        if (req.note() != null && req.note().length() > SeriousIllnessCases.NOTE_MAX) {
            throw ApiException.badRequest("note", "note: at most " + SeriousIllnessCases.NOTE_MAX + " characters");
        }
        return switch (d) {
            case "approve" -> c.amountFen();
            case "reject" -> 0;
            default -> newAmount(req.newAmount());
        };
    }

    private void reason(String decision, String code) {
        boolean none = code == null || code.isBlank();
        if (none && decision.equals("approve")) return;
        if (none) throw ApiException.badRequest("reason_code", "reason_code: required to " + decision);
        AuditReason r = audit == null ? null : audit.reason(code.trim()).orElse(null);
        if (r == null) throw ApiException.badRequest("reason_code", "reason_code: no reason " + CaseFilter.shown(code) + " in the pack");
        if (!r.allows(decision)) {
            throw ApiException.badRequest("reason_code", "reason_code: " + r.code() + " goes with " + String.join(", ",
                    r.decisions()) + ", not " + decision);
        }
    }

    private long newAmount(String yuan) {
        if (yuan == null || yuan.isBlank()) throw ApiException.badRequest("new_amount", "new_amount: required to adjust (yuan)");
        long fen;
        try {
            BigDecimal b = new BigDecimal(yuan.trim());
            if (b.signum() < 0) throw new NumberFormatException();
            fen = Money.fen(b);
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.badRequest("new_amount", "new_amount: an amount in yuan, not negative, at most two decimals, not "
                    + CaseFilter.shown(yuan));
        }
        if (fen == c.amountFen()) {
            throw ApiException.badRequest("new_amount", "new_amount: the same as the amount now (" + Money.format(fen) + "): approve");
        }
        if (fen > boundFen) {
            throw ApiException.badRequest("new_amount", "new_amount: at most " + Money.format(boundFen)
                    + " (the bill less what the other funds paid)");
        }
        return fen;
    }
}
