package org.openyibao.sim.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's fund totals from {@code run.json} (docs/sim.md): income and expenditure per fund, in the
 * order given. The usual keys are the constants below (ledger fund names, docs/ledger.md); other
 * keys are shown as they are. {@code insurer} is the serious-illness insurer's year under its contract,
 * or null when the run does not record one; {@code hospitals} its institutions' pooling-fund payments and the hospital
 * budget rules (docs/sim.md#hospital-budgets), or null when the run does not record them.
 */
public record FundTotals(Map<String, FundFlow> funds, InsurerFigures insurer, HospitalFigures hospitals) {

    /** Basic pooling fund of the residents' scheme (居民医保统筹基金). */
    public static final String RESIDENT_POOLING = "resident_pooling";
    /** Basic pooling fund of the employees' scheme (职工医保统筹基金). */
    public static final String EMPLOYEE_POOLING = "employee_pooling";
    /** Serious-illness insurance (大病保险). */
    public static final String SERIOUS_ILLNESS = "serious_illness";
    /** Medical assistance (医疗救助). */
    public static final String ASSISTANCE = "assistance";

    public FundTotals {
        funds = Collections.unmodifiableMap(new LinkedHashMap<>(funds));
    }

    /** Totals without the institutions. */
    public FundTotals(Map<String, FundFlow> funds, InsurerFigures insurer) {
        this(funds, insurer, null);
    }

    /** Totals without the insurer's year or the institutions. */
    public FundTotals(Map<String, FundFlow> funds) {
        this(funds, null, null);
    }

    /** These totals with the institutions' year. */
    public FundTotals withHospitals(HospitalFigures h) {
        return new FundTotals(funds, insurer, h);
    }

    /** The four funds the report expects, in the usual order. */
    public static FundTotals of(FundFlow residentPooling, FundFlow employeePooling, FundFlow seriousIllness,
                                FundFlow assistance) {
        Map<String, FundFlow> m = new LinkedHashMap<>();
        m.put(RESIDENT_POOLING, residentPooling);
        m.put(EMPLOYEE_POOLING, employeePooling);
        m.put(SERIOUS_ILLNESS, seriousIllness);
        m.put(ASSISTANCE, assistance);
        return new FundTotals(m);
    }

    /** The fund's flow, or zero income and expenditure when the run has no such fund. */
    public FundFlow get(String fund) {
        return funds.getOrDefault(fund, new FundFlow(0, 0));
    }
}
