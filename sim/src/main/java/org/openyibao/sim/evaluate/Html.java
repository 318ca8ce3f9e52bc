package org.openyibao.sim.evaluate;

/** HTML text escaping: every string from data (labels of runs, funds …) goes through {@link #escape}. */
final class Html {

    private Html() {
    }

    /** Escapes {@code & < > " '} for text and attribute values. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
