package org.openyibao.platform.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/**
 * Any sequence of a 2019 of settlements, prepayments, clearing applications, decisions and payment runs, then the
 * year-end, keeps the pooling fund reconciled with what happened: after every step, what the fund owes institutions
 * less what it prepaid them = their settlements' pooling payments − the prepayments and the runs' payments from the
 * bank; the ledger check passes; and after the year-end the budgeted institution H1 has been paid in cash exactly what
 * its year-end says it is due, owes and is owed nothing for 2019, while P1 (no budget) is paid its settlements in full.
 */
class HospitalPaymentPropertyTest {
    /** kind: 0 settle, 1 next month, 2 prepay, 3 apply, 4 decide, 5 run; inst 0 = H1, 1 = P1. */
    record Op(int kind, int inst, int amount, boolean flag) {}

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(1, 500_000), Arbitraries.of(true, false)).as(Op::new);
        return op.list().ofMinSize(10).ofMaxSize(40);
    }

    @Property(tries = 12)
    void payablesAndPrepaymentsReconcileWithSettlementsLessPayments(@ForAll("sequences") List<Op> ops,
                                                                     @ForAll("budgets") long budgetFen,
                                                                     @ForAll boolean h1Fails) {
        run(TestDatabase.Kind.H2, ops, budgetFen, h1Fails);
    }

    /** One sequence on PostgreSQL: an over-spend (budget 100.00) with every kind of step, H1 failing its evaluation. */
    @Test
    void aSequenceOnPostgres() {
        List<Op> ops = List.of(new Op(0, 0, 40_000, true), new Op(2, 0, 0, false), new Op(1, 0, 0, false),
                new Op(3, 0, 0, false), new Op(0, 1, 12_345, false), new Op(4, 0, 0, true), new Op(5, 0, 0, false),
                new Op(0, 0, 30_003, true), new Op(1, 0, 0, false), new Op(3, 1, 1, false), new Op(3, 0, 1, false),
                new Op(4, 0, 0, false), new Op(4, 0, 0, true), new Op(2, 0, 2, false), new Op(5, 0, 0, false));
        run(TestDatabase.Kind.POSTGRES, ops, 10_000, true);
    }

    static void run(TestDatabase.Kind kind, List<Op> ops, long budgetFen, boolean h1Fails) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            h.institution("P1", "Pharmacy One");
            h.budgets.setByHand(ADMDVS, 2019, "H1", BigDecimal.valueOf(budgetFen, 2), "agreement", "agency");
            int month = 1;
            int run = 0;
            for (Op o : ops) {
                String inst = o.inst() == 0 ? "H1" : "P1";
                switch (o.kind()) {
                    case 0 -> h.settle(inst, LocalDate.of(2019, month, 1 + o.amount() % 28), BigDecimal.valueOf(o.amount(), 2)
                            .toPlainString(), o.flag() && o.amount() % 3 == 0 ? "10.00" : "0", o.flag() ? "1.00" : "0");
                    case 1 -> month = Math.min(12, month + 1);
                    case 2 -> h.prepayments.post(ADMDVS, 2019, 1 + o.amount() % month);
                    case 3 -> applyQuietly(h, inst, 1 + o.amount() % month, month);
                    case 4 -> decideOne(h, o.flag());
                    default -> h.runs.create(ADMDVS, "R" + (++run), LocalDate.of(2019, month, 28), "agency");
                }
                reconciles(h);
            }
            // the rest of the year: every month prepaid, applied for, accepted and paid; then the year-end
            for (int m = 1; m <= 12; m++) h.prepayments.post(ADMDVS, 2019, m);
            for (String inst : List.of("H1", "P1")) for (int m = 1; m <= 12; m++) applyQuietly(h, inst, m, 13);
            while (decideOne(h, true)) { /* accept every undecided application */ }
            h.runs.create(ADMDVS, "R-final", LocalDate.of(2020, 1, 15), "agency");
            reconciles(h);
            assertThat(h.yearEnds.unfinished(ADMDVS, 2019)).isEmpty();
            InstitutionYearEnds.Posted posted = h.yearEnds.post(ADMDVS, 2019, h1Fails ? Set.of("H1") : Set.of());
            assertThat(h.region.check.run().violations()).isEmpty();

            InstitutionYearEnds.Row h1 = posted.rows().get(0);
            long due = h1.yearEnd().totalDueFen();
            long prepaid = sum(db, "SELECT SUM(paid_fen) FROM institution_prepayment WHERE institution_code = 'H1'");
            long runCash = sum(db, "SELECT SUM(bank_fen) FROM payment_run_line WHERE institution_code = 'H1' AND fund = 'pooling'");
            assertThat(runCash).as("a budgeted institution's pooling part is never paid from the bank by a run").isZero();
            assertThat(prepaid + h1.yearEnd().balanceFen()).as("H1 paid in cash what its year-end says is due").isEqualTo(due);
            long p1Settled = sum(db, "SELECT SUM(hifp_pay) FROM settlement WHERE institution_code = 'P1'");
            long p1Paid = sum(db, "SELECT SUM(bank_fen) FROM payment_run_line WHERE institution_code = 'P1' AND fund = 'pooling'");
            assertThat(p1Paid).as("P1, without a budget, paid in full").isEqualTo(p1Settled);
            assertThat(h.balance("pooling:payable_institutions")).isZero();
            assertThat(h.balance("pooling:prepaid_institutions")).isZero();
            // the fund's bank paid the prepayments, the runs and the year-end balances: nothing else
            assertThat(-h.balance("pooling:bank")).isEqualTo(prepaid + p1Paid + h1.yearEnd().balanceFen());
            assertThat(h.yearEnds.post(ADMDVS, 2019, h1Fails ? Set.of("H1") : Set.of()).posted()).isZero();
        }
    }

    @Provide
    Arbitrary<Long> budgets() {
        return Arbitraries.longs().between(0, 5_000_000);
    }

    /** −payable − prepaid = settlements' pooling payments − prepayments paid − runs' pooling payments from the bank. */
    private static void reconciles(HospitalFixture h) {
        TestDatabase db = h.db;
        long settled = sum(db, "SELECT SUM(hifp_pay) FROM settlement");
        long prepaid = sum(db, "SELECT SUM(paid_fen) FROM institution_prepayment");
        long paid = sum(db, "SELECT SUM(bank_fen) FROM payment_run_line WHERE fund = 'pooling'");
        assertThat(-h.balance("pooling:payable_institutions") - h.balance("pooling:prepaid_institutions"))
                .isEqualTo(settled - prepaid - paid);
        assertThat(h.region.check.run().violations()).isEmpty();
    }

    private static long sum(TestDatabase db, String sql) {
        Long v = db.jdbc.queryForObject(sql, Long.class);
        return v == null ? 0 : v;
    }

    /** 3203 for a past month (before {@code current}); refused when one covers it already or nothing matches. */
    private static void applyQuietly(HospitalFixture h, String inst, int m, int current) {
        if (m >= current) return;
        LocalDate from = LocalDate.of(2019, m, 1);
        try {
            h.apply(inst, from, from.withDayOfMonth(from.lengthOfMonth()));
        } catch (FsiException e) {
            assertThat(e.getMessage()).contains("already covers");
        }
    }

    /** Accepts (or rejects) the oldest undecided application; false when there is none. */
    private static boolean decideOne(HospitalFixture h, boolean accept) {
        List<ClearingDecisions.Application> open = h.clearing.list(ADMDVS, "undecided", null, 0, 1).applications();
        if (open.isEmpty()) return false;
        String id = open.get(0).clrAppyEvtId();
        try {
            if (accept) h.clearing.accept(ADMDVS, id, "agency"); else h.clearing.reject(ADMDVS, id, "incomplete", "agency");
        } catch (ApiException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        return true;
    }
}
