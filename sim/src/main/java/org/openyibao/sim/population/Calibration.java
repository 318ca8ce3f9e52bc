package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;

/**
 * What a generated region turned out to be, against its targets (region.json "calibration").
 * One per thread or part, then {@link #merge}d: every total is an integer, so the result does not
 * depend on the order of the parts. With a policy pack, one household in {@link #OOP_SAMPLE} is settled
 * through the engine to estimate the out-of-pocket spending (psn_part_amt) per capita.
 */
public final class Calibration {
    public static final int OOP_SAMPLE = 10;

    long households, persons, agriculturalPersons, insured, employees, retired, uninsured;
    long incomeFen, spendingFen, foodFen;
    final long[] ages = new long[4];
    final long[] categories = new long[Category.values().length];
    final long[] visits = new long[VisitType.values().length];
    long sampledPersons, sampledOopFen, sampledMedfeeFen;

    /** Adds a household; settles it with {@code pack} when it falls in the sample (pack may be null). */
    public void add(Household h, LocalDate jan1, PolicyPack pack) {
        households++;
        incomeFen += h.incomeFen();
        spendingFen += h.spendingFen();
        foodFen += h.foodFen();
        boolean sample = pack != null && h.householdId() % OOP_SAMPLE == 0;
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
            if (sample) {
                sampledPersons++;
                Person p = m.person();
                Accumulators acc = Accumulators.start(jan1.getYear(), m.accountBalanceFen());
                for (VisitRecord v : m.visits()) {
                    Settlement s = SettlementEngine.settle(pack.asOf(v.date()), p, v.visit(), acc, false);
                    sampledOopFen += s.psnPartAmt();
                    sampledMedfeeFen += s.medfeeSumamt();
                    acc = s.after();
                }
            }
        }
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
        sampledOopFen += o.sampledOopFen;
        sampledMedfeeFen += o.sampledMedfeeFen;
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
    /** Out-of-pocket (psn_part_amt) per capita over the settled sample, yuan; NaN without a pack. */
    public double oopPerCapita() { return sampledPersons == 0 ? Double.NaN : sampledOopFen / 100.0 / sampledPersons; }
    public double medfeePerCapita() { return sampledPersons == 0 ? Double.NaN : sampledMedfeeFen / 100.0 / sampledPersons; }

    /** The "calibration" object of region.json: each entry has its target (with source) and the value achieved. */
    public Map<String, Object> report(Region.Targets t) {
        Map<String, Object> out = new LinkedHashMap<>();
        String[] names = {"age_under_18_pct", "age_18_34_pct", "age_35_59_pct", "age_60_plus_pct"};
        for (int g = 0; g < 4; g++) out.put(names[g], entry(t.ageShares()[g], ageShare(g), "seed 003 L1008 Table 2-5"));
        out.put("household_size", entry(t.householdSize(), householdSize(), "seed 003 L1001: 8,389,362 / 2.064 million"));
        out.put("agricultural_pct", entry(t.agricultural(), agriculturalShare(), "seed 003 L1001"));
        out.put("income_per_capita_yuan", entry(t.income(), incomePerCapita(), "seed 003 L1543 Table 4-1"));
        out.put("spending_per_capita_yuan", entry(t.spending(), spendingPerCapita(), "seed 003 L1543 Table 4-1"));
        out.put("food_per_capita_yuan", entry(t.food(), foodPerCapita(), "seed 003 L1543 Table 4-1"));
        out.put("insured_pct", entry(t.insured(), 100.0 * insured / persons, "seed 003 L1119: coverage 98.7% (2012)"));
        out.put("employees_pct_of_insured", entry(t.employees(), 100.0 * employees / Math.max(1, insured),
                "DECISION docs/sim.md"));
        out.put("visits_per_person", entry(t.visitsPerPerson(), visitsPerPerson(), "DECISION docs/sim.md"));
        Map<String, Object> oop = entry(t.oop(), oopPerCapita(),
                "seed 003 L1543 Table 4-1: medical expenditure per capita, which counts spending outside insurance too;"
                        + " the covered visits' out-of-pocket is expected at 30-70% of it (docs/sim.md)");
        oop.put("sampled_persons", sampledPersons);
        oop.put("medfee_per_capita_yuan", round(medfeePerCapita()));
        oop.put("note", "psn_part_amt per capita, one household in " + OOP_SAMPLE
                + " settled with the pack of the generate run (null when none was given)");
        out.put("oop_per_capita_yuan", oop);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("insured", insured);
        counts.put("uninsured", uninsured);
        counts.put("employees", employees);
        counts.put("retired", retired);
        for (Category c : Category.values()) counts.put(c.key, categories[c.ordinal()]);
        for (VisitType v : VisitType.values()) counts.put("visits_" + v.key, visits[v.ordinal()]);
        out.put("counts", counts);
        return out;
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
