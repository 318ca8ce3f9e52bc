package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * The batch year over generated populations (in memory), checked against a year settled here without
 * {@link HouseholdYear}: each member's visits settled directly with {@link SettlementEngine}, month by month
 * with the account credited at the start of each month, and summed by the definitions of the households'
 * columns (docs/sim.md). What HouseholdYear reports and what it hands its sink must equal that; the
 * identities between the columns (out-of-pocket = account + cash; cost = funds + out-of-pocket + the
 * hospital's part) and between the funds (what they paid = what the settlements say they paid, what they
 * took = what the members contributed) are stated on their own.
 *
 * <p>The contributions themselves come from {@link Contributions}, whose arithmetic ContributionsTest works
 * by hand.
 */
class HouseholdYearProperties {
    static final PolicyPack PACK = ContributionsTest.PACK;
    static final Region ZJ = Region.KNOWN.get("zhanjiang");
    static final long AVERAGE_WAGE = 560_000;
    static final int YEAR = 2018;

    record Row(Member member, VisitRecord visit, Settlement settlement) {}

    record Year(List<HouseholdTotals> totals, List<List<Row>> rows, Map<String, Map<String, Long>> funds, FundSums sums) {}

    static Year settle(long seed, int persons) {
        Contributions contributions = new Contributions(PACK, YEAR, AVERAGE_WAGE);
        HouseholdYear year = new HouseholdYear(PACK, YEAR, contributions);
        FundSums funds = new FundSums();
        List<HouseholdTotals> totals = new ArrayList<>();
        List<List<Row>> rows = new ArrayList<>();
        for (Iterator<Household> it = new Generator(ZJ, YEAR, seed, persons, 16).households(); it.hasNext(); ) {
            List<Row> mine = new ArrayList<>();
            totals.add(year.settle(it.next(), (m, v, s) -> mine.add(new Row(m, v, s)), funds));
            rows.add(mine);
        }
        return new Year(totals, rows, funds.funds(), funds);
    }

    // ------------------------------------------------------------------ the reference year

    static Contributions.Year contribution(Contributions c, Member m) {
        // in arrears: the year's contribution was not paid, nothing credited (benefits suspended)
        return m.arrears() ? Contributions.Year.NONE
                : c.of(m.insured(), m.scheme(), m.employment(), m.contribution(), m.enrolledSince(), m.wageBaseFen());
    }

    /**
     * One member's visits settled here: in date order (then by id), month after month; at the start of each
     * month the month's credit goes into the individual account, before the month's visits. The year-to-date
     * totals run from 1 January with the member's opening balance. Visit id → settlement.
     */
    static Map<Long, Settlement> settleAlone(Member m, Contributions.Year c) {
        List<VisitRecord> visits = new ArrayList<>(m.visits());
        visits.sort(Comparator.comparing(VisitRecord::date).thenComparingLong(VisitRecord::visitId));
        Map<Long, Settlement> out = new HashMap<>();
        Accumulators acc = Accumulators.start(YEAR, m.accountBalanceFen());
        int next = 0;
        for (int month = 1; month <= 12; month++) {
            acc = credited(acc, c.accountCreditFen(month));
            for (; next < visits.size() && visits.get(next).date().getMonthValue() == month; next++) {
                VisitRecord v = visits.get(next);
                Settlement s = SettlementEngine.settle(PACK.asOf(v.date()), m.person(), v.visit(), acc, false);
                assertThat(s.acctPay()).as("visit %d: the account pays at most its balance", v.visitId())
                        .isLessThanOrEqualTo(acc.accountBalance());
                assertThat(s.balc()).isEqualTo(acc.accountBalance() - s.acctPay()).isEqualTo(s.after().accountBalance());
                acc = s.after();
                out.put(v.visitId(), s);
            }
        }
        assertThat(next).as("person %d: every visit is in %d", m.personId(), YEAR).isEqualTo(visits.size());
        return out;
    }

    static Accumulators credited(Accumulators a, long credit) {
        return a.toBuilder().set(org.openyibao.engine.settlement.Accumulator.ACCOUNT_BALANCE, a.accountBalance() + credit)
                .build();
    }

    /** A household's columns by their definitions (docs/sim.md, table households/), over its settlements. */
    record Columns(int visits, int inpatient, long medfee, long basic, long seriousIllness, long assistance, long other,
                   long account, long cash, long oop, long hospital, long contribution) {

        static Columns of(HouseholdTotals t) {
            return new Columns(t.visits(), t.inpatient(), t.medfeeFen(), t.basicFen(), t.seriousIllnessFen(),
                    t.assistanceFen(), t.otherFen(), t.accountFen(), t.cashFen(), t.oopFen(), 0, t.contributionFen());
        }

        Columns withoutHospital() {
            return new Columns(visits, inpatient, medfee, basic, seriousIllness, assistance, other, account, cash, oop, 0,
                    contribution);
        }
    }

    static Columns reference(Household h, Contributions contributions, Map<Long, Settlement> byVisit) {
        int visits = 0, inpatient = 0;
        long medfee = 0, basic = 0, si = 0, ma = 0, other = 0, account = 0, cash = 0, oop = 0, hospital = 0, paid = 0;
        for (Member m : h.members()) {
            Contributions.Year c = contribution(contributions, m);
            paid += c.householdFen();
            Map<Long, Settlement> mine = settleAlone(m, c);
            byVisit.putAll(mine);
            for (VisitRecord v : m.visits()) {
                Settlement s = mine.get(v.visitId());
                visits++;
                if (v.type() == VisitType.INPATIENT) inpatient++;
                medfee += s.medfeeSumamt();
                basic += s.hifpPay() + s.cvlservPay() + s.hifobPay(); // the basic tier with its large amounts
                si += s.hifmiPay();
                ma += s.mafPay();
                other += s.othPay();
                account += s.acctPay();
                cash += s.psnCashPay();
                oop += s.psnPartAmt();
                hospital += s.hospPartAmt();
            }
        }
        return new Columns(visits, inpatient, medfee, basic, si, ma, other, account, cash, oop, hospital, paid);
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 20)
    void householdTotalsAreThoseOfTheVisitsSettledOneByOne(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                          @ForAll @IntRange(min = 50, max = 200) int persons) {
        Year y = settle(seed, persons);
        Contributions contributions = new Contributions(PACK, YEAR, AVERAGE_WAGE);
        long people = 0;
        for (int i = 0; i < y.totals().size(); i++) {
            HouseholdTotals t = y.totals().get(i);
            Household h = t.household();
            people += h.members().size();
            Map<Long, Settlement> expected = new HashMap<>();
            Columns want = reference(h, contributions, expected);

            // the columns' identities, on the reference: out-of-pocket is account + cash; the cost is what the
            // funds paid + out-of-pocket + the hospital's part
            assertThat(want.oop()).isEqualTo(want.account() + want.cash());
            assertThat(want.medfee()).isEqualTo(want.basic() + want.seriousIllness() + want.assistance() + want.other()
                    + want.oop() + want.hospital());

            // what HouseholdYear reports
            assertThat(Columns.of(t)).as("household %d", h.householdId()).isEqualTo(want.withoutHospital());
            assertThat(t.oopFen()).isEqualTo(t.accountFen() + t.cashFen());

            // what it hands its sink: each of the household's visits once, by its member, settled as here
            List<Row> rows = y.rows().get(i);
            assertThat(rows.stream().map(r -> r.visit().visitId()).toList())
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            for (Row r : rows) {
                Settlement s = r.settlement();
                assertThat(r.member().householdId()).isEqualTo(h.householdId());
                assertThat(r.member().personId()).isEqualTo(r.visit().personId());
                assertThat(s).as("visit %d", r.visit().visitId()).isEqualTo(expected.get(r.visit().visitId()));
                // the national interface's identities, row by row
                assertThat(s.medfeeSumamt()).isEqualTo(s.fundPaySumamt() + s.psnPartAmt() + s.hospPartAmt());
                assertThat(s.fundPaySumamt()).isEqualTo(s.hifpPay() + s.cvlservPay() + s.hifmiPay() + s.hifobPay()
                        + s.mafPay() + s.othPay());
                assertThat(s.psnPartAmt()).isEqualTo(s.acctPay() + s.psnCashPay());
            }
        }
        assertThat(people).isEqualTo(persons);
        assertThat(y.sums().persons).isEqualTo(persons);
    }

    @Property(tries = 20)
    void theFundsTookWhatWasContributedAndPaidWhatTheVisitsSay(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                               @ForAll @IntRange(min = 50, max = 200) int persons) {
        Year y = settle(seed, persons);
        Contributions contributions = new Contributions(PACK, YEAR, AVERAGE_WAGE);
        long resident = 0, employee = 0, accounts = 0, si = 0, ma = 0, other = 0, visits = 0, insured = 0;
        long fundsPaid = 0, residentsDue = 0, employeesDue = 0, retireeCredits = 0, contributed = 0;
        for (HouseholdTotals t : y.totals()) {
            Map<Long, Settlement> byVisit = new HashMap<>();
            reference(t.household(), contributions, byVisit);
            for (Member m : t.household().members()) {
                if (m.insured()) insured++;
                Contributions.Year c = contribution(contributions, m);
                contributed += c.householdFen();
                if (m.insured() && m.scheme() == Scheme.RESIDENT) residentsDue += c.householdFen() + c.subsidyFen();
                if (m.insured() && m.scheme() == Scheme.EMPLOYEE) {
                    employeesDue += c.employerFen() + c.householdFen();
                    if (m.employment() == Employment.RETIRED) retireeCredits += c.accountCreditsFen();
                }
                for (VisitRecord v : m.visits()) {
                    Settlement s = byVisit.get(v.visitId());
                    long basic = s.hifpPay() + s.cvlservPay() + s.hifobPay();
                    if (m.scheme() == Scheme.EMPLOYEE) employee += basic;
                    else resident += basic; // the uninsured are settled as residents (Member.person)
                    accounts += s.acctPay();
                    si += s.hifmiPay();
                    ma += s.mafPay();
                    other += s.othPay();
                    fundsPaid += s.fundPaySumamt();
                    visits++;
                }
            }
        }
        Map<String, Map<String, Long>> f = y.funds();
        // what each fund paid out: the settlements' fields; the employees' pooling fund also the retirees' credits
        assertThat(out(f, FundSums.RESIDENT_POOLING)).isEqualTo(resident);
        assertThat(out(f, FundSums.EMPLOYEE_POOLING)).isEqualTo(employee + retireeCredits);
        assertThat(out(f, FundSums.EMPLOYEE_ACCOUNTS)).isEqualTo(accounts);
        assertThat(out(f, FundSums.SERIOUS_ILLNESS)).isEqualTo(si);
        assertThat(out(f, FundSums.ASSISTANCE)).isEqualTo(ma);
        assertThat(out(f, FundSums.EMERGENCY)).isEqualTo(other);
        // conservation: all the funds together paid the visits' fund_pay_sumamt and acct_pay, and the credits
        assertThat(f.values().stream().mapToLong(m -> m.get("expenditure_fen")).sum())
                .isEqualTo(fundsPaid + accounts + retireeCredits);
        // what came in: the residents' whole due (individual + subsidy) into pooling and serious illness; the
        // employees' (employer + own) into pooling and their accounts, which the pooling fund also credits
        // for the retirees; the budget finances assistance and the emergency cover as they pay
        assertThat(in(f, FundSums.RESIDENT_POOLING) + in(f, FundSums.SERIOUS_ILLNESS)).isEqualTo(residentsDue);
        assertThat(in(f, FundSums.EMPLOYEE_POOLING) + in(f, FundSums.EMPLOYEE_ACCOUNTS))
                .isEqualTo(employeesDue + retireeCredits);
        assertThat(in(f, FundSums.ASSISTANCE)).isEqualTo(ma);
        assertThat(in(f, FundSums.EMERGENCY)).isEqualTo(other);
        for (Map<String, Long> fund : f.values()) {
            assertThat(fund.get("balance_fen")).isEqualTo(fund.get("income_fen") - fund.get("expenditure_fen"));
        }
        assertThat(y.sums().visits).isEqualTo(visits);
        assertThat(y.sums().insured).isEqualTo(insured);
        assertThat(y.totals().stream().mapToLong(HouseholdTotals::contributionFen).sum()).isEqualTo(contributed);
    }

    static long in(Map<String, Map<String, Long>> funds, String fund) {
        return funds.get(fund).get("income_fen");
    }

    static long out(Map<String, Map<String, Long>> funds, String fund) {
        return funds.get(fund).get("expenditure_fen");
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameYear(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                     @ForAll @IntRange(min = 50, max = 200) int persons) {
        Year a = settle(seed, persons), b = settle(seed, persons);
        assertThat(b.totals()).isEqualTo(a.totals());
        assertThat(b.funds()).isEqualTo(a.funds());
        for (int i = 0; i < a.rows().size(); i++) {
            assertThat(b.rows().get(i)).isEqualTo(a.rows().get(i));
        }
    }
}
