package org.openyibao.engine.settlement;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each invariant names its own rule when it breaks (a negative cash share was once reported as "funds exceed the in-scope amount"). */
class InvariantsTest {
    // 100.00 in all: 10.00 class C, 90.00 in scope
    private static final LineGroup GROUP = new LineGroup(10_000, 1_000, 0, 0, 9_000);

    @Test
    void aNegativeCashShareIsNamedAsSuch() {
        GroupPayments paid = new GroupPayments(GROUP);
        paid.pooling = 9_000;      // the whole in-scope amount: within scope
        paid.account = 1_500;      // 90.00 + 15.00 > 100.00: cash would be −5.00
        assertThatCode(() -> Invariants.fundsWithinScope(GROUP, paid)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Invariants.cashNotNegative(GROUP, paid)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the person's cash share is not negative")
                .hasMessageContaining("funds 90.00 + account 15.00 > total 100.00");
    }

    @Test
    void fundsPayingClassCMoneyAreNamedAsSuch() {
        GroupPayments paid = new GroupPayments(GROUP);
        paid.pooling = 8_000;
        paid.seriousIllness = 1_500; // 95.00 > 90.00 in scope
        assertThatThrownBy(() -> Invariants.fundsWithinScope(GROUP, paid))
                .hasMessageContaining("no fund pays class C, over-limit or self-pay-first money");
    }

    @Test
    void aCapMayNotBeExceededButATotalAlreadyAboveItMayStay() {
        assertThatCode(() -> Invariants.capKept("the basic annual cap", 100, 200, 200)).doesNotThrowAnyException();
        assertThatCode(() -> Invariants.capKept("the basic annual cap", 300, 300, 200)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Invariants.capKept("the basic annual cap", 150, 201, 200))
                .hasMessageContaining("the basic annual cap is never exceeded (2.01 > cap 2.00)");
    }

    @Test
    void settlementsRefuseFieldsThatDoNotAddUp() {
        // 100.00 = 60.00 pooling + 30.00 cash: 10.00 unaccounted for
        Settlement.Builder b = Settlement.builder().set(SettlementField.MEDFEE_SUMAMT, 10_000)
                .set(SettlementField.INSCP_SCP_AMT, 10_000).set(SettlementField.HIFP_PAY, 6_000)
                .set(SettlementField.PSN_CASH_PAY, 3_000);
        assertThatThrownBy(b::build).hasMessageContaining("payers sum to the total");
    }
}
