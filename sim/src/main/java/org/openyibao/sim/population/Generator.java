package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.sim.population.Region.District;

/**
 * The synthetic region: a pure, streaming generator of households with their members and a year of
 * visits (docs/sim.md "Generator"). Household {@code i} depends only on (seed, i): its random numbers
 * come from a {@link SplittableRandom} seeded from both, so any part can be made alone, on any thread,
 * with the same result. Sizes follow a fixed low-discrepancy sequence, so the number of households for
 * {@code persons} is known up front and the total is exactly {@code persons}.
 */
public final class Generator {
    /**
     * region.json's "generator": changes when the same seed makes another region. 2: the fund calibration
     * (docs/sim.md#calibration), serious illness as a course of treatment, employees' admissions and income gradient.
     * 3: admissions' clinical detail (docs/sim.md#clinical-detail): condition, treatment, complications, discharge.
     */
    public static final String VERSION = "3";
    public static final int DEFAULT_PART_HOUSEHOLDS = 100_000;

    private final Region region;
    private final int year;
    private final long seed;
    private final long persons;
    private final int partHouseholds;
    private final long households;
    private final int lastSize;
    private final long[] partFirstPerson;
    private final Institutions institutions;
    private final double[] districtWeights;
    private final double[][] headAges;
    private final double[][] otherAges;
    private final Economy economy;
    private final LocalDate jan1;
    /** the region's care numbers, their arrays copied once here (Visits reads them for every admission) */
    private final Region.Care care;
    private final double[] inpatientCost, inpatientSigma, seriousShare, employeeInpatientLevels;
    /** the admission mix's cost normalisers for the region's spreads */
    private final AdmissionMix mix;

    public Generator(Region region, int year, long seed, long persons, int partHouseholds) {
        if (persons <= 0) throw new IllegalArgumentException("persons must be positive");
        if (partHouseholds <= 0) throw new IllegalArgumentException("households per part must be positive");
        this.region = region;
        this.year = year;
        this.seed = seed;
        this.persons = persons;
        this.partHouseholds = partHouseholds;
        this.jan1 = LocalDate.of(year, 1, 1);
        // one pass over the size sequence: household count and the first person id of every part
        List<Long> firsts = new ArrayList<>();
        long cum = 0, i = 0;
        int last = 0;
        while (cum < persons) {
            if (i % partHouseholds == 0) firsts.add(cum + 1);
            last = (int) Math.min(sequenceSize(i), persons - cum);
            cum += last;
            i++;
        }
        households = i;
        lastSize = last;
        partFirstPerson = firsts.stream().mapToLong(Long::longValue).toArray();
        institutions = new Institutions(region);
        districtWeights = new double[region.districts().size()];
        headAges = new double[districtWeights.length][];
        otherAges = new double[districtWeights.length][];
        for (int d = 0; d < districtWeights.length; d++) {
            District di = region.districts().get(d);
            districtWeights[d] = di.registered();
            double[] share = Arrays.stream(di.ageShares()).map(x -> x / 100).toArray();
            headAges[d] = HEAD_AGES.clone();
            // non-heads take what the heads leave of each age group: share = h·head + (1 − h)·other
            double h = 1 / region.targets().householdSize();
            otherAges[d] = new double[4];
            for (int g = 0; g < 4; g++) otherAges[d][g] = Math.max(0, (share[g] - h * HEAD_AGES[g]) / (1 - h));
        }
        economy = new Economy(region);
        care = region.care();
        inpatientCost = care.inpatientCost();
        inpatientSigma = care.inpatientSigma();
        seriousShare = care.seriousShare();
        employeeInpatientLevels = care.employeeInpatientLevels();
        mix = new AdmissionMix(inpatientSigma);
    }

    public Region region() { return region; }
    public int year() { return year; }
    public long seed() { return seed; }
    public long persons() { return persons; }
    public long householdCount() { return households; }
    public int parts() { return partFirstPerson.length; }
    public List<Institution> institutions() { return institutions.all; }

    /** The households of part {@code k} in order, made one at a time (bounded memory). */
    public Iterator<Household> part(int k) {
        if (k < 0 || k >= parts()) throw new IndexOutOfBoundsException("part " + k + " of " + parts());
        long from = (long) k * partHouseholds;
        long to = Math.min(households, from + partHouseholds);
        return new Iterator<>() {
            long next = from;
            long person = partFirstPerson[k];

            @Override public boolean hasNext() { return next < to; }

            @Override public Household next() {
                if (next >= to) throw new NoSuchElementException();
                Household h = household(next++, person);
                person += h.size();
                return h;
            }
        };
    }

    /** Every household of the region, part after part. */
    public Iterator<Household> households() {
        return new Iterator<>() {
            int k = 0;
            Iterator<Household> it = part(0);

            @Override public boolean hasNext() {
                while (!it.hasNext() && k + 1 < parts()) it = part(++k);
                return it.hasNext();
            }

            @Override public Household next() {
                if (!hasNext()) throw new NoSuchElementException();
                return it.next();
            }
        };
    }

    // ---------------------------------------------------------------- households

    /**
     * DECISION: household sizes 1..9 with shares giving a mean of 4.06 (seed 003 L1001: 8,389,362 registered
     * in 2.064 million households); the shape (most households of 3–5) is ours.
     */
    private static final double[] SIZE_SHARES = {0.08, 0.14, 0.17, 0.22, 0.18, 0.11, 0.06, 0.03, 0.01};
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    /** Size of household {@code i} from the quantile frac((i+1)·φ): a deterministic, evenly spread sequence. */
    static int sequenceSize(long i) {
        double u = ((i + 1) * GOLDEN) % 1.0;
        double c = 0;
        for (int s = 0; s < SIZE_SHARES.length; s++) {
            c += SIZE_SHARES[s];
            if (u < c) return s + 1;
        }
        return SIZE_SHARES.length;
    }

    /** DECISION: the head of a household is an adult: 18–34 30%, 35–59 50%, 60+ 20%. */
    private static final double[] HEAD_AGES = {0, 0.30, 0.50, 0.20};

    private Household household(long index, long firstPersonId) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        long id = index + 1;
        int size = index == households - 1 ? lastSize : sequenceSize(index);
        int d = pick(r, districtWeights);
        District district = region.districts().get(d);
        boolean agricultural = r.nextDouble() < economy.agriculturalShare[district.urban() ? 1 : 0];
        Economy.Budget b = economy.budget(r, agricultural, size);
        List<Member> members = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            int group = pick(r, m == 0 ? headAges[d] : otherAges[d]);
            members.add(member(r, firstPersonId + m, id, d, agricultural, group, b));
        }
        return new Household(id, district.name(), agricultural, size, b.incomeFen(), b.spendingFen(), b.foodFen(),
                List.copyOf(members));
    }

    // ---------------------------------------------------------------- persons

    /** DECISION (not in the seeds): 51.5% men, Guangdong's census sex ratio of about 106. */
    private static final double MALE = 0.515;
    /** seed 003 L1119, L1129: medical insurance coverage 98.7% (2012): 1.3% uninsured. */
    private static final double UNINSURED = 0.013;
    /**
     * DECISION: employees (UEBMI) among the insured by age and registration, giving ≈17% of the insured once the
     * region's income gradient (Region.Care#employeesIncomeGradient, whose cap at 1 lowers the average) is applied
     * (employees are a minority in a largely agricultural city; national 2018: 316.8 of 1,344.6 million insured,
     * 24%, urban-heavy). Children and students (under 23 mostly) are residents.
     */
    private static final double EMPLOYEE_WORKING_URBAN = 0.56, EMPLOYEE_WORKING_RURAL = 0.15;
    private static final double EMPLOYEE_OLD_URBAN = 0.44, EMPLOYEE_OLD_RURAL = 0.06;
    /** DECISION: contributions in arrears (benefits suspended). */
    private static final double ARREARS = 0.01;
    /** DECISION: in-service employees whose contributions started this year (seventh-month waiting period). */
    private static final double NEW_EMPLOYEES = 0.03;

    private Member member(SplittableRandom r, long personId, long householdId, int district, boolean agricultural,
                          int group, Economy.Budget budget) {
        Category householdCategory = budget.category();
        int age = switch (group) {
            case 0 -> r.nextInt(18);
            case 1 -> 18 + r.nextInt(17);
            case 2 -> 35 + r.nextInt(25);
            default -> 60 + (int) Math.min(40, -Math.log(1 - r.nextDouble()) * 11); // DECISION: old age ~ 60 + Exp(mean 11)
        };
        LocalDate birth = jan1.minusYears(age + 1L).plusDays(1 + r.nextInt(365));
        String sex = r.nextDouble() < MALE ? "M" : "F";
        boolean insured = r.nextDouble() >= UNINSURED;
        Scheme scheme = null;
        Employment employment = null;
        Contribution contribution = null;
        Category category = householdCategory;
        LocalDate since = null;
        long wage = 0, account = 0;
        boolean arrears = false;
        if (insured) {
            double p = 0;
            if (age >= 18 && age < 60) {
                p = agricultural ? EMPLOYEE_WORKING_RURAL : EMPLOYEE_WORKING_URBAN;
                if (age < 23) p *= 0.3; // students
            } else if (age >= 60) {
                p = agricultural ? EMPLOYEE_OLD_RURAL : EMPLOYEE_OLD_URBAN;
            }
            if (householdCategory != Category.GENERAL) p *= 0.2;
            // formal employment goes with income: ×exp(βz − β²/2), 1 on average over the income draws
            double beta = care.employeesIncomeGradient();
            p = Math.min(1, p * Math.exp(beta * budget.incomeScore() - beta * beta / 2));
            if (r.nextDouble() < p) {
                scheme = Scheme.EMPLOYEE;
                category = Category.GENERAL;
                // DECISION: retirement at 60; women workers at 50 (national rule), half of women 50–59 retired
                boolean retired = age >= 60 || (sex.equals("F") && age >= 50 && r.nextDouble() < 0.5);
                employment = retired ? Employment.RETIRED : Employment.IN_SERVICE;
                if (retired) {
                    since = later(LocalDate.of(2000, 1, 1), birth.plusYears(25));
                    account = Economy.fen(Economy.lognormal(r, ACCOUNT_RETIRED, 1.0));
                } else {
                    if (r.nextDouble() < NEW_EMPLOYEES) {
                        since = jan1.plusMonths(r.nextInt(10));
                    } else {
                        LocalDate start = later(LocalDate.of(2000, 1, 1), birth.plusYears(18 + r.nextInt(8)));
                        since = start.isBefore(jan1) ? start.withDayOfMonth(1) : jan1.minusYears(1);
                    }
                    // DECISION: the declared monthly wage, lognormal around 4,500 yuan (not in the seeds). The pack
                    // bounds it to the contribution base where contributions are computed (ContributionCalculator).
                    wage = Economy.fen(Economy.lognormal(r, 4_500, 0.4));
                    account = since.isBefore(jan1) ? Economy.fen(Economy.lognormal(r, ACCOUNT_IN_SERVICE, 1.0)) : 0;
                }
                arrears = r.nextDouble() < ARREARS / 2;
            } else {
                scheme = Scheme.RESIDENT;
                contribution = Contribution.CONTRIBUTION_1; // seed 003 L1129: one level from 2016
                since = later(LocalDate.of(2009, 1, 1), birth); // seed 003 L1189: the merged scheme from January 2009
                arrears = r.nextDouble() < ARREARS;
            }
        }
        List<VisitRecord> visits = Visits.year(r, this, personId, householdId, district, agricultural, age, sex, birth, scheme,
                insured, category);
        return new Member(personId, householdId, sex, birth, insured, scheme, employment, category, contribution, since,
                arrears, wage, account, visits);
    }

    /** DECISION: individual-account balance on 1 January, lognormal means in yuan. */
    private static final double ACCOUNT_IN_SERVICE = 1_500, ACCOUNT_RETIRED = 2_500;

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    // ---------------------------------------------------------------- helpers for the parts

    LocalDate jan1() { return jan1; }

    Region.Care care() { return care; }

    AdmissionMix mix() { return mix; }

    /** Mean cost of an ordinary admission at level ordinal {@code level}, yuan (the region's care numbers). */
    double inpatientCost(int level) { return inpatientCost[level]; }

    /** Log-spread of an ordinary admission's cost at level ordinal {@code level}. */
    double inpatientSigma(int level) { return inpatientSigma[level]; }

    /** Share of admissions at level ordinal {@code level} that are for a serious illness (before the age factor). */
    double seriousShare(int level) { return seriousShare[level]; }

    /** Where employees are admitted, by level ordinal: read only (Generator.pick does not write). */
    double[] employeeInpatientLevels() { return employeeInpatientLevels; }

    String institution(SplittableRandom r, int district, Level level, boolean pharmacy) {
        return institutions.pick(r, district, level, pharmacy);
    }

    static int pick(SplittableRandom r, double[] weights) {
        double sum = 0;
        for (double w : weights) sum += w;
        double u = r.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) return i;
        }
        return weights.length - 1;
    }

    /** A well-mixed 64-bit seed for household {@code index} (SplitMix64's finaliser over both inputs). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
