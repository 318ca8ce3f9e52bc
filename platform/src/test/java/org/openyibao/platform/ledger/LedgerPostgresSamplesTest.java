package org.openyibao.platform.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.platform.ledger.LedgerProperties.Op;
import org.openyibao.platform.support.TestDatabase;

/**
 * The ledger property on PostgreSQL: two random sequences of 20 to 30 operations (a failure prints its
 * sequence); skipped with a notice without PostgreSQL, mandatory on CI.
 */
class LedgerPostgresSamplesTest {
    @Test
    void randomSequencesKeepEveryInvariantOnPostgres() {
        TestDatabase.requirePostgres();
        for (List<Op> ops : LedgerProperties.sequences().sampleStream().limit(2).toList()) {
            LedgerProperties.run(TestDatabase.Kind.POSTGRES, ops);
        }
    }
}
