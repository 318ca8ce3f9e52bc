package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.hospital.AnnualBudget;
import org.openyibao.engine.hospital.BudgetBasis;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.platform.web.ApiException;

/**
 * Institutions' annual budgets (总额控制, docs/hospital-payment.md): from last year's spending by the pooling fund at
 * the institution, grown by the rules' rate, or set by hand by the agency; split by month as the rules say, and stored
 * with the rules' date and the engine's steps. The budget covers the basic pooling fund only (hifp_pay), a declared
 * emergency's cases left out (DECISION, docs/decisions.md#hospital-payment).
 */
@Service
public class Budgets {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HospitalRegions regions;
    private final Clock clock;

    @Autowired
    public Budgets(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions) {
        this(jdbc, tx, regions, Clock.systemDefaultZone());
    }

    public Budgets(JdbcTemplate jdbc, TransactionTemplate tx, HospitalRegions regions, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.regions = regions;
        this.clock = clock;
    }

    /** A stored budget; amounts in fen (the API shows yuan). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Budget(String admdvs, String institutionCode, String institutionName, int year, String basis,
                         @JsonIgnore long lastYearSpendingFen, @JsonIgnore long annualFen, @JsonIgnore List<Long> monthlyFen,
                         LocalDate rulesDate, List<ShownStep> steps, String reason, String setBy) {
        @JsonProperty("last_year_spending")
        public BigDecimal lastYearSpending() {
            return Money.yuan(lastYearSpendingFen);
        }

        @JsonProperty("annual")
        public BigDecimal annual() {
            return Money.yuan(annualFen);
        }

        @JsonProperty("monthly")
        public List<BigDecimal> monthly() {
            return monthlyFen.stream().map(Money::yuan).toList();
        }

        /** The engine's budget, for the prepayments and the year-end. */
        public AnnualBudget engine() {
            return new AnnualBudget(annualFen, monthlyFen, List.of());
        }
    }

    /** What a computation did: the budgets made now, and the institutions passed over with the reason. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Computed(String admdvs, int year, List<Budget> made, List<String> passedOver) {}

    /**
     * Makes the year's budget of each of the region's institutions that has none, from last year's spending. Passed
     * over: an institution with a budget already, one with no pooling spending last year (a budget is then set by
     * hand), every one when the rules set budgets by hand. Idempotent: a second call makes nothing.
     */
    public Computed compute(String admdvs, Integer yearGiven, String by) {
        regions.require(admdvs);
        int year = HospitalRegions.year(yearGiven);
        BudgetRules rules = regions.rules(admdvs, year);
        return tx.execute(s -> {
            lockRegion(admdvs);
            List<Budget> made = new ArrayList<>();
            List<String> passed = new ArrayList<>();
            for (Map<String, Object> i : jdbc.queryForList("SELECT code, name FROM institution WHERE admdvs = ? ORDER BY code",
                    admdvs)) {
                String code = (String) i.get("code");
                if (find(admdvs, code, year).isPresent()) {
                    passed.add(code + ": has a budget for " + year + " already");
                    continue;
                }
                List<Long> months = lastYearMonths(admdvs, code, year - 1);
                long total = months.stream().mapToLong(Long::longValue).sum();
                if (BudgetRules.SET_BY_HAND.equals(rules.basis())) {
                    passed.add(code + ": the budget rules set each budget by hand (hospital.budget.basis)");
                } else if (total == 0) {
                    passed.add(code + ": no pooling-fund spending in " + (year - 1) + "; set its budget by hand");
                } else {
                    made.add(store(admdvs, code, year, rules, BudgetBasis.lastYearByMonth(months), null, by));
                }
            }
            return new Computed(admdvs, year, made, passed);
        });
    }

    /**
     * Sets an institution's budget by hand (its agreement with the agency), replacing the one it had. Refused: no
     * reason (400 reason), an amount missing or negative (400 annual), the year's prepayments begun (409 budget).
     */
    public Budget setByHand(String admdvs, Integer yearGiven, String code, BigDecimal annual, String reason, String by) {
        regions.require(admdvs);
        int year = HospitalRegions.year(yearGiven);
        regions.institution(admdvs, code);
        if (annual == null) throw ApiException.badRequest("annual", "annual: required, the year's budget in yuan");
        if (annual.signum() < 0 || annual.scale() > 2) {
            throw ApiException.badRequest("annual", "annual: " + annual.toPlainString() + " is not an amount in yuan of 0 or more");
        }
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason", "reason: required, why the budget is set by hand (e.g. the agreement)");
        }
        if (reason.length() > 200) throw ApiException.badRequest("reason", "reason: at most 200 characters");
        BudgetRules rules = regions.rules(admdvs, year);
        return tx.execute(s -> {
            lockRegion(admdvs);
            Integer prepaid = jdbc.queryForObject("SELECT COUNT(*) FROM institution_prepayment WHERE admdvs = ?"
                    + " AND institution_code = ? AND period LIKE ?", Integer.class, admdvs, code, year + "-%");
            if (prepaid > 0) {
                throw ApiException.conflict("budget", "budget: " + code + "'s prepayments of " + year + " have begun ("
                        + prepaid + " months); its budget can no longer change");
            }
            jdbc.update("DELETE FROM institution_budget WHERE admdvs = ? AND institution_code = ? AND budget_year = ?",
                    admdvs, code, year);
            List<Long> months = lastYearMonths(admdvs, code, year - 1);
            long total = months.stream().mapToLong(Long::longValue).sum();
            BudgetBasis basis = new BudgetBasis(total, Money.fen(annual), total == 0 ? List.of() : months);
            return store(admdvs, code, year, rules, basis, reason.strip(), by);
        });
    }

    public List<Budget> list(String admdvs, Integer yearGiven) {
        regions.require(admdvs);
        int year = HospitalRegions.year(yearGiven);
        return jdbc.query(SELECT + " WHERE b.admdvs = ? AND b.budget_year = ? ORDER BY b.institution_code",
                (rs, i) -> row(rs), admdvs, year);
    }

    public Optional<Budget> find(String admdvs, String code, int year) {
        return jdbc.query(SELECT + " WHERE b.admdvs = ? AND b.institution_code = ? AND b.budget_year = ?", (rs, i) -> row(rs),
                admdvs, code, year).stream().findFirst();
    }

    private static final String SELECT = "SELECT b.*, i.name AS institution_name FROM institution_budget b"
            + " JOIN institution i ON i.code = b.institution_code";

    private static Budget row(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<Long> months = Arrays.stream(rs.getString("monthly_fen").split(",")).map(Long::parseLong).toList();
        return new Budget(rs.getString("admdvs"), rs.getString("institution_code"), rs.getString("institution_name"),
                rs.getInt("budget_year"), rs.getString("basis"), rs.getLong("last_year_spending_fen"), rs.getLong("annual_fen"),
                months, rs.getObject("rules_date", LocalDate.class), ShownStep.parse(rs.getString("steps")),
                rs.getString("reason"), rs.getString("set_by"));
    }

    private Budget store(String admdvs, String code, int year, BudgetRules rules, BudgetBasis basis, String reason, String by) {
        AnnualBudget b = AnnualBudget.of(rules, basis);
        jdbc.update("INSERT INTO institution_budget (admdvs, institution_code, budget_year, basis, last_year_spending_fen,"
                        + " annual_fen, monthly_fen, rules_date, steps, reason, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?)", admdvs, code, year, basis.setByHandFen() != null ? "set_by_hand" : "last_year_spending",
                basis.lastYearSpendingFen(), b.annualFen(),
                b.monthlyFen().stream().map(String::valueOf).collect(Collectors.joining(",")),
                HospitalRegions.rulesDate(year), ShownStep.json(ShownStep.of(b.steps())), reason, by,
                Timestamp.from(clock.instant()));
        return find(admdvs, code, year).orElseThrow();
    }

    /**
     * What the pooling fund paid for settlements at the institution in {@code year}, by month of the visit: settled,
     * not cancelled, a declared emergency's cases (oth_pay &gt; 0) left out.
     */
    List<Long> lastYearMonths(String admdvs, String code, int year) {
        Long[] months = new Long[12];
        Arrays.fill(months, 0L);
        jdbc.query("SELECT EXTRACT(MONTH FROM visit_date), SUM(hifp_pay) FROM settlement WHERE admdvs = ?"
                + " AND institution_code = ? AND status = 'settled' AND oth_pay = 0 AND visit_date >= ? AND visit_date < ?"
                + " GROUP BY EXTRACT(MONTH FROM visit_date)", rs -> {
            months[rs.getInt(1) - 1] = rs.getLong(2);
        }, admdvs, code, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return List.of(months);
    }

    /** One change to a region's budgets and prepayments at a time: the region's prepaid account row. */
    private void lockRegion(String admdvs) {
        HospitalRegions.lock(jdbc, admdvs);
    }
}
