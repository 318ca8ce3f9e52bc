package org.openyibao.engine.settlement;

import static org.openyibao.engine.settlement.SettlementField.*;

import java.util.List;
import java.util.Objects;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.Tier;

/**
 * Settles one visit of one person across every tier: a pure function of the rules in force, the
 * person, the visit and the person's year-to-date accumulators (REFERENCE §3, ARCHITECTURE). No I/O,
 * no clock, no shared state: real time, batch, simulation and the estimator call it alike.
 *
 * <p>Order (REFERENCE §3): classify lines ({@link LineClassification}); eligibility ({@link Eligibility});
 * the outpatient card's yearly credit ({@link OutpatientCard}); then the scheme's tiers in the pack's
 * order — {@link BasicPooling}, {@link LargeAmount}, {@link SeriousIllness}, {@link MedicalAssistance},
 * {@link EmergencyCover}, {@link IndividualAccount} — each saying what it pays from a line group and
 * why; cash pays the rest. The run loop owns the state and applies what each tier returns, checking
 * the {@link Invariants} as it goes. Money is fen; each tier rounds half-up once.
 *
 * <p>For an emergency case (REFERENCE §7 DECISION) the comorbidity lines are settled first, as an
 * ordinary visit would be, then the emergency lines through the same tiers, after which emergency
 * cover ({@code oth_pay}) takes all that remains of them.
 */
public final class SettlementEngine {
    private static final BasicPooling BASIC_POOLING = new BasicPooling();
    private static final LargeAmount LARGE_AMOUNT = new LargeAmount();
    private static final SeriousIllness SERIOUS_ILLNESS = new SeriousIllness();
    private static final MedicalAssistance MEDICAL_ASSISTANCE = new MedicalAssistance();
    private static final EmergencyCover EMERGENCY_COVER = new EmergencyCover();
    private static final IndividualAccount INDIVIDUAL_ACCOUNT = new IndividualAccount();

    private SettlementEngine() {}

    public static Settlement settle(Rules rules, Person person, Visit visit, Accumulators before, boolean trace) {
        Objects.requireNonNull(rules, "rules");
        VisitFacts facts = VisitFacts.of(rules, schemeRules(rules, person, visit), person, visit);
        return new Run(facts, before.forYear(visit.date().getYear()), trace).settle();
    }

    /** The person's scheme rules on the visit's date; null for the uninsured. */
    private static SchemeRules schemeRules(Rules rules, Person person, Visit visit) {
        if (!person.insured()) return null;
        SchemeRules scheme = rules.scheme(person.scheme());
        if (scheme == null) {
            throw new NoPolicyException("policy " + rules.region + " has no " + person.scheme().key + " rules on " + visit.date());
        }
        return scheme;
    }

    /** One settlement in progress: the year-to-date totals, the visit's totals and the trace. */
    private static final class Run {
        private final VisitFacts f;
        private final YearToDate ytd;
        private final TraceLog log;
        private VisitTotals totals;
        private Ineligibility ineligibility;
        private long cardCredit;
        private long cardPaid;

        Run(VisitFacts facts, Accumulators start, boolean trace) {
            this.f = facts;
            this.ytd = new YearToDate(start);
            this.log = trace ? new TraceLog() : TraceLog.OFF;
        }

        Settlement settle() {
            LineClassification.Classified lines = LineClassification.classify(f.rules(), f.visit(), f.emergency(), log.on());
            totals = new VisitTotals(lines.all());
            if (log.on()) {
                log.add(lines.why());
                if (f.emergency() != null) log.add(LineClassification.explainEmergency(f.emergency(), lines));
            }
            ineligibility = Eligibility.check(f);
            if (log.on()) log.add(Eligibility.explain(f, ineligibility));
            if (ineligibility == null) creditCard();
            settleGroup(lines.ordinary(), false);
            if (f.emergency() != null) settleGroup(lines.emergency(), true);
            return finish();
        }

        private void creditCard() {
            OutpatientCard.Credit credit = OutpatientCard.creditDue(f, ytd, log.on());
            if (credit == null) return;
            ytd.cardBalance = credit.balanceAfter();
            ytd.cardYear = ytd.year;
            cardCredit = credit.credit();
            if (log.on()) log.add(credit.why());
        }

        /** Pays one line group through the tiers, checks what they paid and adds it to the visit's totals. */
        private void settleGroup(LineGroup group, boolean emergencyLines) {
            GroupPayments paid = new GroupPayments(group);
            boolean emergencyDone = ineligibility == null && payTiers(paid, group, emergencyLines);
            if (!emergencyDone) coverEmergency(paid, emergencyLines);
            Invariants.fundsWithinScope(group, paid);
            Invariants.cashNotNegative(group, paid);
            totals.add(paid);
        }

        /**
         * The scheme's tiers in the pack's order; emergency cover always before the account. True once
         * emergency cover has had its turn.
         */
        private boolean payTiers(GroupPayments paid, LineGroup group, boolean emergencyLines) {
            boolean emergencyDone = false;
            List<Tier> tiers = f.scheme().tiers();
            for (int i = 0; i < tiers.size(); i++) {
                switch (tiers.get(i)) {
                    case ELIGIBILITY -> { }
                    case BASIC_POOLING -> apply(paid, BASIC_POOLING.pay(f, group, totals.deductible, ytd, log.on()));
                    case LARGE_AMOUNT -> applyLargeAmount(paid, LARGE_AMOUNT.pay(f, paid, ytd, log.on()));
                    case SERIOUS_ILLNESS -> apply(paid, SERIOUS_ILLNESS.pay(f, paid, ytd, log.on()));
                    case MEDICAL_ASSISTANCE -> apply(paid, MEDICAL_ASSISTANCE.pay(f, paid, ytd, log.on()));
                    case EMERGENCY_COVER -> emergencyDone = coverEmergency(paid, emergencyLines);
                    case INDIVIDUAL_ACCOUNT -> {
                        if (!emergencyDone) emergencyDone = coverEmergency(paid, emergencyLines);
                        applyAccount(paid, INDIVIDUAL_ACCOUNT.pay(f, paid, ytd, log.on()));
                    }
                }
            }
            return emergencyDone;
        }

        private void apply(GroupPayments paid, PoolingPayment p) {
            paid.deductible = p.deductible();
            paid.pooling = p.pays();
            paid.poolingRatio = p.ratio();
            paid.cappedMicro = p.cappedMicro();
            long before = ytd.poolingPaid;
            ytd.poolingPaid += p.pays();
            Invariants.capKept("the basic annual cap", before, ytd.poolingPaid, f.scheme().annualCap(f.contribution()).fen());
            switch (p.counts()) {
                case INPATIENT -> ytd.deductiblePaid += p.deductible();
                case SPECIAL_OUTPATIENT -> ytd.specialDeductiblePaid += p.deductible();
                case NONE -> { }
            }
            ytd.cardBalance -= p.fromCard();
            cardPaid += p.fromCard();
            Invariants.notOverdrawn("the outpatient card", ytd.cardBalance);
            if (p.township() > 0) {
                long township = ytd.townshipOutpatientPaid;
                ytd.townshipOutpatientPaid += p.township();
                Invariants.capKept("the township outpatient limit", township, ytd.townshipOutpatientPaid,
                        f.scheme().outpatient().townshipLimit().fen());
            }
            if (log.on()) log.add(p.why());
        }

        private void applyLargeAmount(GroupPayments paid, Payment p) {
            paid.largeAmount = p.pays();
            long before = ytd.largeAmountPaid;
            ytd.largeAmountPaid += p.pays();
            Invariants.capKept("the large-amount yearly limit", before, ytd.largeAmountPaid,
                    f.scheme().largeLimit(f.contribution()).fen());
            if (log.on()) log.add(p.why());
        }

        private void apply(GroupPayments paid, SeriousIllnessPayment p) {
            paid.seriousIllness = p.pays();
            long before = ytd.seriousIllnessPaid;
            ytd.seriousIllnessBase += p.baseIncrement();
            ytd.seriousIllnessPaid += p.pays();
            var si = f.rules().seriousIllness;
            Invariants.capKept("the combined basic + serious-illness cap", ytd.poolingPaid + before,
                    ytd.poolingPaid + ytd.seriousIllnessPaid, si.combinedCap(f.category(), f.contribution()).fen());
            Invariants.capKept("the serious-illness cap", before, ytd.seriousIllnessPaid,
                    si.annualCap(f.category(), f.contribution()).fen());
            if (log.on()) log.add(p.why());
        }

        private void apply(GroupPayments paid, AssistancePayment p) {
            paid.assistance = p.pays();
            long before = ytd.assistancePaid;
            ytd.assistancePaid += p.pays();
            ytd.assistanceBase += p.baseIncrement();
            var rule = f.rules().assistance == null ? null : f.rules().assistance.of(f.category());
            if (rule != null) Invariants.capKept("the assistance yearly cap", before, ytd.assistancePaid, rule.annualCap().fen());
            if (log.on()) {
                log.add(p.childWhy());
                log.add(p.why());
            }
        }

        /** Emergency cover for the emergency lines (a no-op for other lines); true once it has had its turn. */
        private boolean coverEmergency(GroupPayments paid, boolean emergencyLines) {
            if (!emergencyLines) return true;
            Payment p = EMERGENCY_COVER.pay(f.emergency(), paid, log.on());
            paid.emergency = p.pays();
            ytd.emergencyPaid += p.pays();
            if (log.on()) log.add(p.why());
            return true;
        }

        private void applyAccount(GroupPayments paid, Payment p) {
            paid.account = p.pays();
            ytd.accountBalance -= p.pays();
            Invariants.notOverdrawn("the individual account", ytd.accountBalance);
            if (log.on()) log.add(p.why());
        }

        private Settlement finish() {
            Invariants.require(totals.funds() + totals.account + totals.cash == totals.lines.total(),
                    "payers sum to the total: funds + account + cash = medfee_sumamt");
            if (log.on()) log.add(explainCash());
            return toSettlement();
        }

        private TraceEntry explainCash() {
            return TraceLog.entry("cash", "the person pays " + Money.format(totals.cash) + " in cash ("
                    + Money.format(totals.lines.total()) + " − funds " + Money.format(totals.funds()) + " − account "
                    + Money.format(totals.account) + ")", TraceWords.of("cash").fen("cash", totals.cash)
                    .fen("total", totals.lines.total()).fen("funds", totals.funds()).fen("account", totals.account),
                    totals.cash);
        }

        private Settlement toSettlement() {
            LineGroup lines = totals.lines;
            return Settlement.builder().set(MEDFEE_SUMAMT, lines.total()).set(FULAMT_OWNPAY_AMT, lines.fullySelfPaid())
                    .set(OVERLMT_SELFPAY, lines.overLimit()).set(PRESELFPAY_AMT, lines.selfPayFirst())
                    .set(INSCP_SCP_AMT, lines.inScope()).set(ACT_PAY_DEDC, totals.deductible).set(HIFP_PAY, totals.pooling)
                    .set(POOL_PROP_SELFPAY, totals.poolingRatio).set(HIFOB_PAY, totals.largeAmount)
                    .set(HIFMI_PAY, totals.seriousIllness).set(MAF_PAY, totals.assistance).set(OTH_PAY, totals.emergency)
                    .set(ACCT_PAY, totals.account).set(PSN_CASH_PAY, totals.cash).set(BALC, ytd.accountBalance)
                    .ineligibility(ineligibility).outpatientCardCredit(cardCredit)
                    .outpatientCardPaid(cardPaid).after(ytd.toAccumulators())
                    .trace(log.entries()).build();
        }
    }
}
