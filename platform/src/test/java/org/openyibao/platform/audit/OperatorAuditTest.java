package org.openyibao.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import org.openyibao.platform.support.TestDatabase;

/**
 * The operator audit log's chain (issue 11) on H2 and PostgreSQL: rows appended by many threads at once form one
 * chain without gaps; the database refuses to change or delete a row; and when someone who can switch that off
 * changes a row, removes one from the middle or cuts the end, {@link OperatorAudit#verify} names the row.
 */
class OperatorAuditTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T08:00:00Z"), ZoneOffset.UTC);

    static OperatorAudit audit(TestDatabase db) {
        return new OperatorAudit(db.jdbc, new DataSourceTransactionManager(db.dataSource), CLOCK);
    }

    static OperatorAudit.Event event(int i) {
        return new OperatorAudit.Event("agency", "AGENCY", "127.0.0.1", "person_viewed", "4408000000000" + (i % 10), "ok");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void rowsWrittenAtOnceFormOneWholeChain(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            OperatorAudit audit = audit(db);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<OperatorAudit.Row>> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                rows.add(pool.submit(() -> audit.record(event(n))));
            }
            for (Future<OperatorAudit.Row> f : rows) f.get();
            pool.shutdown();
            OperatorAudit.Verdict v = audit.verify();
            assertThat(v.problem()).isNull();
            assertThat(v.rows()).isEqualTo(200);
            OperatorAudit.Row first = audit.latest(null, 200).get(199);
            assertThat(first.id()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo(OperatorAudit.GENESIS);
            // the first row's hash, worked out: SHA-256 of the genesis hash, id, time and fields joined by new lines
            assertThat(first.hash()).isEqualTo(OperatorAudit.hash(OperatorAudit.GENESIS, 1, CLOCK.millis(), first.event()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDatabaseRefusesToChangeOrDeleteARow(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            audit(db).record(event(1));
            assertThatThrownBy(() -> db.jdbc.update("UPDATE operator_audit SET username = 'someone' WHERE id = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.jdbc.update("DELETE FROM operator_audit WHERE id = 1")).hasMessageContaining("append-only");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void verifyNamesAChangedARemovedAndACutRow(TestDatabase.Kind kind) {
        for (String tamper : new String[] {"change", "remove", "cut"}) {
            try (TestDatabase db = TestDatabase.fresh(kind)) {
                OperatorAudit audit = audit(db);
                for (int i = 0; i < 5; i++) audit.record(event(i));
                assertThat(audit.verify().ok()).isTrue();
                dropTrigger(db);
                switch (tamper) {
                    case "change" -> db.jdbc.update("UPDATE operator_audit SET subject = '44080000000999' WHERE id = 3");
                    case "remove" -> db.jdbc.update("DELETE FROM operator_audit WHERE id = 3");
                    default -> db.jdbc.update("DELETE FROM operator_audit WHERE id >= 4");
                }
                OperatorAudit.Verdict v = audit.verify();
                assertThat(v.ok()).as(tamper).isFalse();
                assertThat(v.problem()).as(tamper).isEqualTo(switch (tamper) {
                    case "change" -> "row 3 was changed";
                    case "remove" -> "row 3 is missing";
                    default -> "rows 4 to 5 were removed from the end";
                });
            }
        }
    }

    static void dropTrigger(TestDatabase db) {
        db.jdbc.execute(db.kind == TestDatabase.Kind.POSTGRES ? "DROP TRIGGER operator_audit_append_only ON operator_audit"
                : "DROP TRIGGER operator_audit_append_only");
    }
}
