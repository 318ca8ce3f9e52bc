package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.batch.Contributions;
import org.openyibao.sim.batch.FundSums;
import org.openyibao.sim.batch.HouseholdTotals;
import org.openyibao.sim.batch.HouseholdYear;
import org.openyibao.sim.batch.Simulation;
import org.openyibao.sim.evaluate.CheShare;

/**
 * What a generated region turned out to be, against its targets (region.json "calibration").
 * One per thread or part, then {@link #merge}d: every total is an integer, so the result does not
 * depend on the order of the parts. With a policy pack, one household in {@link #OOP_SAMPLE} is settled
 * through the batch year's {@link HouseholdYear} (the engine, with the year's contributions at the
 * illustrative average wage) to measure the covered out-of-pocket spending, the funds' income and
 * expenditure, and the catastrophic-expenditure headcount under basic insurance only.
 *
 * <p>Each entry of {@link #report} is {@code name → {target, achieved, source, …}}: the run's report copies
 * it as "what is calibrated to what" (docs/sim.md#calibration). Sources cite the published documents
 * (docs/sim.md's bibliography keys: "Luo 2020", "He 2020"); our own choices say DECISION and where they are
 * explained.
 */
public final class Calibration {
    public static final int OOP_SAMPLE = 10;
    /** The illustrative local average monthly wage (fen) that bounds the sampled employees' contribution base. */
    static final long AVERAGE_WAGE_FEN = Math.round(Double.parseDouble(Simulation.ILLUSTRATIVE_AVERAGE_WAGE) * 100);
    /** CHE threshold of the headcount target, percent of non-food spending (Luo 2020, Table 4-2). */
    static final int CHE_THRESHOLD_PCT = 20;

    static final String DOCS = "docs/sim.md#calibration";

    long households, persons, agriculturalPersons, insured, employees, retired, uninsured;
    long incomeFen, spendingFen, foodFen;
    final long[] ages = new long[4];
    final long[] categories = new long[Category.values().length];
    final long[] visits = new long[VisitType.values().length];
    long sampledPersons, sampledHouseholds, sampledOopFen, sampledMedfeeFen, sampledCatastrophicBasic;
    final FundSums sampledFunds = new FundSums();
    /** The fund ratios' spread over the sampled households, for their standard errors: one per fund of {@link #RATIOS}. */
    final RatioSpread[] spreads = {new RatioSpread(), new RatioSpread(), new RatioSpread()};
    static final String[] RATIOS = {FundSums.RESIDENT_POOLING, FundSums.EMPLOYEE_POOLING, FundSums.SERIOUS_ILLNESS};

    /**
     * Sums over the sampled households of a fund's expenditure e and income c, squared and crossed, in whole yuan
     * (integers, so that merging parts in any order gives the same sums; fen squared would overflow a long). The
     * standard error of the ratio Σe / Σc over a sample of n households (a ratio estimator over clusters) is
     * √(Σ(e − Rc)² / (n − 1)) / (√n · c̄), with Σ(e − Rc)² = Σe² − 2RΣec + R²Σc².
     */
    static final class RatioSpread {
        long ee, cc, ec;

        void add(long expenditureFen, long incomeFen) {
            long e = yuan(expenditureFen), c = yuan(incomeFen);
            ee += e * e;
            cc += c * c;
            ec += e * c;
        }

        void add(RatioSpread o) {
            ee += o.ee;
            cc += o.cc;
            ec += o.ec;
        }

        double standardError(double ratio, long n, double incomeYuan) {
            if (n < 2 || incomeYuan <= 0) return Double.NaN;
            double residual = Math.max(0, ee - 2 * ratio * ec + ratio * ratio * cc);
            return Math.sqrt(residual / (n - 1)) * Math.sqrt(n) / incomeYuan;
        }

        private static long yuan(long fen) {
            return (fen + 50) / 100;
        }
    }

    /** The settlement of the sample, made for the first pack this part sees (one pack per generate run). */
    private HouseholdYear settle;
    private PolicyPack settlePack;

    /** Adds a household; settles it with {@code pack} when it falls in the sample (pack may be null). */
    public void add(Household h, LocalDate jan1, PolicyPack pack) {
        households++;
        incomeFen += h.incomeFen();
        spendingFen += h.spendingFen();
        foodFen += h.foodFen();
        for (Member m : h.members()) {
            persons++;
            if (h.agricultural()) agriculturalPersons++;
            int age = m.person().ageOn(jan1);
            ages[age < 18 ? 0 : age < 35 ? 1 : age < 60 ? 2 : 3]++;
            if (m.insured()) insured++; else uninsured++;
            if (m.scheme() == Scheme.EMPLOYEE) employees++;
            if (m.employment() == Employment.RETIRED) retired++;
            categories[m.category().ordinal()]++;
            for (VisitRecord v : m.visits()) visits[v.type().ordinal()]++;
        }
        if (pack != null && h.householdId() % OOP_SAMPLE == 0) settleSample(h, jan1.getYear(), pack);
    }

    /**
     * Settles a sampled household's year as {@code yibao simulate} would: its members' visits through the
     * engine, their contributions into the funds. Basic insurance only puts the later tiers' payments (serious
     * illness, assistance, emergency cover) back on the household, as the evaluation's "basic-only" scenario.
     */
    private void settleSample(Household h, int year, PolicyPack pack) {
        if (settle == null || settlePack != pack) {
            settle = new HouseholdYear(pack, year, new Contributions(pack, year, AVERAGE_WAGE_FEN));
            settlePack = pack;
        }
        FundSums household = new FundSums();
        HouseholdTotals t = settle.settle(h, (m, v, s) -> { }, household);
        sampledFunds.add(household);
        Map<String, Map<String, Long>> rows = household.funds();
        for (int i = 0; i < RATIOS.length; i++) {
            Map<String, Long> row = rows.get(RATIOS[i]);
            spreads[i].add(row.get("expenditure_fen"), row.get("income_fen"));
        }
        sampledHouseholds++;
        sampledPersons += h.members().size();
        sampledOopFen += t.oopFen();
        sampledMedfeeFen += t.medfeeFen();
        long basicOnlyOop = t.oopFen() + t.seriousIllnessFen() + t.assistanceFen() + t.otherFen();
        long nonFood = h.spendingFen() - h.foodFen();
        if (nonFood > 0 && CheShare.catastrophic(basicOnlyOop, nonFood, CHE_THRESHOLD_PCT)) sampledCatastrophicBasic++;
    }

    public synchronized void merge(Calibration o) {
        households += o.households;
        persons += o.persons;
        agriculturalPersons += o.agriculturalPersons;
        insured += o.insured;
        uninsured += o.uninsured;
        employees += o.employees;
        retired += o.retired;
        incomeFen += o.incomeFen;
        spendingFen += o.spendingFen;
        foodFen += o.foodFen;
        for (int i = 0; i < ages.length; i++) ages[i] += o.ages[i];
        for (int i = 0; i < categories.length; i++) categories[i] += o.categories[i];
        for (int i = 0; i < visits.length; i++) visits[i] += o.visits[i];
        sampledPersons += o.sampledPersons;
        sampledHouseholds += o.sampledHouseholds;
        sampledOopFen += o.sampledOopFen;
        sampledMedfeeFen += o.sampledMedfeeFen;
        sampledCatastrophicBasic += o.sampledCatastrophicBasic;
        sampledFunds.add(o.sampledFunds);
        for (int i = 0; i < spreads.length; i++) spreads[i].add(o.spreads[i]);
    }

    public long persons() { return persons; }
    public long households() { return households; }
    public long visits() { return visits[0] + visits[1] + visits[2]; }
    public double householdSize() { return (double) persons / households; }
    public double ageShare(int group) { return 100.0 * ages[group] / persons; }
    public double agriculturalShare() { return 100.0 * agriculturalPersons / persons; }
    public double incomePerCapita() { return incomeFen / 100.0 / persons; }
    public double spendingPerCapita() { return spendingFen / 100.0 / persons; }
    public double foodPerCapita() { return foodFen / 100.0 / persons; }
    public double visitsPerPerson() { return (double) visits() / persons; }
    public double employeesShareOfInsured() { return 100.0 * employees / Math.max(1, insured); }
    /** Out-of-pocket (psn_part_amt) per capita over the settled sample, yuan; NaN without a pack. */
    public double oopPerCapita() { return sampledPersons == 0 ? Double.NaN : sampledOopFen / 100.0 / sampledPersons; }
    public double medfeePerCapita() { return sampledPersons == 0 ? Double.NaN : sampledMedfeeFen / 100.0 / sampledPersons; }

    /** A fund's expenditure ÷ its income over the settled sample; NaN without a pack or without income. */
    public double spentOfIncome(String fund) {
        Map<String, Long> f = sampledFunds.funds().get(fund);
        long in = f.get("income_fen");
        return sampledHouseholds == 0 || in == 0 ? Double.NaN : (double) f.get("expenditure_fen") / in;
    }

    /** Households with catastrophic health expenditure at z = 20% under basic insurance only, percent of the sample. */
    public double cheHeadcountBasic20Pct() {
        return sampledHouseholds == 0 ? Double.NaN : 100.0 * sampledCatastrophicBasic / sampledHouseholds;
    }

    /** The "calibration" object of region.json: each entry has its target (with source) and the value achieved. */
    public Map<String, Object> report(Region.Targets t) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] names = {"age_under_18_pct", "age_18_34_pct", "age_35_59_pct", "age_60_plus_pct"};
        for (int g = 0; g < 4; g++) out.put(names[g], entry(t.ageShares()[g], ageShare(g), "Luo 2020, Table 2-5 (2017)"));
        out.put("household_size", entry(t.householdSize(), householdSize(),
                "Luo 2020, §2.9.1, Table 2-4: 8,389,362 registered persons in 2.064 million households"));
        out.put("agricultural_pct", entry(t.agricultural(), agriculturalShare(),
                "Luo 2020, §2.9.1, Table 2-4: 63.03% of the registered population agricultural"));
        String table41 = "Luo 2020, Table 4-1: Zhanjiang 2018, per capita";
        out.put("income_per_capita_yuan", entry(t.income(), incomePerCapita(), table41 + " disposable income"));
        out.put("spending_per_capita_yuan", entry(t.spending(), spendingPerCapita(), table41 + " consumption expenditure"));
        out.put("food_per_capita_yuan", entry(t.food(), foodPerCapita(), table41 + " food, tobacco and alcohol"));
        out.put("insured_pct", entry(t.insured(), 100.0 * insured / persons,
                "Luo 2020, §2.9.4: medical insurance coverage 98.7% (August 2012)"));
        out.put("employees_pct_of_insured", entry(t.employees(), employeesShareOfInsured(),
                "DECISION, " + DOCS + " (the sources give no share of employees)"));
        out.put("visits_per_person", entry(t.visitsPerPerson(), visitsPerPerson(),
                "DECISION, " + DOCS + " (the sources give no utilisation)"));
        out.put("oop_per_capita_yuan", oop(t));
        funds(out, t.funds());
        out.put("counts", counts());
        return out;
    }

    private Map<String, Object> oop(Region.Targets t) {
        Map<String, Object> oop = entry(t.oop(), oopPerCapita(),
                "Luo 2020, Table 4-1: medical expenditure per capita, which counts spending outside insurance too;"
                        + " the covered visits' out-of-pocket is expected at 30-70% of it (DECISION, " + DOCS + ")");
        oop.put("sampled_persons", sampledPersons);
        oop.put("medfee_per_capita_yuan", round(medfeePerCapita()));
        oop.put("note", "psn_part_amt per capita, one household in " + OOP_SAMPLE
                + " settled with the pack of the generate run (null when none was given)");
        return oop;
    }

    /** The settled year's targets, measured on the sample (null achieved values when no pack was given). */
    private void funds(Map<String, Object> out, Region.FundTargets f) {
        String sample = "one household in " + OOP_SAMPLE + " settled with the pack of the generate run, contributions at the"
                + " illustrative average wage of " + Simulation.ILLUSTRATIVE_AVERAGE_WAGE + " yuan a month";
        out.put("resident_pooling_spent_of_income", fund(1.0, FundSums.RESIDENT_POOLING,
                "He 2020, §4.1: the basic fund is pay-as-you-go, income balancing expenditure; DECISION: the residents'"
                        + " pooling fund spends its year's income (" + DOCS + ")", sample));
        out.put("employee_pooling_spent_of_income", fund(f.employeePoolingSpentOfIncome(), FundSums.EMPLOYEE_POOLING,
                f.employeePoolingSource(), sample));
        Map<String, Object> si = fund(f.seriousIllnessClaimsOfPremium(), FundSums.SERIOUS_ILLNESS,
                f.seriousIllnessSource(), sample);
        si.put("accepted", List.of(0.95, 1.0));
        out.put("serious_illness_claims_of_premium", si);
        Map<String, Object> che = entry(f.cheHeadcountBasic20Pct(), cheHeadcountBasic20Pct(), f.cheHeadcountSource());
        che.put("sampled_households", sampledHouseholds);
        double p = cheHeadcountBasic20Pct() / 100;
        uncertainty(che, 100 * p, sampledHouseholds < 2 ? Double.NaN : 100 * Math.sqrt(p * (1 - p) / sampledHouseholds));
        che.put("note", "share of households whose out-of-pocket spending under basic insurance only exceeds 20% of"
                + " their non-food spending; " + sample);
        out.put("che_headcount_basic_20_pct", che);
    }

    private Map<String, Object> fund(double target, String fund, String source, String sample) {
        double ratio = spentOfIncome(fund);
        Map<String, Object> m = entry(target, ratio, source);
        Map<String, Long> f = sampledFunds.funds().get(fund);
        m.put("income_yuan", sampledHouseholds == 0 ? null : f.get("income_fen") / 100.0);
        m.put("expenditure_yuan", sampledHouseholds == 0 ? null : f.get("expenditure_fen") / 100.0);
        double se = Double.isNaN(ratio) ? Double.NaN
                : spreads[List.of(RATIOS).indexOf(fund)].standardError(ratio, sampledHouseholds, f.get("income_fen") / 100.0);
        uncertainty(m, ratio, se);
        m.put("note", sample + "; the interval is the sample's (ratio ± 1.96 standard errors over households)");
        return m;
    }

    /**
     * The sample's standard error of an achieved value and its 95% interval, achieved ± 1.96 standard errors, not
     * below 0 (the values are ratios and shares of amounts that are never negative); null when nothing was settled.
     */
    private static void uncertainty(Map<String, Object> m, double achieved, double se) {
        boolean none = Double.isNaN(se);
        m.put("standard_error", none ? null : round(se));
        m.put("interval_95", none ? null : List.of(round(Math.max(0, achieved - 1.96 * se)), round(achieved + 1.96 * se)));
    }

    private Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("insured", insured);
        counts.put("uninsured", uninsured);
        counts.put("employees", employees);
        counts.put("retired", retired);
        for (Category c : Category.values()) counts.put(c.key, categories[c.ordinal()]);
        for (VisitType v : VisitType.values()) counts.put("visits_" + v.key, visits[v.ordinal()]);
        return counts;
    }

    private static Map<String, Object> entry(double target, double achieved, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", round(target));
        m.put("achieved", round(achieved));
        m.put("source", source);
        return m;
    }

    private static Double round(double x) {
        return Double.isNaN(x) ? null : Math.round(x * 10_000) / 10_000.0;
    }
}
