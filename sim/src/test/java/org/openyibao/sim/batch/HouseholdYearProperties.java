package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;

/** The batch year over generated populations (in memory): totals are the rows' sums, the funds too, and the same seed gives the same year. */
class HouseholdYearProperties {
    static final PolicyPack PACK = ContributionsTest.PACK;
    static final Region ZJ = Region.KNOWN.get("zhanjiang");
    static final long AVERAGE_WAGE = 560_000;

    record Row(Member member, Settlement settlement) {}

    record Year(List<HouseholdTotals> totals, List<List<Row>> rows, Map<String, Map<String, Long>> funds, FundSums sums) {}

    static Year settle(long seed, int persons) {
        Contributions contributions = new Contributions(PACK, 2018, AVERAGE_WAGE);
        HouseholdYear year = new HouseholdYear(PACK, 2018, contributions);
        FundSums funds = new FundSums();
        List<HouseholdTotals> totals = new ArrayList<>();
        List<List<Row>> rows = new ArrayList<>();
        for (Iterator<Household> it = new Generator(ZJ, 2018, seed, persons, 16).households(); it.hasNext(); ) {
            List<Row> mine = new ArrayList<>();
            totals.add(year.settle(it.next(), (m, v, s) -> mine.add(new Row(m, s)), funds));
            rows.add(mine);
        }
        return new Year(totals, rows, funds.funds(), funds);
    }

    @Property(tries = 20)
    void householdTotalsAreTheSumsOfTheirSettlements(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                     @ForAll @IntRange(min = 50, max = 200) int persons) {
        Year y = settle(seed, persons);
        long people = 0;
        for (int i = 0; i < y.totals().size(); i++) {
            HouseholdTotals t = y.totals().get(i);
            List<Row> rows = y.rows().get(i);
            people += t.household().members().size();
            assertThat(t.visits()).isEqualTo(rows.size())
                    .isEqualTo(t.household().members().stream().mapToInt(m -> m.visits().size()).sum());
            long medfee = 0, basic = 0, si = 0, ma = 0, other = 0, account = 0, cash = 0, oop = 0;
            for (Row r : rows) {
                Settlement s = r.settlement();
                assertThat(r.member().householdId()).isEqualTo(t.household().householdId());
                // the engine's identities, row by row
                assertThat(s.medfeeSumamt()).isEqualTo(s.fundPaySumamt() + s.psnPartAmt() + s.hospPartAmt());
                assertThat(s.psnPartAmt()).isEqualTo(s.acctPay() + s.psnCashPay());
                medfee += s.medfeeSumamt();
                basic += s.hifpPay() + s.cvlservPay() + s.hifobPay();
                si += s.hifmiPay();
                ma += s.mafPay();
                other += s.othPay();
                account += s.acctPay();
                cash += s.psnCashPay();
                oop += s.psnPartAmt();
            }
            assertThat(new long[] {t.medfeeFen(), t.basicFen(), t.seriousIllnessFen(), t.assistanceFen(), t.otherFen(),
                    t.accountFen(), t.cashFen(), t.oopFen()})
                    .as("household %d", t.household().householdId())
                    .containsExactly(medfee, basic, si, ma, other, account, cash, oop);
        }
        assertThat(people).isEqualTo(persons);
        assertThat(y.sums().persons).isEqualTo(persons);
    }

    @Property(tries = 20)
    void fundExpenditureIsTheSumOfTheSettlementFields(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                      @ForAll @IntRange(min = 50, max = 200) int persons) {
        Year y = settle(seed, persons);
        Contributions contributions = new Contributions(PACK, 2018, AVERAGE_WAGE);
        long resident = 0, employee = 0, accounts = 0, si = 0, ma = 0, other = 0, visits = 0;
        for (List<Row> rows : y.rows()) {
            for (Row r : rows) {
                Settlement s = r.settlement();
                long basic = s.hifpPay() + s.cvlservPay() + s.hifobPay();
                if (r.member().scheme() == Scheme.EMPLOYEE) employee += basic;
                else resident += basic;
                accounts += s.acctPay();
                si += s.hifmiPay();
                ma += s.mafPay();
                other += s.othPay();
                visits++;
            }
        }
        // the employees' pooling fund also credits the retirees' accounts
        long retireeCredits = 0, contributionsIn = 0;
        for (HouseholdTotals t : y.totals()) {
            for (Member m : t.household().members()) {
                if (m.arrears()) continue; // nothing paid, nothing credited
                Contributions.Year c = contributions.of(m.insured(), m.scheme(), m.employment(), m.contribution(),
                        m.enrolledSince(), m.wageBaseFen());
                if (m.insured() && m.scheme() == Scheme.EMPLOYEE && m.employment() == Employment.RETIRED) {
                    retireeCredits += c.retireeCreditFen();
                }
                contributionsIn += c.householdFen();
            }
        }
        Map<String, Map<String, Long>> f = y.funds();
        assertThat(f.get(FundSums.RESIDENT_POOLING).get("expenditure_fen")).isEqualTo(resident);
        assertThat(f.get(FundSums.EMPLOYEE_POOLING).get("expenditure_fen")).isEqualTo(employee + retireeCredits);
        assertThat(f.get(FundSums.EMPLOYEE_ACCOUNTS).get("expenditure_fen")).isEqualTo(accounts);
        assertThat(f.get(FundSums.SERIOUS_ILLNESS).get("expenditure_fen")).isEqualTo(si);
        assertThat(f.get(FundSums.ASSISTANCE).get("expenditure_fen")).isEqualTo(ma);
        assertThat(f.get(FundSums.EMERGENCY).get("expenditure_fen")).isEqualTo(other);
        for (Map<String, Long> fund : f.values()) {
            assertThat(fund.get("balance_fen")).isEqualTo(fund.get("income_fen") - fund.get("expenditure_fen"));
        }
        assertThat(y.sums().visits).isEqualTo(visits);
        assertThat(y.totals().stream().mapToLong(HouseholdTotals::contributionFen).sum()).isEqualTo(contributionsIn);
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
