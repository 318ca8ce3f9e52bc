package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.money.Money;
import org.openyibao.sim.io.Csv;

/**
 * The hospitals' budgets in the report's files (docs/sim.md#hospital-budgets): {@code hospitals.csv}, one line per run
 * and group (the total first, then each institution level), money in yuan; and {@code indicators.json}'s
 * {@code hospitals}, money in fen. A further run's lines carry its change from the baseline's same group.
 */
final class HospitalFiles {

    static final String CSV_HEADER = "run,group,institutions,budget_yuan,spending_yuan,spending_share_percent,over_under_yuan,"
            + "overspend_yuan,saving_yuan,fund_over_yuan,borne_yuan,saving_kept_yuan,deposit_kept_yuan,"
            + "emergency_outside_yuan,total_due_yuan,prepaid_yuan,balance_yuan,under,over_within_bound,beyond_bound,"
            + "spending_change_yuan,total_due_change_yuan,borne_change_yuan,balance_change_yuan,over_change";

    private HospitalFiles() {
    }

    static String csv(EvaluationResult r) {
        StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
        HospitalOutcome base = r.hospitals().isEmpty() ? null : r.hospitals().get(0);
        for (HospitalOutcome o : r.hospitals()) {
            for (HospitalOutcome.Totals x : groups(o)) {
                HospitalOutcome.Totals y = o == base ? null : group(base, x.group());
                b.append(Csv.field(o.run())).append(',').append(Csv.field(x.group())).append(',').append(x.institutions());
                for (long fen : new long[] {x.budgetFen(), x.spendingFen()}) b.append(',').append(Money.format(fen));
                b.append(',').append(Double.isNaN(x.spendingShare()) ? ""
                        : String.format(Locale.ROOT, "%.2f", x.spendingShare() * 100));
                for (long fen : new long[] {x.overUnderFen(), x.overspendFen(), x.savingFen(), x.fundOverFen(), x.borneFen(),
                        x.savingKeptFen(), x.depositKeptFen(), x.emergencyOutsideFen(), x.totalDueFen(), x.prepaidFen(),
                        x.balanceFen()}) b.append(',').append(Money.format(fen));
                b.append(',').append(x.under()).append(',').append(x.overWithinBound()).append(',').append(x.beyondBound());
                if (y == null) {
                    b.append(",,,,,");
                } else {
                    for (long fen : new long[] {x.spendingFen() - y.spendingFen(), x.totalDueFen() - y.totalDueFen(),
                            x.borneFen() - y.borneFen(), x.balanceFen() - y.balanceFen()}) b.append(',').append(Money.format(fen));
                    b.append(',').append(x.over() - y.over());
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** "hospitals": {covers, runs[].{run, total, by_level[], change}} (change: a further run's total less the baseline's). */
    static void json(ObjectNode root, EvaluationResult r) {
        ObjectNode h = root.putObject("hospitals");
        ArrayNode covers = h.putArray("covers");
        for (String c : org.openyibao.sim.batch.HospitalYear.COVERS) covers.add(c);
        h.put("budgets_from", r.hospitals().isEmpty() ? null : r.hospitals().get(0).run());
        ArrayNode runs = h.putArray("runs");
        HospitalOutcome base = r.hospitals().isEmpty() ? null : r.hospitals().get(0);
        for (HospitalOutcome o : r.hospitals()) {
            ObjectNode x = runs.addObject().put("run", o.run());
            totals(x.putObject("total"), o.total());
            ArrayNode levels = x.putArray("by_level");
            for (HospitalOutcome.Totals t : o.byLevel()) totals(levels.addObject(), t);
            if (o == base) continue;
            HospitalOutcome.Totals a = o.total(), z = base.total();
            x.putObject("change").put("spending_fen", a.spendingFen() - z.spendingFen())
                    .put("total_due_fen", a.totalDueFen() - z.totalDueFen()).put("borne_fen", a.borneFen() - z.borneFen())
                    .put("saving_kept_fen", a.savingKeptFen() - z.savingKeptFen())
                    .put("balance_fen", a.balanceFen() - z.balanceFen()).put("over", a.over() - z.over());
        }
    }

    private static void totals(ObjectNode o, HospitalOutcome.Totals x) {
        o.put("group", x.group()).put("institutions", x.institutions()).put("budget_fen", x.budgetFen())
                .put("spending_fen", x.spendingFen()).put("over_under_fen", x.overUnderFen())
                .put("overspend_fen", x.overspendFen()).put("saving_fen", x.savingFen()).put("fund_over_fen", x.fundOverFen())
                .put("borne_fen", x.borneFen()).put("saving_kept_fen", x.savingKeptFen())
                .put("deposit_kept_fen", x.depositKeptFen()).put("emergency_outside_fen", x.emergencyOutsideFen())
                .put("total_due_fen", x.totalDueFen()).put("prepaid_fen", x.prepaidFen()).put("balance_fen", x.balanceFen())
                .put("under", x.under()).put("over_within_bound", x.overWithinBound()).put("beyond_bound", x.beyondBound());
        if (Double.isNaN(x.spendingShare())) o.putNull("spending_share"); else o.put("spending_share", x.spendingShare());
    }

    private static List<HospitalOutcome.Totals> groups(HospitalOutcome o) {
        List<HospitalOutcome.Totals> all = new ArrayList<>();
        all.add(o.total());
        all.addAll(o.byLevel());
        return all;
    }

    private static HospitalOutcome.Totals group(HospitalOutcome o, String group) {
        for (HospitalOutcome.Totals x : groups(o)) if (x.group().equals(group)) return x;
        return null;
    }
}
