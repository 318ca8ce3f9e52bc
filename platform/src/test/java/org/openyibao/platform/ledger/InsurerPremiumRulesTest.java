package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import org.openyibao.engine.insurer.InsurerYearEnd;
import org.openyibao.engine.insurer.YearEndFigures;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The insurer-premium posting rules worked by hand, without a database: the Zhanjiang contract (12 instalments,
 * nothing withheld, Luo 2020, §2.9.4 (4)) and Taicang's on Zhanjiang (5% withheld, Luo 2020, §3.4.1).
 */
class InsurerPremiumRulesTest {
    static final PolicyPack ZHANJIANG = RegionFixture.PACKS.pack("zhanjiang");
    static final PolicyPack TAICANG = PackLoader.applyReform(ZHANJIANG,
            RegionFixture.PACKS.root().resolve(Path.of("zhanjiang", "contracts", "taicang.yaml")));

    static InsurerPremiumRule.Month month(PolicyPack pack, int month, long premiumFen, long claimsFen) {
        InsurerContract c = InsurerContract.of(pack, LocalDate.of(2018, 1, 1));
        return new InsurerPremiumRule.Month("440800", YearMonth.of(2018, month), c, premiumFen, 1,
                InsurerYearEnd.of(YearEndFigures.of(premiumFen, 0), c), claimsFen);
    }

    /** The instalment of each month of a year whose premium is known in January: target(m) − target(m − 1). */
    static List<Long> instalments(PolicyPack pack, long premiumFen) {
        List<Long> out = new ArrayList<>();
        long before = 0;
        for (int m = 1; m <= 12; m++) {
            long target = new MonthlyInstalment().target(month(pack, m, premiumFen, 0)).fen();
            out.add(target - before);
            before = target;
        }
        return out;
    }

    @Test
    void aYearsPremiumOf100YuanTimes15PercentIsTwelveInstalmentsOf125() {
        // contributions 100.00 × 15% = 15.00 premium; 15.00 ÷ 12 = 1.25 exactly: twelve equal instalments
        assertThat(instalments(ZHANJIANG, 1_500)).containsOnly(125L).hasSize(12);
        assertThat(new ReserveWithheld().target(month(ZHANJIANG, 1, 1_500, 0)).fen()).isZero();
    }

    @Test
    void decemberPaysTheRemainder() {
        // a premium of 1,000.01 (e.g. 6,666.73 of contributions × 15% = 1,000.0095 → 1,000.01): ÷ 12 = 83.334166…
        // → 11 × 83.33 = 916.63, December 1,000.01 − 916.63 = 83.38
        List<Long> zj = instalments(ZHANJIANG, 100_001);
        assertThat(zj.subList(0, 11)).containsOnly(8_333L);
        assertThat(zj.get(11)).isEqualTo(8_338L);
        assertThat(zj.stream().mapToLong(Long::longValue).sum()).isEqualTo(100_001L);
        InsurerPremiumRule.Target march = new MonthlyInstalment().target(month(ZHANJIANG, 3, 100_001, 0));
        assertThat(march.fen()).isEqualTo(3 * 8_333L);
        assertThat(march.basis()).isEqualTo("instalments 1–3 of 12 of 1000.01 (premium less reserve): 3 × 83.33 = 249.99"
                + " (Luo 2020, §2.9.4 (4))");
    }

    @Test
    void taicangWithholdsFivePercentAndPaysTheRestInTwelve() {
        // reserve 1,000.01 × 5% = 50.0005 → 50.00; to pay 950.01 ÷ 12 = 79.1675 → 11 × 79.16 = 870.76, December 79.25
        InsurerPremiumRule.Target reserve = new ReserveWithheld().target(month(TAICANG, 1, 100_001, 0));
        assertThat(reserve.fen()).isEqualTo(5_000L);
        assertThat(reserve.basis()).isEqualTo("1000.01 premium × 0.05 withheld = 50.00 (Luo 2020, §3.4.1)");
        List<Long> tc = instalments(TAICANG, 100_001);
        assertThat(tc.subList(0, 11)).containsOnly(7_916L);
        assertThat(tc.get(11)).isEqualTo(7_925L);
        assertThat(new MonthlyInstalment().target(month(TAICANG, 12, 100_001, 0)).basis())
                .startsWith("instalments 1–12 of 12 of 950.01 (premium less reserve): 11 × 79.16 + the remainder 79.25 = 950.01");
    }

    @Test
    void claimsAreTheMonthsNetHifmiPayNeverNegative() {
        assertThat(new ClaimsPaidByInsurer().target(month(ZHANJIANG, 5, 0, 40_000)).fen()).isEqualTo(40_000L);
        assertThat(new ClaimsPaidByInsurer().target(month(ZHANJIANG, 5, 0, -1_000)).fen()).isZero();
        assertThat(new PremiumFromContributions().target(month(ZHANJIANG, 2, 25_500, 0)).basis())
                .isEqualTo("serious-illness share of 1 resident contribution of 2018 paid by 2018-02-28: 255.00 (Luo 2020, §2.9.5)");
    }

    /** For any premium and contract, a year's instalments and reserve add up to the premium to the fen, none negative. */
    @Property(tries = 200)
    void instalmentsAndReserveAddUpToThePremium(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long premiumFen,
                                                @ForAll @IntRange(min = 0, max = 1) int taicang) {
        PolicyPack pack = taicang == 1 ? TAICANG : ZHANJIANG;
        List<Long> paid = instalments(pack, premiumFen);
        assertThat(paid).allSatisfy(fen -> assertThat(fen).isNotNegative());
        long reserve = new ReserveWithheld().target(month(pack, 12, premiumFen, 0)).fen();
        assertThat(paid.stream().mapToLong(Long::longValue).sum() + reserve).isEqualTo(premiumFen);
    }
}
