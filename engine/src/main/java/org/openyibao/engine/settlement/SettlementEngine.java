package org.openyibao.engine.settlement;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Cited;
import org.openyibao.engine.policy.DeductibleBasis;
import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.Tier;
import org.openyibao.engine.policy.VisitType;

/**
 * Settles one visit of one person across every tier: a pure function of the rules in force,
 * the person, the visit and the person's year-to-date accumulators (REFERENCE §3, ARCHITECTURE).
 * No I/O, no clock, no shared state: real time, batch, simulation and the estimator call it alike.
 *
 * <p>Order (REFERENCE §3): classify lines; eligibility; then the scheme's tiers in the pack's
 * order (basic pooling, large amount, serious illness, medical assistance, emergency cover,
 * individual account); cash pays the rest. Money is fen; each tier rounds half-up once.
 *
 * <p>For an emergency case (REFERENCE §7 DECISION) the comorbidity lines are settled first, as an
 * ordinary visit would be, then the emergency lines through the same tiers, after which emergency
 * cover ({@code oth_pay}) takes all that remains of them.
 */
public final class SettlementEngine {
    private SettlementEngine() {}

    public static Settlement settle(Rules rules, Person person, Visit visit, Accumulators before, boolean trace) {
        Objects.requireNonNull(rules, "rules");
        return new Work(rules, person, visit, before.forYear(visit.date().getYear()), trace).run();
    }

    /** The state of one settlement in progress. */
    private static final class Work {
        final Rules rules;
        final Rules.SchemeRules sr;
        final Person person;
        final Visit visit;
        final List<TraceEntry> trace;
        final int lvl;
        final int emp;
        final int con;
        final int cat;

        // running accumulators
        final int year;
        long hifpYtd, dedYtd, specialDedYtd, townshipYtd, largeYtd, siBase, siPaid, maBase, maPaid, emergencyYtd;
        long cardBalance;
        int cardYear;
        long account;

        // visit totals
        long total, ful, over, pre, inscp, dedc, hifp, hifob, hifmi, maf, oth, acct, cash;
        int poolRatio;

        // current group (0: ordinary or comorbidity lines; 1: emergency lines)
        final long[][] groups = new long[2][5]; // total, ful, over, pre, inscp
        int g;
        long gTotal, gFul, gOver, gPre, gInscp, gDedc, gHifp, gHifob, gHifmi, gMaf, gOth, gAcct;
        /** the pooling money the annual cap stopped in this group, fen × ppm (for the large-amount tier) */
        long gCappedMicro;
        int gRatio;

        boolean eligible = true;
        Ineligibility reason;
        long cardCredit;
        Declaration emergency;
        boolean confirmed;
        boolean inpatientRules;
        boolean special;
        boolean child;

        Work(Rules rules, Person person, Visit visit, Accumulators a, boolean trace) {
            this.rules = rules;
            this.person = person;
            this.visit = visit;
            this.sr = person.insured() ? rules.scheme(person.scheme()) : null;
            if (person.insured() && sr == null) {
                throw new NoPolicyException("policy " + rules.region + " has no " + person.scheme().key
                        + " rules on " + visit.date());
            }
            this.trace = trace ? new ArrayList<>() : null;
            this.lvl = visit.level().ordinal();
            this.emp = person.employment().ordinal();
            this.con = person.contributionLevel().ordinal();
            this.cat = person.category().ordinal();
            year = a.year();
            hifpYtd = a.hifpPaid();
            dedYtd = a.deductiblePaid();
            specialDedYtd = a.specialDeductiblePaid();
            townshipYtd = a.townshipOutpatientPaid();
            largeYtd = a.largeAmountPaid();
            siBase = a.seriousIllnessBase();
            siPaid = a.seriousIllnessPaid();
            maBase = a.assistanceBase();
            maPaid = a.assistancePaid();
            emergencyYtd = a.emergencyPaid();
            cardBalance = a.cardBalance();
            cardYear = a.cardYear();
            account = a.accountBalance();
        }

        Settlement run() {
            findEmergency();
            classify();
            checkEligibility();
            creditCard();
            for (g = 0; g < 2; g++) {
                if (g == 1 && emergency == null) break;
                startGroup();
                if (eligible) {
                    boolean emergencyDone = false;
                    for (Tier t : sr.tiers) {
                        switch (t) {
                            case ELIGIBILITY -> { }
                            case BASIC_POOLING -> basicPooling();
                            case LARGE_AMOUNT -> largeAmount();
                            case SERIOUS_ILLNESS -> seriousIllness();
                            case MEDICAL_ASSISTANCE -> assistance();
                            case EMERGENCY_COVER -> {
                                emergencyCover();
                                emergencyDone = true;
                            }
                            case INDIVIDUAL_ACCOUNT -> {
                                if (!emergencyDone) emergencyCover();
                                emergencyDone = true;
                                individualAccount();
                            }
                        }
                    }
                    if (!emergencyDone) emergencyCover();
                } else {
                    emergencyCover();
                }
                endGroup();
            }
            return finish();
        }

        // ------------------------------------------------------------ classification

        void findEmergency() {
            for (Declaration d : rules.emergencies) {
                if (!d.regions().contains("all") && (rules.admdvs == null || !d.regions().contains(rules.admdvs))) continue;
                if (visit.emergencyCase() != EmergencyCase.NONE) {
                    emergency = d;
                    confirmed = visit.emergencyCase() == EmergencyCase.CONFIRMED;
                    return;
                }
                for (String dx : visit.diagnoses()) {
                    if (d.confirmedCodes().contains(dx)) {
                        emergency = d;
                        confirmed = true;
                        return;
                    }
                    if (d.suspectedCodes().contains(dx)) emergency = d;
                }
                if (emergency != null) return;
            }
        }

        void classify() {
            int b = 0;
            long bFirst = 0;
            for (FeeLine l : visit.lines()) {
                long[] grp = groups[emergency != null && !l.comorbidity() ? 1 : 0];
                long amount = l.amountFen();
                grp[0] += amount;
                if (l.lineClass() == LineClass.C) {
                    grp[1] += amount;
                    continue;
                }
                long rest = amount - l.overLimitFen();
                grp[2] += l.overLimitFen();
                if (l.lineClass() == LineClass.B) {
                    // REFERENCE §3 DECISION: self-pay-first = line amount (within the price limit) × ratio, half-up per line
                    int ratio = l.selfPayFirstPpm() >= 0 ? l.selfPayFirstPpm() : rules.defaultSelfPayFirstPpm;
                    long p = Money.applyRatio(rest, ratio);
                    grp[3] += p;
                    rest -= p;
                    b++;
                    if (l.selfPayFirstPpm() < 0) bFirst++;
                }
                grp[4] += rest;
            }
            if (trace != null) {
                long t = groups[0][0] + groups[1][0];
                StringBuilder s = new StringBuilder();
                s.append(visit.lines().length).append(" fee lines, total ").append(Money.format(t))
                        .append(": class C (fully self-paid) ").append(Money.format(groups[0][1] + groups[1][1]))
                        .append(", over price limit ").append(Money.format(groups[0][2] + groups[1][2]))
                        .append(", class B self-pay-first ").append(Money.format(groups[0][3] + groups[1][3]))
                        .append(" → in scope ").append(Money.format(groups[0][4] + groups[1][4]));
                add("classification", s.toString(), groups[0][4] + groups[1][4],
                        bFirst > 0 ? rules.defaultSelfPayFirst : null);
                if (emergency != null) {
                    add("emergency_case", (confirmed ? "confirmed" : "suspected") + " case of " + emergency.name()
                            + ": comorbidity lines " + Money.format(groups[0][0]) + " are settled first as an ordinary visit,"
                            + " then emergency lines " + Money.format(groups[1][0]), groups[1][0], emergency.cited());
                }
            }
        }

        // ------------------------------------------------------------ eligibility

        void checkEligibility() {
            if (!person.insured()) {
                eligible = false;
                reason = new Ineligibility(Ineligibility.Reason.NOT_INSURED, "not insured", null);
            } else if (sr.has(Tier.ELIGIBILITY)) {
                LocalDate since = person.enrolledSince();
                LocalDate coveredFrom = sr.waitingMonths == 0 ? since
                        : since.withDayOfMonth(1).plusMonths(sr.waitingMonths);
                if (visit.date().isBefore(since)) {
                    eligible = false;
                    reason = new Ineligibility(Ineligibility.Reason.BEFORE_ENROLMENT, "not enrolled on " + visit.date() + " (enrolled from " + since + ")", null);
                } else if (visit.date().isBefore(coveredFrom)) {
                    eligible = false;
                    // seed 003 L1060: benefits from the seventh month after payment starts (REFERENCE §3 DECISION)
                    reason = new Ineligibility(Ineligibility.Reason.WAITING_PERIOD, "waiting period: contributions started " + since + ", benefits from " + coveredFrom, sr.waitingCited);
                } else if (person.arrears() && sr.arrearsSuspend) {
                    eligible = false;
                    reason = new Ineligibility(Ineligibility.Reason.ARREARS_SUSPENDED, "benefits suspended for arrears", sr.arrearsCited);
                }
            }
            if (trace != null) {
                add("eligibility", eligible ? "eligible: " + person.scheme().key + " insured, enrolled from "
                                + person.enrolledSince() : "not eligible, settled without insurance: " + reason.explanation(), 0,
                        sr == null ? null : sr.waitingCited, sr == null ? null : sr.arrearsCited);
            }
        }

        /**
         * Residents' village outpatient card: a credit for every year since the last one, the balance
         * rolling over (seed 003 L1031). The year's credit is owed whether or not the person visited.
         */
        void creditCard() {
            if (!eligible || sr == null || !sr.hasOutpatient || cardYear >= year) return;
            long before = cardBalance;
            int years = sr.cardRollsOver && cardYear > 0 ? year - cardYear : 1;
            long credit = sr.villageCardCredit * years;
            cardBalance = (sr.cardRollsOver ? cardBalance : 0) + credit;
            cardYear = year;
            cardCredit = credit;
            if (trace != null) {
                add("outpatient_card_credit", "card credited " + Money.format(sr.villageCardCredit) + " × " + years
                        + " year" + (years == 1 ? "" : "s") + " to " + year + ": balance " + Money.format(before) + " → "
                        + Money.format(cardBalance), credit, sr.villageCardCreditCited, sr.cardRollsOverCited);
            }
        }

        // ------------------------------------------------------------ groups

        void startGroup() {
            long[] grp = groups[g];
            gTotal = grp[0];
            gFul = grp[1];
            gOver = grp[2];
            gPre = grp[3];
            gInscp = grp[4];
            gDedc = gHifp = gHifob = gHifmi = gMaf = gOth = gAcct = 0;
            gCappedMicro = 0;
            gRatio = 0;
            // a special outpatient disease is settled by the inpatient rules of the level, where the level has them
            special = sr != null && visit.type() == VisitType.OUTPATIENT && sr.deductible[lvl] >= 0
                    && sr.ratio[emp][lvl] >= 0 && sr.isSpecialDisease(visit.diagnoses());
            inpatientRules = visit.type() == VisitType.INPATIENT || special;
            Rules.SeriousIllnessRules si = rules.seriousIllness;
            child = sr != null && person.scheme() == Scheme.RESIDENT && si != null && si.hasChildrenRule && inpatientRules
                    && visit.date().isBefore(person.birthDate().plusYears(si.childMaxAge + 1L))
                    && si.isChildIllness(visit.diagnoses());
        }

        void endGroup() {
            long funds = gHifp + gHifob + gHifmi + gMaf + gOth;
            long groupCash = gTotal - funds - gAcct;
            if (groupCash < 0 || gHifp + gHifob + gHifmi + gMaf > gInscp) {
                throw new IllegalStateException("settlement invariant broken: funds exceed the in-scope amount");
            }
            total += gTotal;
            ful += gFul;
            over += gOver;
            pre += gPre;
            inscp += gInscp;
            dedc += gDedc;
            hifp += gHifp;
            hifob += gHifob;
            hifmi += gHifmi;
            maf += gMaf;
            oth += gOth;
            acct += gAcct;
            cash += groupCash;
            if (gRatio != 0 || poolRatio == 0) poolRatio = gRatio;
        }

        /** in-scope money not yet paid by a fund in this group */
        long inScopeLeft() {
            return gInscp - gHifp - gHifob - gHifmi - gMaf;
        }

        // ------------------------------------------------------------ basic pooling

        void basicPooling() {
            if (inpatientRules) {
                inpatientPooling();
            } else if (person.scheme() == Scheme.RESIDENT && visit.type() == VisitType.OUTPATIENT && sr.hasOutpatient
                    && visit.level() == Level.VILLAGE) {
                villageOutpatient();
            } else if (person.scheme() == Scheme.RESIDENT && visit.type() == VisitType.OUTPATIENT && sr.hasOutpatient
                    && visit.level() == Level.TOWNSHIP) {
                townshipOutpatient();
            } else if (trace != null) {
                add("basic_pooling", "general " + visit.type().key + " at " + visit.level().key
                        + " is not paid by the " + person.scheme().key + "s' pooling fund under this pack", 0);
            }
        }

        void inpatientPooling() {
            long deductible = sr.deductible[lvl];
            int ratio = sr.ratio[emp][lvl];
            if (deductible < 0 || ratio < 0) {
                throw new SettlementException(org.openyibao.engine.error.EngineError.NO_RULES_FOR_LEVEL, "policy " + rules.region + " has no " + person.scheme().key
                        + " inpatient rules for institution level " + visit.level().key + " on " + visit.date());
            }
            long due;
            Cited basisCited = sr.deductibleBasisCited;
            String basis;
            if (child) {
                due = 0;
                basis = "waived for a child's named serious illness";
            } else if (special) {
                basisCited = sr.specialDeductibleBasisCited;
                // "year": once a year; a visit at a higher level pays only the difference (the practice of
                // topping up the deductible on referral upward), so the order of visits can matter
                basis = "special outpatient disease, deductible per " + sr.specialDeductibleBasis;
                due = switch (sr.specialDeductibleBasis) {
                    case "none" -> 0;
                    case "year" -> Math.max(0, deductible - specialDedYtd);
                    default -> Math.max(0, deductible - dedc);
                };
            } else if (sr.deductibleBasis == DeductibleBasis.YEAR) {
                due = Math.max(0, deductible - dedYtd);
                basis = "per year, " + Money.format(dedYtd) + " already paid";
            } else {
                due = Math.max(0, deductible - dedc);
                basis = "per admission";
            }
            gDedc = Math.min(gInscp, due);
            if (special) specialDedYtd += gDedc;
            else dedYtd += gDedc;
            Cited ratioCited = sr.ratioCited[emp][lvl];
            Rules.SeriousIllnessRules si = rules.seriousIllness;
            if (child && si.childPoolingRatio > ratio) {
                ratio = si.childPoolingRatio;
                ratioCited = si.childPoolingRatioCited;
            }
            gRatio = ratio;
            long eligibleAmount = gInscp - gDedc;
            long pool = Money.applyRatio(eligibleAmount, ratio);
            long cap = sr.annualCap[con];
            long room = Money.remaining(cap, hifpYtd);
            gHifp = Math.min(pool, room);
            if (pool > room) {
                // the part of the eligible cost the cap left unpaid, kept exact for the large-amount tier
                gCappedMicro = eligibleAmount * (long) ratio - room * Money.PPM;
            }
            hifpYtd += gHifp;
            if (trace != null) {
                StringBuilder s = new StringBuilder();
                s.append("(in scope ").append(Money.format(gInscp)).append(" − deductible ").append(Money.format(gDedc))
                        .append(" [").append(basis).append("]) × ").append(Money.formatRatio(ratio)).append(" = ")
                        .append(Money.format(pool)).append("; annual cap ").append(Money.format(cap)).append(" with ")
                        .append(Money.format(hifpYtd - gHifp)).append(" used → pooling pays ").append(Money.format(gHifp));
                add("basic_pooling", s.toString(), gHifp, sr.deductibleCited[lvl], basisCited, ratioCited,
                        sr.annualCapCited[con], special ? sr.specialDiseasesCited : null,
                        child ? si.childDiagnosesCited : null);
            }
        }

        void villageOutpatient() {
            long pay = Math.min(Math.min(gInscp, cardBalance), Money.remaining(sr.annualCap[con], hifpYtd));
            cardBalance -= pay;
            gHifp = pay;
            gRatio = pay > 0 ? Money.PPM : 0;
            hifpYtd += pay;
            if (trace != null) {
                add("basic_pooling", "village station outpatient: the card pays " + Money.format(pay) + " of in scope "
                        + Money.format(gInscp) + "; card balance left " + Money.format(cardBalance), pay,
                        sr.villageCardCreditCited);
            }
        }

        void townshipOutpatient() {
            // per visit: an emergency visit's two line groups share one deductible
            gDedc = Math.min(gInscp, Math.max(0, sr.townshipDeductible - dedc));
            long pay = Money.applyRatio(gInscp - gDedc, sr.townshipRatio);
            long room = Math.min(Money.remaining(sr.townshipLimit, townshipYtd), Money.remaining(sr.annualCap[con], hifpYtd));
            gHifp = Math.min(pay, room);
            gRatio = sr.townshipRatio;
            townshipYtd += gHifp;
            hifpYtd += gHifp;
            if (trace != null) {
                add("basic_pooling", "township outpatient: (in scope " + Money.format(gInscp) + " − "
                                + Money.format(gDedc) + ") × " + Money.formatRatio(sr.townshipRatio) + " = " + Money.format(pay)
                                + "; yearly limit " + Money.format(sr.townshipLimit) + " with "
                                + Money.format(townshipYtd - gHifp) + " used → pays " + Money.format(gHifp), gHifp,
                        sr.townshipDeductibleCited, sr.townshipRatioCited, sr.townshipLimitCited);
            }
        }

        // ------------------------------------------------------------ large amount

        /** Pays a share of the eligible cost the basic annual cap left unpaid (REFERENCE §2: employees' 400,000). */
        void largeAmount() {
            if (gCappedMicro <= 0 || gRatio == 0) {
                if (trace != null) {
                    add("large_amount", "basic annual cap not reached: nothing above it", 0, sr.largeLimitCited[con]);
                }
                return;
            }
            int ratio = sr.largeRatio[lvl];
            // unpaid cost = capped pooling money / pooling ratio; subsidy = unpaid cost × ratio, rounded once
            long pay = BigInteger.valueOf(gCappedMicro).multiply(BigInteger.valueOf(ratio))
                    .add(BigInteger.valueOf((long) gRatio * Money.PPM / 2))
                    .divide(BigInteger.valueOf((long) gRatio * Money.PPM)).longValueExact();
            long room = Money.remaining(sr.largeLimit[con], largeYtd);
            gHifob = Math.min(Math.min(pay, room), inScopeLeft());
            largeYtd += gHifob;
            if (trace != null) {
                add("large_amount", "cost above the basic cap " + Money.format((gCappedMicro + gRatio / 2) / gRatio)
                        + " × " + Money.formatRatio(ratio) + " = " + Money.format(pay) + "; yearly limit "
                        + Money.format(sr.largeLimit[con]) + " with " + Money.format(largeYtd - gHifob) + " used → pays "
                        + Money.format(gHifob), gHifob, sr.largeRatioCited[lvl], sr.largeLimitCited[con]);
            }
        }

        // ------------------------------------------------------------ serious illness

        /**
         * Marginal bands on the annual cumulative in-scope self-pay (seed 003 L1319 "piecewise
         * calculation, cumulative payment"; REFERENCE §3 DECISION: in-scope self-pay only).
         * Paying round(f(after)) − round(f(before)) keeps the year's sum equal to round(f(year)).
         */
        void seriousIllness() {
            Rules.SeriousIllnessRules si = rules.seriousIllness;
            boolean counts = inpatientRules || si.includeGeneralOutpatient;
            if (!counts) {
                if (trace != null) {
                    add("serious_illness", "general " + visit.type().key + " does not count toward serious illness", 0,
                            si.includeGeneralOutpatientCited);
                }
                return;
            }
            Rules.Bands bands = si.bands[cat];
            long increment = inScopeLeft();
            long from = siBase;
            long to = siBase + increment;
            long due = Money.roundMicro(bands.micro(to)) - Money.roundMicro(bands.micro(from));
            long cap = si.combinedCap[cat][con];
            long siCap = si.annualCap[cat][con];
            long room = Math.min(Money.remaining(cap, hifpYtd + siPaid), Money.remaining(siCap, siPaid));
            gHifmi = Math.min(Math.min(due, room), increment);
            siBase = to;
            siPaid += gHifmi;
            if (trace != null) {
                StringBuilder s = new StringBuilder();
                s.append("cumulative in-scope self-pay ").append(Money.format(from)).append(" → ").append(Money.format(to))
                        .append("; bands (").append(Category.values()[cat].key).append(") give ").append(Money.format(due))
                        .append("; basic + serious-illness cap ").append(Money.format(cap)).append(" with ")
                        .append(Money.format(hifpYtd + siPaid - gHifmi)).append(" used");
                if (siCap != Money.UNLIMITED) {
                    s.append("; serious-illness cap ").append(Money.format(siCap)).append(" with ")
                            .append(Money.format(siPaid - gHifmi)).append(" used");
                }
                s.append(" → pays ").append(Money.format(gHifmi));
                Cited[] cited = Arrays.copyOf(bands.cited, bands.cited.length + 2);
                cited[bands.cited.length] = si.combinedCapCited[cat][con];
                cited[bands.cited.length + 1] = si.annualCapCited[cat][con];
                add("serious_illness", s.toString(), gHifmi, cited);
            }
        }

        // ------------------------------------------------------------ medical assistance

        void assistance() {
            Rules.AssistanceRules ma = rules.assistance;
            Rules.SeriousIllnessRules si = rules.seriousIllness;
            if (child) {
                // seed 003 L1056: children ≤ 14 with a named serious illness: the assistance fund adds 20%
                long pay = Math.min(Money.applyRatio(gInscp, si.childAssistanceRatio), inScopeLeft());
                if (ma != null && ma.threshold[cat] >= 0) pay = Math.min(pay, Money.remaining(ma.annualCap[cat], maPaid));
                gMaf += pay;
                maPaid += pay;
                if (trace != null) {
                    add("medical_assistance", "child's named serious illness: in scope " + Money.format(gInscp) + " × "
                                    + Money.formatRatio(si.childAssistanceRatio) + " → pays " + Money.format(pay), pay,
                            si.childAssistanceRatioCited, si.childMaxAgeCited);
                }
            }
            if (!inpatientRules || ma == null || ma.threshold[cat] < 0) {
                if (trace != null && !child) {
                    add("medical_assistance", Category.values()[cat].key + ": no medical assistance for this visit", 0);
                }
                return;
            }
            long threshold = ma.threshold[cat];
            int ratio = ma.ratio[cat];
            long increment = inScopeLeft();
            long from = maBase;
            long to = maBase + increment;
            long due = Money.applyRatio(Math.max(0, to - threshold), ratio)
                    - Money.applyRatio(Math.max(0, from - threshold), ratio);
            long room = Money.remaining(ma.annualCap[cat], maPaid);
            long pay = Math.min(Math.min(due, room), increment);
            gMaf += pay;
            maBase = to;
            maPaid += pay;
            if (trace != null) {
                add("medical_assistance", Category.values()[cat].key + ": cumulative self-pay after insurance "
                                + Money.format(from) + " → " + Money.format(to) + ", above threshold " + Money.format(threshold)
                                + " × " + Money.formatRatio(ratio) + " = " + Money.format(due) + "; yearly cap "
                                + Money.format(ma.annualCap[cat]) + " with " + Money.format(maPaid - pay) + " used → pays "
                                + Money.format(pay), pay,
                        ma.thresholdCited[cat], ma.ratioCited[cat], ma.annualCapCited[cat]);
            }
        }

        // ------------------------------------------------------------ emergency cover

        /** REFERENCE §7: public finance pays everything left of the emergency lines, class C included. */
        void emergencyCover() {
            if (g != 1) return;
            gOth = gTotal - gHifp - gHifob - gHifmi - gMaf;
            emergencyYtd += gOth;
            if (trace != null) {
                add("emergency_cover", "public finance pays what is left of the emergency lines: "
                        + Money.format(gTotal) + " − funds " + Money.format(gHifp + gHifob + gHifmi + gMaf) + " = "
                        + Money.format(gOth), gOth, emergency.cited());
            }
        }

        // ------------------------------------------------------------ individual account

        void individualAccount() {
            long left = gTotal - gHifp - gHifob - gHifmi - gMaf - gOth;
            // REFERENCE §3 DECISION: the account pays the in-scope self-pay and the self-pay-first part;
            // class C and over-limit amounts only where the pack says so
            long payable = sr.accountCoversSelfPay ? left : Math.min(left, inScopeLeft() + gPre);
            gAcct = Math.min(payable, account);
            account -= gAcct;
            if (trace != null) {
                add("individual_account", "account pays " + Money.format(gAcct) + " of " + Money.format(payable)
                        + " it may pay; balance left " + Money.format(account), gAcct, sr.accountCoversSelfPayCited);
            }
        }

        // ------------------------------------------------------------ result

        Settlement finish() {
            long funds = hifp + hifob + hifmi + maf + oth;
            long psnPart = acct + cash;
            if (ful + over + pre + inscp != total || funds + psnPart != total) {
                throw new IllegalStateException("settlement invariant broken: payers do not sum to the total");
            }
            if (trace != null) {
                add("cash", "the person pays " + Money.format(cash) + " in cash (" + Money.format(total) + " − funds "
                        + Money.format(funds) + " − account " + Money.format(acct) + ")", cash);
            }
            Accumulators after = Accumulators.builder(year).set(Accumulator.POOLING_PAID, hifpYtd)
                    .set(Accumulator.DEDUCTIBLE_PAID, dedYtd).set(Accumulator.SPECIAL_DEDUCTIBLE_PAID, specialDedYtd)
                    .set(Accumulator.TOWNSHIP_OUTPATIENT_PAID, townshipYtd).set(Accumulator.LARGE_AMOUNT_PAID, largeYtd)
                    .set(Accumulator.SERIOUS_ILLNESS_BASE, siBase).set(Accumulator.SERIOUS_ILLNESS_PAID, siPaid)
                    .set(Accumulator.ASSISTANCE_BASE, maBase).set(Accumulator.ASSISTANCE_PAID, maPaid)
                    .set(Accumulator.EMERGENCY_PAID, emergencyYtd).set(Accumulator.CARD_BALANCE, cardBalance)
                    .set(Accumulator.CARD_YEAR, cardYear).set(Accumulator.ACCOUNT_BALANCE, account).build();
            return Settlement.builder().set(SettlementField.MEDFEE_SUMAMT, total).set(SettlementField.FULAMT_OWNPAY_AMT, ful)
                    .set(SettlementField.OVERLMT_SELFPAY, over).set(SettlementField.PRESELFPAY_AMT, pre)
                    .set(SettlementField.INSCP_SCP_AMT, inscp).set(SettlementField.ACT_PAY_DEDC, dedc)
                    .set(SettlementField.HIFP_PAY, hifp).set(SettlementField.POOL_PROP_SELFPAY, poolRatio)
                    .set(SettlementField.HIFMI_PAY, hifmi).set(SettlementField.HIFOB_PAY, hifob).set(SettlementField.MAF_PAY, maf)
                    .set(SettlementField.OTH_PAY, oth).set(SettlementField.ACCT_PAY, acct).set(SettlementField.PSN_CASH_PAY, cash)
                    .set(SettlementField.BALC, account).ineligibility(reason).outpatientCardCredit(cardCredit).after(after)
                    .trace(trace == null ? List.of() : trace).build();
        }

        void add(String rule, String text, long amount, Cited... cited) {
            List<Cited> used = new ArrayList<>(cited.length);
            for (Cited c : cited) if (c != null) used.add(c);
            trace.add(new TraceEntry(rule, text, used, amount));
        }
    }
}
