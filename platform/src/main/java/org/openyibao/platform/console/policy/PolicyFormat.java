package org.openyibao.platform.console.policy;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Unit;
import org.openyibao.platform.console.ConsoleFormat;

/**
 * A policy value as the explorer shows it, as {@code ${@policyFmt.value(unit, value)}}: amounts in yuan with two
 * decimals (through {@link ConsoleFormat}), ratios as percentages, multiples as "× n", yes and no, lists joined; no
 * value as a dash in words.
 */
@Component("policyFmt")
public class PolicyFormat {
    /** Between an amount and its unit: they stay on one line. */
    static final String NBSP = "\u00a0";
    private final ConsoleFormat fmt;
    private final MessageSource messages;

    public PolicyFormat(ConsoleFormat fmt, MessageSource messages) {
        this.fmt = fmt;
        this.messages = messages;
    }

    public String value(Unit unit, Object value) {
        if (value == null) return words("policy.value.none");
        return switch (unit) {
            case CURRENCY -> (Long) value == Money.UNLIMITED ? words("policy.value.unlimited")
                    : fmt.yuan((Long) value) + NBSP + words("unit.yuan");
            case RATIO -> percent((Integer) value);
            case MULTIPLE -> "×" + NBSP + ppm((Integer) value).toPlainString();
            case MONTHS -> value + NBSP + words("policy.unit.months");
            case YEARS -> value + NBSP + words("policy.unit.years");
            case DAYS -> value + NBSP + words("policy.unit.days");
            case BOOLEAN -> words((Boolean) value ? "policy.value.yes" : "policy.value.no");
            case TIERS -> String.join(" → ", strings(value));
            case CODES -> String.join(", ", strings(value));
            case CHOICE -> value.toString();
            case REASONS -> reasons(value);
        };
    }

    /** The insurer's audit reasons: their codes and words in the page's language. */
    @SuppressWarnings("unchecked")
    private String reasons(Object value) {
        String lang = LocaleContextHolder.getLocale().getLanguage();
        return String.join("; ", ((List<org.openyibao.engine.policy.AuditReason>) value).stream()
                .map(r -> r.code() + " (" + r.words(lang) + ")").toList());
    }

    /** Parts per million as a percentage: 450000 → "45%", 625000 → "62.5%". */
    public String percent(int ppm) {
        return ppm(ppm).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    private static BigDecimal ppm(int ppm) {
        return BigDecimal.valueOf(ppm).movePointLeft(6).stripTrailingZeros();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }

    private String words(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
