package org.openyibao.platform.simulation;

import java.time.Instant;

/**
 * One job of the console's simulations (issue 11) as stored in {@code simulation_job} (V92): what it does, with what,
 * and where it is. Its files are under {@link SimulationWorkspace}.
 *
 * @param population  generate: the directory it writes; simulate: the one it reads
 * @param overlay     simulate: the reform overlay's id ({@link Overlay#id()}), null for the pack as it is
 * @param label       simulate: the scenario label the evaluation shows
 * @param failure     why it failed, as a key the pages put in words ({@link Failure}); null unless failed
 * @param message     a failure's own words (an error of the simulation: English, as the command line's)
 */
public record SimulationJob(long id, Kind kind, State state, String population, String overlay, Long persons, Long seed,
                            Long baselineJob, Long reformJob, String label, long done, long total, String failure,
                            String message, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt) {

    /** What a job does, as {@code yibao generate}, {@code simulate} (then {@code evaluate}) and {@code evaluate} with two runs. */
    public enum Kind {
        GENERATE, SIMULATE, COMPARE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String key) {
            return valueOf(key.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** Why a job failed. */
    public static final class Failure {
        /** The server stopped while the job was queued or running. */
        public static final String INTERRUPTED = "interrupted";
        /** The simulation refused its input or broke: {@link SimulationJob#message()} says how. */
        public static final String ERROR = "error";

        private Failure() {
        }
    }

    public boolean finished() {
        return state == State.DONE || state == State.FAILED;
    }

    /** A simulated year with its report, which a comparison can take. */
    public boolean isRun() {
        return kind == Kind.SIMULATE && state == State.DONE;
    }

    /** A job with a report to open: a simulated year or a comparison, done. */
    public boolean hasReport() {
        return state == State.DONE && kind != Kind.GENERATE;
    }
}
