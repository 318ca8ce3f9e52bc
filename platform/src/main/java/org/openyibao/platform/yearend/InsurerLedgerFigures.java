package org.openyibao.platform.yearend;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.ledger.InsurerPremium;

/**
 * What the insurer's year-end works from, each figure read from the serious-illness fund's own accounts
 * (docs/insurer.md#year-end-on-the-ledger): the premium posted from contributions, the reserve withheld, the instalments
 * paid, the claims the insurer reimbursed, and the recoveries of its case audit. The insurer's claims for the year are
 * the claims it reimbursed less the recoveries: what the audit took back from institutions is the insurer's.
 */
public record InsurerLedgerFigures(LedgerSum premium, LedgerSum reserve, LedgerSum instalments, LedgerSum claimsReimbursed,
                                   LedgerSum recoveries) {
    /** The claims the year-end counts: reimbursed − recovered (never negative: recoveries come out of paid claims). */
    public long claimsFen() {
        return Math.max(0, claimsReimbursed.fen() - recoveries.fen());
    }

    public List<LedgerSum> all() {
        return List.of(premium, reserve, instalments, claimsReimbursed, recoveries);
    }

    static InsurerLedgerFigures read(JdbcTemplate jdbc, String admdvs, int year) {
        String cause = InsurerPremium.CAUSE;
        return new InsurerLedgerFigures(
                LedgerSum.read(jdbc, "premium from contributions", code(admdvs, "insurer_premium"), cause, "premium", true, year),
                LedgerSum.read(jdbc, "reserve withheld", code(admdvs, "insurer_reserve"), cause, "reserve", false, year),
                LedgerSum.read(jdbc, "instalments paid to the insurer", code(admdvs, "bank"), cause, "instalment", false, year),
                LedgerSum.read(jdbc, "claims reimbursed by the insurer", code(admdvs, "insurer_claims"), cause, "claims", false, year),
                LedgerSum.read(jdbc, "recoveries of the case audit", code(admdvs, "recoveries"), null, null, false, year));
    }

    private static String code(String admdvs, String account) {
        return Accounts.code(admdvs, Accounts.Fund.SERIOUS_ILLNESS.account(account));
    }
}
