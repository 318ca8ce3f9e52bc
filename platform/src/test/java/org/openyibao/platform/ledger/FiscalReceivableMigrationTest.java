package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

/**
 * V100 gives the regions opened before it their fiscal_receivable accounts. On a fresh database V100 finds no region,
 * so its INSERT is run here again on a region whose fiscal_receivable accounts were taken away (as before V100): the
 * seven come back exactly as {@link Ledger#openRegion} makes them, on H2 and on PostgreSQL.
 */
class FiscalReceivableMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void regionsOpenedBeforeV100GetTheAccountsOpenRegionMakes(TestDatabase.Kind kind) throws IOException {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture.open(db, "440800");
            String select = "SELECT code, fund, kind, name FROM ledger_account WHERE code LIKE '%:fiscal_receivable' ORDER BY code";
            List<Map<String, Object>> made = db.jdbc.queryForList(select);
            assertThat(made).hasSize(7).filteredOn(a -> "pooling".equals(a.get("fund"))).singleElement().satisfies(a -> {
                assertThat(a.get("code")).isEqualTo("440800:pooling:fiscal_receivable");
                assertThat(a.get("kind")).isEqualTo("asset");
                assertThat(a.get("name")).isEqualTo("basic pooling fund (统筹基金): requested from public finance, not yet received");
            });

            db.jdbc.update("DELETE FROM ledger_account WHERE code LIKE '%:fiscal_receivable'");
            db.jdbc.update(firstStatement("db/migration/common/V100__fiscal_transfers.sql"));
            assertThat(db.jdbc.queryForList(select)).isEqualTo(made);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_account", Integer.class)).isEqualTo(7 * 11 + Accounts.SERIOUS_ILLNESS_TEMPLATES.size() + Accounts.POOLING_TEMPLATES.size());
        }
    }

    /** The migration's first SQL statement, its comment lines left out. */
    static String firstStatement(String resource) throws IOException {
        try (InputStream in = FiscalReceivableMigrationTest.class.getClassLoader().getResourceAsStream(resource)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return sql.substring(0, sql.indexOf(';'));
        }
    }
}
