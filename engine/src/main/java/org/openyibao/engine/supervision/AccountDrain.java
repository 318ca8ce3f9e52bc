package org.openyibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The individual account drained by pharmacy purchases (个人账户套现): a pharmacy purchase paid from the individual
 * account, with, in the last {@code days} days (this day included), at least {@code min_purchases} such purchases
 * (this one counted) that together took at least {@code min_total_fen} from the account. Both thresholds are reached
 * to make a finding.
 */
public final class AccountDrain implements Check {
    @Override
    public List<String> parameters() {
        return List.of("days", "min_purchases", "min_total_fen");
    }

    @Override
    public List<Finding> findings(Screened s, Rule rule) {
        ClaimVisit v = s.visit();
        if (v.scene() != Scene.PHARMACY || v.accountPaidFen() <= 0) return List.of();
        long days = rule.parameter("days");
        LocalDate from = v.admission().minusDays(days - 1);
        List<String> visits = new ArrayList<>();
        long total = v.accountPaidFen();
        for (ClaimVisit h : s.history().visits()) {
            if (h.id().equals(v.id()) || h.scene() != Scene.PHARMACY || h.accountPaidFen() <= 0) continue;
            if (h.admission().isBefore(from) || h.admission().isAfter(v.admission())) continue;
            visits.add(h.id());
            total += h.accountPaidFen();
        }
        int purchases = visits.size() + 1;
        long minPurchases = rule.parameter("min_purchases"), minTotal = rule.parameter("min_total_fen");
        if (purchases < minPurchases || total < minTotal) return List.of();
        return List.of(new Finding(purchases + " pharmacy purchases paid from the individual account in " + days
                + " days, " + Yuan.of(total) + " yuan in all", List.of(), visits,
                "fewer than " + minPurchases + " purchases or less than " + Yuan.of(minTotal) + " yuan in " + days + " days"));
    }
}
