package org.openyibao.platform.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.openyibao.platform.web.ApiException;

/**
 * Checks on request fields that answer 400 naming the field ("admdvs: must be 6 digits"). The
 * messages never repeat a field's value: it may be an ID number or a name.
 */
public final class Fields {
    private static final Pattern ADMDVS = Pattern.compile("[0-9]{6}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private Fields() {}

    public static ApiException bad(String field, String problem) {
        return ApiException.badRequest(field, field + ": " + problem);
    }

    public static <T> T required(String field, T value) {
        if (value == null) throw bad(field, "required");
        return value;
    }

    /** Required text, trimmed, at most {@code max} characters, no control characters. */
    public static String text(String field, String value, int max) {
        String v = optionalText(field, value, max);
        if (v == null) throw bad(field, "required");
        return v;
    }

    /** Optional text: null when absent or blank. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > max) throw bad(field, "at most " + max + " characters");
        if (v.chars().anyMatch(Character::isISOControl)) throw bad(field, "must not contain control characters");
        return v;
    }

    /** A pooling-region code: 6 digits. */
    public static String admdvs(String field, String value) {
        String v = text(field, value, 6);
        if (!ADMDVS.matcher(v).matches()) throw bad(field, "must be a 6-digit region code (admdvs)");
        return v;
    }

    /** An identifier: letters, digits, '_', '.', '-', starting with a letter or digit. */
    public static String code(String field, String value, int max) {
        String v = text(field, value, max);
        if (!CODE.matcher(v).matches()) throw bad(field, "letters, digits, '_', '.' or '-' only");
        return v;
    }

    public static String optionalCode(String field, String value, int max) {
        return value == null || value.isBlank() ? null : code(field, value, max);
    }

    /** One of the allowed words; absent gives {@code dflt} (null: required). */
    public static String oneOf(String field, String value, String dflt, String... allowed) {
        if (value == null || value.isBlank()) {
            if (dflt == null) throw bad(field, "required (" + String.join("|", allowed) + ")");
            return dflt;
        }
        if (Arrays.asList(allowed).contains(value)) return value;
        throw bad(field, "must be one of " + String.join("|", allowed));
    }

    /** {@code until} is absent (open) or not before {@code from}. */
    public static void notBefore(String untilField, LocalDate until, String fromField, LocalDate from) {
        if (until != null && from != null && until.isBefore(from)) throw bad(untilField, "must not be before " + fromField);
    }

    /** A resident ID number checked by GB 11643, to look a person up; the reason names the rule, never the number. */
    public static ResidentId certNo(String field, String value) {
        return certNo(field, value, null);
    }

    /** The ID number of a person registered {@code today} (null: not checked against a day). */
    public static ResidentId certNo(String field, String value, LocalDate today) {
        if (value == null || value.isBlank()) throw bad(field, "required");
        try {
            return today == null ? ResidentId.parse(value.strip()) : ResidentId.parse(value.strip(), today);
        } catch (ResidentId.Invalid e) {
            throw bad(field, e.getMessage());
        }
    }
}
