package org.openyibao.engine.policy;

import java.util.List;

/**
 * Residents' serious-illness insurance (seed 003): marginal bands on the year's cumulative in-scope
 * self-pay per poverty category, a cap on basic + serious-illness payments together and optionally
 * on serious illness alone, whether general outpatient costs count, and the children's rule.
 */
public final class SeriousIllnessRules {
    /**
     * Children up to {@code maxAge} with a named serious illness: a higher pooling ratio, no
     * deductible, and the assistance fund adding a share (seed 003 L1056).
     */
    public record ChildrenRule(int maxAge, Cited maxAgeCited, List<String> diagnoses, Cited diagnosesCited,
                               Ratio poolingRatio, Ratio assistanceRatio) {
        public ChildrenRule {
            diagnoses = List.copyOf(diagnoses);
        }

        public boolean covers(String[] visitDiagnoses) {
            return Diagnoses.anyMatches(diagnoses, visitDiagnoses);
        }
    }

    private final Bands[] bands;
    private final Amount[][] combinedCap;
    private final Amount[][] annualCap;
    private final boolean includeGeneralOutpatient;
    private final Cited includeGeneralOutpatientCited;
    private final ChildrenRule children;

    SeriousIllnessRules(Bands[] bands, Amount[][] combinedCap, Amount[][] annualCap, boolean includeGeneralOutpatient,
                        Cited includeGeneralOutpatientCited, ChildrenRule children) {
        this.bands = bands.clone();
        this.combinedCap = deepCopy(combinedCap);
        this.annualCap = deepCopy(annualCap);
        this.includeGeneralOutpatient = includeGeneralOutpatient;
        this.includeGeneralOutpatientCited = includeGeneralOutpatientCited;
        this.children = children;
    }

    private static Amount[][] deepCopy(Amount[][] a) {
        Amount[][] out = new Amount[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    public Bands bands(Category category) {
        return bands[category.ordinal()];
    }

    /** The cap on basic pooling and serious illness together for the year. */
    public Amount combinedCap(Category category, Contribution level) {
        return combinedCap[category.ordinal()][level.ordinal()];
    }

    /** The cap on serious-illness payments alone ({@code Money.UNLIMITED} with no citation when the pack sets none). */
    public Amount annualCap(Category category, Contribution level) {
        return annualCap[category.ordinal()][level.ordinal()];
    }

    public boolean includeGeneralOutpatient() {
        return includeGeneralOutpatient;
    }

    public Cited includeGeneralOutpatientCited() {
        return includeGeneralOutpatientCited;
    }

    /** The children's rule, or null when the pack has none. */
    public ChildrenRule children() {
        return children;
    }
}
