package org.openyibao.engine.grouping;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.error.DomainException;

/**
 * A grouping table file: a header line and comma-separated rows (RFC 4180 quoting), read into named columns. Errors
 * name the file and line, for {@code policy check}.
 */
final class Csv {
    /** One row, its line number and its cells by column name. */
    record Row(String file, int line, Map<String, String> cells) {
        /** The trimmed cell, "" when the column is absent or empty. */
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }

        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) throw invalid(file, line, column + " is empty");
            return v;
        }

        /** A decimal in millionths (a weight or a score: 1.2345 → 1,234,500); more than six decimals is refused. */
        long ppm(String column) {
            return exact(column, 6, "at most six decimals");
        }

        /** An amount in yuan, as fen; more than two decimals is refused, not rounded (as Money.fen). */
        long fen(String column) {
            return exact(column, 2, "an amount in yuan with at most two decimals");
        }

        private long exact(String column, int places, String what) {
            BigDecimal d = decimal(column).stripTrailingZeros();
            // both bounds on the scale alone, so that 1e-999999999 or 1e999999999 costs nothing to refuse
            if (d.scale() > places || d.precision() - d.scale() > 12) {
                throw invalid(file, line, column + ": " + what + " and at most 12 whole digits, not " + get(column));
            }
            return d.movePointRight(places).longValueExact();
        }

        int integer(String column, int absent) {
            String v = get(column);
            if (v.isEmpty()) return absent;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw invalid(file, line, column + " is not a whole number: '" + v + "'");
            }
        }

        private BigDecimal decimal(String column) {
            String v = required(column);
            try {
                return new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw invalid(file, line, column + " is not a number: '" + v + "'");
            }
        }
    }

    private Csv() {}

    static List<Row> read(Path path, String shownName) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(shownName, 0, "cannot be read");
        }
        return parse(text, shownName);
    }

    static List<Row> parse(String text, String file) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            List<String> cells = split(line, file, i + 1);
            if (header == null) {
                header = cells.stream().map(String::trim).toList();
                continue;
            }
            if (cells.size() > header.size()) throw invalid(file, i + 1, "more cells than the header has columns");
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) byName.put(header.get(c), cells.get(c));
            rows.add(new Row(file, i + 1, byName));
        }
        return rows;
    }

    static List<String> split(String line, String file, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw invalid(file, lineNo, "a quote is not closed");
        cells.add(cell.toString());
        return cells;
    }

    static DomainException invalid(String file, int line, String what) {
        return new DomainException(GroupingError.INVALID_TABLE, null, file + (line > 0 ? ":" + line : "") + ": " + what);
    }
}
