package org.openyibao.engine.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One scheme's basic-insurance rules in force over an interval: which tiers pay and in which order,
 * eligibility, the inpatient deductible and ratios by level, the annual cap, large-amount cover,
 * special outpatient diseases, residents' outpatient cover and what the individual account may pay.
 * Immutable, shared by every thread that settles; a value the pack does not set is null.
 */
public final class SchemeRules {
    private static final int LEVELS = Level.values().length;

    private final Scheme scheme;
    private final List<Tier> tiers;
    private final Set<Tier> tierSet;
    private final Cited tiersCited;
    private final int waitingMonths;
    private final Cited waitingCited;
    private final boolean arrearsSuspend;
    private final Cited arrearsCited;
    private final Amount[] deductible;
    private final DeductibleBasis deductibleBasis;
    private final Cited deductibleBasisCited;
    private final Ratio[][] ratio;
    private final Amount[] annualCap;
    private final Ratio[] largeRatio;
    private final Amount[] largeLimit;
    private final List<String> specialDiseases;
    private final Cited specialDiseasesCited;
    private final SpecialDeductibleBasis specialDeductibleBasis;
    private final Cited specialDeductibleBasisCited;
    private final OutpatientRules outpatient;
    private final boolean accountCoversSelfPay;
    private final Cited accountCoversSelfPayCited;

    SchemeRules(Draft d) {
        this.scheme = d.scheme;
        this.tiers = List.copyOf(d.tiers);
        this.tierSet = tiers.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(tiers);
        this.tiersCited = d.tiersCited;
        this.waitingMonths = d.waitingMonths;
        this.waitingCited = d.waitingCited;
        this.arrearsSuspend = d.arrearsSuspend;
        this.arrearsCited = d.arrearsCited;
        this.deductible = d.deductible.clone();
        this.deductibleBasis = d.deductibleBasis;
        this.deductibleBasisCited = d.deductibleBasisCited;
        this.ratio = new Ratio[d.ratio.length][];
        for (int i = 0; i < ratio.length; i++) ratio[i] = d.ratio[i].clone();
        this.annualCap = d.annualCap.clone();
        this.largeRatio = d.largeRatio.clone();
        this.largeLimit = d.largeLimit.clone();
        this.specialDiseases = List.copyOf(d.specialDiseases);
        this.specialDiseasesCited = d.specialDiseasesCited;
        this.specialDeductibleBasis = d.specialDeductibleBasis;
        this.specialDeductibleBasisCited = d.specialDeductibleBasisCited;
        this.outpatient = d.outpatient;
        this.accountCoversSelfPay = d.accountCoversSelfPay;
        this.accountCoversSelfPayCited = d.accountCoversSelfPayCited;
    }

    public Scheme scheme() { return scheme; }

    /** The tiers that pay, in the order they pay. */
    public List<Tier> tiers() { return tiers; }

    public Cited tiersCited() { return tiersCited; }

    public boolean has(Tier t) {
        return tierSet.contains(t);
    }

    /** Months after contributions start before benefits do (0: none). */
    public int waitingMonths() { return waitingMonths; }

    public Cited waitingCited() { return waitingCited; }

    public boolean arrearsSuspend() { return arrearsSuspend; }

    public Cited arrearsCited() { return arrearsCited; }

    /** The inpatient deductible at the level, or null when the scheme has no inpatient rules there. */
    public Amount deductible(Level level) { return deductible[level.ordinal()]; }

    public DeductibleBasis deductibleBasis() { return deductibleBasis; }

    public Cited deductibleBasisCited() { return deductibleBasisCited; }

    /** The inpatient pooling ratio, or null when the scheme has none at the level. */
    public Ratio ratio(Employment employment, Level level) { return ratio[employment.ordinal()][level.ordinal()]; }

    /** The basic pooling fund's annual cap. */
    public Amount annualCap(Contribution level) { return annualCap[level.ordinal()]; }

    /** Large-amount cover's share of the cost above the basic cap at the level (null: 0). */
    public Ratio largeRatio(Level level) { return largeRatio[level.ordinal()]; }

    public Amount largeLimit(Contribution level) { return largeLimit[level.ordinal()]; }

    public boolean isSpecialDisease(String[] diagnoses) {
        return Diagnoses.anyMatches(specialDiseases, diagnoses);
    }

    public Cited specialDiseasesCited() { return specialDiseasesCited; }

    public SpecialDeductibleBasis specialDeductibleBasis() { return specialDeductibleBasis; }

    public Cited specialDeductibleBasisCited() { return specialDeductibleBasisCited; }

    /** Residents' general outpatient cover, or null when the pack has none. */
    public OutpatientRules outpatient() { return outpatient; }

    public boolean accountCoversSelfPay() { return accountCoversSelfPay; }

    public Cited accountCoversSelfPayCited() { return accountCoversSelfPayCited; }

    /** The values as the compiler finds them; copied into an immutable {@link SchemeRules}. */
    static final class Draft {
        Scheme scheme;
        List<Tier> tiers = List.of();
        Cited tiersCited;
        int waitingMonths;
        Cited waitingCited;
        boolean arrearsSuspend;
        Cited arrearsCited;
        final Amount[] deductible = new Amount[LEVELS];
        DeductibleBasis deductibleBasis;
        Cited deductibleBasisCited;
        final Ratio[][] ratio = new Ratio[Employment.values().length][LEVELS];
        final Amount[] annualCap = new Amount[Contribution.values().length];
        final Ratio[] largeRatio = new Ratio[LEVELS];
        final Amount[] largeLimit = new Amount[Contribution.values().length];
        List<String> specialDiseases = List.of();
        Cited specialDiseasesCited;
        SpecialDeductibleBasis specialDeductibleBasis = SpecialDeductibleBasis.VISIT;
        Cited specialDeductibleBasisCited;
        OutpatientRules outpatient;
        boolean accountCoversSelfPay;
        Cited accountCoversSelfPayCited;

        boolean has(Tier t) {
            return tiers.contains(t);
        }
    }
}
