package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

class LedgerTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void postsBalancedEntriesReversesThemAndRefusesChangesToTheJournal(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            Ledger ledger = new Ledger(db.jdbc);
            ledger.openRegion("440800");
            ledger.openRegion("440800"); // idempotent
            long id = db.tx.execute(s -> ledger.post(JournalEntry.builder("440800", LocalDate.of(2018, 1, 31),
                    "contribution", "c-1", "employer contribution").move("pooling:bank", "pooling:contributions", 62_000).build()));
            assertThat(ledger.balance("440800:pooling:bank")).isEqualTo(62_000);
            assertThat(ledger.balance("440800:pooling:contributions")).isEqualTo(-62_000);
            db.tx.execute(s -> ledger.reverse(id, LocalDate.of(2018, 2, 1), "reversal", "c-1", "paid in error"));
            assertThat(ledger.balance("440800:pooling:bank")).isZero();
            assertThatThrownBy(() -> db.jdbc.update("DELETE FROM journal_line")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.jdbc.update("UPDATE journal_entry SET description = 'x'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> JournalEntry.builder("440800", LocalDate.of(2018, 1, 31), "x", "y", "z").build())
                    .hasMessageContaining("unbalanced");
        }
    }
}
