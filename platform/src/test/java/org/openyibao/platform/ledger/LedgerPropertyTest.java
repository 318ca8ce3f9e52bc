package org.openyibao.platform.ledger;

import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.openyibao.platform.ledger.LedgerProperties.Op;
import org.openyibao.platform.support.TestDatabase;

/**
 * TigerBeetle style: random sequences of 20 to 30 operations on a region's funds keep every ledger
 * invariant after each step, refused operations change nothing, and the fund report agrees with the
 * balances. H2 here (fast); two sampled sequences run on PostgreSQL in {@code LedgerPostgresSamplesTest}.
 */
class LedgerPropertyTest {
    @Property(tries = 50)
    void everyStepKeepsEveryInvariant(@ForAll("sequences") List<Op> ops) {
        LedgerProperties.run(TestDatabase.Kind.H2, ops);
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        return LedgerProperties.sequences();
    }
}
