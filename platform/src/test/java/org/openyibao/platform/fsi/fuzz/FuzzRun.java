package org.openyibao.platform.fsi.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a budget of seeded cases against the server, a few threads at once, and checks every reply
 * ({@link ReplyCheck}). Case {@code k} of seed {@code s} is made from {@code new Random(mix(s, k))} alone, so
 * {@code -Dyibao.fuzz.seed=s -Dyibao.fuzz.case=k} makes it again, byte for byte but for its time stamps. The first 20
 * failing requests are written to {@code target/fuzz/}, cut at 64 KiB, with their replies; the first three of each
 * kind are printed as they happen.
 *
 * <p>System properties: {@code yibao.fuzz.cases} (cases in all, 5,000; {@link #budget}), {@code yibao.fuzz.seed}, {@code yibao.fuzz.case}
 * (that case only), {@code yibao.fuzz.threads} (2).
 */
final class FuzzRun {
    /** The seed when none is given: the normal build runs the same cases every time. */
    static final long DEFAULT_SEED = 20261210L;
    static final int TIMEOUT_MS = 30_000;
    private static final int WRITTEN = 20;
    static final Path OUT = Path.of("target", "fuzz");

    /** Makes case {@code k}'s request from its random source. */
    interface Cases {
        FuzzRequest make(Random rnd, long k);
    }

    /** A run's outcome, as the README and docs/fsi.md quote it. */
    record Result(String suite, long seed, long cases, long failures, Duration took, Map<String, Long> replies,
                  Map<String, Long> failureKinds, List<String> firstFailures, String latency) {
        String summary() {
            double perSecond = cases / Math.max(0.001, took.toMillis() / 1000.0);
            return String.format("%s fuzz: %,d cases, %,d failures, seed %d, %d s (%,.0f cases/s; %s); replies by status %s%s",
                    suite, cases, failures, seed, took.toSeconds(), perSecond, latency, replies,
                    failures == 0 ? "" : "; failures by kind " + failureKinds);
        }
    }

    private final String suite;
    private final int port;
    private final Cases cases;
    private final LongAdder failures = new LongAdder();
    private final AtomicLong written = new AtomicLong();
    private final Map<String, LongAdder> replies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
    private final List<String> firstFailures = Collections.synchronizedList(new ArrayList<>());
    /** Milliseconds per exchange, 0 to 30,000 (the timeout). */
    private final AtomicLongArray millis = new AtomicLongArray(TIMEOUT_MS + 2);
    private volatile long slowestMillis = -1;
    private volatile String slowest = "";

    FuzzRun(String suite, int port, Cases cases) {
        this.suite = suite;
        this.port = port;
        this.cases = cases;
    }

    /** The cases in all when {@code yibao.fuzz.cases} is not given: a few seconds in the normal build. */
    static final long NORMAL = 5_000;

    /** This suite's share of {@code yibao.fuzz.cases} (the interface 3/5, the REST API 2/5). */
    static long budget(double share) {
        return Math.round(Long.getLong("yibao.fuzz.cases", NORMAL) * share);
    }

    static long seed() {
        return Long.getLong("yibao.fuzz.seed", DEFAULT_SEED);
    }

    /** splitmix64 of seed and case number: neighbouring cases get unrelated random sources. */
    static long mix(long seed, long k) {
        long z = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    Result run(long budget) throws Exception {
        long seed = seed();
        Long only = Long.getLong("yibao.fuzz.case");
        long first = only == null ? 0 : only;
        long end = only == null ? budget : only + 1;
        AtomicLong next = new AtomicLong(first);
        int threads = Integer.getInteger("yibao.fuzz.threads", 2);
        Instant start = Instant.now();
        long progressEvery = Math.max(10_000, budget / 20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long k; (k = next.getAndIncrement()) < end; ) {
                        one(seed, k);
                        if (k > 0 && k % progressEvery == 0) progress(k, start);
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) w.get();
        } finally {
            pool.shutdownNow();
        }
        Result r = new Result(suite, seed, end - first, failures.sum(), Duration.between(start, Instant.now()), sums(replies),
                sums(kinds), List.copyOf(firstFailures), latency());
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(suite + "-summary.txt"), r.summary() + "\n");
        System.out.println(r.summary());
        return r;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** "median 5 ms, p99 110 ms, slowest 400 ms". */
    private String latency() {
        long n = 0;
        for (int i = 0; i < millis.length(); i++) n += millis.get(i);
        long seen = 0;
        int median = -1;
        int p99 = -1;
        for (int i = 0; i < millis.length(); i++) {
            seen += millis.get(i);
            if (median < 0 && seen * 2 >= n) median = i;
            if (p99 < 0 && seen * 100 >= n * 99) p99 = i;
        }
        return "median " + median + " ms, p99 " + p99 + " ms, slowest " + slowestMillis + " ms (" + (slowest.length() > 200 ? slowest.substring(0, 200) + "…" : slowest) + ")";
    }

    private void progress(long k, Instant start) {
        System.out.printf("%s fuzz: %,d cases, %,d failures, %d s%n", suite, k, failures.sum(),
                Duration.between(start, Instant.now()).toSeconds());
    }

    private void one(long seed, long k) {
        Random rnd = new Random(mix(seed, k));
        FuzzRequest req = cases.make(rnd, k);
        byte[] bytes = req.bytes();
        long t0 = System.nanoTime();
        RawHttp.Reply reply = RawHttp.exchange(port, bytes, TIMEOUT_MS, req.http09());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        millis.incrementAndGet((int) Math.min(TIMEOUT_MS + 1, ms));
        if (ms > slowestMillis) noteSlowest(ms, k, req);
        replies.computeIfAbsent(reply.status() < 0 ? "none" : Integer.toString(reply.status()), x -> new LongAdder()).increment();
        String problem = ReplyCheck.problem(req, bytes.length, reply);
        if (problem != null) fail(seed, k, req, bytes, reply, problem);
    }

    private synchronized void noteSlowest(long ms, long k, FuzzRequest req) {
        if (ms <= slowestMillis) return;
        slowestMillis = ms;
        slowest = "case " + k + ": " + Mutator.cut(req.method) + " " + Mutator.cut(req.target) + " " + req.mutations;
    }

    private void fail(long seed, long k, FuzzRequest req, byte[] bytes, RawHttp.Reply reply, String problem) {
        failures.increment();
        String kind = Mutator.cut(problem.replaceAll("[0-9]+", "#"));
        LongAdder ofKind = kinds.computeIfAbsent(kind, x -> new LongAdder());
        ofKind.increment();
        String line = "case " + k + " (seed " + seed + "): " + problem + "; " + Mutator.cut(req.method) + " " + Mutator.cut(req.target)
                + "; mutations " + req.mutations;
        if (ofKind.sum() <= 3) System.out.println("fuzz failure: " + line);
        if (firstFailures.size() < WRITTEN) firstFailures.add(line);
        if (written.incrementAndGet() <= WRITTEN) write(seed, k, line, bytes, reply);
    }

    private void write(long seed, long k, String line, byte[] bytes, RawHttp.Reply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((line + "\nreproduce: -Dyibao.fuzz.seed=" + seed + " -Dyibao.fuzz.case=" + k + "\n\n--- request ("
                + bytes.length + " bytes, cut at 64 KiB) ---\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Arrays.copyOf(bytes, Math.min(bytes.length, 64 * 1024)));
        out.writeBytes(("\n\n--- reply (" + reply.wireBytes() + " bytes) ---\n" + reply.head() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Arrays.copyOf(reply.body(), Math.min(reply.body().length, 8 * 1024)));
        try {
            Files.createDirectories(OUT);
            Files.write(OUT.resolve(suite + "-seed" + seed + "-case" + k + ".txt"), out.toByteArray());
        } catch (IOException e) {
            System.err.println("could not write the failing case: " + e);
        }
    }
}
