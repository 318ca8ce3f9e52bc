package org.openyibao.platform.fsi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The national interface's calls as this server answered them: a Micrometer timer {@code yibao.fsi.calls} tagged
 * {@code outcome} = {@code answered} (infcode 0, or a file) or {@code refused} (any other infcode), for Prometheus;
 * and today's figures (in the server clock's zone, the interface's) for the agency's dashboard: calls, refusals, mean and a p95 read
 * from fixed latency buckets (so "p95 ≤ 20 ms" is an upper bound, not an estimate). Kept in memory by this server
 * since the later of midnight and the server's start; a restart or a second server is not added in.
 */
@Component
public class InterfaceCalls {
    /** Upper bounds of the latency buckets, milliseconds; a last bucket holds everything slower. */
    static final long[] BUCKETS_MS = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};

    private final MeterRegistry meters;
    private final Clock clock;
    private final ZoneId zone;
    private final Instant started;
    private Day day;

    public InterfaceCalls(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        this.zone = clock.getZone();
        this.started = clock.instant();
        this.day = new Day(LocalDate.ofInstant(started, this.zone));
    }

    /** Today's figures: since {@code since} (midnight, or the server's start if later), latency in milliseconds. */
    public record Today(LocalDate date, LocalTime since, long calls, long refused, double meanMs, Long p95AtMostMs, boolean p95Beyond) {}

    /** One call answered with {@code infcode} (null for a file) after {@code nanos}. */
    public void record(Integer infcode, long nanos) {
        boolean refused = infcode != null && infcode != 0;
        Timer.builder("yibao.fsi.calls").description("national interface calls, by outcome").tag("outcome", refused ? "refused" : "answered")
                .register(meters).record(nanos, TimeUnit.NANOSECONDS);
        synchronized (this) {
            current().add(refused, nanos);
        }
    }

    public synchronized Today today() {
        Day d = current();
        Instant midnight = d.date.atStartOfDay(zone).toInstant();
        return d.today(LocalTime.ofInstant(started.isAfter(midnight) ? started : midnight, zone).withNano(0));
    }

    private Day current() {
        LocalDate now = LocalDate.ofInstant(clock.instant(), zone);
        if (!now.equals(day.date)) day = new Day(now);
        return day;
    }

    /** One day's counts. */
    private static final class Day {
        final LocalDate date;
        final long[] buckets = new long[BUCKETS_MS.length + 1];
        long calls, refused, nanos;

        Day(LocalDate date) {
            this.date = date;
        }

        void add(boolean refusal, long n) {
            calls++;
            if (refusal) refused++;
            nanos += n;
            int b = 0;
            while (b < BUCKETS_MS.length && n > BUCKETS_MS[b] * 1_000_000L) b++;
            buckets[b]++;
        }

        Today today(LocalTime since) {
            if (calls == 0) return new Today(date, since, 0, 0, 0, null, false);
            long need = (calls * 95 + 99) / 100, seen = 0;
            int b = 0;
            for (; b < buckets.length; b++) {
                seen += buckets[b];
                if (seen >= need) break;
            }
            boolean beyond = b >= BUCKETS_MS.length;
            return new Today(date, since, calls, refused, nanos / 1e6 / calls, BUCKETS_MS[beyond ? BUCKETS_MS.length - 1 : b], beyond);
        }
    }
}
