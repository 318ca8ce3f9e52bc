package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/** What Ledger.post asserts and refuses, and the individual-account sub-ledger it keeps with the journal. */
class LedgerPostingTest {
    static final LocalDate DAY = LocalDate.of(2018, 3, 1);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void individualAccountsMoveWithTheirEntriesAndNeverGoNegative(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            long person = f.person();
            long credit = f.post(f.entry(DAY, "contribution", "c-1")
                    .creditIndividualAccount(person, "individual_accounts:bank", 10_000).build());
            assertThat(f.ledger.individualAccount(person)).isEqualTo(10_000);
            assertThat(f.balance("individual_accounts:holders")).isEqualTo(-10_000);

            // spending more than the account holds: refused, nothing recorded
            long entries = db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
            assertThatThrownBy(() -> f.post(f.entry(DAY, "settlement", "s-1")
                    .payFromIndividualAccount(person, "individual_accounts:payable_institutions", 10_001).build()))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("individual_account: person " + person + " holds 100.00, less than the 100.01 to spend");
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class)).isEqualTo(entries);
            assertThat(f.balance("individual_accounts:holders")).isEqualTo(-10_000);

            long spend = f.post(f.entry(DAY, "settlement", "s-2")
                    .payFromIndividualAccount(person, "individual_accounts:payable_institutions", 6_000).build());
            assertThat(f.ledger.individualAccount(person)).isEqualTo(4_000);
            // the credit cannot be reversed while part of it is spent; the spend can, once
            assertThatThrownBy(() -> db.tx.execute(s -> f.ledger.reverseWithIndividualAccounts(credit, DAY, "reversal", "c-1", "x")))
                    .hasMessageContaining("holds 40.00, less than the 100.00 to spend");
            db.tx.execute(s -> f.ledger.reverseWithIndividualAccounts(spend, DAY, "reversal", "s-2", "cancelled"));
            assertThat(f.ledger.individualAccount(person)).isEqualTo(10_000);
            assertThatThrownBy(() -> db.tx.execute(s -> f.ledger.reverseWithIndividualAccounts(spend, DAY, "reversal", "s-2", "again")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("entry_id: " + spend + " is already reversed by entry");
            assertThatThrownBy(() -> db.tx.execute(s -> f.ledger.reverse(99_999, DAY, "reversal", "x", "x")))
                    .hasMessage("entry_id: no journal entry 99999");
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void postAssertsItsPreconditions(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            JournalEntry ok = f.entry(DAY, "transfer", "t-1").move("pooling:bank", "pooling:transfers_in", 100).build();
            assertThatThrownBy(() -> f.ledger.post(ok)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("inside a transaction");
            // each fund balances on its own: money between funds goes out of one and into the other
            assertThatThrownBy(() -> f.entry(DAY, "transfer", "t-2").move("pooling:bank", "serious_illness:contributions", 100).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the pooling fund's lines do not balance (debits − credits = 100)");
            assertThatThrownBy(() -> new JournalEntry("440800", DAY, "x", "y", "z", null,
                    java.util.List.of(Posting.debit("440881:pooling:bank", 1), Posting.credit("440800:pooling:bank", 1))))
                    .hasMessageContaining("posts to another region's account 440881:pooling:bank");
            assertThatThrownBy(() -> new JournalEntry("440800", DAY, "x", "y", "z", null,
                    java.util.List.of(Posting.debit("440800:individual_accounts:bank", 5), Posting.credit("440800:individual_accounts:holders", 5)),
                    java.util.List.of(new IndividualAccountMovement(1, 4))))
                    .hasMessageContaining("individual-account movements 4 ≠ net credit 5");
            long t = db.tx.execute(s -> f.ledger.transfer("440800", DAY, Accounts.Fund.POOLING, Accounts.Fund.ASSISTANCE, 2_500,
                    "order 7", "to medical assistance"));
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entry_id = ?", Integer.class, t)).isEqualTo(4);
            assertThat(f.balance("assistance:bank")).isEqualTo(2_500);
            assertThat(f.balance("pooling:bank")).isEqualTo(-2_500);
            assertThat(f.check.run().violations()).isEmpty();
        }
    }
}
