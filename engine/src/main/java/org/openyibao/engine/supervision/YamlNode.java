package org.openyibao.engine.supervision;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openyibao.engine.error.DomainException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML value with the file, line and path it came from, so that an error names all three
 * ({@code supervision/illustrative-1/rules.yaml:42: rules[3].severity: …}). Scalars are kept as text.
 */
record YamlNode(String file, int line, String path, Object value) {
    static YamlNode read(Path p, String shown) {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            Node root = new Yaml(new LoaderOptions()).compose(r);
            if (root == null) return new YamlNode(shown, 0, "", Map.of());
            return of(shown, "", root);
        } catch (IOException e) {
            throw invalid(shown, 0, "", "cannot be read");
        } catch (YAMLException e) {
            throw invalid(shown, 0, "", "is not valid YAML");
        }
    }

    private static YamlNode of(String file, String path, Node n) {
        int line = n.getStartMark().getLine() + 1;
        if (n instanceof ScalarNode s) return new YamlNode(file, line, path, s.getValue());
        if (n instanceof SequenceNode s) {
            List<YamlNode> items = new ArrayList<>();
            for (Node item : s.getValue()) items.add(of(file, path + "[" + items.size() + "]", item));
            return new YamlNode(file, line, path, items);
        }
        Map<String, YamlNode> fields = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
            fields.put(key, of(file, path.isEmpty() ? key : path + "." + key, t.getValueNode()));
        }
        return new YamlNode(file, line, path, fields);
    }

    static DomainException invalid(String file, int line, String path, String what) {
        return new DomainException(SupervisionError.INVALID_RULES, null,
                file + (line > 0 ? ":" + line : "") + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + what);
    }

    DomainException invalid(String what) {
        return invalid(file, line, path, what);
    }

    /** The fields of a mapping; refuses anything else. */
    @SuppressWarnings("unchecked")
    Map<String, YamlNode> fields() {
        if (!(value instanceof Map<?, ?> m)) throw invalid("must be a mapping");
        return (Map<String, YamlNode>) m;
    }

    /** The items of a sequence; a single scalar counts as a list of one. */
    @SuppressWarnings("unchecked")
    List<YamlNode> items() {
        if (value instanceof List<?> l) return (List<YamlNode>) l;
        if (value instanceof String) return List.of(this);
        throw invalid("must be a list");
    }

    String text() {
        if (!(value instanceof String s)) throw invalid("must be a single value");
        return s.trim();
    }

    /** The field's node, refusing a missing or empty field by its name. */
    YamlNode field(String key) {
        YamlNode n = fields().get(key);
        if (n == null || (n.value instanceof String s && s.isBlank()))
            throw invalid(file, line, path.isEmpty() ? key : path + "." + key, "is missing");
        return n;
    }

    String text(String key) {
        return field(key).text();
    }

    LocalDate date(String key) {
        YamlNode n = field(key);
        try {
            return LocalDate.parse(n.text());
        } catch (DateTimeParseException e) {
            throw n.invalid("is not a date (YYYY-MM-DD): '" + n.text() + "'");
        }
    }

    long whole() {
        try {
            return Long.parseLong(text().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid("is not a whole number: '" + text() + "'");
        }
    }
}
