package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.openyibao.engine.casepay.DipPool;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The year-end's invariants whatever the cases (docs/sim.md#case-payment): under DIP the fund owes exactly what it paid
 * by fee (the points share that money), each pool's finals sum to its budget plus its patients' share, every hospital's
 * income is its fund due plus its patients' share, and the sums do not depend on the cases' order.
 */
class CaseYearProperties {
    static final PolicyPack PACK = PackLoader.load(Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang"));
    static final CasePaymentRules RULES = CasePaymentRules.of(PACK, LocalDate.of(2018, 12, 31));

    @Provide
    Arbitrary<List<PaidCase>> dipCases() {
        Arbitrary<PaidCase> one = Combinators.combine(
                Arbitraries.of("H1", "H2", "H3", "H4"), Arbitraries.of("employee", "resident"),
                Arbitraries.longs().between(1, 5_000_000), Arbitraries.integers().between(0, 100),
                Arbitraries.longs().between(1, 300_000_000), Arbitraries.of(true, true, true, false))
                .as((h, scheme, cost, fundPercent, points, scored) -> {
                    long fund = cost * fundPercent / 100;
                    return new PaidCase(1, 1, h, "level2", scheme, LocalDate.of(2018, 5, 1), 5, "dip", "v", "GROUPED", "G",
                            100_000_000, cost, fund, cost - fund, scored ? "STANDARD" : "NO_GROUP", scored ? 0 : cost,
                            scored ? points : 0);
                });
        return one.list().ofMinSize(1).ofMaxSize(60).filter(l -> l.stream().anyMatch(c -> c.pointsPpm() > 0));
    }

    static CaseYear year(List<PaidCase> cases) {
        CaseSums sums = new CaseSums();
        for (PaidCase c : cases) {
            boolean fee = c.kind().equals("NO_GROUP");
            sums.add(c, !fee, false, fee);
        }
        return CaseYear.of(PaymentMethod.DIP, sums, RULES);
    }

    @Property(tries = 200)
    void dipDuesSumToTheFeeForServicePaymentsExactly(@ForAll("dipCases") List<PaidCase> cases) {
        CaseYear y = year(cases);
        long fund = cases.stream().mapToLong(PaidCase::fundFen).sum();
        assertThat(y.total(CaseYear.Row::fundDueFen)).isEqualTo(fund);
        for (DipPool p : y.pools()) {
            assertThat(p.hospitals().stream().mapToLong(h -> h.finalFen()).sum()).isEqualTo(p.budgetFen() + p.patientShareFen());
        }
        for (CaseYear.Row r : y.rows()) assertThat(r.incomeFen()).isEqualTo(r.fundDueFen() + r.patientShareFen());
        List<PaidCase> reversed = new java.util.ArrayList<>(cases);
        java.util.Collections.reverse(reversed);
        assertThat(year(reversed).rows()).isEqualTo(y.rows());
    }
}
