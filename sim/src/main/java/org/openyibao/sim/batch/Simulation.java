package org.openyibao.sim.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.evaluate.InstitutionYear;
import org.openyibao.sim.io.CaseWriter;
import org.openyibao.sim.io.Parquet.CloseableIterator;
import org.openyibao.sim.io.PopulationFiles;
import org.openyibao.sim.io.PopulationReader;
import org.openyibao.sim.io.RunFiles;
import org.openyibao.sim.io.RunWriter;
import org.openyibao.sim.population.Household;

/**
 * The batch year ({@code yibao simulate}): every visit of a population settled through the engine, part
 * by part. A part is read, settled and written by one thread with bounded memory (one household in
 * hand, the Parquet writers' row groups); parts run in parallel, one per thread. Nothing is shared
 * between parts but the counters, so a part is also the unit of a distributed run (docs/sim.md).
 */
public final class Simulation {
    /**
     * The local average monthly wage (yuan) that bounds employees' contribution base when none is given: an
     * illustrative figure, the seeds give none. One place for the cli's default, the console's simulations and the demo.
     */
    public static final String ILLUSTRATIVE_AVERAGE_WAGE = "5600";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the run is: the policy (with a reform overlay or not) and the scenario label written to run.json. {@code base},
     * the pack before the reform, lets run.json say what the reform changes ({@link PackComparison}); {@code packVersion}
     * is {@link PackComparison#version}. Either may be null (not recorded: the evaluation says so).
     */
    public record Spec(Path population, PolicyPack pack, String scenario, String reformFile, Path out, int threads,
                       long averageWageFen, PolicyPack base, String packVersion, CasePaymentSpec payment) {
        /** A run that does not pay inpatient cases apart (no {@code cases/}, no case_payment.json). */
        public Spec(Path population, PolicyPack pack, String scenario, String reformFile, Path out, int threads,
                    long averageWageFen, PolicyPack base, String packVersion) {
            this(population, pack, scenario, reformFile, out, threads, averageWageFen, base, packVersion, null);
        }

        /** A run whose base pack and version are not recorded. */
        public Spec(Path population, PolicyPack pack, String scenario, String reformFile, Path out, int threads,
                    long averageWageFen) {
            this(population, pack, scenario, reformFile, out, threads, averageWageFen, null, null, null);
        }
    }

    /**
     * The run's result, as written to run.json; {@code institutions} each institution's pooling-fund payments (also in
     * {@code institutions.parquet}).
     */
    public record Result(long households, long persons, long visits, double seconds, Map<String, Map<String, Long>> funds,
                         List<InstitutionYear> institutions, long poolingOnVisitsFen, CaseYear cases) {
        public double visitsPerSecond() {
            return seconds > 0 ? visits / seconds : 0;
        }
    }

    private final Spec spec;
    private final LongAdder visitsDone = new LongAdder();
    private final LongAdder householdsDone = new LongAdder();

    public Simulation(Spec spec) {
        this.spec = spec;
    }

    /** Visits settled so far (for a progress display on another thread). */
    public long visitsDone() {
        return visitsDone.sum();
    }

    /** Households settled so far (for a progress display on another thread: region.json's "households" is the total). */
    public long householdsDone() {
        return householdsDone.sum();
    }

    /**
     * The scenario label of a run with {@code pack} when none is given: the reforms' names joined by {@code +}, or
     * {@code baseline} without a reform (the evaluation's first run is usually that).
     */
    public static String label(PolicyPack pack) {
        return pack.reforms().isEmpty() ? "baseline" : String.join("+", pack.reforms());
    }

    /**
     * The population's region.json, once the directory is checked to be a Parquet population with all the
     * parts region.json names: a CSV population, or one with parts missing, would otherwise be settled as
     * an empty or partial year without a word.
     */
    public static JsonNode region(Path population) {
        Path file = population.resolve(PopulationFiles.REGION);
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(population + " is not a population (no region.json)");
        JsonNode region;
        try {
            region = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not valid JSON: " + e.getMessage());
        }
        if (!region.isObject()) throw new IllegalArgumentException(file + " is not a JSON object");
        // the year dates every visit and the pack's parameters; without it the year would be 0 and fail far away
        if (!region.path("year").canConvertToInt() || !region.path("year").isIntegralNumber()) {
            throw new IllegalArgumentException(file + " has no \"year\" (an integer, as yibao generate writes it)");
        }
        if (!region.path("region").isTextual() || region.path("region").asText().isBlank()) {
            throw new IllegalArgumentException(file + " has no \"region\" (the name of the region it was generated for)");
        }
        String format = region.path("format").asText("parquet");
        if (!format.equals("parquet")) {
            throw new IllegalArgumentException(population + " is a " + format + " population; simulate reads Parquet"
                    + " (yibao generate --format parquet)");
        }
        int parts = new PopulationReader(population).parts();
        if (parts == 0 || (region.has("parts") && region.path("parts").asInt() != parts)) {
            throw new IllegalArgumentException(population + " has " + parts + " Parquet parts in households/, region.json says "
                    + region.path("parts").asText("?") + ": an incomplete population");
        }
        return region;
    }

    public Result run() throws InterruptedException {
        JsonNode region = region(spec.population());
        int year = region.path("year").asInt();
        CasePaymentSpec payment = spec.payment();
        if (payment != null && payment.method() != PaymentMethod.FEE_FOR_SERVICE
                && region.path("generator").asInt(0) < 3) {
            throw new IllegalArgumentException(spec.population() + " was made by generator "
                    + region.path("generator").asText("?") + ", whose admissions have no diagnoses and procedures to group:"
                    + " generate it again (yibao generate, generator 3) to pay by " + payment.method().key);
        }
        CaseSums cases = new CaseSums();
        PopulationReader reader = new PopulationReader(spec.population());
        HouseholdYear settle = new HouseholdYear(spec.pack(), year, new Contributions(spec.pack(), year, spec.averageWageFen()));
        FundSums funds = new FundSums();
        InstitutionSums institutions = new InstitutionSums();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(spec.threads(), reader.parts())));
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int k = 0; k < reader.parts(); k++) {
                int part = k;
                parts.add(pool.submit(() -> {
                    FundSums mine = new FundSums();
                    InstitutionSums mineByInstitution = new InstitutionSums();
                    CaseSums mineCases = new CaseSums();
                    CasePayer payer = payment == null ? null : new CasePayer(payment, spec.pack(), mineCases);
                    try (CloseableIterator<Household> households = reader.part(part);
                         RunWriter out = new RunWriter(spec.out(), part);
                         CaseWriter caseOut = payment == null ? null : new CaseWriter(spec.out(), part)) {
                        while (households.hasNext()) {
                            Household h = households.next();
                            out.household(settle.settle(h, (m, v, s) -> {
                                out.settled(m, v, s);
                                mineByInstitution.settlement(v, s);
                                if (payer != null) {
                                    PaidCase c = payer.pay(m, v, s);
                                    if (c != null) caseOut.write(c);
                                }
                                visitsDone.increment();
                            }, mine));
                            householdsDone.increment();
                        }
                    }
                    funds.add(mine);
                    institutions.add(mineByInstitution);
                    cases.add(mineCases);
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    parts.forEach(p -> p.cancel(true));
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        CaseYear caseYear = payment == null ? null : CaseYear.of(payment.method(), cases,
                CasePaymentRules.of(spec.pack(), LocalDate.of(year, 12, 31)));
        Result result = new Result(householdsDone.sum(), funds.persons, funds.visits, seconds, funds.funds(),
                institutions.rows(reader.institutions()), funds.poolingOnVisitsFen(), caseYear);
        RunWriter.writeInstitutions(spec.out(), result.institutions());
        if (caseYear != null) writeJson(spec.out().resolve(RunFiles.CASE_PAYMENT), caseYear.json());
        writeRun(region, year, result);
        return result;
    }

    private void writeRun(JsonNode region, int year, Result r) {
        Map<String, Object> run = new LinkedHashMap<>();
        Map<String, Object> population = new LinkedHashMap<>();
        population.put("path", spec.population().toAbsolutePath().toString());
        population.put("region", region.path("region").asText());
        population.put("seed", region.path("seed").asLong());
        population.put("persons", region.path("persons").asLong());
        population.put("households", region.path("households").asLong());
        run.put("population", population);
        run.put("policy", spec.pack().region());
        run.put("pack", pack());
        run.put("reform", spec.reformFile());
        if (spec.reformFile() != null && Files.isRegularFile(Path.of(spec.reformFile())))
            run.put("reform_digest", PackComparison.digest(Path.of(spec.reformFile())));
        run.put("reforms", spec.pack().reforms());
        PolicyPack base = spec.base() != null ? spec.base() : spec.pack().reforms().isEmpty() ? spec.pack() : null;
        if (base != null) {
            if (base != spec.pack()) run.put("reform_dates", PackComparison.reformDates(base, spec.pack()).stream()
                    .map(Object::toString).toList());
            run.put("differences", differences(base, year));
        }
        run.put("scenario", spec.scenario());
        run.put("year", year);
        run.put("households", r.households());
        run.put("persons", r.persons());
        run.put("visits", r.visits());
        run.put("funds", r.funds());
        // the serious-illness insurer's year under the pack's contract (docs/sim.md#insurer); absent without a contract
        Map<String, Object> insurer = InsurerYear.json(spec.pack(), year, r.funds());
        if (insurer != null) run.put("insurer", insurer);
        // each institution's pooling-fund payments and the budget rules (docs/sim.md#hospital-budgets)
        run.put("hospitals", HospitalYear.json(spec.pack(), year, r.institutions()));
        // the inpatient cases under the run's payment method (docs/sim.md#case-payment); absent when not paid apart
        if (r.cases() != null) run.put("payment", r.cases().summary());
        run.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        run.put("visits_per_second", Math.round(r.visitsPerSecond()));
        run.put("threads", spec.threads());
        // what the population was calibrated to, for the report's "Calibrated to" (docs/sim.md "Generator")
        if (region.path("calibration").isObject()) run.put("calibration", region.path("calibration"));
        writeJson(spec.out().resolve(RunFiles.RUN), run);
    }

    private static void writeJson(Path file, Object value) {
        try {
            JSON.writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** run.json's "pack": the pack's id, name, the packs it extends and its version (null when not given). */
    private Map<String, Object> pack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", spec.pack().region());
        m.put("name", spec.pack().name());
        m.put("bases", spec.pack().bases());
        m.put("version", spec.packVersion());
        return m;
    }

    /** run.json's "differences": what the reform changes in the base pack during the year, one object a change. */
    private List<Map<String, Object>> differences(PolicyPack base, int year) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (base == spec.pack()) return out;
        for (PackComparison.Difference d : PackComparison.inYear(base, spec.pack(), year)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", d.path());
            m.put("unit", d.unit());
            m.put("old", d.oldValue());
            m.put("new", d.newValue());
            m.put("effective", d.effective() == null ? null : d.effective().toString());
            m.put("source", d.source());
            m.put("from", d.from().toString());
            m.put("until", d.until().toString());
            out.add(m);
        }
        return out;
    }
}
