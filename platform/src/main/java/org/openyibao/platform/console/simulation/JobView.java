package org.openyibao.platform.console.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.openyibao.platform.simulation.JobProgress;
import org.openyibao.platform.simulation.SimulationJob;

/** A job as the pages show it: its row, its progress, and its times in the server's zone (the injected Clock's). */
public record JobView(SimulationJob job, JobProgress progress, String created, String started, String finished) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static JobView of(SimulationJob job, JobProgress progress, Clock clock) {
        return new JobView(job, progress, time(job.createdAt(), clock), time(job.startedAt(), clock), time(job.finishedAt(), clock));
    }

    private static String time(Instant t, Clock clock) {
        return t == null ? "" : TIME.format(t.atZone(clock.getZone()));
    }
}
