package org.openyibao.platform.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.batch.Simulation;
import org.openyibao.sim.evaluate.Evaluation;
import org.openyibao.sim.evaluate.EvaluationResult;
import org.openyibao.sim.evaluate.RunInput;
import org.openyibao.sim.io.Format;
import org.openyibao.sim.io.RegionWriter;
import org.openyibao.sim.io.RunReader;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Region;

/**
 * What a job does, as the command line does it ({@code yibao generate}, {@code simulate}, {@code evaluate}): the sim
 * module's own calls, each writing into a directory of its own; on a failure that directory is removed, so a failed
 * job leaves no half-written population, run or report behind.
 */
final class JobWork {
    /** The report's pages written beside {@code yibao evaluate}'s files, for the console to show in its own page. */
    static final String CONSOLE_REPORT = "console.%s.html";
    static final List<Locale> LANGUAGES = List.of(Locale.CHINESE, Locale.ENGLISH);

    /** Progress of a running job: how many units of how many. */
    interface Counter {
        void total(long total);

        void progress(LongSupplier done);
    }

    private JobWork() {
    }

    /** {@code yibao generate --format parquet}, with the region's pack settling a sample for region.json. */
    static long generate(Region region, int year, long seed, long persons, PolicyPack pack, int threads, Path out, Counter c) {
        Generator g = new Generator(region, year, seed, persons, Generator.DEFAULT_PART_HOUSEHOLDS);
        AtomicLong done = new AtomicLong();
        c.total(persons);
        c.progress(done::get);
        return inFresh(out, () -> RegionWriter.write(g, out, Format.PARQUET, threads, pack, done::addAndGet).persons());
    }

    /** {@code yibao simulate} of {@code population} into {@code run}, then {@code yibao evaluate} of that run alone. */
    static long simulate(Simulation.Spec spec, long households, Path report, int threads, Counter c) {
        Simulation sim = new Simulation(spec);
        c.total(households);
        c.progress(sim::householdsDone);
        long settled = inFresh(spec.out(), () -> {
            try {
                return sim.run().households();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped", e);
            }
        });
        try {
            evaluate(List.of(spec.out()), report, threads);
        } catch (RuntimeException e) {
            remove(spec.out());   // a run without its report is not listed as done: nothing of it stays
            throw e;
        }
        return settled;
    }

    /** {@code yibao evaluate BASELINE RUN}: the report with the run against the baseline. */
    static void evaluate(List<Path> runs, Path report, int threads) {
        inFresh(report, () -> {
            try {
                List<RunInput> inputs = RunReader.readAll(runs.stream().map(RunReader::new).toList(), threads);
                EvaluationResult r = Evaluation.run(inputs, report, new LinkedHashSet<>(LANGUAGES));
                for (Locale l : LANGUAGES) {
                    Files.writeString(report.resolve(String.format(CONSOLE_REPORT, l.getLanguage())), Evaluation.reportBody(r, l));
                }
                return 1L;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("stopped", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private interface Work {
        long run();
    }

    /** Runs {@code work} writing into {@code dir}, made for it; removes {@code dir} when the work fails. */
    private static long inFresh(Path dir, Work work) {
        try {
            if (Files.exists(dir)) throw new IllegalStateException(dir.getFileName() + " exists already");
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.run();
        } catch (RuntimeException | Error e) {
            remove(dir);
            throw e;
        }
    }

    static void remove(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // what is left is reported by the population list as partial, never taken by a simulation
        }
    }
}
