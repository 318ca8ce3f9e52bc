package org.openyibao.sim.population;

import java.util.List;
import java.util.Map;

/**
 * The facts a synthetic region is calibrated to. Districts carry their registered population, age
 * shares and designated hospitals; {@code targets} are the region-wide values region.json reports.
 * Immutable: the arrays are copied in and out, so a caller cannot change a region that {@link #KNOWN}
 * shares with every generator in the JVM.
 */
public record Region(String name, String admdvs, List<District> districts, Targets targets, Care care) {

    public Region {
        districts = List.copyOf(districts);
    }

    /**
     * A district (county, county-level city or urban district). {@code ageShares} for &lt;18, 18–34,
     * 35–59, 60+; {@code hospitals} designated hospitals for level3, level2, level1, township.
     */
    public record District(String name, String admdvs, long registered, double[] ageShares, boolean urban,
                           int[] hospitals) {
        public District {
            ageShares = ageShares.clone();
            hospitals = hospitals.clone();
        }

        @Override public double[] ageShares() { return ageShares.clone(); }

        @Override public int[] hospitals() { return hospitals.clone(); }
    }

    /**
     * Region-wide calibration targets; money per capita in yuan (sampling is in doubles, storage in fen).
     * {@code funds} are the targets the settled year is calibrated to (docs/sim.md#calibration).
     */
    public record Targets(long permanentPopulation, double householdSize, double[] ageShares, double agricultural,
                          double income, double spending, double food, double oop, double visitsPerPerson,
                          double insured, double employees, FundTargets funds) {
        public Targets {
            ageShares = ageShares.clone();
        }

        @Override public double[] ageShares() { return ageShares.clone(); }
    }

    /**
     * What the settled year should look like, each a ratio or a percentage with its published source:
     * the employees' pooling fund's expenditure ÷ its income, serious-illness claims ÷ the insurer's premium,
     * and the share of households with catastrophic health expenditure at z = 20% under basic insurance only.
     */
    public record FundTargets(double employeePoolingSpentOfIncome, String employeePoolingSource,
                              double seriousIllnessClaimsOfPremium, String seriousIllnessSource,
                              double cheHeadcountBasic20Pct, String cheHeadcountSource) {}

    /**
     * The care numbers the generator is calibrated with to reach {@link FundTargets} (DECISIONs: the sources
     * give no utilisation or cost data; docs/sim.md#calibration says how each was set). Costs in yuan;
     * per-level arrays are village, township, level1, level2, level3.
     *
     * @param inpatientCost          mean cost of an ordinary admission by level
     * @param inpatientSigma         its log-spread by level
     * @param seriousShare           share of admissions that are for a serious illness, by level (aged 35 and
     *                               over ×1.5, younger ×0.3)
     * @param seriousCost            mean cost of one admission for a serious illness (cancer, renal failure, stroke)
     * @param seriousSigma           its log-spread
     * @param seriousCourse          further admissions, on average, in the year a serious illness is treated
     *                               (a course of treatment, not one stay)
     * @param employeeAdmissions     employees' admissions a year relative to residents of their age
     * @param employeeInpatientLevels where employees are admitted (residents: the generator's own shares)
     * @param employeesIncomeGradient how much likelier a member of a richer household is an employee: the chance
     *                               is multiplied by exp(βz − β²/2) for the household's income score z (1 on average)
     */
    public record Care(double[] inpatientCost, double[] inpatientSigma, double[] seriousShare, double seriousCost, double seriousSigma, double seriousCourse,
                       double employeeAdmissions, double[] employeeInpatientLevels,
                       double employeesIncomeGradient) {
        public Care {
            inpatientCost = inpatientCost.clone();
            inpatientSigma = inpatientSigma.clone();
            seriousShare = seriousShare.clone();
            employeeInpatientLevels = employeeInpatientLevels.clone();
        }

        @Override public double[] inpatientCost() { return inpatientCost.clone(); }

        @Override public double[] inpatientSigma() { return inpatientSigma.clone(); }

        @Override public double[] seriousShare() { return seriousShare.clone(); }

        @Override public double[] employeeInpatientLevels() { return employeeInpatientLevels.clone(); }
    }

    /** The known regions by name. Zhanjiang's is built by a method with no static state (no initialisation order). */
    public static final Map<String, Region> KNOWN = Map.of("zhanjiang", Zhanjiang.region());
}
