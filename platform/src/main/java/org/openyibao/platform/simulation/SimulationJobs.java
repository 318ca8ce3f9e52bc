package org.openyibao.platform.simulation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.Echo;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;
import org.openyibao.sim.batch.PackComparison;
import org.openyibao.sim.batch.Simulation;
import org.openyibao.sim.population.Region;

/**
 * The console's simulation jobs (issue 11): generate a population, simulate a population's year with a reform overlay
 * or none (and evaluate it), compare two simulated years. Each request is checked here, before a job exists (a wrong
 * field is refused naming it); a job then runs on a bounded executor ({@code yibao.simulation.workers} at a time, the
 * others queued, at most {@code yibao.simulation.queue} waiting) calling the sim module as the command line does
 * ({@link JobWork}). Its state is in the database; its progress in memory while it runs. A job a stopped server left
 * queued or running is failed as interrupted at the next start.
 */
@Service
public class SimulationJobs {
    /** As {@code yibao generate}'s default: the year the Zhanjiang calibration describes. */
    static final int GENERATED_YEAR = 2018;
    private static final Logger log = LoggerFactory.getLogger(SimulationJobs.class);

    private final SimulationJobStore store;
    private final SimulationWorkspace workspace;
    private final PolicyPacks packs;
    private final Clock clock;
    private final long maxPersons;
    private final int threads;
    private final long averageWageFen;
    private final ThreadPoolExecutor executor;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    public SimulationJobs(SimulationJobStore store, SimulationWorkspace workspace, PolicyPacks packs, Clock clock,
                          @Value("${yibao.simulation.max-persons:200000}") long maxPersons,
                          @Value("${yibao.simulation.workers:1}") int workers,
                          @Value("${yibao.simulation.queue:20}") int queue,
                          @Value("${yibao.simulation.threads:1}") int threads,
                          @Value("${yibao.simulation.average-wage:" + Simulation.ILLUSTRATIVE_AVERAGE_WAGE + "}") BigDecimal averageWage) {
        this.store = store;
        this.workspace = workspace;
        this.packs = packs;
        this.clock = clock;
        this.maxPersons = maxPersons;
        this.threads = Math.max(1, threads);
        this.averageWageFen = Money.fen(averageWage);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(Math.max(1, workers), Math.max(1, workers), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(Math.max(1, queue)), r -> {
                    Thread t = new Thread(r, "simulation-job-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** A job's progress while it runs: when it started, its total, and where to read how much is done. */
    private static final class Running implements JobWork.Counter {
        final Instant started;
        final AtomicLong total = new AtomicLong();
        volatile LongSupplier done = () -> 0;

        Running(Instant started) {
            this.started = started;
        }

        @Override
        public void total(long t) {
            total.set(t);
        }

        @Override
        public void progress(LongSupplier d) {
            done = d;
        }
    }

    private interface Task {
        long run(Running progress);
    }

    /** At start: what the last server left queued or running will never finish. */
    @EventListener(ApplicationReadyEvent.class)
    public void failInterrupted() {
        int n = store.failUnfinished(clock.instant());
        if (n > 0) log.info("{} simulation job(s) interrupted by a restart marked failed", n);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    public SimulationJob job(long id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("job", "job: no simulation job " + id));
    }

    public List<SimulationJob> newest(int limit) {
        return store.newest(limit);
    }

    public List<SimulationJob> runs(int limit) {
        return store.runs(limit);
    }

    public List<Population> populations() {
        return workspace.populations();
    }

    public List<Overlay> overlays() {
        return workspace.overlays();
    }

    public List<String> regions() {
        return new TreeSet<>(Region.KNOWN.keySet()).stream().toList();
    }

    public long maxPersons() {
        return maxPersons;
    }

    /** Generates a population {@code name} (made from the others when blank) of {@code persons} persons. */
    public SimulationJob generate(String regionName, String personsText, String seedText, String name, String user) {
        Region region = Region.KNOWN.get(regionName == null ? "" : regionName);
        if (region == null) throw ApiException.badRequest("region", "region: choose one of " + regions());
        long persons = number("persons", personsText, null);
        if (persons < 1 || persons > maxPersons) {
            throw ApiException.badRequest("persons", String.format(Locale.ROOT,
                    "persons: from 1 to %,d on this page (yibao generate makes larger populations), not %,d", maxPersons, persons));
        }
        long seed = number("seed", seedText, 1L);
        String dir = name == null || name.isBlank() ? regionName + "-" + persons + "-s" + seed : name.strip();
        if (!SimulationWorkspace.NAME.matcher(dir).matches()) {
            throw ApiException.badRequest("name", "name: lower-case letters, digits, - and _ (at most 60), not '" + Echo.cut(dir, 60) + "'");
        }
        if (Files.exists(workspace.population(dir)) || store.generating(dir)) {
            throw ApiException.conflict("name", "name: a population named '" + dir + "' exists already");
        }
        PolicyPack pack = packs.pack(regionName);
        checkQueue();
        return enqueue(store.insert(SimulationJob.Kind.GENERATE, dir, null, persons, seed, null, null, null, persons, user,
                clock.instant()), p -> JobWork.generate(region, GENERATED_YEAR, seed, persons, pack, threads, workspace.population(dir), p));
    }

    /** Simulates {@code population}'s year with its region's pack and the overlay {@code overlayId} (none when blank). */
    public SimulationJob simulate(String population, String overlayId, String user) {
        Population p = workspace.usablePopulation(population);
        PolicyPack base;
        try {
            base = packs.pack(p.region());
        } catch (DomainException e) {
            throw ApiException.badRequest("population", "population: its region's pack: " + Echo.cut(e.getMessage(), 200));
        }
        Overlay overlay = overlayId == null || overlayId.isBlank() ? null : workspace.overlay(overlayId).orElseThrow(() ->
                ApiException.badRequest("overlay", "overlay: no overlay '" + Echo.cut(overlayId, 60) + "'"));
        PolicyPack pack = reformed(base, overlay, p);
        String label = Simulation.label(pack);
        checkQueue();
        long id = store.insert(SimulationJob.Kind.SIMULATE, p.name(), overlay == null ? null : overlay.id(), null, null, null, null,
                label, p.households(), user, clock.instant());
        Simulation.Spec spec = new Simulation.Spec(workspace.population(p.name()), pack, label,
                overlay == null ? null : overlay.file().toString(), workspace.run(id), threads, averageWageFen, base,
                PackComparison.version(packs.root(), p.region(), base));
        return enqueue(id, r -> JobWork.simulate(spec, p.households(), workspace.report(id), threads, r));
    }

    /** The pack with the overlay applied, or a refusal naming the field {@code overlay} with the policy check's words. */
    private static PolicyPack reformed(PolicyPack base, Overlay overlay, Population p) {
        if (overlay == null) return base;
        if (!overlay.fits(p.region())) {
            throw ApiException.badRequest("overlay", "overlay: " + overlay.id() + " is for " + overlay.region() + ", the population "
                    + p.name() + " is of " + p.region());
        }
        try {
            return PackLoader.applyReform(base, overlay.file());
        } catch (DomainException e) {
            throw ApiException.badRequest("overlay", "overlay: " + overlay.id() + " fails the policy check: " + Echo.cut(e.getMessage(), 400));
        }
    }

    /** Evaluates the simulated year {@code reform} against {@code baseline}, both of one population. */
    public SimulationJob compare(String baselineText, String reformText, String user) {
        SimulationJob baseline = run("baseline", baselineText);
        SimulationJob reform = run("reform", reformText);
        if (baseline.id() == reform.id()) throw ApiException.badRequest("reform", "reform: choose a run other than the baseline");
        if (!baseline.population().equals(reform.population())) {
            throw ApiException.badRequest("reform", "reform: run " + reform.id() + " is of population " + reform.population()
                    + ", the baseline of " + baseline.population() + ": a comparison is of one population's years");
        }
        checkQueue();
        long id = store.insert(SimulationJob.Kind.COMPARE, baseline.population(), null, null, null, baseline.id(), reform.id(),
                null, 1, user, clock.instant());
        List<Path> runs = List.of(workspace.run(baseline.id()), workspace.run(reform.id()));
        return enqueue(id, r -> {
            r.total(1);
            JobWork.evaluate(runs, workspace.report(id), threads);
            return 1;
        });
    }

    private SimulationJob run(String field, String idText) {
        long id = number(field, idText, null);
        SimulationJob j = store.find(id).orElse(null);
        if (j == null || !j.isRun()) throw ApiException.badRequest(field, field + ": no simulated year numbered " + id + " is done");
        return j;
    }

    /** How far {@code job} is: live while it runs, as stored otherwise. */
    public JobProgress progress(SimulationJob job) {
        String unit = switch (job.kind()) {
            case GENERATE -> "persons";
            case SIMULATE -> "households";
            case COMPARE -> "runs";
        };
        Running r = running.get(job.id());
        if (r == null || job.state() != SimulationJob.State.RUNNING) return new JobProgress(job.done(), job.total(), unit, 0, null);
        double seconds = Duration.between(r.started, clock.instant()).toMillis() / 1000.0;
        return JobProgress.of(r.done.getAsLong(), r.total.get(), unit, seconds);
    }

    /** The job's evaluation report in {@code locale}'s language (Chinese or English), as the sim module renders it. */
    public String report(long id, Locale locale) {
        SimulationJob j = job(id);
        if (!j.hasReport()) throw ApiException.conflict("job", "job " + id + " has no report (" + j.kind().key() + ", " + j.state().key() + ")");
        String lang = "zh".equals(locale.getLanguage()) ? "zh" : "en";
        Path file = workspace.report(id).resolve(String.format(JobWork.CONSOLE_REPORT, lang));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw ApiException.notFound("job", "job " + id + ": its report is no longer in " + workspace.root());
        }
    }

    private void checkQueue() {
        if (executor.getQueue().remainingCapacity() == 0) {
            throw ApiException.conflict("", "too many simulation jobs are waiting: start this one when one of them is done");
        }
    }

    private SimulationJob enqueue(long id, Task task) {
        try {
            executor.execute(() -> runJob(id, task));
        } catch (RejectedExecutionException e) {
            store.failed(id, SimulationJob.Failure.ERROR, "too many simulation jobs were waiting", 0, clock.instant());
            checkQueue();
            throw ApiException.conflict("", "the server is stopping: no job is started");
        }
        return job(id);
    }

    private void runJob(long id, Task task) {
        Running r = new Running(clock.instant());
        running.put(id, r);
        store.started(id, r.started);
        try {
            long done = task.run(r);
            store.done(id, done, r.total.get(), clock.instant());
        } catch (RuntimeException | Error e) {
            boolean stopped = Thread.currentThread().isInterrupted() || executor.isShutdown();
            log.warn("simulation job {} failed: {}", id, e.toString());
            store.failed(id, stopped ? SimulationJob.Failure.INTERRUPTED : SimulationJob.Failure.ERROR,
                    stopped ? null : Echo.cut(String.valueOf(e.getMessage()), 900), r.done.getAsLong(), clock.instant());
        } finally {
            running.remove(id);
        }
    }

    private static long number(String field, String text, Long blank) {
        if ((text == null || text.isBlank()) && blank != null) return blank;
        try {
            return Long.parseLong(text == null ? "" : text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field, field + ": a whole number, not '" + Echo.cut(String.valueOf(text), 30) + "'");
        }
    }
}
