package org.openyibao.platform.hospital;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * What every part of paying hospitals asks of a region: that it exists, its budget rules for a year (read as of
 * 1 January: DECISION, docs/decisions.md#hospital-payment, a budget is agreed for the calendar year) and an
 * institution's name.
 */
@Component
public class HospitalRegions {
    private final JdbcTemplate jdbc;
    private final PolicyPacks packs;

    public HospitalRegions(JdbcTemplate jdbc, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.packs = packs;
    }

    /** Refused: not a 6-digit code (400 admdvs), no such region (404 admdvs). */
    public void require(String admdvs) {
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            throw ApiException.badRequest("admdvs", "admdvs: must be a 6-digit region code, got '" + admdvs + "'");
        }
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM region WHERE admdvs = ?", Integer.class, admdvs);
        if (n == 0) throw ApiException.notFound("admdvs", "admdvs: no region " + admdvs);
    }

    /** Refused: a missing or impossible year (400 year). */
    public static int year(Integer year) {
        if (year == null) throw ApiException.badRequest("year", "year: required (e.g. 2019)");
        if (year < 1900 || year > 9998) throw ApiException.badRequest("year", "year: " + year + " is not a valid year");
        return year;
    }

    /** The day a year's budget rules are read: 1 January. */
    public static LocalDate rulesDate(int year) {
        return LocalDate.of(year, 1, 1);
    }

    /** The region's policy pack. */
    public PolicyPack pack(String admdvs) {
        return packs.pack(jdbc.queryForObject("SELECT policy_pack FROM region WHERE admdvs = ?", String.class, admdvs));
    }

    /** The region's budget rules for {@code year}; refused (422 hospital.budget) when its pack has none or lacks a value. */
    public BudgetRules rules(String admdvs, int year) {
        String name = jdbc.queryForObject("SELECT policy_pack FROM region WHERE admdvs = ?", String.class, admdvs);
        PolicyPack pack = packs.pack(name);
        if (!BudgetRules.defined(pack)) {
            throw ApiException.refused("hospital.budget", "hospital.budget: policy pack " + name
                    + " has no budget rules for institutions (hospital.budget.*)");
        }
        try {
            return BudgetRules.of(pack, rulesDate(year));
        } catch (PolicyException | IllegalArgumentException e) {
            throw ApiException.refused("hospital.budget", "hospital.budget: policy pack " + name + " has no complete budget"
                    + " rules on " + rulesDate(year) + ": " + e.getMessage());
        }
    }

    /** The institution's name; refused (404 institution_code) when it is not one of the region's. */
    public String institution(String admdvs, String code) {
        List<String> names = jdbc.queryForList("SELECT name FROM institution WHERE code = ? AND admdvs = ?", String.class,
                code, admdvs);
        if (names.isEmpty()) {
            throw ApiException.notFound("institution_code", "institution_code: no institution " + code + " in region " + admdvs);
        }
        return names.get(0);
    }

    /**
     * One change to a region's hospital payments at a time (budgets, prepayments, decisions, runs, the year-end): the
     * pooling fund's prepaid account row, locked as the ledger locks it; a second caller waits, then finds the first's
     * rows.
     */
    static void lock(JdbcTemplate jdbc, String admdvs) {
        jdbc.queryForList("SELECT id FROM ledger_account WHERE code = ? FOR UPDATE", Long.class,
                admdvs + ":pooling:prepaid_institutions");
    }

    /** A source cut at its first colon: "Luo 2020, Appendix 2" of "Luo 2020, Appendix 2: a total control …". */
    public static String cite(String source) {
        if (source == null) return "the policy pack";
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(0, colon);
    }
}
