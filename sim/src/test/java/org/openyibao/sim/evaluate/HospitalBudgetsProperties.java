package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hospitals' totals for any institutions under Zhanjiang's rules: money is conserved (the year-end balance is what
 * the fund owes less the prepayments; an over-spend is paid by the fund or borne; the levels add up to the total), every
 * institution is counted once as under, over within the bound or beyond it, and a run settled against budgets from its
 * own spending ends under every one of them.
 */
class HospitalBudgetsProperties {
    private static final String[] LEVELS = {"village", "township", "level1", "level2", "level3", null};

    @Provide
    Arbitrary<List<InstitutionYear>> institutions() {
        Arbitrary<List<Long>> months = Arbitraries.longs().between(0, 50_000_000L).list().ofSize(12);
        Arbitrary<Long> emergency = Arbitraries.longs().between(0, 5_000_000L).injectDuplicates(0.5).edgeCases(e -> e.add(0L));
        Arbitrary<Integer> level = Arbitraries.integers().between(0, LEVELS.length - 1);
        return months.flatMap(m -> emergency.flatMap(e -> level.map(l -> List.of(m, e, l)))).list().ofMinSize(1).ofMaxSize(12)
                .map(rows -> {
                    List<InstitutionYear> out = new ArrayList<>();
                    for (int k = 0; k < rows.size(); k++) {
                        @SuppressWarnings("unchecked") List<Long> m = (List<Long>) rows.get(k).get(0);
                        long sum = m.stream().mapToLong(Long::longValue).sum();
                        out.add(new InstitutionYear("H" + k, null, LEVELS[(Integer) rows.get(k).get(2)], null, 1, sum,
                                (Long) rows.get(k).get(1), m));
                    }
                    return out;
                });
    }

    @Property(tries = 200)
    void moneyIsConservedAndEveryInstitutionCountedOnce(@ForAll("institutions") List<InstitutionYear> before,
                                                        @ForAll("institutions") List<InstitutionYear> now) {
        HospitalOutcome o = HospitalBudgets.outcome("run", new HospitalFigures(HospitalSectionTest.RULES, before),
                new HospitalFigures(HospitalSectionTest.RULES, now));
        HospitalOutcome.Totals t = o.total();
        assertThat(t.balanceFen()).isEqualTo(t.totalDueFen() - t.prepaidFen());
        assertThat(t.fundOverFen() + t.borneFen()).isEqualTo(t.overspendFen());
        assertThat(t.overUnderFen()).isEqualTo(t.overspendFen() - t.savingFen());
        // the fund owes the spending, less what is borne, plus the saving kept and the emergency's cases (no deposit kept)
        assertThat(t.totalDueFen()).isEqualTo(t.spendingFen() - t.borneFen() + t.savingKeptFen() + t.emergencyOutsideFen());
        assertThat(t.depositKeptFen()).isZero();
        assertThat(t.under() + t.overWithinBound() + t.beyondBound()).isEqualTo(t.institutions());
        assertThat(o.byLevel().stream().mapToLong(HospitalOutcome.Totals::balanceFen).sum()).isEqualTo(t.balanceFen());
        assertThat(o.byLevel().stream().mapToLong(HospitalOutcome.Totals::budgetFen).sum()).isEqualTo(t.budgetFen());
        assertThat(o.byLevel().stream().mapToInt(HospitalOutcome.Totals::institutions).sum()).isEqualTo(t.institutions());
    }

    @Property(tries = 200)
    void againstBudgetsFromItsOwnSpendingARunEndsUnderEveryOne(@ForAll("institutions") List<InstitutionYear> year) {
        HospitalFigures h = new HospitalFigures(HospitalSectionTest.RULES, year);
        HospitalOutcome.Totals t = HospitalBudgets.outcome("baseline", h, h).total();
        assertThat(t.over()).isZero();
        assertThat(t.spendingFen()).isLessThanOrEqualTo(t.budgetFen());
        assertThat(t.borneFen()).isZero();
    }
}
