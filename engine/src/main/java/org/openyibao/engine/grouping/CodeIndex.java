package org.openyibao.engine.grouping;

import java.util.Locale;
import java.util.Map;

/**
 * Codes listed at different depths, found by the longest listed code a case's code starts with: {@code K35.800} is
 * found under {@code K35} unless {@code K35.8} is listed too (docs/decisions.md#illustrative-grouping-tables).
 */
final class CodeIndex<V> {
    private final Map<String, V> byCode = new java.util.LinkedHashMap<>();
    private int longest;

    /** Lists {@code code}; a second listing of the same code keeps the first (tables list each code once). */
    void put(String code, V value) {
        String c = normal(code);
        if (c.isEmpty()) return;
        byCode.putIfAbsent(c, value);
        longest = Math.max(longest, c.length());
    }

    /** The value of the longest listed prefix of {@code code}, or null. */
    V find(String code) {
        if (code == null) return null;
        String c = normal(code);
        for (int len = Math.min(c.length(), longest); len > 0; len--) {
            V v = byCode.get(len == c.length() ? c : c.substring(0, len));
            if (v != null) return v;
        }
        return null;
    }

    /** The longest listed prefix of {@code code} itself, or null. */
    String matchedCode(String code) {
        if (code == null) return null;
        String c = normal(code);
        for (int len = Math.min(c.length(), longest); len > 0; len--) {
            String p = c.substring(0, len);
            if (byCode.containsKey(p)) return p;
        }
        return null;
    }

    /** The listed codes, in the order they were listed. */
    java.util.List<String> codes() {
        return java.util.List.copyOf(byCode.keySet());
    }

    boolean isEmpty() {
        return byCode.isEmpty();
    }

    static String normal(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether {@code code} starts with {@code prefix}, both as tables and cases write them. */
    static boolean startsWith(String code, String prefix) {
        return normal(code).startsWith(normal(prefix));
    }
}
