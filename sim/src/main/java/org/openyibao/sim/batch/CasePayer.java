package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.openyibao.engine.casepay.CasePayment;
import org.openyibao.engine.casepay.CaseToPay;
import org.openyibao.engine.casepay.DipCaseScore;
import org.openyibao.engine.casepay.DrgCasePayment;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * Groups and pays one worker's inpatient cases as they are settled (docs/sim.md#case-payment): the grouper of the
 * table version in force on the discharge date, then the engine's DRG payment or DIP score under the pack's rules on
 * that date. The patient's share is the settlement's, whatever the method: only what the fund owes the hospital
 * changes. A case the fund does not cover (uninsured, or settled without insurance) is left out. Not thread-safe: one
 * per worker.
 */
final class CasePayer {
    private final CasePaymentSpec spec;
    private final PolicyPack pack;
    private final CaseSums sums;
    private final Map<String, Grouper> groupers = new HashMap<>();
    private final Map<LocalDate, CasePaymentRules> rules = new HashMap<>();

    CasePayer(CasePaymentSpec spec, PolicyPack pack, CaseSums sums) {
        this.spec = spec;
        this.pack = pack;
        this.sums = sums;
    }

    /**
     * The paid case, or null when the visit is not a case of the fund's: not an admission, an uninsured patient's, or
     * one settled without insurance (arrears, the waiting period: the fund pays nothing whatever the method).
     */
    PaidCase pay(Member m, VisitRecord v, Settlement s) {
        if (!DischargedCases.isCase(v) || m.scheme() == null || !m.insured() || !s.eligible()) return null;
        LocalDate discharge = DischargedCases.discharge(v);
        long cost = DischargedCases.costFen(v);
        long fund = s.hifpPay();
        long patient = cost - fund;
        String scheme = m.scheme().key;
        if (spec.method() == PaymentMethod.FEE_FOR_SERVICE) {
            PaidCase c = new PaidCase(v.visitId(), m.personId(), v.institutionCode(), v.level().key, scheme, discharge,
                    v.days(), spec.method().key, null, null, null, 0, cost, fund, patient, "FEE_FOR_SERVICE", cost, 0);
            sums.add(c, false, false, true);
            return c;
        }
        String version = spec.versionOn(discharge).orElseThrow(() -> new IllegalArgumentException("no "
                + spec.method().key + " table version is in force on " + discharge + " in the region's grouping.yaml:"
                + " name one with --tables VERSION"));
        GroupResult g = groupers.computeIfAbsent(version, spec::grouper).group(DischargedCases.of(m, v));
        boolean emergency = v.emergencyCase() != null && v.emergencyCase() != EmergencyCase.NONE;
        CaseToPay toPay = new CaseToPay(Long.toString(v.visitId()), g, cost, v.level(), v.days(),
                v.clinical().dischargeType(), emergency, m.scheme());
        CasePaymentRules r = rules.computeIfAbsent(discharge, d -> {
            CasePaymentRules x = CasePaymentRules.of(pack, d);
            if (x == null) throw new IllegalArgumentException("the pack has no hospital.case_payment rules on " + d);
            return x;
        });
        CasePayment p = spec.method() == PaymentMethod.DRG ? DrgCasePayment.of(toPay, r) : DipCaseScore.of(toPay, r);
        long weight = !g.grouped() ? 0 : spec.method() == PaymentMethod.DRG ? g.weightPpm() : g.scorePpm();
        PaidCase c = new PaidCase(v.visitId(), m.personId(), v.institutionCode(), v.level().key, scheme, discharge,
                v.days(), spec.method().key, version, g.outcome().name(), g.code(), weight, cost, fund, patient,
                p.kind().name(), p.paymentFen(), p.pointsPpm());
        sums.add(c, g.grouped(), p.kind().outlier(), p.kind().byFee());
        return c;
    }
}
