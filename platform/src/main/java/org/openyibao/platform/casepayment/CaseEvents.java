package org.openyibao.platform.casepayment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened to a case, append-only (case_review_event; the database refuses UPDATE and DELETE): captured, withdrawn,
 * grouped, unsettled, sent to review, approved with the reviewed amount, rejected with a reason.
 */
@Component
public class CaseEvents {
    /** The actor of what the platform does by itself (grouping, sending to review). */
    public static final String PLATFORM = "platform";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public CaseEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String mdtrtId, String admdvs, String kind, Long amountFen, String reason, String actor) {
        jdbc.update("INSERT INTO case_review_event (mdtrt_id, admdvs, event_kind, amount_fen, reason, actor, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", mdtrtId, admdvs, kind, amountFen, reason, actor, now());
    }

    /** A case's events, oldest first. */
    public List<Map<String, Object>> of(String mdtrtId) {
        return jdbc.queryForList("SELECT event_kind, amount_fen, reason, actor, occurred_at FROM case_review_event"
                + " WHERE mdtrt_id = ? ORDER BY id", mdtrtId);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
