package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;

/** Hospital budget rules in the Zhanjiang pack and a made-up rule set over it: values, sources, gaps, a bad bound. */
class BudgetRulesTest {
    private static final LocalDate DAY = LocalDate.of(2019, 12, 31);
    private static final Path MADE_UP = Paths.get("src/test/resources/hospital/made-up-budget-rules.yaml");

    @Test
    void zhanjiangGrowsLastYearsSpendingAndSharesAnOverSpendUpTo110PerCent() {
        BudgetRules r = BudgetRules.of(Packs.zhanjiang(), DAY);
        assertThat(r.basis()).isEqualTo(BudgetRules.LAST_YEAR_SPENDING);
        assertThat(r.monthlySplit()).isEqualTo(BudgetRules.EQUAL_TWELFTHS);
        assertThat(r.depositReturned()).isEqualTo(BudgetRules.AFTER_EVALUATION);
        assertThat(List.of(r.growthRate().ppm(), r.prepaymentShare().ppm(), r.depositWithheld().ppm(), r.savingKept().ppm(),
                r.overspendBound().ppm(), r.overspendFundShare().ppm(), r.beyondBoundFundShare().ppm()))
                .containsExactly(50_000, 900_000, 50_000, 500_000, 1_100_000, 500_000, 0);
        assertThat(r.emergencyOutsideBudget()).isTrue();
        assertThat(r.emergencyCited().source()).startsWith("He 2020, §4");
        assertThat(r.basisCited().source()).startsWith("Luo 2020, Appendix 2");
        assertThat(r.overspendBound().cited().value()).isEqualTo("1.1");
    }

    @Test
    void aMadeUpRuleSetIsDataOverTheSamePack() {
        BudgetRules r = BudgetRules.of(PackLoader.applyReform(Packs.zhanjiang(), MADE_UP), DAY);
        assertThat(r.basis()).isEqualTo(BudgetRules.SET_BY_HAND);
        assertThat(r.monthlySplit()).isEqualTo(BudgetRules.LAST_YEAR_SHARES);
        assertThat(r.depositReturned()).isEqualTo(BudgetRules.AT_YEAR_END);
        assertThat(List.of(r.prepaymentShare().ppm(), r.depositWithheld().ppm(), r.savingKept().ppm(),
                r.overspendBound().ppm(), r.overspendFundShare().ppm(), r.beyondBoundFundShare().ppm()))
                .containsExactly(1_000_000, 100_000, 0, 1_050_000, 700_000, 200_000);
        assertThat(r.emergencyOutsideBudget()).isFalse();
        assertThat(PackLoader.checkReform(Packs.zhanjiang(), MADE_UP, Bibliography.of(Packs.root()))).isEmpty();
    }

    @Test
    void noRulesBeforeTheirFirstDate() {
        assertThat(catchThrowableOfType(() -> BudgetRules.of(Packs.zhanjiang(), LocalDate.of(2009, 6, 1)),
                PolicyException.class).problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("hospital.budget."));
    }

    @Test
    void rulesWithAValueMissingAreRefusedNamingThePath(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/hospital_budget.yaml");
        String text = Files.readString(file);
        int from = text.indexOf("      overspend_fund_share:");
        int to = text.indexOf("      beyond_bound_fund_share:");
        Files.writeString(file, text.substring(0, from) + text.substring(to));
        assertThat(PackLoader.check(root.resolve("zhanjiang"))).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("hospital.budget.year_end.overspend_fund_share");
            assertThat(p.message()).contains("needed by the hospital budget rules");
        });
    }

    @Test
    void aBoundBelowTheBudgetIsRefused(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/hospital_budget.yaml");
        Files.writeString(file, Files.readString(file).replace("{value: 1.1,", "{value: 0.9,"));
        assertThat(PackLoader.check(root.resolve("zhanjiang"))).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("hospital.budget.year_end.overspend_bound");
            assertThat(p.message()).contains("at least 1, not 0.9");
        });
    }

    @Test
    void theShippedPackChecksClean() {
        assertThat(PackLoader.check(Packs.root().resolve("zhanjiang"))).isEmpty();
    }

    @Test
    void aPackWithoutBudgetRulesHasNone() {
        assertThat(BudgetRules.of(PackLoader.load(Packs.root(), "beijing"), DAY)).isNull();
    }
}
