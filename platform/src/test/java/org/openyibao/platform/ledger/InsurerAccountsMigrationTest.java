package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

/**
 * V110 gives the regions opened before it the serious-illness fund's own accounts (insurer_premium, premium_due,
 * insurer_reserve, insurer_claims, recoveries). On a fresh database it finds no region, so its INSERT is run here again
 * on a region whose accounts were taken away: the five come back exactly as {@link Ledger#openRegion} makes them.
 */
class InsurerAccountsMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void regionsOpenedBeforeV110GetTheAccountsOpenRegionMakes(TestDatabase.Kind kind) throws IOException {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture.open(db, "440800");
            String select = "SELECT code, fund, kind, name FROM ledger_account WHERE code IN ('440800:serious_illness:insurer_premium',"
                    + " '440800:serious_illness:premium_due', '440800:serious_illness:insurer_reserve',"
                    + " '440800:serious_illness:insurer_claims', '440800:serious_illness:recoveries') ORDER BY code";
            List<Map<String, Object>> made = db.jdbc.queryForList(select);
            assertThat(made).hasSize(5).filteredOn(a -> a.get("code").toString().endsWith(":premium_due")).singleElement()
                    .satisfies(a -> {
                        assertThat(a.get("kind")).isEqualTo("liability");
                        assertThat(a.get("name")).isEqualTo("serious-illness insurance (大病保险): premium owed to the insurer's"
                                + " contract, not yet paid or withheld");
                    });
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account WHERE fund <> 'serious_illness' AND ("
                    + "code LIKE '%:premium_due' OR code LIKE '%:insurer_premium')", Integer.class)).as("other funds").isZero();

            db.jdbc.update("DELETE FROM ledger_account" + select.substring(select.indexOf(" WHERE "), select.indexOf(" ORDER BY")));
            assertThat(db.jdbc.queryForList(select)).isEmpty();
            db.jdbc.update(FiscalReceivableMigrationTest.firstStatement("db/migration/common/V110__insurer_premium.sql"));
            assertThat(db.jdbc.queryForList(select)).isEqualTo(made);
        }
    }
}
