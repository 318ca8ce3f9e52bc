package org.openyibao.platform.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The complaints' storage (migration V95): rows of feedback, their changes, the category list. No rule lives here. */
@Repository
class FeedbackStore {
    private static final String SELECT = "SELECT f.*, p.psn_no, i.name AS institution_name FROM feedback f"
            + " JOIN person p ON p.id = f.person_id JOIN institution i ON i.code = f.institution_code";
    private final JdbcTemplate jdbc;

    FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> categories() {
        return jdbc.queryForList("SELECT code FROM feedback_category ORDER BY sort_order, code", String.class);
    }

    long insert(long personId, Feedback.New f, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO feedback (person_id, institution_code, category, body, status, filed_at,"
                    + " changed_at) VALUES (?, ?, ?, ?, 'received', ?, ?)", new String[] {"id"});
            ps.setLong(1, personId);
            ps.setString(2, f.institutionCode());
            ps.setString(3, f.category());
            ps.setString(4, f.body());
            ps.setObject(5, now);
            ps.setObject(6, now);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Complaint {@code id}; with {@code lock}, its row locked first (only its own row: not the person's or institution's). */
    Optional<Feedback> find(long id, boolean lock) {
        if (lock && jdbc.queryForList("SELECT id FROM feedback WHERE id = ? FOR UPDATE", Long.class, id).isEmpty()) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + " WHERE f.id = ?", FeedbackStore::row, id).stream().findFirst();
    }

    /** Page {@code page} of {@code size}, newest first, one more row to tell whether another page follows. */
    List<Feedback> ofPerson(long personId, int page, int size) {
        return jdbc.query(SELECT + " WHERE f.person_id = ? ORDER BY f.id DESC LIMIT ? OFFSET ?", FeedbackStore::row, personId,
                size + 1, (long) page * size);
    }

    List<Feedback> ofInstitution(String code, int page, int size) {
        return jdbc.query(SELECT + " WHERE f.institution_code = ? ORDER BY f.id DESC LIMIT ? OFFSET ?", FeedbackStore::row, code,
                size + 1, (long) page * size);
    }

    /** All, or those in {@code status} (null: all), oldest open first would hide new ones: newest first. */
    List<Feedback> all(FeedbackStatus status, int page, int size) {
        return status == null
                ? jdbc.query(SELECT + " ORDER BY f.id DESC LIMIT ? OFFSET ?", FeedbackStore::row, size + 1, (long) page * size)
                : jdbc.query(SELECT + " WHERE f.status = ? ORDER BY f.id DESC LIMIT ? OFFSET ?", FeedbackStore::row, status.key,
                        size + 1, (long) page * size);
    }

    void change(long id, FeedbackStatus from, FeedbackStatus to, String note, String answer, String operator, OffsetDateTime now) {
        jdbc.update("UPDATE feedback SET status = ?, answer = COALESCE(?, answer), changed_at = ? WHERE id = ?", to.key, answer,
                now, id);
        jdbc.update("INSERT INTO feedback_change (feedback_id, from_status, to_status, note, operator, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", id, from.key, to.key, note, operator, now);
    }

    List<Feedback.Change> changes(long id) {
        return jdbc.query("SELECT * FROM feedback_change WHERE feedback_id = ? ORDER BY id", (rs, i) -> new Feedback.Change(
                FeedbackStatus.of(rs.getString("from_status")), FeedbackStatus.of(rs.getString("to_status")), rs.getString("note"),
                rs.getString("operator"), rs.getObject("changed_at", OffsetDateTime.class)), id);
    }

    /** The institutions the person was settled at, most recent visit first. */
    List<Feedback.Place> visited(long personId) {
        return jdbc.query("SELECT s.institution_code, i.name FROM settlement s JOIN institution i ON i.code = s.institution_code"
                + " WHERE s.person_id = ? GROUP BY s.institution_code, i.name ORDER BY MAX(s.visit_date) DESC",
                (rs, i) -> new Feedback.Place(rs.getString(1), rs.getString(2)), personId);
    }

    /** The institution {@code code} as a place one may complain about, or empty. */
    Optional<Feedback.Place> place(String code) {
        return jdbc.query("SELECT code, name FROM institution WHERE code = ?", (rs, i) -> new Feedback.Place(rs.getString(1),
                rs.getString(2)), code).stream().findFirst();
    }

    /** The region's institutions designated on {@code on} whose name contains {@code words} (any case), at most 20. */
    List<Feedback.Place> search(String admdvs, String words, java.time.LocalDate on) {
        String like = "%" + words.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return jdbc.query("SELECT code, name FROM institution WHERE admdvs = ? AND LOWER(name) LIKE ? ESCAPE '\\'"
                        + " AND designated_from <= ? AND (designated_until IS NULL OR designated_until >= ?) ORDER BY name LIMIT 20",
                (rs, i) -> new Feedback.Place(rs.getString(1), rs.getString(2)), admdvs, like, on, on);
    }

    private static Feedback row(ResultSet rs, int i) throws SQLException {
        return new Feedback(rs.getLong("id"), rs.getLong("person_id"), rs.getString("psn_no"), rs.getString("institution_code"),
                rs.getString("institution_name"), rs.getString("category"), rs.getString("body"),
                FeedbackStatus.of(rs.getString("status")), rs.getString("answer"), rs.getObject("filed_at", OffsetDateTime.class),
                rs.getObject("changed_at", OffsetDateTime.class));
    }
}
