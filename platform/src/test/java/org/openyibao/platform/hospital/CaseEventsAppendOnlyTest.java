package org.openyibao.platform.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openyibao.platform.hospital.HospitalFixture.ADMDVS;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.casepayment.CaseEvents;
import org.openyibao.platform.support.TestDatabase;

/** A case's events (case_review_event) are kept, never changed or deleted: the database refuses, on H2 and PostgreSQL. */
class CaseEventsAppendOnlyTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theDatabaseRefusesToChangeOrDeleteACaseEvent(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            HospitalFixture h = new HospitalFixture(db);
            h.institution("H1", "First Hospital");
            String setlId = h.settle("H1", LocalDate.of(2019, 1, 10), "1000.00", "0", "0");
            String mdtrtId = db.jdbc.queryForObject("SELECT mdtrt_id FROM fsi_settlement WHERE setl_id = ?", String.class, setlId);
            db.jdbc.update("INSERT INTO discharged_case (mdtrt_id, admdvs, institution_code, person_id, age_years, age_days, sex,"
                    + " admitted_on, discharged_on, length_of_stay, status, updated_at) SELECT mdtrt_id, ?, fixmedins_code,"
                    + " person_id, 60, 0, '1', DATE '2019-01-09', DATE '2019-01-10', 1, 'discharged', CURRENT_TIMESTAMP"
                    + " FROM fsi_visit WHERE mdtrt_id = ?", ADMDVS, mdtrtId);
            CaseEvents events = new CaseEvents(db.jdbc, Clock.systemUTC());
            events.record(mdtrtId, ADMDVS, "rejected", null, "not documented", "agency1");
            assertThat(events.of(mdtrtId)).singleElement().satisfies(e -> assertThat(e.get("reason")).isEqualTo("not documented"));
            assertThatThrownBy(() -> db.jdbc.update("UPDATE case_review_event SET reason = 'changed'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.jdbc.update("DELETE FROM case_review_event")).hasMessageContaining("append-only");
            // a rejection without a reason, or an approval without an amount, is refused by the table itself
            assertThatThrownBy(() -> events.record(mdtrtId, ADMDVS, "rejected", null, null, "agency1"));
            assertThatThrownBy(() -> events.record(mdtrtId, ADMDVS, "approved", null, "fine", "agency1"));
            assertThat(events.of(mdtrtId)).hasSize(1);
        }
    }
}
