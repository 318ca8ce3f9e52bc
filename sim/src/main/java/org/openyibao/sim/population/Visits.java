package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;

/**
 * A person's year of visits. Every number here is a DECISION (the seeds give no utilisation or cost
 * data); the ones calibrated to the funds and the survey are the region's ({@link Region.Care}). Settled under
 * the Zhanjiang 2018 pack (CalibrationTest, docs/sim.md#calibration): the residents' pooling fund spends about what
 * it collects, the employees' about 79% of its income (Luo 2020, §3.3.2), serious-illness claims about 97% of the
 * premium (Luo 2020, §2.9.4), and the households' catastrophic-expenditure headcount is near the survey's
 * (Luo 2020, Table 4-2).
 */
final class Visits {
    private Visits() {}

    /** Age bands 0–4, 5–17, 18–34, 35–59, 60–74, 75+. */
    static int band(int age) {
        return age < 5 ? 0 : age < 18 ? 1 : age < 35 ? 2 : age < 60 ? 3 : age < 75 ? 4 : 5;
    }

    /** DECISION: general outpatient visits a year by age band. */
    static final double[] OUTPATIENT = {1.7, 0.6, 0.5, 0.75, 1.25, 1.6};
    /** DECISION: admissions a year by age band (national 2018 ≈ 0.18; childbirth in 18–34). */
    static final double[] INPATIENT = {0.10, 0.035, 0.08, 0.09, 0.20, 0.30};
    /** DECISION: pharmacy purchases a year by age band. */
    static final double[] PHARMACY = {0.05, 0.05, 0.18, 0.28, 0.32, 0.32};
    /** DECISION: share with a special outpatient (chronic) disease by age band; they visit ≈5 times a year. */
    static final double[] CHRONIC = {0.002, 0.003, 0.01, 0.07, 0.20, 0.28};
    static final double CHRONIC_VISITS = 5;
    /** DECISION: employees see doctors and buy medicine more (their account pays); the uninsured less. */
    static final double EMPLOYEE_FACTOR = 1.3, UNINSURED_FACTOR = 0.6;

    /** DECISION: outpatient levels (village, township, level1, level2, level3), agricultural vs not. */
    static final double[][] OUTPATIENT_LEVELS = {{0.45, 0.25, 0.15, 0.10, 0.05}, {0.10, 0.15, 0.35, 0.25, 0.15}};
    static final double[] INPATIENT_LEVELS = {0, 0.30, 0.22, 0.33, 0.15};
    static final double[] CHRONIC_LEVELS = {0, 0.30, 0.30, 0.30, 0.10};

    /** DECISION: mean cost of a general outpatient visit by level, yuan, and its log-spread. */
    static final double[] OUTPATIENT_COST = {35, 70, 120, 220, 350};
    static final double[] OUTPATIENT_SIGMA = {0.6, 0.7, 0.8, 0.8, 0.9};
    static final double CHRONIC_COST = 400, CHRONIC_SIGMA = 0.7;
    /** Admissions' costs (means, log-spread) and serious illnesses are the region's: {@link Region.Care}. */
    static final double[] INPATIENT_DAYS = {0, 5, 6, 8, 10};
    static final double PHARMACY_COST = 90, PHARMACY_SIGMA = 0.8;

    static final String[] GENERAL_OUTPATIENT = {"J06.9", "J02.9", "J20.9", "J03.9", "K29.7", "K30", "M54.5", "R51",
            "L30.9", "H10.9", "A09.9", "N39.0", "M79.1", "R10.4"};
    /** Chronic diseases: all on the pack's special outpatient list (policies/zhanjiang resident.yaml, employee.yaml). */
    static final String[] CHRONIC_DX = {"I10", "I10", "I10", "E11.9", "E11.9", "I63.9", "I69.3", "J44.9", "N18.9",
            "I50.9", "G40.9", "F20.9", "B18.1", "K74.6", "M05.9"};
    static final String[] GENERAL_INPATIENT = {"J18.9", "J18.9", "K35.8", "I21.9", "K80.2", "I63.9", "N20.0", "K92.2",
            "J44.1", "I25.1", "A09.9", "E11.9", "S72.0", "S06.0"};
    static final String[] SERIOUS_DX = {"C34.9", "C16.9", "C22.0", "C50.9", "C18.9", "N18.5", "I61.9", "C91.0"};
    /** The pack's children's serious illnesses (serious_illness.yaml, seed 003 L1056). */
    static final String[] CHILD_DX = {"Q25.0", "Q21.0", "Q21.1", "C91.0"};

    static final String[] A_CODES = {"XA01", "XA02", "F001", "F002", "F005", "F006"};
    static final String[] B_CODES = {"XB01", "XB02", "XB03", "F003"};
    static final String[] C_CODES = {"XC01", "F004"};
    /** DECISION: catalogue class of a line (A, B, C) by visit type: outpatient, inpatient, pharmacy. */
    static final double[][] CLASS_SHARES = {{0.65, 0.28, 0.07}, {0.60, 0.30, 0.10}, {0.50, 0.35, 0.15}};
    /** DECISION: a class-B line gives its own self-pay-first ratio 40% of the time, else −1 (the pack's default). */
    static final int[] SELF_PAY_FIRST_PPM = {50_000, 100_000, 150_000, 200_000};
    /** DECISION: 3% of class A/B lines exceed the price limit by 5–40% of their amount. */
    static final double OVER_LIMIT = 0.03;

    static List<VisitRecord> year(SplittableRandom r, Generator g, long personId, long householdId, int district,
                                  boolean agricultural, int age, String sex, LocalDate birth, Scheme scheme,
                                  boolean insured, Category category) {
        int b = band(age);
        double factor = !insured ? UNINSURED_FACTOR : scheme == Scheme.EMPLOYEE ? EMPLOYEE_FACTOR : 1;
        List<VisitRecord> out = new ArrayList<>();
        int n = poisson(r, OUTPATIENT[b] * factor);
        for (int i = 0; i < n; i++) {
            Level level = Level.values()[Generator.pick(r, OUTPATIENT_LEVELS[agricultural ? 0 : 1])];
            double cost = Economy.lognormal(r, OUTPATIENT_COST[level.ordinal()], OUTPATIENT_SIGMA[level.ordinal()]);
            out.add(visit(r, g, VisitType.OUTPATIENT, level, district, pickOf(r, GENERAL_OUTPATIENT), 0, cost, false, null));
        }
        if (r.nextDouble() < CHRONIC[b]) {
            String dx = pickOf(r, CHRONIC_DX);
            Level level = Level.values()[Generator.pick(r, CHRONIC_LEVELS)];
            int k = poisson(r, CHRONIC_VISITS);
            for (int i = 0; i < k; i++) {
                double cost = Economy.lognormal(r, CHRONIC_COST, CHRONIC_SIGMA);
                out.add(visit(r, g, VisitType.OUTPATIENT, level, district, dx, 0, cost, false, null));
            }
        }
        admissions(r, g, out, district, age, sex, birth, insured, insured && scheme == Scheme.EMPLOYEE);
        n = poisson(r, PHARMACY[b] * factor);
        for (int i = 0; i < n; i++) {
            double cost = Economy.lognormal(r, PHARMACY_COST, PHARMACY_SIGMA);
            out.add(visit(r, g, VisitType.PHARMACY, Level.LEVEL1, district, null, 0, cost, true, null));
        }
        // date order, then ids in that order (docs/sim.md: visits sorted by date, then visit_id)
        out.sort(Comparator.comparing(VisitRecord::date));
        List<VisitRecord> sorted = new ArrayList<>(out.size());
        for (int k = 0; k < out.size() && k < 1000; k++) {
            VisitRecord v = out.get(k);
            sorted.add(new VisitRecord(personId * 1000 + k, personId, householdId, v.date(), v.type(), v.level(),
                    v.institutionCode(), v.diagnosis(), v.days(), v.emergencyCase(), v.lines(), v.clinical()));
        }
        return sorted;
    }

    /**
     * The year's admissions: by age, more for employees and at higher levels ({@link Region.Care}, calibrated to the
     * employees' pooling fund). A serious illness is a course of treatment, the first admission and on average
     * {@code seriousCourse} more at the same level (calibrated to the serious-illness claims, docs/sim.md#calibration).
     * Every admission has its clinical detail (docs/sim.md#clinical-detail): an ordinary one's condition, treatment and
     * complications set its cost relative to the level's calibrated mean ({@link AdmissionMix}).
     */
    private static void admissions(SplittableRandom r, Generator g, List<VisitRecord> out, int district, int age, String sex,
                                   LocalDate birth, boolean insured, boolean employee) {
        Region.Care care = g.care();
        int n = poisson(r, INPATIENT[band(age)] * (!insured ? UNINSURED_FACTOR : employee ? care.employeeAdmissions() : 1));
        double[] levels = employee ? g.employeeInpatientLevels() : INPATIENT_LEVELS;
        boolean female = sex.equals("F");
        for (int i = 0; i < n; i++) {
            Level level = Level.values()[Generator.pick(r, levels)];
            int l = level.ordinal();
            boolean serious = r.nextDouble() < g.seriousShare(l) * (age >= 35 ? 1.5 : 0.3);
            boolean child = !serious && age <= 14 && r.nextDouble() < 0.01;
            if (serious || child) {
                String dx = pickOf(r, child ? CHILD_DX : SERIOUS_DX);
                int stays = 1 + poisson(r, care.seriousCourse());
                for (int k = 0; k < stays; k++) {
                    double cost = Economy.lognormal(r, care.seriousCost(), care.seriousSigma());
                    int days = (int) Math.max(1, Math.round(Economy.lognormal(r, INPATIENT_DAYS[l], 0.5) * 1.8));
                    List<String> procedures = Conditions.seriousProcedures(dx, r.nextDouble());
                    Complications.Drawn comp = Complications.draw(r, band(age), dx);
                    // a solid cancer's chemotherapy stay is coded as such (Z51.1), the cancer first among the others
                    boolean chemo = procedures.equals(Conditions.CHEMOTHERAPY) && dx.startsWith("C") && !dx.startsWith("C91");
                    List<String> secondary = comp.codes();
                    if (chemo) {
                        secondary = new ArrayList<>(secondary);
                        secondary.add(0, dx);
                    }
                    VisitRecord v = visit(r, g, VisitType.INPATIENT, level, district, chemo ? Conditions.CHEMOTHERAPY_DX : dx,
                            days, cost, false, null);
                    out.add(v.with(clinical(v, birth, secondary, procedures, Stay.discharge(r, band(age), comp.severity()), 0)));
                }
                continue;
            }
            Condition c = AdmissionMix.condition(r, age, female, l);
            Condition.Treatment t = AdmissionMix.treatment(r, c);
            Complications.Drawn comp = Complications.draw(r, band(age), c.principal());
            double relative = t.relativeCost() * Complications.FACTOR[comp.severity()] / g.mix().mean(age, female, l);
            double cost = Economy.lognormal(r, g.inpatientCost(l) * relative, g.mix().sigma(age, female, l));
            int days = Stay.days(r, l, relative);
            VisitRecord v = visit(r, g, VisitType.INPATIENT, level, district, c.principal(), days, cost, false, null);
            out.add(v.with(clinical(v, birth, comp.codes(), t.procedures(), Stay.discharge(r, band(age), comp.severity()), 0)));
        }
        newborn(r, g, out, district, birth, female);
    }

    /** DECISION: a child born in the 28 days before 1 January is admitted as a newborn with this probability. */
    static final double NEWBORN_ADMISSION = 0.15;

    /**
     * A newborn's admission in its first 28 days, for the few persons born late enough in the previous year (the
     * population is the one registered on 1 January: children born during the year are not in it). Its cost is scaled
     * like an infant's ordinary admission.
     */
    private static void newborn(SplittableRandom r, Generator g, List<VisitRecord> out, int district, LocalDate birth,
                                boolean female) {
        long before = g.jan1().toEpochDay() - birth.toEpochDay();
        if (before < 0 || before >= 28 || r.nextDouble() >= NEWBORN_ADMISSION) return;
        Level level = Level.values()[Generator.pick(r, INPATIENT_LEVELS)];
        int l = level.ordinal();
        Condition c = AdmissionMix.pick(r, Conditions.NEWBORN, 0, l);
        Condition.Treatment t = AdmissionMix.treatment(r, c);
        double relative = t.relativeCost() / g.mix().mean(0, female, l);
        double cost = Economy.lognormal(r, g.inpatientCost(l) * relative, g.mix().sigma(0, female, l));
        LocalDate date = g.jan1().plusDays(r.nextInt((int) (28 - before)));
        VisitRecord v = visit(r, g, VisitType.INPATIENT, level, district, c.principal(), Stay.days(r, l, relative), cost,
                false, date);
        int weight = Stay.birthWeight(r, c.principal().startsWith("P07"));
        out.add(v.with(clinical(v, birth, List.of(), t.procedures(), Stay.discharge(r, 0, 0), weight)));
    }

    private static Clinical clinical(VisitRecord v, LocalDate birth, List<String> secondary, List<String> procedures,
                                     DischargeType discharge, int birthWeight) {
        long days = v.date().toEpochDay() - birth.toEpochDay();
        int ageDays = birth.plusYears(1).isAfter(v.date()) ? (int) Math.max(0, days) : 0;
        return new Clinical(secondary, procedures, discharge, birthWeight, ageDays);
    }

    private static VisitRecord visit(SplittableRandom r, Generator g, VisitType type, Level level, int district, String dx,
                                     int days, double costYuan, boolean pharmacy, LocalDate date) {
        LocalDate when = date != null ? date : g.jan1().plusDays(r.nextInt(g.jan1().lengthOfYear()));
        String inst = g.institution(r, district, level, pharmacy);
        int t = type == VisitType.OUTPATIENT ? 0 : type == VisitType.INPATIENT ? 1 : 2;
        int lines = type == VisitType.INPATIENT ? 3 + r.nextInt(6) : 1 + r.nextInt(type == VisitType.OUTPATIENT ? 4 : 3);
        double[] w = new double[lines];
        double sum = 0;
        for (int i = 0; i < lines; i++) sum += w[i] = -Math.log(1 - r.nextDouble());
        List<LineRecord> out = new ArrayList<>(lines);
        double total = costYuan;
        for (int i = 0; i < lines; i++) {
            long amount = Economy.fen(total * w[i] / sum);
            LineClass cls = LineClass.values()[Generator.pick(r, CLASS_SHARES[t])];
            String code = pickOf(r, cls == LineClass.A ? A_CODES : cls == LineClass.B ? B_CODES : C_CODES);
            int spf = cls == LineClass.B && r.nextDouble() < 0.4 ? SELF_PAY_FIRST_PPM[r.nextInt(SELF_PAY_FIRST_PPM.length)] : -1;
            long over = 0;
            if (cls != LineClass.C && r.nextDouble() < OVER_LIMIT) over = Math.round(amount * (0.05 + 0.35 * r.nextDouble()));
            out.add(new LineRecord(code, cls, amount, spf, over));
        }
        return new VisitRecord(0, 0, 0, when, type, level, inst, dx, days, EmergencyCase.NONE,
                List.copyOf(out));
    }

    static int poisson(SplittableRandom r, double lambda) {
        double l = Math.exp(-lambda), p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static String pickOf(SplittableRandom r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }
}
