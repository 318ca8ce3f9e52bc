package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.LineRecord;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * A hand-made household of three settled under the zhanjiang pack for 2018, with the arithmetic written out
 * (fen). Employee A: in service, wage 5,000 yuan (own 2% = 10,000 fen a month to the account), account 0 on
 * 1 January. Resident B: general, two level-3 admissions given out of date order. Resident C: a child with
 * one village visit.
 */
class HouseholdYearTest {
    static final PolicyPack PACK = ContributionsTest.PACK;
    static final long H = 7;

    static VisitRecord visit(long id, long person, LocalDate date, VisitType type, Level level, String dx, long amountFen) {
        return new VisitRecord(id, person, H, date, type, level, "X" + level.key, dx, type == VisitType.INPATIENT ? 10 : 0,
                EmergencyCase.NONE, List.of(new LineRecord("L" + id, LineClass.A, amountFen, -1, 0)));
    }

    // A's visits, in date order
    static final VisitRecord A1 = visit(1, 101, LocalDate.of(2018, 3, 10), VisitType.PHARMACY, Level.LEVEL1, "J06.9", 50_000);
    static final VisitRecord A2 = visit(2, 101, LocalDate.of(2018, 3, 20), VisitType.OUTPATIENT, Level.LEVEL2, "E11", 100_000);
    static final VisitRecord A3 = visit(3, 101, LocalDate.of(2018, 5, 15), VisitType.OUTPATIENT, Level.LEVEL2, "E11", 100_000);
    // B's admissions: the June one first in the list, the February one second
    static final VisitRecord B_JUNE = visit(12, 102, LocalDate.of(2018, 6, 10), VisitType.INPATIENT, Level.LEVEL3, "I63.9", 3_000_000);
    static final VisitRecord B_FEB = visit(11, 102, LocalDate.of(2018, 2, 10), VisitType.INPATIENT, Level.LEVEL3, "I63.9", 3_000_000);
    static final VisitRecord C1 = visit(21, 103, LocalDate.of(2018, 1, 5), VisitType.OUTPATIENT, Level.VILLAGE, "J06.9", 5_000);

    static Member employeeA(List<VisitRecord> visits) {
        return new Member(101, H, "M", LocalDate.of(1975, 5, 1), true, Scheme.EMPLOYEE, Employment.IN_SERVICE, Category.GENERAL,
                null, LocalDate.of(2010, 1, 1), false, 500_000, 0, visits);
    }

    static Member residentB(List<VisitRecord> visits) {
        return new Member(102, H, "F", LocalDate.of(1955, 3, 1), true, Scheme.RESIDENT, null, Category.GENERAL,
                Contribution.CONTRIBUTION_1, LocalDate.of(2009, 1, 1), false, 0, 0, visits);
    }

    static Member childC(List<VisitRecord> visits) {
        return new Member(103, H, "F", LocalDate.of(2012, 7, 1), true, Scheme.RESIDENT, null, Category.GENERAL,
                Contribution.CONTRIBUTION_1, LocalDate.of(2012, 7, 1), false, 0, 0, visits);
    }

    static Household household(Member... members) {
        return new Household(H, "Chikan", false, members.length, 12_000_000, 8_000_000, 3_000_000, List.of(members));
    }

    static HouseholdYear year() {
        return new HouseholdYear(PACK, 2018, new Contributions(PACK, 2018, 560_000));
    }

    /** Settles and keeps every settlement by visit id, in the order the sink saw them. */
    static final class Recorder implements HouseholdYear.Sink {
        final Map<Long, Settlement> byVisit = new LinkedHashMap<>();
        final List<Long> order = new ArrayList<>();

        @Override public void settled(Member member, VisitRecord visit, Settlement s) {
            assertThat(visit.personId()).isEqualTo(member.personId());
            byVisit.put(visit.visitId(), s);
            order.add(visit.visitId());
        }
    }

    final Recorder rec = new Recorder();
    final FundSums funds = new FundSums();
    final HouseholdTotals totals = year().settle(household(
            employeeA(List.of(A1, A2, A3)), residentB(List.of(B_JUNE, B_FEB)), childC(List.of(C1))), rec, funds);

    @Test
    void eachMembersVisitsSettleInDateOrderAsTheEngineWouldDirectly() {
        assertThat(rec.order).containsExactly(1L, 2L, 3L, 11L, 12L, 21L);
        // B through the engine directly, in date order, the accumulators carried
        Member b = residentB(List.of());
        Accumulators acc = Accumulators.start(2018, 0);
        Settlement feb = SettlementEngine.settle(PACK.asOf(B_FEB.date()), b.person(), B_FEB.visit(), acc, false);
        Settlement june = SettlementEngine.settle(PACK.asOf(B_JUNE.date()), b.person(), B_JUNE.visit(), feb.after(), false);
        assertThat(rec.byVisit.get(11L)).isEqualTo(feb);
        assertThat(rec.byVisit.get(12L)).isEqualTo(june);
    }

    @Test
    void accumulatorsCarryFromAdmissionToAdmission() {
        // February, level 3, resident 2018: deductible 500 yuan per admission, 50%
        //   pooling (3,000,000 − 50,000) × 0.50 = 1,475,000; in-scope self-pay 1,525,000
        //   serious illness: cumulative 0 → 1,525,000, below the 20,000-yuan threshold → 0
        Settlement feb = rec.byVisit.get(11L);
        assertThat(feb.actPayDedc()).isEqualTo(50_000);
        assertThat(feb.hifpPay()).isEqualTo(1_475_000);
        assertThat(feb.hifmiPay()).isZero();
        assertThat(feb.psnCashPay()).isEqualTo(1_525_000);
        // June: the same pooling (the deductible is per admission), but the serious-illness base carries:
        //   cumulative 1,525,000 → 3,050,000; (3,050,000 − 2,000,000) × 50% = 525,000; cash 1,525,000 − 525,000
        Settlement june = rec.byVisit.get(12L);
        assertThat(june.actPayDedc()).isEqualTo(50_000);
        assertThat(june.hifpPay()).isEqualTo(1_475_000);
        assertThat(june.hifmiPay()).isEqualTo(525_000);
        assertThat(june.psnCashPay()).isEqualTo(1_000_000);
        // settled alone (B without the February admission) the June admission gets no serious-illness money
        Recorder alone = new Recorder();
        year().settle(household(residentB(List.of(B_JUNE))), alone, new FundSums());
        assertThat(alone.byVisit.get(12L).hifmiPay()).isZero();
        assertThat(alone.byVisit.get(12L).psnCashPay()).isEqualTo(1_525_000);
        assertThat(alone.byVisit.get(12L)).isNotEqualTo(june);
    }

    @Test
    void theSpecialOutpatientDeductibleIsPaidOnceAYear() {
        // A2, 20 March, E11 at level 2 (special outpatient, employee.special_outpatient.deductible_basis: year):
        //   deductible 500 yuan = 50,000; pooling (100,000 − 50,000) × 0.85 = 42,500
        Settlement a2 = rec.byVisit.get(2L);
        assertThat(a2.actPayDedc()).isEqualTo(50_000);
        assertThat(a2.hifpPay()).isEqualTo(42_500);
        // A3, 15 May, the same again: deductible already paid this year → 0; pooling 100,000 × 0.85 = 85,000
        Settlement a3 = rec.byVisit.get(3L);
        assertThat(a3.actPayDedc()).isZero();
        assertThat(a3.hifpPay()).isEqualTo(85_000);
    }

    @Test
    void theEmployeesAccountIsCreditedMonthByMonthBeforeTheMonthsVisits() {
        // A1, 10 March, pharmacy 500 yuan: the employees' pooling fund pays no general pharmacy visit;
        //   the account holds January – March credits 3 × 10,000 = 30,000 → acct 30,000, cash 50,000 − 30,000 = 20,000
        Settlement a1 = rec.byVisit.get(1L);
        assertThat(a1.hifpPay()).isZero();
        assertThat(a1.acctPay()).isEqualTo(30_000);
        assertThat(a1.psnCashPay()).isEqualTo(20_000);
        // A2, 20 March: no new credit in March, the account is empty: in-scope self-pay 57,500 all cash
        Settlement a2 = rec.byVisit.get(2L);
        assertThat(a2.acctPay()).isZero();
        assertThat(a2.psnCashPay()).isEqualTo(57_500);
        // A3, 15 May: April and May credited, 20,000; self-pay 100,000 − 85,000 = 15,000 from the account; 5,000 left
        Settlement a3 = rec.byVisit.get(3L);
        assertThat(a3.acctPay()).isEqualTo(15_000);
        assertThat(a3.psnCashPay()).isZero();
        assertThat(a3.after().accountBalance()).isEqualTo(5_000);
        // the balance on 1 January is spent first and the credits come on top: 50,000 on 1 January → 80,000 in March
        Recorder rich = new Recorder();
        Member a = new Member(101, H, "M", LocalDate.of(1975, 5, 1), true, Scheme.EMPLOYEE, Employment.IN_SERVICE,
                Category.GENERAL, null, LocalDate.of(2010, 1, 1), false, 500_000, 50_000, List.of(A1));
        year().settle(household(a), rich, new FundSums());
        assertThat(rich.byVisit.get(1L).acctPay()).isEqualTo(50_000);
        assertThat(rich.byVisit.get(1L).after().accountBalance()).isEqualTo(30_000);
    }

    @Test
    void aVillageVisitOfAChildUsesTheCard() {
        // C1: village outpatient 50 yuan; card credited 20 yuan for 2018 → pooling 2,000, cash 3,000
        Settlement c1 = rec.byVisit.get(21L);
        assertThat(c1.hifpPay()).isEqualTo(2_000);
        assertThat(c1.psnCashPay()).isEqualTo(3_000);
    }

    @Test
    void householdTotalsAreTheSumsOfTheSettlementRows() {
        // medfee 50,000 + 100,000 + 100,000 + 2 × 3,000,000 + 5,000 = 6,255,000
        // basic  0 + 42,500 + 85,000 + 2 × 1,475,000 + 2,000 = 3,079,500;  serious illness 525,000
        // account 30,000 + 15,000 = 45,000;  cash 20,000 + 57,500 + 1,525,000 + 1,000,000 + 3,000 = 2,605,500
        // oop = account + cash = 2,650,500 = medfee − basic − serious illness
        // contributions (individual part): A 12 × 10,000 + B 18,000 + C 18,000 = 156,000
        assertThat(totals.visits()).isEqualTo(6);
        assertThat(totals.inpatient()).isEqualTo(2);
        assertThat(totals.medfeeFen()).isEqualTo(6_255_000);
        assertThat(totals.basicFen()).isEqualTo(3_079_500);
        assertThat(totals.seriousIllnessFen()).isEqualTo(525_000);
        assertThat(totals.assistanceFen()).isZero();
        assertThat(totals.otherFen()).isZero();
        assertThat(totals.accountFen()).isEqualTo(45_000);
        assertThat(totals.cashFen()).isEqualTo(2_605_500);
        assertThat(totals.oopFen()).isEqualTo(2_650_500);
        assertThat(totals.contributionFen()).isEqualTo(156_000);
        // and the same from the rows
        var rows = rec.byVisit.values();
        assertThat(totals.medfeeFen()).isEqualTo(rows.stream().mapToLong(Settlement::medfeeSumamt).sum());
        assertThat(totals.basicFen()).isEqualTo(rows.stream().mapToLong(s -> s.hifpPay() + s.cvlservPay() + s.hifobPay()).sum());
        assertThat(totals.oopFen()).isEqualTo(rows.stream().mapToLong(Settlement::psnPartAmt).sum());
        assertThat(totals.cashFen()).isEqualTo(rows.stream().mapToLong(Settlement::psnCashPay).sum());
        assertThat(totals.household().householdId()).isEqualTo(H);
    }

    @Test
    void theFundsTakeTheYear() {
        var f = funds.funds();
        // residents: contributions 2 × 47,600; paid 2 × 1,475,000 + 2,000
        assertThat(f.get(FundSums.RESIDENT_POOLING)).containsEntry("income_fen", 95_200L).containsEntry("expenditure_fen", 2_952_000L);
        // employees: 12 × 31,000 in; 42,500 + 85,000 out
        assertThat(f.get(FundSums.EMPLOYEE_POOLING)).containsEntry("income_fen", 372_000L).containsEntry("expenditure_fen", 127_500L);
        assertThat(f.get(FundSums.EMPLOYEE_ACCOUNTS)).containsEntry("income_fen", 120_000L).containsEntry("expenditure_fen", 45_000L);
        assertThat(f.get(FundSums.SERIOUS_ILLNESS)).containsEntry("income_fen", 16_800L).containsEntry("expenditure_fen", 525_000L);
        assertThat(f.get(FundSums.ASSISTANCE)).containsEntry("expenditure_fen", 0L);
        assertThat(funds.persons).isEqualTo(3);
        assertThat(funds.insured).isEqualTo(3);
        assertThat(funds.visits).isEqualTo(6);
    }

    /**
     * Medical assistance is budget-funded (civil affairs), not a fund that spends with no income: its row's income is
     * the fiscal transfer that covers what it paid, and says so (fiscal_transfer_fen); the contribution funds' rows
     * carry no such key. B in dire poverty, admitted at level 3 for 30,000 yuan: assistance pays a part of her share.
     */
    @Test
    void assistanceIsFundedByAFiscalTransferEqualToWhatItPaid() {
        Member b = new Member(102, H, "F", LocalDate.of(1955, 3, 1), true, Scheme.RESIDENT, null, Category.DIRE_POVERTY,
                Contribution.CONTRIBUTION_1, LocalDate.of(2009, 1, 1), false, 0, 0, List.of(B_FEB));
        FundSums f = new FundSums();
        HouseholdTotals t = year().settle(household(b), new Recorder(), f);
        assertThat(t.assistanceFen()).isPositive();
        var rows = f.funds();
        assertThat(rows.get(FundSums.ASSISTANCE)).containsEntry("income_fen", t.assistanceFen())
                .containsEntry("expenditure_fen", t.assistanceFen()).containsEntry("balance_fen", 0L)
                .containsEntry(FundSums.FISCAL_TRANSFER, t.assistanceFen());
        assertThat(rows.get(FundSums.EMERGENCY)).containsEntry(FundSums.FISCAL_TRANSFER, 0L).containsEntry("balance_fen", 0L);
        for (String fund : List.of(FundSums.RESIDENT_POOLING, FundSums.EMPLOYEE_POOLING, FundSums.EMPLOYEE_ACCOUNTS,
                FundSums.SERIOUS_ILLNESS)) {
            assertThat(rows.get(fund)).as(fund).doesNotContainKey(FundSums.FISCAL_TRANSFER);
        }
    }

    @Test
    void aMemberInArrearsBringsNothingAndIsSettledWithoutInsurance() {
        // B and A in arrears: the year's contributions were not paid (benefits suspended, resident.yaml and
        // employee.yaml eligibility.arrears_suspend): no income for the funds, no account credits, every visit cash
        Member b = new Member(102, H, "F", LocalDate.of(1955, 3, 1), true, Scheme.RESIDENT, null, Category.GENERAL,
                Contribution.CONTRIBUTION_1, LocalDate.of(2009, 1, 1), true, 0, 0, List.of(B_FEB));
        Member a = new Member(101, H, "M", LocalDate.of(1975, 5, 1), true, Scheme.EMPLOYEE, Employment.IN_SERVICE,
                Category.GENERAL, null, LocalDate.of(2010, 1, 1), true, 500_000, 0, List.of(A1));
        Recorder r = new Recorder();
        FundSums f = new FundSums();
        HouseholdTotals t = year().settle(household(a, b), r, f);
        assertThat(t.contributionFen()).isZero();
        for (var fund : f.funds().values()) assertThat(fund.get("income_fen")).isZero();
        assertThat(r.byVisit.get(11L).eligible()).isFalse();
        assertThat(r.byVisit.get(11L).psnCashPay()).isEqualTo(3_000_000);
        assertThat(r.byVisit.get(1L).acctPay()).isZero();
        assertThat(t.oopFen()).isEqualTo(t.medfeeFen()).isEqualTo(3_050_000);
    }

    @Test
    void aVisitOutsideTheYearIsRefusedByItsId() {
        VisitRecord next = visit(99, 102, LocalDate.of(2019, 1, 2), VisitType.OUTPATIENT, Level.LEVEL1, "J06.9", 1_000);
        assertThatThrownBy(() -> year().settle(household(residentB(List.of(B_FEB, next))), rec, new FundSums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visit 99")
                .hasMessageContaining("2018");
        VisitRecord before = visit(98, 102, LocalDate.of(2017, 12, 31), VisitType.OUTPATIENT, Level.LEVEL1, "J06.9", 1_000);
        assertThatThrownBy(() -> year().settle(household(residentB(List.of(before))), rec, new FundSums()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visit 98");
    }
}
