package org.openyibao.platform.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.openyibao.platform.ledger.LedgerCheck;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/**
 * For any sequence of stays, decisions (approve, adjust to any amount, reject; on any case, decided or not) and
 * cancellations, the serious-illness fund's books agree with the cases after every step: what is owed to
 * institutions (payable) plus what was recovered, less what was paid further, is what the standing settlements
 * posted (Σ hifmi_pay); what is owed is the cases' amounts now; a refused decision changes nothing; the ledger check
 * passes. H2 (a fresh database per sequence).
 */
class SeriousIllnessCasesProperties {
    static final String ADMDVS = "440800";

    /** stay: resident r, amount yuan; decide: the k-th case, a kind (0 approve, 1 adjust, 2 reject), share of the bound; cancel: k-th. */
    record Op(String kind, int r, int amount, int k, int decision, int permille) {}

    @Property(tries = 12)
    void payablePlusRecoveriesLessFurtherPaymentsIsWhatSettlementsPosted(@ForAll("sequences") List<Op> ops) {
        try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.H2)) {
            CaseFixture f = CaseFixture.open(db, CaseFixture.ZHANJIANG, 4);
            List<String> settled = new ArrayList<>();
            for (Op op : ops) {
                long entriesBefore = entries(db);
                try {
                    apply(f, op, settled);
                } catch (ApiException refused) {
                    assertThat(entries(db)).isEqualTo(entriesBefore);
                }
                invariants(f);
            }
            assertThat(new LedgerCheck(db.jdbc).run().ok()).isTrue();
        }
    }

    private static void apply(CaseFixture f, Op op, List<String> settled) {
        switch (op.kind()) {
            case "stay" -> settled.add(f.stay("R" + op.r(), "2018-0" + (1 + op.k() % 8) + "-10", Integer.toString(op.amount())).setlId());
            case "cancel" -> {
                if (!settled.isEmpty()) f.settlements.cancel(settled.get(op.k() % settled.size()));
            }
            default -> {
                List<Long> ids = f.db.jdbc.queryForList("SELECT id FROM si_case ORDER BY id", Long.class);
                if (ids.isEmpty()) return;
                long id = ids.get(op.k() % ids.size());
                String setl = f.db.jdbc.queryForObject("SELECT setl_id FROM si_case WHERE id = ?", String.class, id);
                long bound = f.db.jdbc.queryForObject("SELECT medfee_sumamt - fund_pay_sumamt + hifmi_pay FROM settlement"
                        + " WHERE setl_id = ?", Long.class, setl);
                long to = bound * op.permille() / 1000;
                switch (op.decision()) {
                    case 0 -> f.decide(id, "approve", null, null);
                    case 1 -> f.decide(id, "adjust", java.math.BigDecimal.valueOf(to, 2).toPlainString(),
                            to < f.db.jdbc.queryForObject("SELECT amount_fen FROM si_case WHERE id = ?", Long.class, id)
                                    ? "out_of_catalogue" : "underpaid");
                    default -> f.decide(id, "reject", null, "documentation_missing");
                }
            }
        }
    }

    private static void invariants(CaseFixture f) {
        long payable = -f.balance(ADMDVS, "serious_illness:payable_institutions");
        long recoveries = -f.balance(ADMDVS, "serious_illness:recoveries");
        long further = f.cases.furtherPaymentsFen(ADMDVS, 2018);
        long posted = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(hifmi_pay), 0) FROM settlement WHERE status = 'settled'", Long.class);
        assertThat(payable + recoveries - further).isEqualTo(posted);
        long owed = f.db.jdbc.queryForObject("SELECT COALESCE(SUM(amount_fen), 0) FROM si_case WHERE status <> 'withdrawn'", Long.class);
        assertThat(payable).isEqualTo(owed);
        assertThat(recoveries).isEqualTo(f.cases.recoveriesFen(ADMDVS, 2018));
    }

    private static long entries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
    }

    @Provide
    Arbitrary<List<Op>> sequences() {
        Arbitrary<Op> stay = Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(200, 2000),
                Arbitraries.integers().between(0, 7)).as((r, hundreds, k) -> new Op("stay", r, hundreds * 100, k, 0, 0));
        Arbitrary<Op> decide = Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 1000)).as((k, d, p) -> new Op("decide", 0, 0, k, d, p));
        Arbitrary<Op> cancel = Arbitraries.integers().between(0, 20).map(k -> new Op("cancel", 0, 0, k, 0, 0));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, stay), net.jqwik.api.Tuple.of(4, decide),
                net.jqwik.api.Tuple.of(1, cancel)).list().ofMinSize(4).ofMaxSize(14);
    }
}
