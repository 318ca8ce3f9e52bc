package org.openyibao.platform.enrolment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: comma-separated, fields optionally in double quotes ("" inside quotes is one
 * quote, and quoted fields may span lines), CRLF or LF, a byte-order mark at the start ignored.
 * Each record knows the physical line it starts on, for error reports.
 */
final class CsvReader implements AutoCloseable {
    private final BufferedReader in;
    private long line;
    private long recordLine;
    private boolean first = true;

    CsvReader(Reader in) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    }

    /** The next record's fields (empty strings for empty fields), or null at the end. */
    String[] next() throws IOException {
        String text = in.readLine();
        if (text == null) return null;
        line++;
        recordLine = line;
        if (first) {
            first = false;
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') text = text.substring(1);
        }
        if (text.indexOf('"') < 0) return text.split(",", -1);
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (true) {
            if (i >= text.length()) {
                if (!quoted) break;
                String more = in.readLine(); // a quoted field goes on on the next line
                if (more == null) throw new IOException("line " + recordLine + ": a quoted field is not closed");
                line++;
                f.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(new String[0]);
    }

    /** The physical line the last record started on (1 = the first line of the file). */
    long line() {
        return recordLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The value as a CSV field: quoted when it holds a comma, a quote or a line break. */
    static String field(String v) {
        if (v == null) return "";
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
