package org.openyibao.platform.contribution;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.contribution.ContributionCalculator;
import org.openyibao.engine.contribution.ContributionCalculator.ResidentYear;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.FiscalTransferRule;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * The residents' fiscal subsidy: public finance pays, for every resident whose year's contribution was paid in the
 * month, the pack's per-resident subsidy ({@code resident.contribution.fiscal_subsidy}; Zhanjiang 380 yuan from 2016,
 * Luo 2020, §2.9.4), split between the pooling and the serious-illness funds as the contribution is (85% / 15%,
 * {@code resident.contribution.serious_illness_share}). The resident's own payment posts only the individual part;
 * the subsidy is finance's money and reaches the funds through {@code FiscalTransfers}.
 *
 * <p>The month is the payment's (paid_on), the subsidy's year the contribution's: a resident who pays 2018 in
 * December 2017 brings 2018's subsidy into December 2017's request. Contributions recorded as due and unpaid bring
 * none until paid: the subsidy goes to the insured who paid (DECISION, docs/ledger.md#fiscal-transfers).
 */
@Component
public class ResidentSubsidy implements FiscalTransferRule {
    private final JdbcTemplate jdbc;
    private final PolicyPacks packs;

    public ResidentSubsidy(JdbcTemplate jdbc, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    @Override
    public String name() {
        return "residents' fiscal subsidy";
    }

    @Override
    public List<Fund> funds() {
        return List.of(Fund.POOLING, Fund.SERIOUS_ILLNESS);
    }

    /** Residents paid in the month, per policy pack and contribution year. */
    private record Group(String pack, int year, long residents) {}

    @Override
    public Due due(String admdvs, YearMonth month, Fund fund) {
        List<Group> groups = jdbc.query("SELECT r.policy_pack, c.period, COUNT(*) FROM contribution c"
                        + " JOIN enrolment e ON e.id = c.enrolment_id JOIN region r ON r.admdvs = e.admdvs"
                        + " WHERE e.admdvs = ? AND c.kind = ? AND c.paid_fen > 0 AND c.paid_on >= ? AND c.paid_on <= ?"
                        + " GROUP BY r.policy_pack, c.period ORDER BY c.period",
                (rs, i) -> new Group(rs.getString(1), Integer.parseInt(rs.getString(2).trim()), rs.getLong(3)),
                admdvs, ContributionService.RESIDENT_ANNUAL, month.atDay(1), month.atEndOfMonth());
        long fen = 0;
        List<String> parts = new ArrayList<>();
        for (Group g : groups) {
            long each = share(packs.pack(g.pack()), g.year(), fund);
            fen = Math.addExact(fen, Math.multiplyExact(each, g.residents()));
            parts.add(g.residents() + " resident" + (g.residents() == 1 ? "" : "s") + " (" + g.year() + ") × "
                    + Money.format(each) + " = " + Money.format(each * g.residents()));
        }
        String basis = parts.isEmpty() ? "no resident contribution paid in " + month
                : String.join(" + ", parts) + " (" + fund.key + " share of the fiscal subsidy per resident; Luo 2020, §2.9.4)";
        return new Due(fen, basis);
    }

    /** One resident's subsidy share for the fund: the same split as the contribution's (rounded once). */
    static long share(PolicyPack pack, int year, Fund fund) {
        // the subsidy does not depend on the contribution level: level 1 stands for both
        ResidentYear y = ContributionCalculator.resident(pack, year, Contribution.CONTRIBUTION_1);
        return fund == Fund.SERIOUS_ILLNESS ? y.subsidySeriousIllnessFen() : y.subsidyPoolingFen();
    }
}
