package org.openyibao.platform.settlement;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.platform.settlement.SettlementAuditorProperties.Op;
import org.openyibao.platform.support.TestDatabase;

/**
 * The settlement auditor on PostgreSQL: two random sequences of 10 to 40 settlements and cancellations
 * (a failure prints its sequence and what each step settled); skipped with a notice without PostgreSQL,
 * mandatory on CI.
 */
class SettlementAuditorPostgresSamplesTest {
    @Test
    void randomSequencesLeaveNoTraceOfCancelledVisitsOnPostgres() {
        TestDatabase.requirePostgres();
        for (List<Op> ops : SettlementAuditorProperties.sequences().sampleStream().limit(2).toList()) {
            SettlementAuditorProperties.run(TestDatabase.Kind.POSTGRES, ops);
        }
    }
}
