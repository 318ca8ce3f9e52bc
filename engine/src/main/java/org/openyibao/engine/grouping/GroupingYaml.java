package org.openyibao.engine.grouping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the grouping descriptors (version.yaml, grouping.yaml) as plain maps; errors name the file. */
final class GroupingYaml {
    private GroupingYaml() {}

    static Map<String, Object> read(Path file, String shown) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (doc == null) return Map.of();
            if (!(doc instanceof Map<?, ?> m)) throw Csv.invalid(shown, 0, "is not a mapping");
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
            return map;
        } catch (IOException e) {
            throw Csv.invalid(shown, 0, "cannot be read");
        } catch (YAMLException e) {
            throw Csv.invalid(shown, 0, "is not valid YAML");
        }
    }

    static String text(Map<String, Object> m, String key, String shown, boolean required) {
        Object v = m.get(key);
        if (v == null || v.toString().isBlank()) {
            if (required) throw Csv.invalid(shown, 0, key + " is missing");
            return null;
        }
        return v.toString().trim();
    }

    static LocalDate date(Map<String, Object> m, String key, String shown) {
        Object v = m.get(key);
        if (v instanceof Date d) return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        String s = text(m, key, shown, true);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw Csv.invalid(shown, 0, key + " is not a date (YYYY-MM-DD): '" + s + "'");
        }
    }
}
