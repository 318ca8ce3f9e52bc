package org.openyibao.platform.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import org.openyibao.platform.ledger.FundReport;
import org.openyibao.platform.registry.Region;

/**
 * The dashboard's figures of a region and year (the fund report, the reserves, the settlement mix), computed from the
 * ledger and the settlements and kept for {@code yibao.console.dashboard-max-age} (a minute by default): with a
 * million settlements they take seconds to add up, and a dashboard opened many times a day needs not add them up each
 * time. Older figures are still shown while fresh ones are computed in the background, so only the first opening of a
 * region's year waits; the page says when its figures were computed. One computation per region and year at a time.
 */
@Service
public class DashboardFigures implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(DashboardFigures.class);
    static final int KEPT = 64;

    private final FundReport funds;
    private final FundReserve reserves;
    private final SettlementMix mix;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Figures> kept = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> firstOpenings = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dashboard-figures");
        t.setDaemon(true);
        return t;
    });

    public DashboardFigures(FundReport funds, FundReserve reserves, SettlementMix mix, Clock clock,
                            @Value("${yibao.console.dashboard-max-age:PT1M}") Duration maxAge) {
        this.funds = funds;
        this.reserves = reserves;
        this.mix = mix;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The figures, when they were computed and how long that took. */
    public record Figures(FundReport.Report report, FundReserve.Reserves reserves, SettlementMix.Mix mix, Instant computedAt,
                          LocalDateTime computedLocal, long millis) {}

    /** The region's figures of {@code year}: kept ones if young enough, else kept ones while fresh ones are computed. */
    public Figures of(Region region, int year) {
        String key = region.admdvs() + "/" + year;
        Figures f = kept.get(key);
        if (f == null) return computeOnce(key, region, year);
        if (f.computedAt().plus(maxAge).isBefore(clock.instant()) && refreshing.add(key)) {
            background.submit(() -> {
                try {
                    keep(key, compute(region, year));
                } catch (RuntimeException e) {
                    log.warn("dashboard figures of {} not refreshed: {}", key, e.toString());
                } finally {
                    refreshing.remove(key);
                }
            });
        }
        return f;
    }

    /** The first opening: computed here, once even when several ask at the same moment. */
    private Figures computeOnce(String key, Region region, int year) {
        synchronized (firstOpenings.computeIfAbsent(key, k -> new Object())) {
            Figures f = kept.get(key);
            if (f != null) return f;
            f = compute(region, year);
            keep(key, f);
            return f;
        }
    }

    private void keep(String key, Figures f) {
        if (kept.size() >= KEPT && !kept.containsKey(key)) kept.clear();
        kept.put(key, f);
    }

    private Figures compute(Region region, int year) {
        Instant at = clock.instant();
        long t0 = System.nanoTime();
        FundReport.Report report = funds.report(region.admdvs(), year);
        Figures f = new Figures(report, reserves.of(region, report), mix.of(region.admdvs(), year), at,
                LocalDateTime.ofInstant(at, clock.getZone()).withNano(0), (System.nanoTime() - t0) / 1_000_000);
        return f;
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
