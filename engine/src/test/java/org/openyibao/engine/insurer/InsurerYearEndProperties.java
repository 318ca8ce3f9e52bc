package org.openyibao.engine.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.Packs;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Ratio;

/**
 * Invariants of the insurer's year-end, for any claims total and any contract: money is conserved (what the fund
 * transferred, refunded and compensated, less what came back, is the claims, the counted cost and the insurer's
 * result), the instalments add up to the premium less the reserve, and a corridor that returns and compensates in
 * full keeps the result inside it; a partial share moves the result toward the corridor, never past it.
 */
class InsurerYearEndProperties {
    private static final LocalDate DAY = LocalDate.of(2018, 12, 31);
    private static final List<InsurerContract> SHIPPED = shipped();

    private static List<InsurerContract> shipped() {
        PolicyPack z = Packs.zhanjiang();
        Path contracts = Packs.root().resolve("zhanjiang/contracts");
        return List.of(InsurerContract.of(z, DAY),
                InsurerContract.of(PackLoader.applyReform(z, contracts.resolve("taicang.yaml")), DAY),
                InsurerContract.of(PackLoader.applyReform(z, contracts.resolve("xiamen.yaml")), DAY));
    }

    @Provide
    Arbitrary<InsurerContract> contracts() {
        Arbitrary<Integer> share = Arbitraries.integers().between(0, Money.PPM);
        Arbitrary<InsurerContract> made = Combinators.combine(Arbitraries.integers().between(1, 12), share, share, share,
                share, share, share, Arbitraries.of(true, false)).as((n, w, p, l, r, c, k, admin) ->
                new InsurerContract("resident_contributions", ratio(150_000), n, cite(), ratio(w), true, cite(), admin, cite(),
                        ratio(p), ratio(l), ratio(r), ratio(c), ratio(k)));
        return Arbitraries.oneOf(Arbitraries.of(SHIPPED), made);
    }

    @Property(tries = 1000)
    void moneyIsConserved(@ForAll("contracts") InsurerContract c,
                          @ForAll @LongRange(min = 0, max = 50_000_000_000L) long premium,
                          @ForAll @LongRange(min = 0, max = 100_000_000_000L) long claims,
                          @ForAll @LongRange(min = 0, max = 5_000_000_000L) long admin,
                          @ForAll @IntRange(min = 0, max = 100) int policyPercent, @ForAll boolean passed) {
        long policyLoss = claims / 100 * policyPercent;
        YearEnd y = InsurerYearEnd.of(new YearEndFigures(premium, claims, admin, policyLoss, passed), c);
        long counted = c.administrationCostCounts() ? admin : 0;
        assertThat(y.transferredFen()).isEqualTo(premium - y.reserveWithheldFen());
        assertThat(y.instalmentsFen()).hasSize(c.instalments());
        // the fund's cash to the insurer, less what came back, pays the claims, the counted cost and the result
        assertThat(y.transferredFen() + y.reserveRefundedFen() + y.compensatedFen() - y.returnedFen())
                .isEqualTo(claims + counted + y.resultAfterFen());
        assertThat(premium).isEqualTo(claims + counted + y.resultAfterFen() + y.toFundFen() - y.compensatedFen());
        assertThat(y.reserveRefundedFen() + y.reserveKeptFen()).isEqualTo(y.reserveWithheldFen());
    }

    @Property(tries = 1000)
    void theResultStaysInsideTheCorridorWhereTheContractSaysSo(@ForAll("contracts") InsurerContract c,
            @ForAll @LongRange(min = 0, max = 50_000_000_000L) long premium,
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long claims) {
        YearEnd y = InsurerYearEnd.of(YearEndFigures.of(premium, claims), c);
        long result = y.resultAfterFen() + y.reserveKeptFen(); // the result the corridor applied to, before the reserve
        long low = Math.min(y.resultBeforeFen(), -y.lossCorridorFen());
        long high = Math.max(y.resultBeforeFen(), y.profitCorridorFen());
        assertThat(result).as("never pushed past the corridor's edge").isBetween(low, high);
        if (c.profitAboveReturned().ppm() == Money.PPM) assertThat(result).isLessThanOrEqualTo(y.profitCorridorFen());
        if (c.lossBeyondCompensated().ppm() == Money.PPM) assertThat(result).isGreaterThanOrEqualTo(-y.lossCorridorFen());
    }

    private static Ratio ratio(int ppm) {
        return new Ratio(ppm, cite());
    }

    private static Cited cite() {
        return new Cited("insurer.contract", "test", DAY, "REFORM test: a generated contract");
    }
}
