package org.openyibao.platform.casepayment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.web.ApiException;

/**
 * The DIP budget of a region's year per scheme, stored by the agency (docs/hospital-payment.md#dip-budgets): the
 * pooling fund's total for the year's DIP-scored cases, which the year-end ({@link CaseYearEnds}, close-year's
 * {@link CaseYearEndEntries}) divides over the year's points. Set again, a scheme's budget replaces the one before
 * until the year is closed.
 */
@org.springframework.stereotype.Service
public class DipBudgets {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HospitalRegions regions;
    private final Clock clock;

    public DipBudgets(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.clock = clock;
    }

    /** The year's stored budgets, in yuan by scheme key. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Stored(String admdvs, int year, Map<String, BigDecimal> budgets) {}

    /** Stores the budgets given (fen by scheme); refused: no budget given (400 budgets), a closed year (409 year). */
    public Stored set(String admdvs, int year, Map<Scheme, Long> budgets, String who) {
        regions.require(admdvs);
        HospitalRegions.year(year);
        if (budgets.isEmpty()) {
            throw ApiException.badRequest("budgets", "budgets: give the DIP budget of at least one scheme (employee, resident)"
                    + " in yuan");
        }
        Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        tx.executeWithoutResult(s -> {
            // one writer per region at a time, so two first settings of a scheme do not both insert
            jdbc.queryForList("SELECT admdvs FROM region WHERE admdvs = ? FOR UPDATE", String.class, admdvs);
            Integer closed = jdbc.queryForObject("SELECT COUNT(*) FROM year_close WHERE admdvs = ? AND fiscal_year = ?",
                    Integer.class, admdvs, year);
            if (closed > 0) {
                throw ApiException.conflict("year", "year: " + year + " of region " + admdvs + " is closed; its DIP budgets stand");
            }
            budgets.forEach((scheme, fen) -> {
                int n = jdbc.update("UPDATE case_dip_budget SET budget_fen = ?, set_by = ?, set_at = ? WHERE admdvs = ?"
                        + " AND fiscal_year = ? AND scheme = ?", fen, who, at, admdvs, year, scheme.key);
                if (n == 0) {
                    jdbc.update("INSERT INTO case_dip_budget (admdvs, fiscal_year, scheme, budget_fen, set_by, set_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", admdvs, year, scheme.key, fen, who, at);
                }
            });
        });
        return read(admdvs, year);
    }

    /** The year's stored budgets as the API shows them. */
    public Stored read(String admdvs, int year) {
        regions.require(admdvs);
        HospitalRegions.year(year);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        budgets(admdvs, year).forEach((s, fen) -> out.put(s.key, Money.yuan(fen)));
        return new Stored(admdvs, year, out);
    }

    /** The year's stored budgets in fen by scheme (empty when none is stored). */
    public Map<Scheme, Long> budgets(String admdvs, int year) {
        Map<Scheme, Long> m = new EnumMap<>(Scheme.class);
        jdbc.query("SELECT scheme, budget_fen FROM case_dip_budget WHERE admdvs = ? AND fiscal_year = ? ORDER BY scheme",
                rs -> {
                    Scheme s = Scheme.of(rs.getString(1));
                    if (s != null) m.put(s, rs.getLong(2));
                }, admdvs, year);
        return m;
    }
}
