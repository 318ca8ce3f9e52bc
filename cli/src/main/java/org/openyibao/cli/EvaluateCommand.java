package org.openyibao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.openyibao.sim.evaluate.Evaluation;
import org.openyibao.sim.evaluate.EvaluationResult;
import org.openyibao.sim.evaluate.Warning;
import org.openyibao.sim.evaluate.RunInput;
import org.openyibao.sim.io.RunReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yibao evaluate}: the security-effect evaluation of simulated years (docs/sim.md, "Evaluation"). */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Catastrophic health expenditure, reimbursement and fund indicators of one or more simulated years of the"
                + " same population (the first is the baseline); an HTML report in Chinese and English, CSV and JSON.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "directories written by yibao simulate; the first is the baseline")
    List<Path> runs;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for report.html (both languages), report.zh.html, report.en.html, indicators.csv, indicators.json")
    Path out;
    @Option(names = "--lang", defaultValue = "zh,en", split = ",", paramLabel = "LANG", description = "report languages: zh, en (default both)")
    List<String> langs;
    @Option(names = "--threads", paramLabel = "T", description = "threads (default: available processors)")
    Integer threads;
    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "" + Evaluation.DEFAULT_BOOTSTRAP,
            description = "bootstrap replicates over households for the 95%% intervals (default ${DEFAULT-VALUE}; 0: none)")
    int bootstrap;
    @Option(names = "--bootstrap-seed", paramLabel = "SEED", defaultValue = "" + Evaluation.DEFAULT_SEED,
            description = "the bootstrap's seed (default ${DEFAULT-VALUE}, fixed: the same runs give the same intervals)")
    long bootstrapSeed;
    @Option(names = "--force", description = "replace a non-empty DIR")
    boolean force;

    @Override
    public Integer call() throws InterruptedException, IOException {
        Set<Locale> locales = new LinkedHashSet<>();
        for (String l : langs) {
            switch (l.trim()) {
                case "zh" -> locales.add(Locale.CHINESE);
                case "en" -> locales.add(Locale.ENGLISH);
                default -> throw new UserError("--lang: unknown language '" + l + "' (zh, en)");
            }
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) throw new UserError("--threads: must be positive, got " + t);
        if (bootstrap < 0) throw new UserError("--bootstrap: must be 0 (none) or more, got " + bootstrap);
        List<RunReader> readers = new ArrayList<>();
        for (Path r : runs) {
            if (!Files.isDirectory(r)) throw new UserError("RUN: " + r + " is not a directory");
            try {
                readers.add(new RunReader(r));
            } catch (IllegalArgumentException e) {
                throw new UserError("RUN: " + e.getMessage());
            }
        }
        OutputDir.notAnInput(out, "RUN", runs);
        OutputDir.prepare(out, force);
        long t0 = System.nanoTime();
        List<RunInput> inputs;
        try {
            inputs = RunReader.readAll(readers, t);
        } catch (IllegalArgumentException e) {
            throw new UserError("RUN " + e.getMessage());
        }
        long read = System.nanoTime() - t0;
        EvaluationResult result;
        try {
            result = Evaluation.run(inputs, out, locales, new Evaluation.Options(bootstrap, bootstrapSeed, t));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        // loudly: an empty comparison must not pass for a finding (issue 12)
        PrintWriter err = spec.commandLine().getErr();
        for (Warning w : result.warnings()) err.println("WARNING: " + w.english() + " (also at the top of the report)");
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %d runs (%s) evaluated in %s (reading %s)%n", out, inputs.size(),
                String.join(", ", inputs.stream().map(RunInput::label).toList()), OutputDir.duration(System.nanoTime() - t0),
                OutputDir.duration(read));
        o.println(bootstrap == 0 ? "  no bootstrap (--bootstrap 0): no intervals"
                : String.format(Locale.ROOT, "  bootstrap: %d replicates over households, seed %d (95%% percentile intervals)",
                bootstrap, bootstrapSeed));
        if (locales.size() > 1) o.println("  " + out.resolve("report.html") + "   (every language on one page)");
        for (Locale l : locales) o.println("  " + out.resolve("report." + l.getLanguage() + ".html"));
        o.println("  " + out.resolve("indicators.csv"));
        o.println("  " + out.resolve("indicators.json"));
        if (result.payments() != null) o.println("  " + out.resolve(Evaluation.PAYMENT_METHODS_CSV)
                + "   (hospitals paid by " + String.join(", ", result.payments().runs().stream()
                .map(r -> r.label() + ": " + r.method()).toList()) + ")");
        o.flush();
        return 0;
    }
}
