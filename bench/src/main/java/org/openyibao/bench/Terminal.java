package org.openyibao.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One virtual terminal (a thread, one keep-alive connection): a hospital's HIS terminal and, when the mix has pharmacy
 * purchases, a pharmacy's till on the same connection, each signed in on first use. It runs the flows its
 * {@link Source} hands it — back to back in a closed loop, on the schedule in an open loop — each for the next person
 * of the list (so one person's serialization never dominates), cancels the settlement just made now and then, and
 * tells the {@link Reconciler} what it settled and cancelled.
 */
final class Terminal extends Thread {
    /** A flow to run, and when it was meant to start (nanoTime). */
    record Ticket(FlowKind kind, long start) {}

    /** Where a terminal's flows come from; null when there are no more. */
    interface Source {
        Ticket next(Terminal t) throws InterruptedException;
    }

    private final LoadOptions o;
    private final LoadStats stats;
    private final Reconciler reconciler;
    private final Source source;
    private final AtomicInteger nextPerson;
    final SplittableRandom rnd;
    private final FsiHttp http;
    private final FsiSession hospital;
    private final FsiSession pharmacy;
    private final VisitFlows flows;

    Terminal(int id, LoadOptions o, LoadStats stats, Reconciler reconciler, Source source, AtomicInteger nextPerson) {
        super("terminal-" + id);
        setDaemon(true);
        this.o = o;
        this.stats = stats;
        this.reconciler = reconciler;
        this.source = source;
        this.nextPerson = nextPerson;
        this.rnd = new SplittableRandom(o.seed + id * 7919L);
        this.http = FsiHttp.open(o);
        List<LoadOptions.Client> hospitals = o.hospitals(), pharmacies = o.pharmacies();
        this.hospital = session(hospitals.get(id % hospitals.size()), id);
        this.pharmacy = pharmacies.isEmpty() ? null : session(pharmacies.get(id % pharmacies.size()), id);
        this.flows = new VisitFlows(stats, rnd, id);
    }

    private FsiSession session(LoadOptions.Client c, int id) {
        FsiSession s = new FsiSession(c, id, http, stats);
        s.sendUntil = stats.measureEnd;
        return s;
    }

    @Override
    public void run() {
        try {
            for (Ticket t; (t = source.next(this)) != null; ) {
                FsiSession s = t.kind() == FlowKind.PHARMACY ? pharmacy : hospital;
                if (s.signNoMissing() && !s.signIn()) continue;
                LoadOptions.Psn p = o.persons.get(Math.floorMod(nextPerson.getAndIncrement(), o.persons.size()));
                VisitFlows.Settled done = flows.run(t.kind(), s, p, t.start());
                if (done == null) continue;
                reconciler.settled(done);
                if (o.cancelShare > 0 && rnd.nextDouble() < o.cancelShare && flows.cancel(done)) reconciler.cancelled(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stats.error("client", "client crashed: " + e);
        } finally {
            http.close();
        }
    }
}
