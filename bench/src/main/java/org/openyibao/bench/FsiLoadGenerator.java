package org.openyibao.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the national interface (issue 4 "Performance", issue 10 soak and ceiling): virtual hospital and
 * pharmacy terminals on loopback running whole settlement flows ({@link VisitFlows}), a warm-up (not measured), then a
 * measured window, then it stops by itself.
 * <ul>
 *   <li><b>Closed loop</b> (default): {@code --threads N} terminals, each starting its next flow as soon as the last
 *   ended — the server's saturation throughput.</li>
 *   <li><b>Open loop</b> ({@code --rate R}): R flows a second due on a fixed schedule, run by whichever of the N
 *   terminals is free ({@link Schedule}); latency counts from when a call was meant to leave, and the report says
 *   whether the generator kept up.</li>
 * </ul>
 * The workload: {@code --mix outpatient:0.6,inpatient:0.25,pharmacy:0.15} (default 70% outpatient, 30% inpatient;
 * {@code --inpatient-share S} as before), {@code --cancel-share C} of settlements cancelled right after (2208, 2305,
 * 2103), {@code --reconcile-every S} seconds a 3201 per institution, insurance type and clearing type (and one after
 * the run that must agree: {@link Reconciler}). {@code --report-every S} prints a line per interval of the measured
 * window ({@link LoadReport}) with the server's memory and the database's size ({@link ServerProbe}).
 *
 * <p>A settlement is a 2207, 2304 or 2102 that completed inside the measured window. An error is an HTTP status other
 * than 200, an infcode other than 0, an I/O failure, a settlement that disagrees with its pre-settlement or a
 * cancellation that does not undo it; the flow is then abandoned. Exit status 0 only with no error. Loopback URLs only.
 *
 * <pre>
 * java -cp bench/target/classes:engine/target/classes org.openyibao.bench.FsiLoadGenerator --url http://127.0.0.1:18080 \
 *      --clients clients.txt --persons persons.csv --threads 16 --warmup 15 --duration 60 --json out.json
 * </pre>
 * {@code --clients FILE}: lines {@code fixmedins_code paasid secret [pharmacy]} (or {@code --institution},
 * {@code --paasid}, {@code --secret} for one hospital); terminals are spread over the institutions. {@code --persons
 * FILE}: lines {@code psn_no[,cert_no[,insutype]]} (a header line starting with psn_no is skipped).
 */
public final class FsiLoadGenerator {
    private final LoadOptions o;
    private final long start = System.nanoTime();
    private final LoadStats stats;
    private final Reconciler reconciler;
    private final Schedule schedule;

    private FsiLoadGenerator(LoadOptions o) {
        this.o = o;
        long measureStart = start + o.warmupSeconds * 1_000_000_000L;
        this.stats = new LoadStats(measureStart, measureStart + o.durationSeconds * 1_000_000_000L);
        this.reconciler = new Reconciler(o, stats);
        this.schedule = o.openLoop() ? new Schedule(o, stats, start) : null;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new FsiLoadGenerator(LoadOptions.parse(args)).run() ? 0 : 1);
    }

    boolean run() throws Exception {
        System.out.printf("%d terminals on %s (%d institutions, %d persons; %s; %s%s): %d s warm-up, %d s measured%n",
                o.threads, o.url, o.clients.size(), o.persons.size(), o.mix,
                o.openLoop() ? String.format("open loop, %.1f flows/s", o.rate) : "closed loop",
                o.cancelShare > 0 ? String.format(", %.0f%% cancelled", o.cancelShare * 100) : "", o.warmupSeconds, o.durationSeconds);
        Terminal[] terminals = startTerminals();
        Thread office = o.reconcileEverySeconds > 0 ? startAccountsOffice() : null;
        ServerProbe probe = new ServerProbe(o);
        LoadReport report = new LoadReport(o);
        watch(terminals, report, probe);
        if (office != null) office.interrupt();
        if (o.reconcileEverySeconds > 0) {
            if (office != null) office.join(30_000);
            reconciler.reconcile(true);
        }
        reconciler.close();
        return report.finish(stats, o.reconcileEverySeconds > 0 ? reconciler : null, schedule, (System.nanoTime() - start) / 1e9,
                probe.sample());
    }

    private Terminal[] startTerminals() {
        AtomicInteger nextPerson = new AtomicInteger();
        Terminal.Source source = schedule != null ? schedule : closedLoop();
        Terminal[] terminals = new Terminal[o.threads];
        for (int t = 0; t < o.threads; t++) {
            terminals[t] = new Terminal(t, o, stats, reconciler, source, nextPerson);
            terminals[t].start();
        }
        if (schedule != null) schedule.start();
        return terminals;
    }

    /** Each terminal's next flow at once, until the window ends or {@code --max-settlements} flows were started. */
    private Terminal.Source closedLoop() {
        AtomicLong started = new AtomicLong();
        return t -> System.nanoTime() >= stats.measureEnd || started.incrementAndGet() > o.maxSettlements ? null
                : new Terminal.Ticket(o.mix.pick(t.rnd.nextDouble()), System.nanoTime());
    }

    /** A 3201 for each institution every {@code --reconcile-every} seconds, from its own terminals. */
    private Thread startAccountsOffice() {
        Thread t = new Thread(() -> {
            try {
                while (System.nanoTime() < stats.measureEnd) {
                    Thread.sleep(o.reconcileEverySeconds * 1000L);
                    if (System.nanoTime() < stats.measureEnd) reconciler.reconcile(false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "accounts-office");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Progress every 5 s, a report line every {@code --report-every} s of the window, until the terminals end. */
    private void watch(Terminal[] terminals, LoadReport report, ServerProbe probe) throws InterruptedException {
        long hardEnd = stats.measureEnd + 60_000_000_000L, every = o.reportEverySeconds * 1_000_000_000L;
        long lastAt = start, lastSettled = 0, nextReport = stats.measureStart, reportedAt = stats.measureStart;
        boolean warm = false;
        while (alive(terminals, Math.min(1000, Math.max(1, (hardEnd - System.nanoTime()) / 1_000_000)))) {
            long now = System.nanoTime();
            if (!warm && now >= stats.measureStart) {
                warm = true;
                if (every > 0) report.baseline(probe.sample());
            }
            if (every > 0 && warm && now >= nextReport + every && reportedAt < stats.measureEnd) {
                long end = Math.min(now, stats.measureEnd);
                report.interval((end - stats.measureStart) / 1e9, (end - reportedAt) / 1e9, stats.cut(), probe.sample());
                reportedAt = end;
                nextReport += every;
            }
            if (every == 0 && now - lastAt >= 4_500_000_000L) {
                long settled = stats.settledAll.get();
                System.out.printf("  t=%3.0f s  %s  settlements/s %.0f  errors %d%n", (now - start) / 1e9,
                        now < stats.measureStart ? "warm-up " : now < stats.measureEnd ? "measured" : "stopping",
                        (settled - lastSettled) / ((now - lastAt) / 1e9), stats.errors.get() + stats.warmupErrors.get());
                lastSettled = settled;
                lastAt = now;
            }
            if (now > hardEnd) {
                System.err.println("hard deadline reached; abandoning terminals still waiting");
                break;
            }
        }
        if (every > 0 && warm && stats.measureEnd - reportedAt > 1_000_000_000L) {
            report.interval(o.durationSeconds, (stats.measureEnd - reportedAt) / 1e9, stats.cut(), probe.sample());
        }
    }

    private static boolean alive(Terminal[] terminals, long waitMs) throws InterruptedException {
        for (Terminal t : terminals) {
            t.join(waitMs);
            if (t.isAlive()) return true;
        }
        return false;
    }

}
