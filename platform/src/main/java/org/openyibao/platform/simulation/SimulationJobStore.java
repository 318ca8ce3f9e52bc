package org.openyibao.platform.simulation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The jobs' rows ({@code simulation_job}, V92): storage only, the rules are in {@link SimulationJobs}. */
@Repository
public class SimulationJobStore {
    private static final String COLUMNS = "id, kind, state, population, overlay, persons, seed, baseline_job, reform_job, label,"
            + " done_count, total_count, failure, message, created_by, created_at, started_at, finished_at";
    private final JdbcTemplate jdbc;

    public SimulationJobStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new queued job; its id. */
    long insert(SimulationJob.Kind kind, String population, String overlay, Long persons, Long seed, Long baselineJob,
                Long reformJob, String label, long total, String createdBy, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var s = c.prepareStatement("INSERT INTO simulation_job (kind, state, population, overlay, persons, seed, baseline_job,"
                    + " reform_job, label, total_count, created_by, created_at) VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            s.setString(1, kind.key());
            s.setString(2, population);
            s.setString(3, overlay);
            s.setObject(4, persons);
            s.setObject(5, seed);
            s.setObject(6, baselineJob);
            s.setObject(7, reformJob);
            s.setString(8, label);
            s.setLong(9, total);
            s.setString(10, createdBy);
            s.setTimestamp(11, Timestamp.from(now));
            return s;
        }, key);
        return key.getKey().longValue();
    }

    public Optional<SimulationJob> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM simulation_job WHERE id = ?", SimulationJobStore::row, id).stream().findFirst();
    }

    /** The newest {@code limit} jobs, newest first. */
    public List<SimulationJob> newest(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM simulation_job ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                SimulationJobStore::row);
    }

    /** Simulated years done, newest first (what a comparison can take). */
    public List<SimulationJob> runs(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM simulation_job WHERE kind = 'simulate' AND state = 'done' ORDER BY id DESC"
                + " FETCH FIRST " + limit + " ROWS ONLY", SimulationJobStore::row);
    }

    /** Whether a generation that is not over writes {@code population}. */
    boolean generating(String population) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM simulation_job WHERE kind = 'generate' AND population = ?"
                + " AND state IN ('queued', 'running')", Integer.class, population) > 0;
    }

    void started(long id, Instant now) {
        jdbc.update("UPDATE simulation_job SET state = 'running', started_at = ? WHERE id = ? AND state = 'queued'",
                Timestamp.from(now), id);
    }

    void done(long id, long done, long total, Instant now) {
        jdbc.update("UPDATE simulation_job SET state = 'done', done_count = ?, total_count = ?, finished_at = ? WHERE id = ?",
                done, total, Timestamp.from(now), id);
    }

    void failed(long id, String failure, String message, long done, Instant now) {
        jdbc.update("UPDATE simulation_job SET state = 'failed', failure = ?, message = ?, done_count = ?, finished_at = ?"
                + " WHERE id = ?", failure, message, done, Timestamp.from(now), id);
    }

    /** Every job a stopped server left queued or running is failed as interrupted; how many. */
    int failUnfinished(Instant now) {
        return jdbc.update("UPDATE simulation_job SET state = 'failed', failure = ?, finished_at = ?"
                + " WHERE state IN ('queued', 'running')", SimulationJob.Failure.INTERRUPTED, Timestamp.from(now));
    }

    private static SimulationJob row(ResultSet r, int n) throws SQLException {
        return new SimulationJob(r.getLong("id"), SimulationJob.Kind.of(r.getString("kind")), SimulationJob.State.of(r.getString("state")),
                r.getString("population"), r.getString("overlay"), (Long) r.getObject("persons", Long.class),
                (Long) r.getObject("seed", Long.class), (Long) r.getObject("baseline_job", Long.class),
                (Long) r.getObject("reform_job", Long.class), r.getString("label"), r.getLong("done_count"), r.getLong("total_count"),
                r.getString("failure"), r.getString("message"), r.getString("created_by"), instant(r, "created_at"),
                instant(r, "started_at"), instant(r, "finished_at"));
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
