package org.openyibao.platform.insurer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.web.ApiException;

/**
 * The insurer's stationed staff (驻院, issue 13, docs/insurer.md#stationed-staff): an insurer's account stationed at
 * designated institutions of its region sees their current inpatients (inpatient visits admitted by 2401 and not
 * yet discharged by 2402 nor cancelled by 2404) and records bedside checks on them: present, absent, or
 * identity_mismatch (the patient in the bed is not the insured), with a short note, who and when. The insurer does
 * not see personal data: names and ID numbers are masked here, whoever asks.
 */
@Service
public class InsurerStations {
    public static final List<String> OUTCOMES = List.of("present", "absent", "identity_mismatch");
    public static final int NOTE_MAX = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public InsurerStations(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** A station: who is stationed where, since when. */
    public record Station(String username, String fixmedinsCode, String institutionName, LocalDate since) {}

    /** A current inpatient as the insurer sees them (masked), with the latest bedside check if any. */
    public record Inpatient(String mdtrtId, String fixmedinsCode, String institutionName, String psnNo, String maskedName,
                            String maskedCertNo, LocalDateTime admitted, String lastOutcome, LocalDateTime lastChecked) {}

    /** A bedside check as recorded. */
    public record Check(long id, String mdtrtId, String fixmedinsCode, String outcome, String note, String operator,
                        Instant checkedAt) {}

    /**
     * Stations insurer account {@code username} (bound to {@code admdvs}) at institution {@code code} of the same
     * region from {@code since}; again: nothing changes. Refused: no such insurer account in the region (404
     * username), an institution of another region or none (404 fixmedins_code).
     */
    public Station station(String username, String code, LocalDate since) {
        if (username == null || username.isBlank()) throw ApiException.badRequest("username", "username: required");
        if (code == null || code.isBlank()) throw ApiException.badRequest("fixmedins_code", "fixmedins_code: required");
        return tx.execute(s -> {
            List<String> region = jdbc.queryForList("SELECT admdvs FROM operator WHERE username = ? AND role = 'INSURER'",
                    String.class, username);
            if (region.isEmpty()) throw ApiException.notFound("username", "username: no insurer account " + CaseFilter.shown(username));
            int inRegion = jdbc.queryForObject("SELECT COUNT(*) FROM institution WHERE code = ? AND admdvs = ?", Integer.class,
                    code, region.get(0));
            if (inRegion == 0) {
                throw ApiException.notFound("fixmedins_code", "fixmedins_code: no institution " + CaseFilter.shown(code)
                        + " in the insurer's region " + region.get(0));
            }
            if (jdbc.queryForObject("SELECT COUNT(*) FROM insurer_station WHERE username = ? AND fixmedins_code = ?",
                    Integer.class, username, code) == 0) {
                jdbc.update("INSERT INTO insurer_station (username, fixmedins_code, since) VALUES (?, ?, ?)", username, code,
                        since == null ? LocalDate.now(clock) : since);
            }
            return stations(username).stream().filter(x -> x.fixmedinsCode().equals(code)).findFirst().orElseThrow();
        });
    }

    /** Where {@code username} is stationed. */
    public List<Station> stations(String username) {
        return jdbc.query("SELECT s.username, s.fixmedins_code, i.name, s.since FROM insurer_station s JOIN institution i"
                + " ON i.code = s.fixmedins_code WHERE s.username = ? ORDER BY s.fixmedins_code", (rs, i) -> new Station(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()), username);
    }

    /** The current inpatients of the institutions {@code username} is stationed at, earliest admitted first. */
    public List<Inpatient> inpatients(String username) {
        return jdbc.query("SELECT v.mdtrt_id, v.fixmedins_code, i.name AS institution_name, v.psn_no, p.name, p.cert_no,"
                + " v.begntime, (SELECT b.outcome FROM bedside_check b WHERE b.mdtrt_id = v.mdtrt_id ORDER BY b.checked_at DESC,"
                + " b.id DESC LIMIT 1) AS last_outcome, (SELECT MAX(b.checked_at) FROM bedside_check b WHERE b.mdtrt_id ="
                + " v.mdtrt_id) AS last_checked FROM fsi_visit v JOIN insurer_station s ON s.fixmedins_code = v.fixmedins_code"
                + " JOIN institution i ON i.code = v.fixmedins_code JOIN person p ON p.id = v.person_id"
                + " WHERE s.username = ? AND v.kind = 'inpatient' AND v.status = 'open' ORDER BY v.begntime, v.mdtrt_id",
                (rs, i) -> {
                    java.sql.Timestamp last = rs.getTimestamp("last_checked");
                    String name = rs.getString("name");
                    return new Inpatient(rs.getString("mdtrt_id"), rs.getString("fixmedins_code"), rs.getString("institution_name"),
                            rs.getString("psn_no"), name == null || name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(name.length() - 1),
                            ResidentId.mask(rs.getString("cert_no")), rs.getTimestamp("begntime").toLocalDateTime(),
                            rs.getString("last_outcome"), last == null ? null : last.toLocalDateTime());
                }, username);
    }

    /**
     * Records a bedside check by {@code username} on current inpatient visit {@code mdtrtId} at one of their
     * stations. Refused: a visit that is not a current inpatient of theirs (404 mdtrt_id), an outcome not in
     * {@link #OUTCOMES} (400 outcome), a note over {@link #NOTE_MAX} characters (400 note).
     */
    public Check record(String username, String mdtrtId, String outcome, String note) {
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw ApiException.badRequest("outcome", "outcome: one of " + String.join(", ", OUTCOMES));
        }
        if (note != null && note.length() > NOTE_MAX) throw ApiException.badRequest("note", "note: at most " + NOTE_MAX + " characters");
        return tx.execute(s -> {
            List<String> at = jdbc.queryForList("SELECT v.fixmedins_code FROM fsi_visit v JOIN insurer_station st ON"
                    + " st.fixmedins_code = v.fixmedins_code WHERE st.username = ? AND v.mdtrt_id = ? AND v.kind = 'inpatient'"
                    + " AND v.status = 'open'", String.class, username, mdtrtId);
            if (at.isEmpty()) throw ApiException.notFound("mdtrt_id", "mdtrt_id: no current inpatient of your hospitals " + CaseFilter.shown(
                    mdtrtId == null ? "" : mdtrtId));
            Instant now = clock.instant();
            String kept = note == null || note.isBlank() ? null : note.trim();
            jdbc.update("INSERT INTO bedside_check (mdtrt_id, fixmedins_code, outcome, note, operator, checked_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?)", mdtrtId, at.get(0), outcome, kept, username, java.sql.Timestamp.from(now));
            return recent(username, 1).get(0);
        });
    }

    /** The latest {@code limit} checks at {@code username}'s stations, newest first (by anyone stationed there). */
    public List<Check> recent(String username, int limit) {
        return jdbc.query("SELECT b.* FROM bedside_check b WHERE b.fixmedins_code IN (SELECT fixmedins_code FROM"
                + " insurer_station WHERE username = ?) ORDER BY b.checked_at DESC, b.id DESC LIMIT ?", (rs, i) -> new Check(
                rs.getLong("id"), rs.getString("mdtrt_id"), rs.getString("fixmedins_code"), rs.getString("outcome"),
                rs.getString("note"), rs.getString("operator"), rs.getTimestamp("checked_at").toInstant()), username, limit);
    }
}
