package org.openyibao.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * 3201 reconciliation, as each institution's accounts office sends it: the totals of what it settled (count, total
 * cost, fund and account payments, the cancelled ones left out) for each insurance type and clearing type, against
 * the platform's. The generator keeps those totals from the replies it got. While flows are in flight the two differ
 * by the settlements committed but not yet answered, so a periodic 3201 may disagree (counted, not an error); the
 * final one, sent after every flow stopped, must agree.
 */
final class Reconciler {
    private static final String[] INSUTYPES = {"310", "390"};

    /** One institution's totals for one insurance type and clearing type, in fen. */
    private static final class Totals {
        final LongAdder count = new LongAdder(), medfee = new LongAdder(), fund = new LongAdder(), acct = new LongAdder();

        void add(Object setlinfo, int sign) {
            count.add(sign);
            medfee.add(sign * fen(setlinfo, "medfee_sumamt"));
            fund.add(sign * fen(setlinfo, "fund_pay_sumamt"));
            acct.add(sign * fen(setlinfo, "acct_pay"));
        }

        private static long fen(Object setlinfo, String field) {
            return VisitFlows.dec(setlinfo, field).movePointRight(2).longValueExact();
        }
    }

    private final Map<String, Totals> totals = new ConcurrentHashMap<>();
    private final List<FsiSession> sessions = new ArrayList<>();
    private final LoadStats stats;
    final AtomicLong agreed = new AtomicLong(), disagreed = new AtomicLong();

    Reconciler(LoadOptions o, LoadStats stats) {
        this.stats = stats;
        int terminal = 900;
        for (LoadOptions.Client c : o.clients) sessions.add(new FsiSession(c, terminal++, FsiHttp.open(o), stats));
    }

    void settled(VisitFlows.Settled x) {
        tally(x).add(x.setlinfo(), 1);
    }

    void cancelled(VisitFlows.Settled x) {
        tally(x).add(x.setlinfo(), -1);
    }

    private Totals tally(VisitFlows.Settled x) {
        return totals.computeIfAbsent(key(x.session().client.code(), x.psn().insutype(), x.kind().clrType), k -> new Totals());
    }

    private static String key(String institution, String insutype, String clrType) {
        return institution + "/" + insutype + "/" + clrType;
    }

    /** One 3201 per institution, insurance type and clearing type; {@code last}: a disagreement is an error. */
    synchronized void reconcile(boolean last) {
        for (FsiSession s : sessions) {
            if (s.signNoMissing() && !s.signIn()) continue;
            for (FlowKind kind : FlowKind.values()) {
                if ((kind == FlowKind.PHARMACY) != s.client.pharmacy()) continue;
                for (String insutype : INSUTYPES) reconcile(s, kind.clrType, insutype, last);
            }
        }
    }

    private void reconcile(FsiSession s, String clrType, String insutype, boolean last) {
        Totals t = totals.getOrDefault(key(s.client.code(), insutype, clrType), new Totals());
        Object r = s.call("3201", "{\"data\":{\"insutype\":\"" + insutype + "\",\"clr_type\":\"" + clrType + "\",\"setl_optins\":\"440800\","
                + "\"stmt_begndate\":\"" + LocalDate.now().minusDays(30) + "\",\"stmt_enddate\":\"" + LocalDate.now().plusDays(1)
                + "\",\"medfee_sumamt\":\"" + yuan(t.medfee.sum()) + "\",\"fund_pay_sumamt\":\"" + yuan(t.fund.sum()) + "\",\"acct_pay\":\""
                + yuan(t.acct.sum()) + "\",\"fixmedins_setl_cnt\":" + t.count.sum() + "}}", System.nanoTime());
        if (r == null) return;
        if ("0".equals(MiniJson.text(r, "output", "stmtinfo", "stmt_rslt"))) {
            agreed.incrementAndGet();
        } else {
            disagreed.incrementAndGet();
            if (last) stats.error("3201", "3201 after the run, " + s.client.code() + " " + insutype + "/" + clrType + ": "
                    + MiniJson.text(r, "output", "stmtinfo", "stmt_rslt_dscr"));
        }
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    void close() {
        for (FsiSession s : sessions) s.closeConnection();
    }
}
