package org.openyibao.engine.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.Packs;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;

/**
 * Invariants of the engine over random people and random years of visits under the Zhanjiang pack
 * (STYLE §4): payers sum to the total; no fund pays class C or over-limit money; no cap or limit
 * is exceeded; funds never fall when in-scope cost rises; the year's visits add up to the accumulators.
 */
class SettlementProperties {
    private static final PolicyPack PACK = Packs.zhanjiang();

    record Year(Person person, List<Visit> visits, long account) {}

    @Provide
    Arbitrary<Year> years() {
        Arbitrary<Scheme> scheme = Arbitraries.of(Scheme.class);
        Arbitrary<Category> category = Arbitraries.of(Category.class);
        Arbitrary<Employment> employment = Arbitraries.of(Employment.class);
        Arbitrary<Integer> year = Arbitraries.integers().between(2009, 2022);
        Arbitrary<Integer> age = Arbitraries.integers().between(0, 90);
        Arbitrary<Integer> enrolledMonthsBefore = Arbitraries.integers().between(-3, 30);
        Arbitrary<Contribution> contribution = Arbitraries.of(Contribution.class);
        Arbitrary<Boolean> insured = Arbitraries.integers().between(0, 19).map(i -> i != 0);
        Arbitrary<Boolean> arrears = Arbitraries.integers().between(0, 19).map(i -> i == 0);
        Arbitrary<Long> account = Arbitraries.longs().between(0, 500_000);
        return Combinators.combine(scheme, category, employment, year, age, enrolledMonthsBefore, contribution,
                        Combinators.combine(insured, arrears, account).as(List::of))
                .flatAs((s, c, e, y, a, m, k, flags) -> {
                    int y2 = s == Scheme.EMPLOYEE && y < 2018 ? 2018 + (y % 5) : y;
                    LocalDate jan1 = LocalDate.of(y2, 1, 1);
                    Person p = new Person(s, c, e, jan1.minusYears(a), jan1.minusMonths(m), k,
                            (Boolean) flags.get(0), (Boolean) flags.get(1));
                    return visits(y2).list().ofMinSize(1).ofMaxSize(12)
                            .map(vs -> {
                                List<Visit> sorted = new ArrayList<>(vs);
                                sorted.sort(Comparator.comparing(Visit::date));
                                return new Year(p, sorted, (Long) flags.get(2));
                            });
                });
    }

    private Arbitrary<Visit> visits(int year) {
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 364)
                .map(d -> LocalDate.of(year, 1, 1).plusDays(d));
        Arbitrary<VisitType> type = Arbitraries.of(VisitType.class);
        Arbitrary<Level> level = Arbitraries.of(Level.TOWNSHIP, Level.LEVEL1, Level.LEVEL2, Level.LEVEL3, Level.VILLAGE);
        Arbitrary<String[]> dx = Arbitraries.of(new String[] {"I21.9"}, new String[] {"E11.9"}, new String[] {"Q25.0"},
                new String[] {"U07.1"}, new String[] {"U07.2"}, new String[] {"J18.9"}, new String[] {});
        Arbitrary<EmergencyCase> ec = Arbitraries.of(EmergencyCase.NONE, EmergencyCase.NONE, EmergencyCase.NONE,
                EmergencyCase.CONFIRMED, EmergencyCase.SUSPECTED);
        return Combinators.combine(date, type, level, dx, ec, lines().list().ofMinSize(0).ofMaxSize(20))
                .as((d, t, l, x, e, ls) -> {
                    // village stations have no inpatient rules in the pack: keep inpatients at township and above
                    Level lv = t == VisitType.INPATIENT && l == Level.VILLAGE ? Level.TOWNSHIP : l;
                    return new Visit(d, t, lv, x, e, ls.toArray(new FeeLine[0]));
                });
    }

    private Arbitrary<FeeLine> lines() {
        Arbitrary<LineClass> cls = Arbitraries.of(LineClass.class);
        Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.longs().between(0, 50_000),
                Arbitraries.longs().between(0, 5_000_000), Arbitraries.longs().between(0, 60_000_000));
        Arbitrary<Integer> spf = Arbitraries.oneOf(Arbitraries.just(-1), Arbitraries.integers().between(0, Money.PPM));
        Arbitrary<Integer> overShare = Arbitraries.integers().between(0, 100);
        Arbitrary<Boolean> comorbidity = Arbitraries.of(true, false);
        return Combinators.combine(cls, amount, spf, overShare, comorbidity).as((c, a, s, o, m) ->
                new FeeLine(null, c, a, s, o > 80 ? a * (o - 80) / 20 : 0, m));
    }

    /** Settles the year; checks the per-visit invariants on the way. */
    private List<Settlement> settleYear(Year y) {
        List<Settlement> out = new ArrayList<>();
        Accumulators acc = Accumulators.start(y.visits().get(0).date().getYear(), y.account());
        for (Visit v : y.visits()) {
            Rules rules = PACK.asOf(v.date());
            Settlement s = SettlementEngine.settle(rules, y.person(), v, acc, false);
            checkVisit(rules, y.person(), v, acc, s);
            out.add(s);
            acc = s.after();
        }
        return out;
    }

    private void checkVisit(Rules rules, Person p, Visit v, Accumulators before, Settlement s) {
        long classC = 0, over = 0, total = 0;
        for (FeeLine l : v.lines()) {
            total += l.amountFen();
            if (l.lineClass() == LineClass.C) classC += l.amountFen();
            else over += l.overLimitFen();
        }
        // payers sum to the total (INTERFACE 2207 identities)
        assertThat(s.medfeeSumamt()).isEqualTo(total);
        assertThat(s.fulamtOwnpayAmt() + s.overlmtSelfpay() + s.preselfpayAmt() + s.inscpScpAmt()).isEqualTo(total);
        assertThat(s.fundPaySumamt() + s.psnPartAmt() + s.hospPartAmt()).isEqualTo(total);
        assertThat(s.psnPartAmt()).isEqualTo(s.acctPay() + s.psnCashPay());
        assertThat(s.fundPaySumamt()).isEqualTo(s.hifpPay() + s.hifobPay() + s.hifmiPay() + s.mafPay() + s.othPay()
                + s.cvlservPay());
        assertThat(s.fulamtOwnpayAmt()).isEqualTo(classC);
        assertThat(s.overlmtSelfpay()).isEqualTo(over);
        // no insurance fund pays class C or over-limit money; only emergency cover may
        assertThat(s.hifpPay() + s.hifobPay() + s.hifmiPay() + s.mafPay()).isLessThanOrEqualTo(s.inscpScpAmt());
        if (rules.emergencies.isEmpty() || (v.emergencyCase() == EmergencyCase.NONE
                && !List.of(v.diagnoses()).contains("U07.1") && !List.of(v.diagnoses()).contains("U07.2"))) {
            assertThat(s.othPay()).isZero();
        }
        // nothing negative, the account never overdrawn
        for (long x : new long[] {s.hifpPay(), s.hifobPay(), s.hifmiPay(), s.mafPay(), s.othPay(), s.acctPay(),
                s.psnCashPay(), s.actPayDedc(), s.balc()}) {
            assertThat(x).isNotNegative();
        }
        assertThat(s.acctPay()).isLessThanOrEqualTo(before.forYear(v.date().getYear()).accountBalance());
        if (!s.eligible()) assertThat(s.hifpPay() + s.hifobPay() + s.hifmiPay() + s.mafPay() + s.acctPay()).isZero();
        // caps and limits, year to date
        Accumulators a = s.after();
        SchemeRules sr = rules.scheme(p.scheme());
        if (sr != null) {
            assertThat(a.hifpPaid()).isLessThanOrEqualTo(sr.annualCap(p.contributionLevel()).fen());
            if (sr.has(org.openyibao.engine.policy.Tier.LARGE_AMOUNT)) {
                assertThat(a.largeAmountPaid()).isLessThanOrEqualTo(sr.largeLimit(p.contributionLevel()).fen());
            }
            if (sr.outpatient() != null) {
                assertThat(a.townshipOutpatientPaid()).isLessThanOrEqualTo(sr.outpatient().townshipLimit().fen());
            }
        }
        if (rules.seriousIllness != null && p.scheme() == Scheme.RESIDENT) {
            long cap = rules.seriousIllness.combinedCap(p.category(), p.contributionLevel()).fen();
            assertThat(a.hifpPaid() + a.seriousIllnessPaid()).isLessThanOrEqualTo(Math.max(cap,
                    before.forYear(v.date().getYear()).hifpPaid() + a.seriousIllnessPaid() - s.hifmiPay()));
            if (cap != Money.UNLIMITED) assertThat(s.hifmiPay() == 0 || a.hifpPaid() + a.seriousIllnessPaid() <= cap).isTrue();
            assertThat(a.seriousIllnessPaid()).isLessThanOrEqualTo(
                    rules.seriousIllness.annualCap(p.category(), p.contributionLevel()).fen());
        }
        if (rules.assistance != null && rules.assistance.of(p.category()) != null) {
            assertThat(a.assistancePaid()).isLessThanOrEqualTo(rules.assistance.of(p.category()).annualCap().fen());
        }
    }

    @Property(tries = 300)
    void payersSumToTheTotalAndNoCapIsExceeded(@ForAll("years") Year y) {
        settleYear(y);
    }

    @Property(tries = 300)
    void settlingAYearVisitByVisitEqualsTheAccumulators(@ForAll("years") Year y) {
        List<Settlement> out = settleYear(y);
        Accumulators last = out.get(out.size() - 1).after();
        assertThat(out.stream().mapToLong(Settlement::hifpPay).sum()).isEqualTo(last.hifpPaid());
        assertThat(out.stream().mapToLong(Settlement::hifmiPay).sum()).isEqualTo(last.seriousIllnessPaid());
        assertThat(out.stream().mapToLong(Settlement::hifobPay).sum()).isEqualTo(last.largeAmountPaid());
        assertThat(out.stream().mapToLong(Settlement::mafPay).sum()).isEqualTo(last.assistancePaid());
        assertThat(out.stream().mapToLong(Settlement::othPay).sum()).isEqualTo(last.emergencyPaid());
        assertThat(y.account() - out.stream().mapToLong(Settlement::acctPay).sum()).isEqualTo(last.accountBalance());
        assertThat(last.accountBalance()).isEqualTo(out.get(out.size() - 1).balc());
    }

    /**
     * The card's balance moves only by the year's credit and by what the card paid; the credit comes once a
     * year, and the card never pays more than the pooling fund does (it is the residents' pooling money).
     */
    @Property(tries = 300)
    void theCardMovesByItsCreditAndWhatItPaid(@ForAll("years") Year y) {
        Accumulators acc = Accumulators.start(y.visits().get(0).date().getYear(), y.account());
        for (Visit v : y.visits()) {
            Accumulators before = acc.forYear(v.date().getYear());
            Settlement s = SettlementEngine.settle(PACK.asOf(v.date()), y.person(), v, acc, false);
            acc = s.after();
            assertThat(s.outpatientCardPaid()).isBetween(0L, s.hifpPay());
            if (s.outpatientCardCredit() == 0) {
                assertThat(acc.cardBalance()).isEqualTo(before.cardBalance() - s.outpatientCardPaid());
                assertThat(acc.cardYear()).isEqualTo(before.cardYear());
            } else {
                assertThat(before.cardYear()).isLessThan(v.date().getYear());
                assertThat(acc.cardYear()).isEqualTo(v.date().getYear());
                assertThat(acc.cardBalance() + s.outpatientCardPaid()).isGreaterThanOrEqualTo(s.outpatientCardCredit());
            }
        }
    }

    @Property(tries = 300)
    void fundsNeverFallWhenInScopeCostRises(@ForAll("years") Year y, @ForAll @LongRange(min = 1, max = 10_000_000) long extra,
                                            @ForAll @IntRange(min = 0, max = 11) int which) {
        List<Settlement> before = settleYear(y);
        int i = Math.min(which, y.visits().size() - 1);
        Accumulators acc = i == 0 ? Accumulators.start(y.visits().get(0).date().getYear(), y.account())
                : before.get(i - 1).after();
        Visit v = y.visits().get(i);
        FeeLine[] more = java.util.Arrays.copyOf(v.lines(), v.lines().length + 1);
        more[more.length - 1] = new FeeLine(null, LineClass.A, extra, -1, 0, true);
        Visit bigger = new Visit(v.date(), v.type(), v.level(), v.diagnoses(), v.emergencyCase(), more);
        Rules rules = PACK.asOf(v.date());
        Settlement base = SettlementEngine.settle(rules, y.person(), v, acc, false);
        Settlement grown = SettlementEngine.settle(rules, y.person(), bigger, acc, false);
        assertThat(grown.inscpScpAmt()).isEqualTo(base.inscpScpAmt() + extra);
        assertThat(grown.fundPaySumamt()).isGreaterThanOrEqualTo(base.fundPaySumamt());
        assertThat(grown.hifpPay()).isGreaterThanOrEqualTo(base.hifpPay());
    }

    @Property(tries = 200)
    void traceDoesNotChangeTheSettlement(@ForAll("years") Year y) {
        Accumulators acc = Accumulators.start(y.visits().get(0).date().getYear(), y.account());
        for (Visit v : y.visits()) {
            Rules rules = PACK.asOf(v.date());
            Settlement off = SettlementEngine.settle(rules, y.person(), v, acc, false);
            Settlement on = SettlementEngine.settle(rules, y.person(), v, acc, true);
            assertThat(on.trace()).isNotEmpty();
            assertThat(on.trace().get(on.trace().size() - 1).rule()).isEqualTo("cash");
            Settlement.Builder withoutTrace = Settlement.builder().ineligibility(on.ineligibility())
                    .outpatientCardCredit(on.outpatientCardCredit()).outpatientCardPaid(on.outpatientCardPaid())
                    .after(on.after());
            for (SettlementField f : SettlementField.values()) withoutTrace.set(f, on.value(f));
            assertThat(withoutTrace.build()).isEqualTo(off);
            acc = off.after();
        }
    }

    /**
     * Defect 3 of issue 9: a value taken from a table's {@code all} entry was cited under a path that
     * does not exist in the pack (e.g. {@code ...annual_cap.contribution_1}). Every parameter a trace
     * cites must be a path a reader can find in the pack (a scale's bands cite the scale's path).
     */
    @Property(tries = 200)
    void everyCitedParameterIsAPathInThePack(@ForAll("years") Year y) {
        Accumulators acc = Accumulators.start(y.visits().get(0).date().getYear(), y.account());
        for (Visit v : y.visits()) {
            Settlement s = SettlementEngine.settle(PACK.asOf(v.date()), y.person(), v, acc, true);
            for (TraceEntry e : s.trace()) {
                for (org.openyibao.engine.policy.Cited c : e.parameters()) {
                    String path = c.path();
                    String scale = path.contains("[") ? path.substring(0, path.indexOf('[')) : null;
                    boolean declaration = PACK.declarations().stream().anyMatch(d -> d.cited().path().equals(path));
                    assertThat(scale != null ? PACK.scales().containsKey(scale) : PACK.parameters().containsKey(path)
                            || declaration || "no default in pack".equals(c.source()))
                            .as("%s cites %s, which is not a path in the pack", e.rule(), path).isTrue();
                }
            }
            acc = s.after();
        }
    }
}
