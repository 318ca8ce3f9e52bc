package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.platform.ledger.FiscalReceivableMigrationTest.firstStatement;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

/**
 * V130 gives the regions opened before it the pooling fund's prepaid_institutions account. On a fresh database V130
 * finds no region, so its INSERT is run here again on a region whose account was taken away (as before V130): it comes
 * back exactly as {@link Ledger#openRegion} makes it, on H2 and on PostgreSQL, and no other fund gets one.
 */
class PrepaidAccountMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void regionsOpenedBeforeV130GetThePrepaidAccountOpenRegionMakes(TestDatabase.Kind kind) throws IOException {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture.open(db, "440800");
            String select = "SELECT code, fund, kind, name FROM ledger_account WHERE code LIKE '%:prepaid_institutions' ORDER BY code";
            List<Map<String, Object>> made = db.jdbc.queryForList(select);
            assertThat(made).singleElement().satisfies(a -> {
                assertThat(a.get("code")).isEqualTo("440800:pooling:prepaid_institutions");
                assertThat(a.get("kind")).isEqualTo("asset");
                assertThat(a.get("name")).isEqualTo("basic pooling fund (统筹基金): prepaid to institutions, not yet set against"
                        + " their spending");
            });

            db.jdbc.update("DELETE FROM ledger_account WHERE code LIKE '%:prepaid_institutions'");
            db.jdbc.update(firstStatement("db/migration/common/V130__hospital_payment.sql"));
            assertThat(db.jdbc.queryForList(select)).isEqualTo(made);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account", Integer.class)).isEqualTo(83);
        }
    }
}
