package org.openyibao.platform.fsi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.openyibao.engine.error.Echo;
import org.openyibao.engine.money.Money;

/**
 * Reads the fields of an input the same way in every handler, and refuses a bad one with infcode -1 and an
 * err_msg naming it by its full path ({@code input.data.psn_no: required}).
 *
 * <pre>
 * FsiFields d = call.data();                           // input.data, required object
 * String psnNo = d.text("psn_no");                     // required
 * String card = d.optText("card_sn");                  // null when absent, null or ""
 * LocalDateTime begn = d.dateTime("begntime");         // yyyy-MM-dd HH:mm:ss
 * long sum = d.amount("medfee_sumamt");                // fen, from 12.3 or "12.30"
 * for (FsiFields line : call.fields().array("feedetail")) { ... }   // input.feedetail[0]...
 * </pre>
 *
 * Conventions (INTERFACE §1.1): an absent key, JSON {@code null} and a blank string all mean "not given" (clients
 * typed with strings send {@code ""}); numbers may arrive as JSON numbers or strings; text may arrive as a number.
 * Dates are {@code yyyy-MM-dd} (a {@code yyyy-MM-dd HH:mm:ss} value is accepted and its date taken); date-times are
 * {@code yyyy-MM-dd HH:mm:ss} (a bare date means its midnight; {@code T} is accepted for the space).
 */
public final class FsiFields {
    /** numeric(16,2): at most 14 digits before the point. */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r?\\n");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final JsonNode node;
    private final String path;

    private FsiFields(JsonNode node, String path) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
    }

    /** The fields of {@code node}, whose own path is {@code path} ("input", "input.data", "" for the envelope). */
    public static FsiFields of(JsonNode node, String path) {
        return new FsiFields(node, path == null ? "" : path);
    }

    public JsonNode node() {
        return node;
    }

    public String path() {
        return path;
    }

    /** The full path of a field of this object, for err_msg. */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The raw value, or null when not given (absent, null or blank). */
    public JsonNode value(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isMissingNode()) return null;
        if (v.isTextual() && v.asText().isBlank()) return null;
        return v;
    }

    public boolean has(String name) {
        return value(name) != null;
    }

    // ------------------------------------------------------------------------------------------ structure

    /** A required object. */
    public FsiFields object(String name) {
        FsiFields o = optObject(name);
        if (o == null) throw FsiException.invalid(path(name), "required");
        return o;
    }

    /** An optional object, or null. */
    public FsiFields optObject(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (!v.isObject()) throw FsiException.invalid(path(name), "must be an object");
        return new FsiFields(v, path(name));
    }

    /** A required, non-empty list of objects; a single object is taken as a list of one (some clients send that). */
    public List<FsiFields> array(String name) {
        List<FsiFields> list = optArray(name);
        if (list.isEmpty()) throw FsiException.invalid(path(name), "required (a non-empty list)");
        return list;
    }

    /** An optional list of objects, empty when not given. Elements are named {@code path.name[i]}. */
    public List<FsiFields> optArray(String name) {
        JsonNode v = value(name);
        List<FsiFields> out = new ArrayList<>();
        if (v == null) return out;
        if (v.isObject()) {
            out.add(new FsiFields(v, path(name)));
            return out;
        }
        if (!v.isArray()) throw FsiException.invalid(path(name), "must be a list");
        for (int i = 0; i < v.size(); i++) {
            String p = path(name) + "[" + i + "]";
            if (!v.get(i).isObject()) throw FsiException.invalid(p, "must be an object");
            out.add(new FsiFields(v.get(i), p));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ text

    /** Required text (a number is taken as its text), trimmed. */
    public String text(String name) {
        String s = optText(name);
        if (s == null) throw FsiException.invalid(path(name), "required");
        return s;
    }

    /** Required text of at most {@code maxLength} characters. */
    public String text(String name, int maxLength) {
        return checkLength(name, text(name), maxLength);
    }

    /** Optional text, trimmed; null when not given. */
    public String optText(String name) {
        JsonNode v = value(name);
        if (v == null) return null;
        if (v.isTextual()) return v.asText().trim();
        if (v.isNumber()) {
            // a code sent as a number: written out, but never a number whose plain form is huge (1e100000000)
            BigDecimal d = v.decimalValue();
            if (Echo.integerDigits(d) > 40 || d.scale() > 40) {
                throw FsiException.invalid(path(name), "must be text, got the number " + Echo.number(d));
            }
            return v.isBigDecimal() ? d.toPlainString() : v.asText();
        }
        if (v.isBoolean()) return v.asText();
        throw FsiException.invalid(path(name), "must be text");
    }

    /** Optional text of at most {@code maxLength} characters. */
    public String optText(String name, int maxLength) {
        String s = optText(name);
        return s == null ? null : checkLength(name, s, maxLength);
    }

    /** Required code from a code table: {@code code("med_type", "11", "12", "13")}. */
    public String code(String name, String... allowed) {
        return checkCode(name, text(name), allowed);
    }

    /** Optional code from a code table, or null. */
    public String optCode(String name, String... allowed) {
        String s = optText(name);
        return s == null ? null : checkCode(name, s, allowed);
    }

    private String checkLength(String name, String s, int maxLength) {
        if (s.length() > maxLength) throw FsiException.invalid(path(name), "at most " + maxLength + " characters, got " + s.length());
        return s;
    }

    private String checkCode(String name, String s, String... allowed) {
        if (Arrays.asList(allowed).contains(s)) return s;
        throw FsiException.invalid(path(name), "must be one of " + String.join(", ", allowed) + "; got \"" + s + "\"");
    }

    // ------------------------------------------------------------------------------------------ dates

    /** A required date, {@code yyyy-MM-dd}. */
    public LocalDate date(String name) {
        LocalDate d = optDate(name);
        if (d == null) throw FsiException.invalid(path(name), "required (yyyy-MM-dd)");
        return d;
    }

    public LocalDate optDate(String name) {
        String s = optText(name);
        if (s == null) return null;
        try {
            if (s.length() == 10) return LocalDate.parse(s, DATE);
            return parseDateTime(s).toLocalDate();
        } catch (DateTimeParseException e) {
            throw FsiException.invalid(path(name), "must be a date yyyy-MM-dd, got \"" + s + "\"");
        }
    }

    /** A required date-time, {@code yyyy-MM-dd HH:mm:ss}. */
    public LocalDateTime dateTime(String name) {
        LocalDateTime t = optDateTime(name);
        if (t == null) throw FsiException.invalid(path(name), "required (yyyy-MM-dd HH:mm:ss)");
        return t;
    }

    public LocalDateTime optDateTime(String name) {
        String s = optText(name);
        if (s == null) return null;
        try {
            if (s.length() == 10) return LocalDate.parse(s, DATE).atStartOfDay();
            return parseDateTime(s);
        } catch (DateTimeParseException e) {
            throw FsiException.invalid(path(name), "must be a date-time yyyy-MM-dd HH:mm:ss, got \"" + s + "\"");
        }
    }

    private static LocalDateTime parseDateTime(String s) {
        return LocalDateTime.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) + ' ' + s.substring(11) : s,
                DATE_TIME);
    }

    // ------------------------------------------------------------------------------------------ numbers

    /** A required amount in fen, not negative: from a JSON number or a string, at most 2 decimals, numeric(16,2). */
    public long amount(String name) {
        return toFen(required(name), path(name), false);
    }

    /** An optional amount in fen (not negative), or null. */
    public Long optAmount(String name) {
        JsonNode v = value(name);
        return v == null ? null : toFen(v, path(name), false);
    }

    /** A required amount in fen that may be negative (a refund line). */
    public long signedAmount(String name) {
        return toFen(required(name), path(name), true);
    }

    public Long optSignedAmount(String name) {
        JsonNode v = value(name);
        return v == null ? null : toFen(v, path(name), true);
    }

    /** A required decimal (a quantity, a price, a ratio) with at most {@code maxScale} decimals. */
    public BigDecimal decimal(String name, int maxScale) {
        return toDecimal(required(name), path(name), maxScale);
    }

    public BigDecimal optDecimal(String name, int maxScale) {
        JsonNode v = value(name);
        return v == null ? null : toDecimal(v, path(name), maxScale);
    }

    /** A required whole number. */
    public long integer(String name) {
        return toInteger(required(name), path(name));
    }

    public Long optInteger(String name) {
        JsonNode v = value(name);
        return v == null ? null : toInteger(v, path(name));
    }

    /**
     * Required bytes (9101's {@code fsUploadIn.in}): a JSON array of byte values (json-lib clients send signed bytes,
     * -128..127; 0..255 is accepted too), a Base64 string (Jackson clients), or binary already attached by the transport
     * (a multipart upload).
     */
    public byte[] bytes(String name) {
        JsonNode v = required(name);
        try {
            if (v.isBinary()) return v.binaryValue();
        } catch (java.io.IOException e) {
            throw FsiException.invalid(path(name), "unreadable bytes");
        }
        if (v.isTextual()) {
            try {
                // strict: line breaks as MIME encoders wrap, nothing else (the MIME decoder skips any illegal character)
                return Base64.getDecoder().decode(LINE_BREAKS.matcher(v.asText().trim()).replaceAll(""));
            } catch (IllegalArgumentException e) {
                throw FsiException.invalid(path(name), "must be Base64 or a list of byte values");
            }
        }
        if (v.isArray()) {
            byte[] b = new byte[v.size()];
            for (int i = 0; i < b.length; i++) {
                JsonNode e = v.get(i);
                if (!e.canConvertToInt() || !e.isIntegralNumber() || e.asInt() < -128 || e.asInt() > 255) {
                    throw FsiException.invalid(path(name) + "[" + i + "]", "must be a byte value (-128..255)");
                }
                b[i] = (byte) e.asInt();
            }
            return b;
        }
        throw FsiException.invalid(path(name), "must be Base64 or a list of byte values");
    }

    private JsonNode required(String name) {
        JsonNode v = value(name);
        if (v == null) throw FsiException.invalid(path(name), "required");
        return v;
    }

    // ------------------------------------------------------------------------------------------ static helpers

    /**
     * An amount to fen, exactly: a JSON number ({@code 12.3}) or a string ({@code "12.30"}); at most 2 decimals
     * (trailing zeros do not count), at most numeric(16,2). {@code path} names the field in the error.
     */
    public static long toFen(JsonNode v, String path, boolean allowNegative) {
        BigDecimal d = toDecimal(v, path, 2, "an amount");
        if (!allowNegative && d.signum() < 0) throw FsiException.invalid(path, "must not be negative, got " + Echo.number(d));
        if (d.abs().compareTo(MAX_AMOUNT) > 0) throw FsiException.invalid(path, "too large for numeric(16,2): " + Echo.number(d));
        return Money.fen(d);
    }

    /** Fen as yuan with 2 decimals, for outputs: {@code yuan(1230)} is {@code 12.30}. */
    public static BigDecimal yuan(long fen) {
        return Money.yuan(fen);
    }

    private static BigDecimal toDecimal(JsonNode v, String path, int maxScale) {
        return toDecimal(v, path, maxScale, "a number");
    }

    private static BigDecimal toDecimal(JsonNode v, String path, int maxScale, String what) {
        BigDecimal d;
        if (v.isNumber()) {
            // a mapper without USE_BIG_DECIMAL_FOR_FLOATS gives doubles: their shortest text is what was sent
            d = v.isFloatingPointNumber() && !v.isBigDecimal() ? new BigDecimal(v.asText()) : v.decimalValue();
        } else if (v.isTextual() && DECIMAL.matcher(v.asText().trim()).matches()) {
            d = new BigDecimal(v.asText().trim());
        } else {
            String got = v.isTextual() ? "\"" + abbreviate(v.asText()) + "\"" : v.getNodeType().name().toLowerCase();
            throw FsiException.invalid(path, "must be " + what + " (a number or a string such as \"12.30\"), got " + got);
        }
        // bounded before anything converts it: 1e100000000 written out is 100 MB (issue 10)
        if (Echo.integerDigits(d) > 18 && d.signum() != 0) throw FsiException.invalid(path, "too large: " + Echo.number(d));
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (stripped.scale() > maxScale) {
            throw FsiException.invalid(path, "at most " + maxScale + " decimals, got " + Echo.number(d));
        }
        return d;
    }

    private static long toInteger(JsonNode v, String path) {
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.asLong();
        if (v.isTextual() && INTEGER.matcher(v.asText().trim()).matches()) return Long.parseLong(v.asText().trim());
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue();
            if (Echo.integerDigits(d) > 19 || d.scale() > 40) {
                throw FsiException.invalid(path, "must be a whole number, got " + Echo.number(d));
            }
            try {
                return d.stripTrailingZeros().toBigIntegerExact().longValueExact();
            } catch (ArithmeticException e) {
                // not whole
            }
        }
        String got = v.isTextual() ? "\"" + abbreviate(v.asText()) + "\"" : v.isNumber() ? Echo.number(v.decimalValue())
                : v.getNodeType().name().toLowerCase();
        throw FsiException.invalid(path, "must be a whole number, got " + abbreviate(got));
    }

    private static String abbreviate(String s) {
        return Echo.cut(s);
    }
}
