package org.openyibao.platform.fsi.fuzz;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * What the fuzz puts where a value, a header or a path should be: each list holds the odd cases the outside attack
 * test and the national clients taught us to expect. JSON values are raw JSON text (some of it deliberately not
 * valid JSON); no list holds a small whole number or a plausible code, so a mutated request never names another
 * test's person, credential or region by chance.
 */
final class OddValues {
    private OddValues() {}

    /** Numbers as JSON text: huge and tiny exponents (in and beyond int range), 40-digit ints, -0, edges of long. */
    static final List<String> NUMBERS = List.of("-0", "-0.0", "0.000", "1e999999999", "-1e999999999", "1e-999999999", "1E+400",
            "1e309", "1e2147483647", "1e2147483648", "-1e2147483648", "1e-2147483648", "1e-2147483649", "1e9223372036854775807",
            "1e99999999999999999999", "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649",
            "4.9e-324", "1.7976931348623157e308", "0.005", "12.345", "-12.30", "99999999999999.99", "100000000000000",
            "1.0000000000000000000000001", "1e18", "-1e18", "5e-1", "0.1e1", "123456789.123456789");

    /** Number-like tokens that are not JSON: the parser must refuse them as malformed. */
    static final List<String> NOT_JSON_NUMBERS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", "1.", "-", ".5",
            "0x1F", "1e", "1e+", "--1", "1_000", "１２", "1,5", "0b101", "1e999999999999999999999999999999999999999999");

    /** Strings (as Java text; written as JSON strings by {@link #string}). */
    static final List<String> STRINGS = List.of("", " ", "\u0000", "null", "true", "NaN", "1e999999999", "-0", "０", "中文名字",
            "王医生😀", "\u202e\u200b\ufeff", "2026-02-30", "2026-13-01 25:61:61", "9999-12-31 23:59:59", "0000-00-00",
            "-999999999-01-01", "2026-01-05T09:30:00Z", "20260105093000", "../../../etc/passwd", "%00%2e%2e%2f", "%s%s%n%x",
            "${jndi:ldap://127.0.0.1/a}", "<script>alert(1)</script>", "' OR '1'='1' --", "\r\n\r\nHTTP/1.1 200 OK\r\n",
            "\t\b\f", "\\u0000", "\"", "\\", "A".repeat(41), "9".repeat(100), "H44080000001\u0000", "SM4", "SM2",
            "9999", "2207", "0000");

    /** JSON escapes a writer would never produce: lone surrogates, escaped NUL. */
    static final List<String> ODD_ESCAPES = List.of("\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud83d\"", "\"\\u0000\\u0001\"",
            "\"\\uDBFF\\uDFFF\"", "\"\\x41\"", "\"\\u12\"", "\"\\/\\b\"");

    static final List<String> STRUCTURES = List.of("[]", "{}", "[null]", "[{}]", "{\"\":null}", "[[]]", "true", "false", "null",
            "[1,\"a\",{},[],null,true]", "{\"data\":{}}", "{\"0\":{\"0\":{}}}");

    /** A raw JSON value: a number, a string, an odd escape, a structure, a long string or deep nesting. */
    static String json(Random rnd) {
        int k = rnd.nextInt(100);
        if (k < 25) return pick(rnd, NUMBERS);
        if (k < 30) return pick(rnd, NOT_JSON_NUMBERS);
        if (k < 55) return string(pick(rnd, STRINGS));
        if (k < 60) return pick(rnd, ODD_ESCAPES);
        if (k < 75) return pick(rnd, STRUCTURES);
        if (k < 82) return string(longText(rnd));
        if (k < 87) return nested(rnd);
        if (k < 90) return manyElements(rnd);
        return string(randomText(rnd, 1 + rnd.nextInt(30)));
    }

    static String string(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Nesting from a little to far beyond the parser's limit (1,000). */
    static String nested(Random rnd) {
        int depth = rnd.nextInt(10) == 0 ? 100_000 : pick(rnd, List.of(10, 999, 1000, 1001, 5000));
        boolean arrays = rnd.nextBoolean();
        StringBuilder b = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) b.append(arrays ? "[" : "{\"a\":");
        b.append(arrays ? "1" : "null");
        for (int i = 0; i < depth; i++) b.append(arrays ? "]" : "}");
        return b.toString();
    }

    static String manyElements(Random rnd) {
        int n = rnd.nextInt(10) == 0 ? 20_000 : pick(rnd, List.of(100, 1000));
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(rnd.nextBoolean() ? "{}" : "0");
        return b.append(']').toString();
    }

    static String longText(Random rnd) {
        // the huge ones now and then: they cost the most time, and one in ten still makes thousands in a long run
        int n = rnd.nextInt(10) == 0 ? pick(rnd, List.of(70_000, 300_000)) : pick(rnd, List.of(64, 1000, 8192));
        char c = pick(rnd, List.of('A', '9', '中', ' ', '%'));
        return String.valueOf(c).repeat(n);
    }

    /** Random characters from the whole BMP, controls and surrogates included. */
    static String randomText(Random rnd, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int bucket = rnd.nextInt(4);
            b.append((char) (bucket == 0 ? rnd.nextInt(32) : bucket == 1 ? 32 + rnd.nextInt(95) : bucket == 2 ? 0xD800 + rnd.nextInt(0x800)
                    : rnd.nextInt(0x10000)));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------ transport

    static final List<String> METHODS = List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT",
            "PROPFIND", "post", "P0ST", "FOO", "M".repeat(1000), "GET POST");

    static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/2", "HTTP/3.0", "HTTP/0.9", "HTTP/9.9",
            "HTTPS/1.1", "http/1.1", "", "HTTP/1.1 extra", "HTTP/11.1", "HTTP/1.1\u0000");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/json; charset=gbk", "application/json; charset=x-unknown",
            "application/json; charset=utf-16", "application/json;charset=", "*/*", "application/*", "*", "multipart/form-data",
            "multipart/form-data; boundary=", "multipart/*", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded",
            "text/xml", "garbage;;;", "application/json; charset=\"", "application/json; " + "p=v; ".repeat(400), "image/png",
            "application/octet-stream", "text/html; charset=iso-8859-1", "application/json, text/plain");

    static final List<String> ACCEPTS = List.of("image/png", "text/html", "application/xml", "*/*;q=0", "application/json;q=0",
            "garbage", "", "text/event-stream", "application/octet-stream", "text/csv", "application/problem+json", "*/*;q=x",
            "application/json;q=0, text/html");

    static final List<String> TRANSFER_CODINGS = List.of("gzip", "chunked, gzip", "gzip, chunked", "identity", "compress", "x-unknown",
            "chunked, chunked", "deflate", "br, chunked", "chunked;x=1", "CHUNKED");

    static final List<String> CONTENT_LENGTHS = List.of("-1", "99999999999999999999", "abc", "1e3", "0", "+5", " 7", "0x10");

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
