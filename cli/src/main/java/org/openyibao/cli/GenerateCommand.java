package org.openyibao.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.io.Format;
import org.openyibao.sim.io.RegionWriter;
import org.openyibao.sim.population.Calibration;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yibao generate}: a synthetic region written as a population directory (docs/sim.md). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a synthetic region (households, persons, a year of visits) as Parquet or CSV.")
public final class GenerateCommand implements Callable<Integer> {
    /** Far more than a province (Zhanjiang's full run is 7,332,000); households stay well within an int. */
    static final long MAX_PERSONS = 1_000_000_000L;

    @Spec CommandSpec spec;

    @Option(names = "--region", required = true, paramLabel = "NAME", description = "region to calibrate to (zhanjiang)")
    String region;
    @Option(names = "--persons", required = true, paramLabel = "N", description = "number of persons")
    long persons;
    @Option(names = "--year", defaultValue = "2018", paramLabel = "Y", description = "year of the visits (default 2018)")
    int year;
    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (same seed, same files)")
    long seed;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "population directory to write")
    Path out;
    @Option(names = "--format", defaultValue = "parquet", paramLabel = "FORMAT", description = "parquet|csv")
    String format;
    @Option(names = "--threads", paramLabel = "T", description = "threads (default: available processors)")
    Integer threads;
    @Option(names = "--part-households", defaultValue = "" + Generator.DEFAULT_PART_HOUSEHOLDS, paramLabel = "H",
            description = "households per part (default 100000)")
    int partHouseholds;
    @Option(names = "--force", description = "write into a non-empty DIR")
    boolean force;
    @Option(names = "--no-oop", description = "do not settle a sample with the region's pack for region.json")
    boolean noOop;

    @Override
    public Integer call() {
        Region r = Region.KNOWN.get(region);
        if (r == null) throw new UserError("--region: unknown region '" + region + "' (known: " + new TreeSet<>(Region.KNOWN.keySet()) + ")");
        if (persons <= 0) throw new UserError("--persons: must be a positive number, got " + persons);
        // the evaluation indexes households by int; far above that, the generator would count households for minutes first
        if (persons > MAX_PERSONS) {
            throw new UserError(String.format(Locale.ROOT, "--persons: at most %,d, got %,d", MAX_PERSONS, persons));
        }
        if (year < 2009 || year > 2100) throw new UserError("--year: must be between 2009 and 2100, got " + year);
        Format f = Format.of(format);
        if (f == null) throw new UserError("--format: must be parquet or csv, got '" + format + "'");
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) throw new UserError("--threads: must be positive, got " + t);
        if (partHouseholds <= 0) throw new UserError("--part-households: must be positive, got " + partHouseholds);
        OutputDir.prepare(out, force);
        PolicyPack pack = noOop ? null : Policies.standard().pack(region);
        Generator g = new Generator(r, year, seed, persons, partHouseholds);
        PrintWriter err = spec.commandLine().getErr();
        AtomicLong done = new AtomicLong();
        AtomicLong lastPrint = new AtomicLong();
        long t0 = System.nanoTime();
        Calibration c = RegionWriter.write(g, out, f, t, pack, n -> {
            long d = done.addAndGet(n);
            long now = System.nanoTime();
            long last = lastPrint.get();
            if (now - last > 500_000_000L && lastPrint.compareAndSet(last, now)) progress(err, d, now - t0, false);
        });
        progress(err, done.get(), System.nanoTime() - t0, true);
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d persons in %d households, %d visits, %d parts (%s) in %s%n", out, c.persons(),
                c.households(), c.visits(), g.parts(), f.key, OutputDir.duration(System.nanoTime() - t0));
        if (!Double.isNaN(c.oopPerCapita())) {
            o.printf(Locale.ROOT, "out-of-pocket per capita on covered visits (sample, %s pack): %.2f yuan (Table 4-1's 1,015.80 counts spending outside insurance too)%n", region,
                    c.oopPerCapita());
            o.printf(Locale.ROOT, "funds on that sample (targets in region.json \"calibration\"; one household in %d, so noisy): residents'"
                            + " pooling spends %.2f of its income, employees' pooling %.2f, serious illness %.2f of its premium;"
                            + " catastrophic at 20%% under basic insurance %.2f%% of households%n", Calibration.OOP_SAMPLE,
                    c.spentOfIncome("resident_pooling"), c.spentOfIncome("employee_pooling"), c.spentOfIncome("serious_illness"),
                    c.cheHeadcountBasic20Pct());
        }
        o.flush();
        return 0;
    }

    private void progress(PrintWriter err, long done, long nanos, boolean end) {
        double s = nanos / 1e9;
        double rate = done / Math.max(s, 1e-9);
        double left = rate > 0 ? (persons - done) / rate : 0;
        err.printf(Locale.ROOT, "\rgenerate: %,d / %,d persons, %,.0f persons/s, %s left   %s", done, persons, rate,
                OutputDir.duration((long) (left * 1e9)), end ? "\n" : "");
        err.flush();
    }
}
