package org.openyibao.platform.insurer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.web.ApiException;

/**
 * Which cases of a region a queue shows: by status, month of the settlement, institution, and the serious-illness
 * amount as settled (from, to, in yuan); a page of {@code size} rows (1-100), pages counted from 1. Read from a
 * request's words, refusing a bad one with 400 naming the field.
 */
public record CaseFilter(String status, YearMonth month, String institution, Long fromFen, Long toFen, int page, int size) {
    public static final List<String> STATUSES = List.of("open", "not_sampled", "approved", "adjusted", "rejected", "withdrawn");
    public static final int DEFAULT_SIZE = 20;

    /** The filter a request asks for; blank words are "any". */
    public static CaseFilter of(String status, String month, String institution, String from, String to, Integer page,
                                Integer size) {
        String st = blank(status) ? null : status.trim();
        if (st != null && !STATUSES.contains(st)) {
            throw ApiException.badRequest("status", "status: one of " + String.join(", ", STATUSES) + ", not " + shown(st));
        }
        YearMonth m = null;
        if (!blank(month)) {
            try {
                m = YearMonth.parse(month.trim());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("month", "month: a month as YYYY-MM, not " + shown(month));
            }
        }
        Long f = amount("amount_from", from), t = amount("amount_to", to);
        if (f != null && t != null && f > t) throw ApiException.badRequest("amount_to", "amount_to: below amount_from");
        int p = page == null ? 1 : page;
        if (p < 1 || p > 100_000) throw ApiException.badRequest("page", "page: from 1");
        int s = size == null ? DEFAULT_SIZE : size;
        if (s < 1 || s > 100) throw ApiException.badRequest("size", "size: from 1 to 100");
        return new CaseFilter(st, m, blank(institution) ? null : institution.trim(), f, t, p, s);
    }

    /** The open cases, first page. */
    public static CaseFilter open() {
        return new CaseFilter("open", null, null, null, null, 1, DEFAULT_SIZE);
    }

    LocalDate monthStart() {
        return month.atDay(1);
    }

    LocalDate monthEnd() {
        return month.atEndOfMonth();
    }

    private static Long amount(String field, String yuan) {
        if (blank(yuan)) return null;
        try {
            BigDecimal d = new BigDecimal(yuan.trim());
            if (d.signum() < 0 || d.compareTo(BigDecimal.valueOf(1_000_000_000)) > 0) throw new NumberFormatException();
            return Money.fen(d);
        } catch (NumberFormatException | ArithmeticException e) {
            throw ApiException.badRequest(field, field + ": an amount in yuan (at most two decimals, not negative), not " + shown(yuan));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String shown(String s) {
        return "'" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "'";
    }
}
