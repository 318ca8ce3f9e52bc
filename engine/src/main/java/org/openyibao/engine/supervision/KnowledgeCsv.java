package org.openyibao.engine.supervision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * Reads the knowledge base's CSV files (docs/supervision.md#knowledge): a header line, then comma-separated rows
 * (double quotes around a cell with a comma; lines starting with # are comments). Lists inside a cell (diagnosis
 * prefixes, schemes) are separated by semicolons. Errors name the file, line and column.
 */
final class KnowledgeCsv {
    /** One row: its line and its cells by column. */
    record Row(String file, int line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }

        String required(String column) {
            String v = get(column);
            if (v.isEmpty()) throw YamlNode.invalid(file, line, column, "is empty");
            return v;
        }

        Long whole(String column) {
            String v = get(column);
            if (v.isEmpty()) return null;
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw YamlNode.invalid(file, line, column, "is not a whole number: '" + v + "'");
            }
        }

        List<String> list(String column) {
            String v = get(column);
            return v.isEmpty() ? List.of() : Arrays.stream(v.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        Knowledge.Origin origin() {
            return new Knowledge.Origin(file, line, required("source"));
        }
    }

    private KnowledgeCsv() {}

    static List<Row> read(Path p, String shown) {
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw YamlNode.invalid(shown, 0, "", "cannot be read");
        }
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) continue;
            List<String> cells = split(lines[i], shown, i + 1);
            if (header == null) {
                header = cells.stream().map(String::trim).toList();
                continue;
            }
            if (cells.size() > header.size()) throw YamlNode.invalid(shown, i + 1, "", "more cells than the header has columns");
            Map<String, String> byName = new HashMap<>();
            for (int c = 0; c < cells.size(); c++) byName.put(header.get(c), cells.get(c));
            rows.add(new Row(shown, i + 1, byName));
        }
        return rows;
    }

    private static List<String> split(String line, String file, int no) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) throw YamlNode.invalid(file, no, "", "a quote is not closed");
        cells.add(cell.toString());
        return cells;
    }

    static Map<String, Knowledge.Item> items(List<Row> rows) {
        Map<String, Knowledge.Item> out = new LinkedHashMap<>();
        for (Row r : rows) {
            String code = r.required("code");
            if (out.containsKey(code)) throw YamlNode.invalid(r.file(), r.line(), "code", "item " + code + " is listed twice");
            Long minAge = r.whole("min_age"), maxAge = r.whole("max_age");
            out.put(code, new Knowledge.Item(code, r.required("name"), sex(r), minAge == null ? null : minAge.intValue(),
                    maxAge == null ? null : maxAge.intValue(), r.list("indications"), level(r), schemes(r),
                    r.whole("daily_max"), r.whole("stay_max"), treatment(r), r.origin()));
        }
        return out;
    }

    private static Sex sex(Row r) {
        String v = r.get("sex");
        if (v.isEmpty()) return null;
        Sex s = Sex.of(v);
        if (s == Sex.UNKNOWN) throw YamlNode.invalid(r.file(), r.line(), "sex", "must be M or F, not '" + v + "'");
        return s;
    }

    private static Level level(Row r) {
        String v = r.get("min_level");
        if (v.isEmpty()) return null;
        Level l = Level.of(v);
        if (l == null) throw YamlNode.invalid(r.file(), r.line(), "min_level", "must be one of " + Level.keys() + ", not '" + v + "'");
        return l;
    }

    private static Set<Scheme> schemes(Row r) {
        Set<Scheme> out = EnumSet.noneOf(Scheme.class);
        for (String v : r.list("schemes")) {
            Scheme s = Scheme.of(v);
            if (s == null) throw YamlNode.invalid(r.file(), r.line(), "schemes", "must be " + Scheme.keys() + ", not '" + v + "'");
            out.add(s);
        }
        return out;
    }

    private static boolean treatment(Row r) {
        String v = r.get("treatment");
        if (v.isEmpty() || v.equals("yes")) return true;
        if (v.equals("no")) return false;
        throw YamlNode.invalid(r.file(), r.line(), "treatment", "must be yes or no, not '" + v + "'");
    }

    static List<Knowledge.Pair> pairs(List<Row> rows, String first, String second) {
        return rows.stream().map(r -> new Knowledge.Pair(r.required(first), r.required(second), r.origin())).toList();
    }

    static List<Knowledge.Swap> swaps(List<Row> rows) {
        return rows.stream().map(r -> new Knowledge.Swap(r.required("dearer"), r.required("cheaper"),
                r.list("dearer_indications"), r.origin())).toList();
    }

    static List<Knowledge.StayNorm> stayNorms(List<Row> rows) {
        List<Knowledge.StayNorm> out = new ArrayList<>();
        for (Row r : rows) {
            String lv = r.get("level");
            Level level = lv.isEmpty() ? null : Level.of(lv);
            if (!lv.isEmpty() && level == null)
                throw YamlNode.invalid(r.file(), r.line(), "level", "must be one of " + Level.keys() + ", not '" + lv + "'");
            Long days = r.whole("days");
            if (days == null || days <= 0) throw YamlNode.invalid(r.file(), r.line(), "days", "must be a number of days above 0");
            out.add(new Knowledge.StayNorm(r.required("diagnosis"), level, days.intValue(), r.origin()));
        }
        return out;
    }
}
