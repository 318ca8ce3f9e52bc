package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.contribution.ContributionService.PaymentRequest;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.contribution.ContributionService.RetireeCreditRequest;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/**
 * Random sequences of what happens to a region's funds (contributions paid and owed, arrears paid,
 * transfers, settlement-like postings with account spends, payments to institutions, reversals, a
 * year-end close), each followed by the full {@link LedgerCheck}. An operation may be refused (a month
 * paid twice, an account overspent, an entry reversed twice, a closed year): then nothing may change.
 * Shared by the H2 property ({@code LedgerPropertyTest}) and the PostgreSQL samples.
 */
final class LedgerProperties {
    private LedgerProperties() {}

    sealed interface Op permits PayEmployee, EmployeeDue, PayArrears, PayResident, ResidentDue, RetireeCredit, Transfer,
            Settle, PayInstitutions, Reverse, Close, Fiscal, Premium {}

    /** months: 0..23 = 2018-01..2019-12; persons: an index into the region's people of that kind. */
    record PayEmployee(int employee, int month, int wageYuan) implements Op {}
    record EmployeeDue(int employee, int month, int wageYuan) implements Op {}
    record PayArrears(int pick, int month) implements Op {}
    record PayResident(int resident, int year) implements Op {}
    record ResidentDue(int resident, int year) implements Op {}
    record RetireeCredit(int month) implements Op {}
    record Transfer(int from, int to, int fen, int month) implements Op {}
    /** Dr fund:benefits / Cr fund:payable_institutions, and an account spend that may exceed the balance. */
    record Settle(int fund, int fen, int employee, int accountFen, int month) implements Op {}
    record PayInstitutions(int fund, int percent, int month) implements Op {}
    record Reverse(int pick, int month) implements Op {}
    record Close(int year) implements Op {}
    /** The month's fiscal transfers requested and, when received = 1, received five days after the month's end. */
    record Fiscal(int month, int received) implements Op {}
    /** The month of the serious-illness insurer's contract: premium, reserve, instalment, claims (any order of months). */
    record Premium(int month) implements Op {}

    static final Accounts.Fund[] FUNDS = Accounts.Fund.values();

    static Arbitrary<List<Op>> sequences() {
        Arbitrary<Integer> month = Arbitraries.integers().between(0, 23);
        Arbitrary<Integer> two = Arbitraries.integers().between(0, 1);
        Arbitrary<Integer> fund = Arbitraries.integers().between(0, FUNDS.length - 1);
        Arbitrary<Integer> year = Arbitraries.integers().between(2018, 2019);
        Arbitrary<Integer> fen = Arbitraries.integers().between(1, 80_000);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1000);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(two, month, Arbitraries.integers().between(1_000, 30_000)).as(PayEmployee::new)),
                Tuple.of(2, Combinators.combine(two, month, Arbitraries.integers().between(1_000, 30_000)).as(EmployeeDue::new)),
                Tuple.of(2, Combinators.combine(pick, month).as(PayArrears::new)),
                Tuple.of(2, Combinators.combine(two, year).as(PayResident::new)),
                Tuple.of(1, Combinators.combine(two, year).as(ResidentDue::new)),
                Tuple.of(1, month.map(RetireeCredit::new)),
                Tuple.of(2, Combinators.combine(fund, fund, fen, month).as(Transfer::new)),
                Tuple.of(5, Combinators.combine(fund, fen, two, Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(0)),
                        Tuple.of(2, Arbitraries.integers().between(1, 12_000))), month).as(Settle::new)),
                Tuple.of(2, Combinators.combine(fund, Arbitraries.integers().between(1, 100), month).as(PayInstitutions::new)),
                Tuple.of(2, Combinators.combine(pick, month).as(Reverse::new)),
                Tuple.of(1, Arbitraries.of(2018, 2019).map(Close::new)),
                Tuple.of(2, Combinators.combine(month, two).as(Fiscal::new)),
                Tuple.of(2, month.map(Premium::new)));
        return op.list().ofMinSize(20).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    /** One region's people and what has been posted, to pick from. */
    static final class World {
        final RegionFixture f;
        final long[] employeePersons = new long[2], employees = new long[2], residents = new long[2];
        final long retiree;
        final List<Long> entries = new ArrayList<>();
        final List<Long> dues = new ArrayList<>();

        World(TestDatabase db) {
            f = RegionFixture.open(db, "440800");
            LocalDate from = LocalDate.of(2018, 1, 1);
            employeePersons[0] = f.person();
            employees[0] = f.employee(employeePersons[0], "combined", "in_service", from);
            employeePersons[1] = f.person();
            employees[1] = f.employee(employeePersons[1], "single_pooling", "in_service", from);
            retiree = f.employee(f.person(), "combined", "retired", from);
            residents[0] = f.resident(f.person(), 1, from);
            residents[1] = f.resident(f.person(), 2, from);
        }
    }

    static YearMonth month(int m) {
        return YearMonth.of(2018 + m / 12, m % 12 + 1);
    }

    static LocalDate day(int m) {
        return month(m).atDay(15);
    }

    /** Runs the sequence on a fresh database, checking every invariant after every step. */
    static void run(TestDatabase.Kind kind, List<Op> ops) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            World w = new World(db);
            int step = 0;
            for (Op op : ops) {
                step++;
                String before = snapshot(w.f);
                boolean done;
                try {
                    done = apply(w, op);
                } catch (ApiException refused) {
                    assertThat(ApiErrors.status(refused.kind()).value()).as("step %d %s: %s", step, op, refused.getMessage()).isIn(404, 409);
                    assertThat(snapshot(w.f)).as("step %d %s was refused (%s) yet changed the books", step, op,
                            refused.getMessage()).isEqualTo(before);
                    done = false;
                }
                if (!done) assertThat(snapshot(w.f)).as("step %d %s", step, op).isEqualTo(before);
                LedgerCheck.Result r = w.f.check.run();
                assertThat(r.violations()).as("after step %d %s of %s", step, op, ops).isEmpty();
                assertThat(r.debitsFen()).isEqualTo(r.creditsFen());
                financeOwesWhatWasRequestedAndNotReceived(w.f);
                theContractIsOwedWhatWasNeitherPaidNorWithheld(w.f);
            }
            reportAgreesWithTheLedger(w.f);
        }
    }

    /** Applies the operation; false when it had nothing to do. Refusals throw ApiException. */
    static boolean apply(World w, Op op) {
        RegionFixture f = w.f;
        if (op instanceof PayEmployee p) {
            ContributionView c = f.contributions.payEmployee(new EmployeeMonthRequest(w.employees[p.employee()],
                    month(p.month()).toString(), BigDecimal.valueOf(p.wageYuan()), day(p.month())));
            w.entries.add(c.entryId());
        } else if (op instanceof EmployeeDue p) {
            ContributionView c = f.contributions.employeeDue(new EmployeeMonthRequest(w.employees[p.employee()],
                    month(p.month()).toString(), BigDecimal.valueOf(p.wageYuan()), null));
            w.entries.add(c.dueEntryId());
            w.dues.add(c.id());
        } else if (op instanceof PayArrears p) {
            if (w.dues.isEmpty()) return false;
            ContributionView c = f.contributions.payArrears(w.dues.get(p.pick() % w.dues.size()), new PaymentRequest(day(p.month())));
            w.entries.add(c.entryId());
        } else if (op instanceof PayResident p) {
            w.entries.add(f.contributions.payResident(new ResidentYearRequest(w.residents[p.resident()],
                    p.year(), LocalDate.of(p.year(), 2, 1))).entryId());
        } else if (op instanceof ResidentDue p) {
            ContributionView c = f.contributions.residentDue(new ResidentYearRequest(w.residents[p.resident()], p.year(), null));
            w.entries.add(c.dueEntryId());
            w.dues.add(c.id());
        } else if (op instanceof RetireeCredit p) {
            w.entries.add(f.contributions.creditRetiree(new RetireeCreditRequest(w.retiree,
                    month(p.month()).toString(), day(p.month()))).entryId());
        } else if (op instanceof Transfer p) {
            if (p.from() == p.to()) return false;
            w.entries.add(f.db.tx.execute(s -> f.ledger.transfer(f.admdvs, day(p.month()), FUNDS[p.from()], FUNDS[p.to()],
                    p.fen(), "order", "random transfer")));
        } else if (op instanceof Settle p) {
            Accounts.Fund fund = FUNDS[p.fund()];
            JournalEntry.Builder b = f.entry(day(p.month()), "settlement", "S" + w.entries.size());
            if (fund != Accounts.Fund.INDIVIDUAL_ACCOUNTS) {
                b.move(fund.account("benefits"), fund.account("payable_institutions"), p.fen());
            }
            b.payFromIndividualAccount(w.employeePersons[p.employee()], "individual_accounts:payable_institutions", p.accountFen());
            if (b.isEmpty()) return false;
            w.entries.add(f.post(b.build()));
        } else if (op instanceof PayInstitutions p) {
            // a fund that owes something, if any does
            List<Accounts.Fund> owing = new ArrayList<>();
            for (Accounts.Fund x : FUNDS) if (f.balance(x.account("payable_institutions")) < 0) owing.add(x);
            if (owing.isEmpty()) return false;
            Accounts.Fund fund = owing.get(p.fund() % owing.size());
            long fen = Math.max(1, -f.balance(fund.account("payable_institutions")) * p.percent() / 100);
            w.entries.add(f.post(f.entry(day(p.month()), "payment", "P" + w.entries.size())
                    .move(fund.account("payable_institutions"), fund.account("bank"), fen).build()));
        } else if (op instanceof Reverse p) {
            if (w.entries.isEmpty()) return false;
            long id = w.entries.get(p.pick() % w.entries.size());
            w.entries.add(f.db.tx.execute(s -> f.ledger.reverseWithIndividualAccounts(id, day(p.month()), "reversal",
                    String.valueOf(id), "reversal of " + id)));
        } else if (op instanceof Close p) {
            w.entries.add(f.close.close(f.admdvs, p.year()).entryId());
        } else if (op instanceof Fiscal p) {
            YearMonth m = month(p.month());
            return f.fiscal.post(f.admdvs, m.getYear(), m.getMonthValue(),
                    p.received() == 1 ? m.atEndOfMonth().plusDays(5) : null).posted() > 0;
        } else if (op instanceof Premium p) {
            YearMonth m = month(p.month());
            return f.insurerPremium.post(f.admdvs, m.getYear(), m.getMonthValue()).posted() > 0;
        }
        return true;
    }

    /** Each fund's fiscal_receivable = Σ requested − Σ received in fiscal_transfer (nothing else posts to it here). */
    static void financeOwesWhatWasRequestedAndNotReceived(RegionFixture f) {
        for (Accounts.Fund fund : FUNDS) {
            long owed = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(CASE step WHEN 'requested' THEN amount_fen ELSE -amount_fen"
                    + " END), 0) FROM fiscal_transfer WHERE admdvs = ? AND fund = ?", Long.class, f.admdvs, fund.key);
            assertThat(f.balance(fund.account("fiscal_receivable"))).as(fund.key + ": finance owes").isEqualTo(owed);
        }
    }

    /**
     * The serious-illness fund owes the insurer's contract the premium posted less the reserve withheld and the
     * instalments paid, never less than nothing (the instalments and the reserve never exceed the premium), each year;
     * the reserve account holds what was withheld.
     */
    static void theContractIsOwedWhatWasNeitherPaidNorWithheld(RegionFixture f) {
        for (int year = 2018; year <= 2019; year++) {
            Map<String, Object> r = f.db.jdbc.queryForMap("SELECT"
                    + " COALESCE(SUM(CASE step WHEN 'premium' THEN amount_fen ELSE 0 END), 0) AS premium,"
                    + " COALESCE(SUM(CASE step WHEN 'reserve' THEN amount_fen ELSE 0 END), 0) AS reserve,"
                    + " COALESCE(SUM(CASE step WHEN 'instalment' THEN amount_fen ELSE 0 END), 0) AS paid"
                    + " FROM insurer_premium WHERE admdvs = ? AND period LIKE ?", f.admdvs, year + "-%");
            long premium = ((Number) r.get("premium")).longValue(), reserve = ((Number) r.get("reserve")).longValue();
            long paid = ((Number) r.get("paid")).longValue();
            assertThat(premium - reserve - paid).as(year + ": the contract is owed").isNotNegative();
        }
        long owed = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(CASE step WHEN 'premium' THEN amount_fen WHEN 'claims' THEN 0"
                + " ELSE -amount_fen END), 0) FROM insurer_premium WHERE admdvs = ?", Long.class, f.admdvs);
        long withheld = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM insurer_premium WHERE admdvs = ?"
                + " AND step = 'reserve'", Long.class, f.admdvs);
        // nothing else posts to these two accounts here; a year-end close leaves liabilities alone
        assertThat(f.balance(Accounts.Fund.SERIOUS_ILLNESS.account("premium_due"))).isEqualTo(-owed);
        assertThat(f.balance(Accounts.Fund.SERIOUS_ILLNESS.account("insurer_reserve"))).isEqualTo(-withheld);
    }

    /** Everything a refused operation must leave as it was. */
    static String snapshot(RegionFixture f) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> r : f.db.jdbc.queryForList("SELECT code, balance_fen FROM ledger_account ORDER BY id")) {
            b.append(r.get("code")).append('=').append(r.get("balance_fen")).append(';');
        }
        for (Map<String, Object> r : f.db.jdbc.queryForList("SELECT person_id, balance_fen FROM individual_account ORDER BY person_id")) {
            b.append(r.get("person_id")).append('=').append(r.get("balance_fen")).append(';');
        }
        for (String t : new String[] {"journal_entry", "journal_line", "individual_account_movement", "contribution", "suspension",
                "fund_year_close"}) {
            b.append(t).append('=').append(f.db.jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).append(';');
        }
        b.append("paid=").append(f.db.jdbc.queryForObject("SELECT COALESCE(SUM(paid_fen), 0) FROM contribution", Long.class));
        return b.toString();
    }

    /**
     * The report re-derived from the journal agrees with the stored balances: each month's balance is the
     * previous one plus income − expenditure, 2019 opens where 2018 ended, and at the end of 2019 (nothing
     * is dated later) each fund's balance is its assets less its liabilities in ledger_account.
     */
    static void reportAgreesWithTheLedger(RegionFixture f) {
        FundReport.Report y2018 = f.report.report(f.admdvs, 2018), y2019 = f.report.report(f.admdvs, 2019);
        for (int i = 0; i < FUNDS.length; i++) {
            FundReport.FundYear a = y2018.funds().get(i), b = y2019.funds().get(i);
            BigDecimal running = a.openingBalance();
            for (FundReport.FundYear fy : List.of(a, b)) {
                assertThat(fy.openingBalance()).as(fy.fund()).isEqualByComparingTo(running);
                for (FundReport.Month m : fy.months()) {
                    running = running.add(m.surplus());
                    assertThat(m.balance()).as(fy.fund() + " " + m.month()).isEqualByComparingTo(running);
                }
                assertThat(fy.year().balance()).isEqualByComparingTo(running);
            }
            long netAssets = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(balance_fen), 0) FROM ledger_account WHERE admdvs = ?"
                    + " AND fund = ? AND kind IN ('asset', 'liability')", Long.class, f.admdvs, FUNDS[i].key);
            assertThat(b.year().balance()).as(FUNDS[i].key).isEqualByComparingTo(BigDecimal.valueOf(netAssets, 2));
        }
    }
}
