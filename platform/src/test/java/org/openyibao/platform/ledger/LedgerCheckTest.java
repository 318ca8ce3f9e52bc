package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.support.TestDatabase;

/**
 * The check passes on a ledger kept by the services and catches each kind of corruption: balances
 * changed behind the ledger's back, negative or drifting individual accounts, entries that do not balance
 * (written with plain SQL: journal lines are append-only, not insert-proof), too few lines, funds mixed.
 */
class LedgerCheckTest {
    record Books(RegionFixture f, long person) {}

    /**
     * An employee's month (310.00 pooling, 100.00 account), a resident's year (their own 180.00; March's fiscal transfer
     * brings the 380.00 subsidy, requested and received), an account spend of 30.00.
     */
    static Books books(TestDatabase db) {
        RegionFixture f = RegionFixture.open(db, "440800");
        long person = f.person();
        long enrolment = f.employee(person, "combined", "in_service", LocalDate.of(2018, 1, 1));
        f.contributions.payEmployee(new EmployeeMonthRequest(enrolment, "2018-01", new BigDecimal("5000"), LocalDate.of(2018, 1, 20)));
        f.contributions.payResident(new ResidentYearRequest(f.resident(f.person(), 1, LocalDate.of(2018, 1, 1)), 2018,
                LocalDate.of(2018, 3, 5)));
        f.fiscal.post(f.admdvs, 2018, 3, LocalDate.of(2018, 3, 31));
        f.post(f.entry(LocalDate.of(2018, 5, 10), "settlement", "S1")
                .move("pooling:benefits", "pooling:payable_institutions", 20_000)
                .payFromIndividualAccount(person, "individual_accounts:payable_institutions", 3_000).build());
        return new Books(f, person);
    }

    static List<LedgerCheck.Violation> violations(RegionFixture f) {
        return f.check.run().violations();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLedgerKeptByTheServicesPassesWithItsTotals(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = books(db).f();
            LedgerCheck.Result r = f.check.run();
            assertThat(r.violations()).isEmpty();
            assertThat(r.ok()).isTrue();
            // employee, resident, 2 fiscal transfers requested and 2 received (pooling, serious illness), settlement
            assertThat(r.entries()).isEqualTo(7);
            // employee: pooling 2 lines + account 2 lines; resident: 2 moves × 2; fiscal: 4 × 2; settlement: 2 + 2
            assertThat(r.lines()).isEqualTo(4 + 4 + 8 + 4);
            assertThat(r.accounts()).isEqualTo(7 * 11 + Accounts.SERIOUS_ILLNESS_TEMPLATES.size() + Accounts.POOLING_TEMPLATES.size());
            assertThat(r.regions()).isOne();
            // 310 + 100 + (153 + 27) + (323 + 57) requested + (323 + 57) received + 200 + 30 = 1,580.00 of debits
            assertThat(r.debitsFen()).isEqualTo(158_000).isEqualTo(r.creditsFen());
            assertThat(r.individualAccounts()).isOne();
            assertThat(r.individualAccountsFen()).isEqualTo(7_000).isEqualTo(r.holdersFen());
            assertThat(r.summary()).contains("entries              7", "debits               1580.00 = credits 1580.00");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aBalanceChangedBehindTheLedgersBackIsCaught(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = books(db).f();
            db.jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen + 1 WHERE code = '440800:pooling:bank'");
            assertThat(f.check.run().first()).satisfies(v -> {
                assertThat(v.rule()).isEqualTo("account-balance");
                assertThat(v.subject()).isEqualTo("440800:pooling:bank");
                assertThat(v.message()).isEqualTo("account 440800:pooling:bank: balance_fen 78601 but its lines sum to 78600"
                        + " (debits − credits)");
            });
            assertThat(violations(f)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNegativeOrDriftingIndividualAccountIsCaught(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            Books b = books(db);
            RegionFixture f = b.f();
            // the table refuses a negative balance: take that guard away to see the check catch one
            String guard = db.jdbc.queryForObject("SELECT cc.constraint_name FROM information_schema.check_constraints cc"
                    + " JOIN information_schema.table_constraints tc ON tc.constraint_name = cc.constraint_name"
                    + " WHERE tc.table_name = 'individual_account' AND cc.check_clause LIKE '%>=%'", String.class);
            db.jdbc.execute("ALTER TABLE individual_account DROP CONSTRAINT \"" + guard + "\"");
            db.jdbc.update("UPDATE individual_account SET balance_fen = -500 WHERE person_id = ?", b.person());
            List<LedgerCheck.Violation> v = violations(f);
            assertThat(v.get(0).rule()).isEqualTo("individual-account");
            assertThat(v.get(0).message()).isEqualTo("individual account of person " + b.person() + " is negative: -5.00");
            assertThat(v).extracting(LedgerCheck.Violation::message).contains(
                    "individual account of person " + b.person() + ": balance_fen -500 but its movements sum to 7000",
                    "the individual accounts hold -5.00 in all but the holders' accounts owe 70.00");

            // back to the right balance; then a spend recorded in the sub-ledger alone, taking it below zero
            db.jdbc.update("UPDATE individual_account SET balance_fen = 7000 WHERE person_id = ?", b.person());
            assertThat(violations(f)).isEmpty();
            long entry = db.jdbc.queryForObject("SELECT MAX(id) FROM journal_entry", Long.class);
            db.jdbc.update("INSERT INTO individual_account_movement (person_id, entry_id, amount_fen) VALUES (?, ?, -9000)",
                    b.person(), entry);
            v = violations(f);
            assertThat(v.get(0).message()).startsWith("individual account of person " + b.person() + " went negative (-20.00)");
            assertThat(v).extracting(LedgerCheck.Violation::message).contains(
                    "entry " + entry + ": its individual-account movements differ from its net credit to"
                            + " individual_accounts:holders by -90.00",
                    "region 440800: its individual accounts' movements sum to -20.00 but 440800:individual_accounts:holders"
                            + " owes 70.00");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void entriesThatDoNotBalanceHaveOneLineOrMixFundsAreCaught(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = books(db).f();
            long bank = db.jdbc.queryForObject("SELECT id FROM ledger_account WHERE code = '440800:pooling:bank'", Long.class);
            long si = db.jdbc.queryForObject("SELECT id FROM ledger_account WHERE code = '440800:serious_illness:contributions'",
                    Long.class);
            db.jdbc.update("INSERT INTO journal_entry (id, admdvs, entry_date, cause_type, cause_ref, description)"
                    + " VALUES (901, '440800', DATE '2018-06-01', 'test', 'one-line', 'a debit alone')");
            db.jdbc.update("INSERT INTO journal_line (entry_id, line_no, account_id, debit_fen) VALUES (901, 1, ?, 100)", bank);
            db.jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen + 100 WHERE id = ?", bank);
            List<LedgerCheck.Violation> v = violations(f);
            assertThat(v.get(0)).hasToString("entry-balanced: entry 901: debits 1.00 ≠ credits 0.00");
            assertThat(v).extracting(LedgerCheck.Violation::rule).containsExactly("entry-balanced", "entry-lines", "fund-balanced");
            assertThat(v.get(1).message()).isEqualTo("entry 901 has 1 line; every entry has at least two");

            // balanced, but the pooling fund's bank against the serious-illness fund's income
            db.jdbc.update("INSERT INTO journal_entry (id, admdvs, entry_date, cause_type, cause_ref, description)"
                    + " VALUES (902, '440800', DATE '2018-06-01', 'test', 'mixed', 'two funds')");
            db.jdbc.update("INSERT INTO journal_line (entry_id, line_no, account_id, credit_fen) VALUES (901, 2, ?, 100)", si);
            db.jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen - 100 WHERE id = ?", si);
            db.jdbc.update("INSERT INTO journal_line (entry_id, line_no, account_id, debit_fen) VALUES (902, 1, ?, 100)", bank);
            db.jdbc.update("INSERT INTO journal_line (entry_id, line_no, account_id, credit_fen) VALUES (902, 2, ?, 100)", si);
            db.jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen + 100 WHERE id = ?", bank);
            db.jdbc.update("UPDATE ledger_account SET balance_fen = balance_fen - 100 WHERE id = ?", si);
            v = violations(f);
            assertThat(v).extracting(LedgerCheck.Violation::toString).containsExactly(
                    "fund-balanced: entry 901: the pooling fund's lines do not balance (debits − credits = 1.00)",
                    "fund-balanced: entry 901: the serious_illness fund's lines do not balance (debits − credits = -1.00)",
                    "fund-balanced: entry 902: the pooling fund's lines do not balance (debits − credits = 1.00)",
                    "fund-balanced: entry 902: the serious_illness fund's lines do not balance (debits − credits = -1.00)");
        }
    }
}
