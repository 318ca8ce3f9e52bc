package org.openyibao.bench;

import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open loop: flows are due at a fixed rate, the k-th at start + k / rate, whatever the server's latency, and wait
 * in a queue for a free terminal. Every call's latency is measured from when it was meant to leave, and the first
 * call of a flow was meant to leave at the flow's scheduled start: a flow that waited for a terminal, or for the
 * scheduler itself to get a core, has that wait in its latency (no coordinated omission). {@code start-lag} records
 * the wait alone; flows more than {@value #LATE_MS} ms late (over 1% of them), or one due but never started
 * before the end, mean the generator fell behind its schedule.
 */
final class Schedule extends Thread implements Terminal.Source {
    static final long LATE_MS = 100;
    private final LoadOptions o;
    private final LoadStats stats;
    private final long start;
    private final BlockingQueue<Terminal.Ticket> queue = new LinkedBlockingQueue<>();
    private volatile boolean done;
    final AtomicLong due = new AtomicLong(), late = new AtomicLong(), unstarted = new AtomicLong();
    volatile int maxQueued;

    Schedule(LoadOptions o, LoadStats stats, long start) {
        super("schedule");
        setDaemon(true);
        this.o = o;
        this.stats = stats;
        this.start = start;
    }

    @Override
    public void run() {
        SplittableRandom rnd = new SplittableRandom(o.seed);
        try {
            for (long k = 0; ; k++) {
                long at = start + (long) (k * 1e9 / o.rate);
                if (at > stats.measureEnd) break;
                for (long wait; (wait = at - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
                queue.add(new Terminal.Ticket(o.mix.pick(rnd.nextDouble()), at));
                due.incrementAndGet();
                maxQueued = Math.max(maxQueued, queue.size());
            }
        } finally {
            done = true;
        }
    }

    @Override
    public Terminal.Ticket next(Terminal t) throws InterruptedException {
        while (true) {
            Terminal.Ticket ticket = queue.poll(100, TimeUnit.MILLISECONDS);
            if (ticket == null) {
                if (done && queue.isEmpty()) return null;
                continue;
            }
            long now = System.nanoTime();
            if (now > stats.measureEnd) {
                // due in the window's last LATE_MS ms: too late to end inside it, but not late
                if (ticket.start() < stats.measureEnd - LATE_MS * 1_000_000) unstarted.incrementAndGet();
                continue;
            }
            stats.latency("start-lag", ticket.start(), now);
            if (now - ticket.start() > LATE_MS * 1_000_000 && stats.inWindow(now)) late.incrementAndGet();
            return ticket;
        }
    }

    /** Behind: a flow due before the end never started, or more than 1% of them started over {@value #LATE_MS} ms late. */
    boolean fellBehind() {
        return unstarted.get() > 0 || late.get() * 100 > due.get();
    }
}
