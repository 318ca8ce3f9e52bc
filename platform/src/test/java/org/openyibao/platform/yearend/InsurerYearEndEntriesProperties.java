package org.openyibao.platform.yearend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.ledger.RegionFixture;

/**
 * The year-end's entries conserve money for any year and each shipped contract (Zhanjiang, Taicang, Xiamen): once they
 * are posted, what the insurer received (instalments and what the fund still owes it) less the claims it reimbursed is
 * exactly its result and its counted cost; and the contract's net cost to the fund (premium, compensation, less what
 * returned and the reserve kept) less the claims net of recoveries is the same amount: premium = claims + cost +
 * result + returned + kept − compensated, now on the ledger's accounts.
 */
class InsurerYearEndEntriesProperties {
    static final LocalDate DAY = LocalDate.of(2018, 1, 1);

    @Provide
    Arbitrary<InsurerContract> contracts() {
        PolicyPack z = RegionFixture.PACKS.pack("zhanjiang");
        Path dir = RegionFixture.PACKS.root().resolve(Path.of("zhanjiang", "contracts"));
        return Arbitraries.of(InsurerContract.of(z, DAY), InsurerContract.of(PackLoader.applyReform(z, dir.resolve("taicang.yaml")), DAY),
                InsurerContract.of(PackLoader.applyReform(z, dir.resolve("xiamen.yaml")), DAY));
    }

    @Property(tries = 2000)
    void theEntriesLeaveTheInsurerItsResultAndItsCostAndNothingElse(@ForAll("contracts") InsurerContract c,
            @ForAll @LongRange(min = 0, max = 20_000_000_000L) long premium,
            @ForAll @LongRange(min = 0, max = 40_000_000_000L) long reimbursed,
            @ForAll @IntRange(min = 0, max = 100) int recoveredPercent,
            @ForAll @LongRange(min = 0, max = 2_000_000_000L) long admin,
            @ForAll @IntRange(min = 0, max = 100) int policyPercent, @ForAll boolean passed) {
        long recoveries = reimbursed / 100 * recoveredPercent;
        long claims = reimbursed - recoveries;
        YearEnd y = InsurerYearEnd.of(new YearEndFigures(premium, claims, admin, claims / 100 * policyPercent, passed), c);
        InsurerLedgerFigures f = new InsurerLedgerFigures(sum(premium), sum(y.reserveWithheldFen()), sum(y.transferredFen()),
                sum(reimbursed), sum(recoveries));
        List<InsurerYearEndEntries.Step> steps = InsurerYearEndEntries.steps(y, f);
        long owed = InsurerYearEndEntries.owedToInsurer(premium - y.reserveWithheldFen() - y.transferredFen(), steps);
        long counted = c.administrationCostCounts() ? admin : 0;

        assertThat(owed + y.transferredFen() - reimbursed).isEqualTo(y.resultAfterFen() + counted);
        long netPremium = premium + moved(steps, "insurer_premium");
        long netClaims = reimbursed - moved(steps, "insurer_claims"); // a debit to an income account reduces it
        assertThat(netPremium - netClaims).isEqualTo(y.resultAfterFen() + counted);
        assertThat(steps).allSatisfy(s -> assertThat(s.fen()).isPositive());
        assertThat(f.claimsFen()).isEqualTo(claims);
    }

    /** Debits − credits the steps move on one serious-illness account. */
    static long moved(List<InsurerYearEndEntries.Step> steps, String account) {
        long net = 0;
        for (InsurerYearEndEntries.Step s : steps) {
            if (s.debit().equals(account)) net += s.fen();
            if (s.credit().equals(account)) net -= s.fen();
        }
        return net;
    }

    static LedgerSum sum(long fen) {
        return new LedgerSum("figure", "440800:serious_illness:x", null, null, true, fen, List.of());
    }
}
