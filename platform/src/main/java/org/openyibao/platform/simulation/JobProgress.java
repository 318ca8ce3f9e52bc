package org.openyibao.platform.simulation;

/**
 * How far a job is: units done of the total (persons for a generation, households for a simulation, runs for a
 * comparison), the rate since it started and the time left at that rate (null while unknown).
 */
public record JobProgress(long done, long total, String unit, long perSecond, Long secondsLeft) {

    static JobProgress of(long done, long total, String unit, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        Long left = rate > 0 && total >= done ? Math.round((total - done) / rate) : null;
        return new JobProgress(done, total, unit, Math.round(rate), left);
    }

    /** Whole percent done, 0–100. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
    }
}
