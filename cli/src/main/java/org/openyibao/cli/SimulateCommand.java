package org.openyibao.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.sim.batch.CasePaymentSpec;
import org.openyibao.sim.batch.CaseYear;
import org.openyibao.sim.batch.PackComparison;
import org.openyibao.sim.batch.PaymentMethod;
import org.openyibao.sim.batch.Simulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yibao simulate}: a population's year settled through the engine (docs/sim.md, "Batch year"). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Settle every visit of a population's year through the engine; write per-visit settlements and"
                + " per-household totals (Parquet) and run.json.")
public final class SimulateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--population", required = true, paramLabel = "DIR", description = "a directory written by yibao generate")
    Path population;
    @Option(names = "--policy", paramLabel = "PACK", description = "policy pack (default: the population's region)")
    String policy;
    @Option(names = "--reform", paramLabel = "FILE", description = "a reform overlay applied to the pack")
    Path reform;
    @Option(names = "--scenario", paramLabel = "LABEL", description = "label of this run in the evaluation (default: the reform's name, or baseline)")
    String scenario;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write the simulated year to")
    Path out;
    @Option(names = "--threads", paramLabel = "T", description = "threads (default: available processors)")
    Integer threads;
    @Option(names = "--average-wage", defaultValue = Simulation.ILLUSTRATIVE_AVERAGE_WAGE, paramLabel = "YUAN",
            description = "local average monthly wage bounding employees' contribution base (default ${DEFAULT-VALUE}, illustrative)")
    BigDecimal averageWage;
    @Option(names = "--force", description = "replace a non-empty DIR")
    boolean force;
    @Option(names = "--payment", paramLabel = "METHOD",
            description = "how hospitals are paid for inpatient cases: fee-for-service, drg or dip (default: what the pack says)")
    String payment;
    @Option(names = "--tables", paramLabel = "VERSION",
            description = "the grouping table version for every case (default: the region's grouping.yaml on each discharge date)")
    String tables;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isDirectory(population)) throw new UserError("--population: " + population + " is not a directory");
        JsonNode region;
        try {
            region = Simulation.region(population);
        } catch (IllegalArgumentException e) {
            throw new UserError("--population: " + e.getMessage());
        }
        String pack = policy != null ? policy : region.path("region").asText();
        Policies policies = Policies.standard();
        PolicyPack base;
        try {
            base = policies.pack(pack);
        } catch (UserError | DomainException e) {
            throw new UserError((policy != null ? "--policy: " : "--population: region.json's ") + e.getMessage());
        }
        PolicyPack p;
        try {
            p = policies.pack(pack, reform);
        } catch (UserError | DomainException e) {
            throw new UserError("--reform: " + e.getMessage());
        }
        refuseReformWithoutEffect(base, p, region.path("year").asInt());
        CasePaymentSpec casePayment = casePayment(policies, pack, p, region.path("year").asInt());
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t <= 0) throw new UserError("--threads: must be positive, got " + t);
        long wage = averageWageFen();
        String label = scenario != null ? scenario : Simulation.label(p);
        OutputDir.notAnInput(out, "population", List.of(population));
        OutputDir.prepare(out, force);

        long total = region.path("visits").asLong();
        Simulation sim = new Simulation(new Simulation.Spec(population, p, label, reform == null ? null : reform.toString(), out, t,
                wage, base, PackComparison.version(policies.root(), pack, base), casePayment));
        long t0 = System.nanoTime();
        Simulation.Result r = runWithProgress(sim, total, t0);
        print(r, label, pack, t);
        return 0;
    }

    /**
     * The run's case payment (docs/sim.md#case-payment): --payment, else the pack's method on 1 January; the grouping
     * tables, and a version in force all year (--tables, or the region's selection on 1 January and 31 December).
     */
    private CasePaymentSpec casePayment(Policies policies, String pack, PolicyPack p, int year) {
        PaymentMethod method;
        if (payment != null) {
            method = PaymentMethod.of(payment);
            if (method == null) throw new UserError("--payment: must be fee-for-service, drg or dip, not '" + payment + "'");
        } else {
            CasePaymentRules rules = CasePaymentRules.of(p, LocalDate.of(year, 1, 1));
            method = rules == null || rules.feeForService() ? PaymentMethod.FEE_FOR_SERVICE
                    : PaymentMethod.of(rules.method().key);
        }
        if (method == PaymentMethod.FEE_FOR_SERVICE) {
            if (tables != null) throw new UserError("--tables: fee-for-service groups nothing; name --payment drg or dip");
            return CasePaymentSpec.FEE_FOR_SERVICE;
        }
        // the cases are paid with the rules of their discharge day and the DIP year-end with those of 31 December
        for (LocalDate d : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            if (CasePaymentRules.of(p, d) == null) {
                throw new UserError("--payment: the pack " + pack + " has no hospital.case_payment rules on " + d
                        + " to pay by " + method.key);
            }
        }
        GroupingTables all;
        TableSelection selection;
        try {
            all = GroupingTables.load(policies.root());
            selection = TableSelection.of(policies.root().resolve(pack));
            if (tables != null) all.version(tables);
        } catch (DomainException e) {
            throw new UserError("--tables: " + e.getMessage());
        }
        try {
            CasePaymentSpec s = new CasePaymentSpec(method, all, selection, tables);
            for (LocalDate d : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                if (s.versionOn(d).isEmpty()) {
                    throw new UserError("--tables: no " + method.key + " table version is in force on " + d + " in "
                            + pack + "/grouping.yaml; name one, for example --tables " + String.join(" or ",
                            all.versions().stream().filter(v -> all.version(v).method() == method.grouping).toList()));
                }
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage().startsWith("--tables") ? e.getMessage() : "--tables: " + e.getMessage());
        }
    }

    private long averageWageFen() {
        long wage;
        try {
            wage = Money.fen(averageWage);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new UserError("--average-wage: " + e.getMessage());
        }
        if (wage <= 0) throw new UserError("--average-wage: must be positive, got " + averageWage);
        return wage;
    }

    /** Runs the year with a progress line on stderr every half second; an unreadable population is the user's error. */
    private Simulation.Result runWithProgress(Simulation sim, long total, long t0) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(500);
                    progress(err, sim.visitsDone(), total, System.nanoTime() - t0, false);
                }
            } catch (InterruptedException done) {
                // the run is over
            }
        }, "simulate-progress");
        progress.setDaemon(true);
        progress.start();
        Simulation.Result r = null;
        try {
            r = sim.run();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UserError("--population: " + e.getMessage());
        } catch (DomainException e) {
            // a case the payment rules refuse (a field named by the engine)
            throw new UserError("--payment: " + e.getMessage());
        } finally {
            progress.interrupt();
            progress.join();
            if (r == null) {
                // end the progress line, so that the error starts a line of its own
                err.println();
                err.flush();
            }
        }
        progress(err, r.visits(), total, System.nanoTime() - t0, true);
        return r;
    }

    private void print(Simulation.Result r, String label, String pack, int threads) {
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s: %s (%s), %,d households, %,d persons, %,d visits settled in %s (%,.0f visits/s, %d threads)%n",
                out, label, pack, r.households(), r.persons(), r.visits(), OutputDir.duration((long) (r.seconds() * 1e9)),
                r.visitsPerSecond(), threads);
        if (r.cases() != null) {
            CaseYear c = r.cases();
            o.printf(Locale.ROOT, "  inpatient cases paid by %s%s: %,d cases (%,d not grouped), hospitals' income %s,"
                            + " the fund owes %s yuan (%s by fee for each service)%n", c.method().key,
                    c.versions().isEmpty() ? "" : " (" + String.join(", ", c.versions()) + ")",
                    c.total(CaseYear.Row::cases), c.method() == PaymentMethod.FEE_FOR_SERVICE ? 0
                            : c.total(CaseYear.Row::cases) - c.total(CaseYear.Row::grouped),
                    Money.format(c.total(CaseYear.Row::incomeFen)), Money.format(c.total(CaseYear.Row::fundDueFen)),
                    Money.format(c.total(CaseYear.Row::fundFfsFen)));
        }
        for (Map.Entry<String, Map<String, Long>> f : r.funds().entrySet()) {
            o.printf(Locale.ROOT, "  %-18s income %18s  expenditure %18s  balance %18s yuan%s%n", f.getKey(),
                    Money.format(f.getValue().get("income_fen")), Money.format(f.getValue().get("expenditure_fen")),
                    Money.format(f.getValue().get("balance_fen")),
                    f.getValue().containsKey("fiscal_transfer_fen") ? "  (income: a fiscal transfer)" : "");
        }
        o.flush();
    }

    /**
     * A reform that changes nothing in the population's year would give a comparison with no difference that looks like
     * a finding (issue 12: si-threshold-15000 starts in 2019, the README's year is 2018): refused, naming its dates.
     */
    private void refuseReformWithoutEffect(PolicyPack base, PolicyPack reformed, int year) {
        if (reform == null) return;
        String why = PackComparison.nothingChanged(PackComparison.inYear(base, reformed, year),
                PackComparison.reformDates(base, reformed), year);
        if (why != null) throw new UserError("--reform: " + reform + " " + why);
    }

    private static void progress(PrintWriter err, long done, long total, long nanos, boolean end) {
        double s = nanos / 1e9, rate = done / Math.max(s, 1e-9);
        int width = 30, filled = total > 0 ? (int) Math.min(width, width * done / total) : 0;
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String left = total > done && rate > 0 ? OutputDir.duration((long) ((total - done) / rate * 1e9)) : "0 s";
        err.printf(Locale.ROOT, "\rsimulate [%s] %,d / %,d visits  %,.0f visits/s  %s left   %s", bar, done, total, rate, left,
                end ? "\n" : "");
        err.flush();
    }
}
