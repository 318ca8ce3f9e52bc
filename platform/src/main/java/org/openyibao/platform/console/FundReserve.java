package org.openyibao.platform.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Region;

/**
 * How many months of expenditure each fund's balance covers (可支付月数), and the band it falls in by the region's
 * policy pack. The months counted are those of the year up to the last month with any income or expenditure in any
 * fund (a year in progress is not averaged over months still to come): the balance at that month's end ÷ the
 * average monthly expenditure over those months.
 */
@Service
public class FundReserve {
    private final PolicyPacks packs;
    private final Clock clock;

    public FundReserve(PolicyPacks packs, Clock clock) {
        this.packs = packs;
        this.clock = clock;
    }

    /** One fund's reserve: months null when the fund spent nothing in the months counted. */
    public record Coverage(String fund, BigDecimal balance, BigDecimal monthlyExpenditure, int monthsCounted,
                           BigDecimal months, ReserveBands.Band band) {}

    /** The reserves of the report's funds, and the bands they were judged by (null: the pack gives none). */
    public record Reserves(List<Coverage> funds, ReserveBands bands, int monthsCounted) {}

    public Reserves of(Region region, FundReport.Report report) {
        LocalDate yearEnd = LocalDate.of(report.year(), 12, 31), today = LocalDate.now(clock);
        ReserveBands bands = ReserveBands.of(packs.pack(region.policyPack()), yearEnd.isBefore(today) ? yearEnd : today);
        int counted = monthsWithMovement(report);
        List<Coverage> out = new ArrayList<>();
        for (FundReport.FundYear f : report.funds()) {
            if (counted == 0) {
                out.add(new Coverage(f.fund(), f.openingBalance(), BigDecimal.ZERO, 0, null, ReserveBands.Band.NO_SPENDING));
                continue;
            }
            BigDecimal spent = BigDecimal.ZERO;
            for (int m = 0; m < counted; m++) spent = spent.add(f.months().get(m).expenditure());
            BigDecimal monthly = spent.divide(BigDecimal.valueOf(counted), 2, RoundingMode.HALF_UP);
            BigDecimal balance = f.months().get(counted - 1).balance();
            // months = balance ÷ (spent ÷ counted) = balance × counted ÷ spent, from the exact amounts
            BigDecimal months = spent.signum() <= 0 ? null
                    : balance.multiply(BigDecimal.valueOf(counted)).divide(spent, 1, RoundingMode.HALF_UP);
            ReserveBands.Band band = bands == null ? null
                    : bands.band(balance.multiply(BigDecimal.valueOf(counted)), spent);
            out.add(new Coverage(f.fund(), balance, monthly, counted, months, band));
        }
        return new Reserves(out, bands, counted);
    }

    /** The last month (1–12) of the report with any income or expenditure in any fund; 0 when none has any. */
    static int monthsWithMovement(FundReport.Report report) {
        int last = 0;
        for (FundReport.FundYear f : report.funds()) {
            for (int m = 0; m < f.months().size(); m++) {
                FundReport.Month x = f.months().get(m);
                if (x.income().signum() != 0 || x.expenditure().signum() != 0) last = Math.max(last, m + 1);
            }
        }
        return last;
    }
}
