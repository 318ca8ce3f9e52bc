package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

/**
 * Account balances are applied once, just before the posting transaction commits (Ledger's class comment): the
 * transaction still reads its own postings through the ledger, a commit leaves balances equal to the journal, a
 * rollback leaves nothing.
 */
class LedgerPendingBalanceTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void balancesFollowTheirTransaction(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            Ledger ledger = new Ledger(db.jdbc);
            ledger.openRegion("440800");
            LocalDate day = LocalDate.of(2018, 3, 1);
            db.tx.executeWithoutResult(s -> {
                ledger.post(JournalEntry.builder("440800", day, "contribution", "c-1", "one").move("pooling:bank", "pooling:contributions", 500).build());
                ledger.post(JournalEntry.builder("440800", day, "contribution", "c-2", "two").move("pooling:bank", "pooling:contributions", 700).build());
                // read inside the transaction: its own postings are seen
                assertThat(ledger.balance("440800:pooling:bank")).isEqualTo(1_200);
                ledger.post(JournalEntry.builder("440800", day, "settlement", "s-1", "three").move("pooling:benefits", "pooling:bank", 200).build());
                assertThat(ledger.accounts("440800")).filteredOn(a -> a.code().equals("440800:pooling:bank"))
                        .singleElement().extracting(Ledger.AccountBalance::balanceFen).isEqualTo(1_000L);
            });
            assertThat(db.jdbc.queryForObject("SELECT balance_fen FROM ledger_account WHERE code = '440800:pooling:bank'", Long.class))
                    .isEqualTo(1_000);
            assertThat(db.jdbc.queryForObject("SELECT balance_fen FROM ledger_account WHERE code = '440800:pooling:benefits'", Long.class))
                    .isEqualTo(200);

            // a transaction that fails after posting changes no balance
            assertThatThrownBy(() -> db.tx.executeWithoutResult(s -> {
                ledger.post(JournalEntry.builder("440800", day, "contribution", "c-3", "lost").move("pooling:bank", "pooling:contributions", 9_000).build());
                throw new IllegalStateException("the caller fails");
            })).hasMessage("the caller fails");
            assertThat(ledger.balance("440800:pooling:bank")).isEqualTo(1_000);
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
        }
    }
}
