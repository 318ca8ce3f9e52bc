package org.openyibao.engine.policy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.openyibao.engine.money.Money;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a policy pack directory (pack.yaml plus parameter files) or a reform overlay file,
 * checking every key, unit and value against {@link PolicySchema}. Problems are collected,
 * not thrown one by one, so {@code yibao policy check} can list them all with file and line.
 */
public final class PackLoader {
    private static final Set<String> META_KEYS = Set.of("description", "unit", "source", "note", "reference");

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    private final List<Declaration> declarations = new ArrayList<>();
    private String file;

    private PackLoader() {}

    /** Loads and validates a pack; throws {@link PolicyException} listing every problem. */
    public static PolicyPack load(Path dir) {
        PackLoader l = new PackLoader();
        PolicyPack pack = l.loadPack(dir);
        List<Problem> all = new ArrayList<>(l.problems);
        if (pack != null) all.addAll(pack.check());
        if (!all.isEmpty() || pack == null) throw new PolicyException(all);
        return pack;
    }

    /** Every problem of a pack, or an empty list. */
    public static List<Problem> check(Path dir) {
        try {
            load(dir);
            return List.of();
        } catch (PolicyException e) {
            return e.problems();
        }
    }

    /** Loads a reform overlay and applies it to {@code base}. */
    public static PolicyPack applyReform(PolicyPack base, Path reformFile) {
        PackLoader l = new PackLoader();
        l.file = reformFile.toString();
        Map<String, String> meta = new LinkedHashMap<>();
        Node root = l.read(reformFile);
        if (root instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = l.scalar(t.getKeyNode());
                if ("reform".equals(key)) {
                    if (t.getValueNode() instanceof MappingNode rm) {
                        for (NodeTuple rt : rm.getValue()) meta.put(l.scalar(rt.getKeyNode()), l.scalar(rt.getValueNode()));
                    }
                } else {
                    l.walk(t.getValueNode(), key, null, null, t.getKeyNode());
                }
            }
        } else if (root != null) {
            l.problem(root, "", "a reform is a mapping with a 'reform:' header and parameters");
        }
        if (meta.get("name") == null) l.problem(root, "reform.name", "missing: every reform names itself");
        if (!l.problems.isEmpty()) throw new PolicyException(l.problems);
        PolicyPack reformed = base.overlay(meta.getOrDefault("name", reformFile.getFileName().toString()),
                l.parameters, l.scales, l.declarations);
        List<Problem> after = reformed.check();
        if (!after.isEmpty()) throw new PolicyException(after);
        return reformed;
    }

    private PolicyPack loadPack(Path dir) {
        Path packFile = dir.resolve("pack.yaml");
        if (!Files.isRegularFile(packFile)) {
            problems.add(new Problem(dir.toString(), 0, null, "not a policy pack: no pack.yaml"));
            return null;
        }
        file = dir.relativize(packFile).toString();
        Map<String, String> meta = new LinkedHashMap<>();
        Node packRoot = read(packFile);
        if (packRoot instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = scalar(t.getKeyNode());
                if (!Set.of("region", "name", "admdvs", "description", "catalogue", "source").contains(key)) {
                    problem(t.getKeyNode(), key, "unknown key (expected region, name, admdvs, description, catalogue, source)");
                } else {
                    meta.put(key, scalar(t.getValueNode()));
                }
            }
        }
        for (String required : List.of("region", "name")) {
            if (meta.get(required) == null) problem(packRoot, required, "missing");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("pack.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), 0, null, "cannot list: " + e.getMessage()));
            return null;
        }
        for (Path p : files) {
            file = dir.relativize(p).toString();
            Node root = read(p);
            if (root == null) continue;
            if (!(root instanceof MappingNode m)) {
                problem(root, "", "a parameter file is a mapping of parameter names");
                continue;
            }
            for (NodeTuple t : m.getValue()) {
                walk(t.getValueNode(), scalar(t.getKeyNode()), null, null, t.getKeyNode());
            }
        }
        Catalogue catalogue = Catalogue.EMPTY;
        if (meta.get("catalogue") != null) {
            Path cat = dir.resolve(meta.get("catalogue"));
            try {
                catalogue = Catalogue.load(cat);
            } catch (PolicyException e) {
                problems.addAll(e.problems());
            }
        }
        return new PolicyPack(meta.getOrDefault("region", dir.getFileName().toString()),
                meta.getOrDefault("name", ""), meta.get("admdvs"), meta.getOrDefault("description", ""),
                parameters, scales, declarations, catalogue, List.of());
    }

    private Node read(Path p) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, null,
                    "not valid YAML: " + e.getProblem()));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            problems.add(new Problem(file, 0, null, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    private void walk(Node node, String path, Unit unit, String source, Node keyNode) {
        PolicySchema.Entry entry = PolicySchema.find(path);
        if (entry == null && !PolicySchema.isContainer(path)) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            Set<String> allowed = PolicySchema.keysUnder(parent);
            problem(keyNode, path, "unknown key '" + path.substring(path.lastIndexOf('.') + 1) + "'"
                    + (allowed.isEmpty() ? "" : " (expected one of: " + String.join(", ", allowed) + ")"));
            return;
        }
        if (entry != null && entry.kind() == PolicySchema.Kind.DECLARATIONS) {
            declarations(node, path, source);
            return;
        }
        if (!(node instanceof MappingNode m)) {
            problem(node, path, entry != null
                    ? "a parameter is a mapping with 'values:' (or 'brackets:' for a scale)"
                    : "expected a mapping of parameters");
            return;
        }
        Map<String, NodeTuple> keys = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) keys.put(scalar(t.getKeyNode()), t);
        if (keys.containsKey("unit")) {
            String u = scalar(keys.get("unit").getValueNode());
            unit = Unit.of(u);
            if (unit == null) {
                problem(keys.get("unit").getValueNode(), path, "unknown unit '" + u + "' (expected one of: " + Unit.names() + ")");
                return;
            }
        }
        if (keys.containsKey("source")) source = scalar(keys.get("source").getValueNode());
        String description = keys.containsKey("description") ? scalar(keys.get("description").getValueNode()) : null;

        if (entry != null) {
            if (entry.kind() == PolicySchema.Kind.SCALE) {
                scale(m, keys, path, source, description);
                return;
            }
            if (!keys.containsKey("values")) {
                problem(node, path, "a parameter needs 'values:' (date: value)");
                return;
            }
            for (String k : keys.keySet()) {
                if (!k.equals("values") && !META_KEYS.contains(k)) problem(keys.get(k).getKeyNode(), path,
                        "unknown key '" + k + "' in a parameter (expected values, " + String.join(", ", META_KEYS) + ")");
            }
            if (unit == null) {
                problem(node, path, "no unit: declare 'unit: " + entry.unit().yamlName + "'");
                return;
            }
            if (unit != entry.unit()) {
                problem(keys.get("unit") != null ? keys.get("unit").getValueNode() : node, path,
                        "wrong unit '" + unit.yamlName + "', expected '" + entry.unit().yamlName + "'");
                return;
            }
            List<Dated> history = history(keys.get("values").getValueNode(), path, unit, source, entry.choices());
            if (history != null) {
                parameters.put(path, new Parameter(path, unit, description, file, line(node), history));
            }
            return;
        }
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            if (META_KEYS.contains(e.getKey())) continue;
            walk(e.getValue().getValueNode(), path + "." + e.getKey(), unit, source, e.getValue().getKeyNode());
        }
    }

    private void scale(MappingNode node, Map<String, NodeTuple> keys, String path, String source, String description) {
        if (!keys.containsKey("brackets")) {
            problem(node, path, "a scale needs 'brackets:' (a list of threshold and rate histories)");
            return;
        }
        for (String k : keys.keySet()) {
            if (!k.equals("brackets") && !META_KEYS.contains(k)) problem(keys.get(k).getKeyNode(), path,
                    "unknown key '" + k + "' in a scale (expected brackets, " + String.join(", ", META_KEYS) + ")");
        }
        if (!(keys.get("brackets").getValueNode() instanceof SequenceNode seq)) {
            problem(keys.get("brackets").getValueNode(), path, "'brackets' is a list");
            return;
        }
        List<Scale.Bracket> brackets = new ArrayList<>();
        int i = 0;
        for (Node b : seq.getValue()) {
            String bp = path + ".brackets[" + i++ + "]";
            if (!(b instanceof MappingNode bm)) {
                problem(b, bp, "a bracket is a mapping with 'threshold' and 'rate'");
                continue;
            }
            Map<String, NodeTuple> bk = new LinkedHashMap<>();
            for (NodeTuple t : bm.getValue()) bk.put(scalar(t.getKeyNode()), t);
            String bsource = bk.containsKey("source") ? scalar(bk.get("source").getValueNode()) : source;
            for (String k : bk.keySet()) {
                if (!Set.of("threshold", "rate", "source", "note").contains(k)) {
                    problem(bk.get(k).getKeyNode(), bp, "unknown key '" + k + "' in a bracket (expected threshold, rate, source)");
                }
            }
            if (!bk.containsKey("threshold") || !bk.containsKey("rate")) {
                problem(b, bp, "a bracket needs both 'threshold' (currency) and 'rate' (ratio)");
                continue;
            }
            List<Dated> th = history(bk.get("threshold").getValueNode(), bp + ".threshold", Unit.CURRENCY, bsource, List.of());
            List<Dated> rt = history(bk.get("rate").getValueNode(), bp + ".rate", Unit.RATIO, bsource, List.of());
            if (th != null && rt != null) {
                brackets.add(new Scale.Bracket(
                        new Parameter(bp + ".threshold", Unit.CURRENCY, null, file, line(b), th),
                        new Parameter(bp + ".rate", Unit.RATIO, null, file, line(b), rt)));
            }
        }
        scales.put(path, new Scale(path, description, file, line(node), brackets));
    }

    private List<Dated> history(Node node, String path, Unit unit, String source, List<String> choices) {
        if (!(node instanceof MappingNode m)) {
            problem(node, path, "values are a mapping of dates (YYYY-MM-DD) to values");
            return null;
        }
        List<Dated> out = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        boolean ok = true;
        for (NodeTuple t : m.getValue()) {
            String dateText = scalar(t.getKeyNode());
            LocalDate date;
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException | NullPointerException e) {
                problem(t.getKeyNode(), path, "'" + dateText + "' is not a date (YYYY-MM-DD)");
                ok = false;
                continue;
            }
            if (!seen.add(date)) {
                problem(t.getKeyNode(), path, "date " + date + " given twice");
                ok = false;
                continue;
            }
            Node valueNode = t.getValueNode();
            String valueSource = source;
            if (valueNode instanceof MappingNode vm) {
                Node v = null;
                for (NodeTuple vt : vm.getValue()) {
                    String k = scalar(vt.getKeyNode());
                    switch (k) {
                        case "value" -> v = vt.getValueNode();
                        case "source" -> valueSource = scalar(vt.getValueNode());
                        case "note" -> { }
                        default -> {
                            problem(vt.getKeyNode(), path, "unknown key '" + k + "' in a dated value (expected value, source, note)");
                            ok = false;
                        }
                    }
                }
                if (v == null) {
                    problem(valueNode, path, "dated value " + date + " has no 'value'");
                    ok = false;
                    continue;
                }
                valueNode = v;
            }
            if (valueSource == null || valueSource.isBlank()) {
                problem(t.getKeyNode(), path, "value from " + date + " has no source: cite the seed line or the notice");
                ok = false;
            }
            Object value = parseValue(valueNode, path, unit, choices);
            if (value == null) {
                ok = false;
                continue;
            }
            out.add(new Dated(date, value, valueSource, line(t.getKeyNode())));
        }
        if (out.isEmpty() && ok) {
            problem(node, path, "no values");
            return null;
        }
        out.sort((a, b) -> a.from().compareTo(b.from()));
        return ok ? out : null;
    }

    private Object parseValue(Node node, String path, Unit unit, List<String> choices) {
        if (unit == Unit.CODES || unit == Unit.TIERS) {
            if (!(node instanceof SequenceNode seq)) {
                problem(node, path, "expected a list of " + (unit == Unit.CODES ? "diagnosis codes" : "tier names"));
                return null;
            }
            List<String> items = new ArrayList<>();
            for (Node n : seq.getValue()) {
                String s = scalar(n);
                if (s == null || s.isBlank()) {
                    problem(n, path, "empty list item");
                    return null;
                }
                if (unit == Unit.TIERS && Tier.of(s) == null) {
                    problem(n, path, "unknown tier '" + s + "' (expected one of: " + Tier.keys().replace('|', ',') + ")");
                    return null;
                }
                items.add(s);
            }
            return List.copyOf(items);
        }
        String text = scalar(node);
        if (text == null) {
            problem(node, path, "expected a single value in unit " + unit.yamlName);
            return null;
        }
        try {
            switch (unit) {
                case CURRENCY: {
                    if (text.equals("unlimited")) return Money.UNLIMITED;
                    BigDecimal d = new BigDecimal(text);
                    if (d.signum() < 0) throw new IllegalArgumentException("negative amount " + text);
                    return Money.fen(d);
                }
                case RATIO: {
                    BigDecimal d = new BigDecimal(text);
                    if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                        throw new IllegalArgumentException("ratio " + text + " outside [0,1]"
                                + (d.compareTo(BigDecimal.ONE) > 0 && d.compareTo(BigDecimal.valueOf(100)) <= 0
                                ? " (write 85% as 0.85)" : ""));
                    }
                    return Money.ppm(d);
                }
                case MULTIPLE: {
                    BigDecimal d = new BigDecimal(text);
                    if (d.signum() < 0) throw new IllegalArgumentException("negative multiple " + text);
                    return Money.ppm(d);
                }
                case MONTHS:
                case YEARS: {
                    int n = Integer.parseInt(text);
                    if (n < 0) throw new IllegalArgumentException("negative " + unit.yamlName + " " + text);
                    return n;
                }
                case BOOLEAN: {
                    if (text.equals("true")) return Boolean.TRUE;
                    if (text.equals("false")) return Boolean.FALSE;
                    throw new IllegalArgumentException("'" + text + "' is not true or false");
                }
                case CHOICE: {
                    if (!choices.contains(text)) {
                        throw new IllegalArgumentException("'" + text + "' is not one of " + choices);
                    }
                    return text;
                }
                default:
                    throw new IllegalStateException(unit.name());
            }
        } catch (NumberFormatException e) {
            problem(node, path, "'" + text + "' is not a number (unit " + unit.yamlName + ")");
        } catch (ArithmeticException | IllegalArgumentException e) {
            problem(node, path, e.getMessage());
        }
        return null;
    }

    private void declarations(Node node, String path, String source) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node, path, "declarations are a list");
            return;
        }
        for (Node d : seq.getValue()) {
            if (!(d instanceof MappingNode dm)) {
                problem(d, path, "a declaration is a mapping");
                continue;
            }
            Map<String, Node> k = new LinkedHashMap<>();
            for (NodeTuple t : dm.getValue()) {
                String key = scalar(t.getKeyNode());
                if (!Set.of("name", "confirmed", "suspected", "regions", "from", "until", "source", "description").contains(key)) {
                    problem(t.getKeyNode(), path, "unknown key '" + key
                            + "' in a declaration (expected name, confirmed, suspected, regions, from, until, source)");
                }
                k.put(key, t.getValueNode());
            }
            String name = k.containsKey("name") ? scalar(k.get("name")) : null;
            String dp = path + "." + (name == null ? "?" : name);
            if (name == null) problem(d, dp, "a declaration needs a name");
            List<String> confirmed = codes(k.get("confirmed"), dp + ".confirmed", d);
            List<String> suspected = codes(k.get("suspected"), dp + ".suspected", d);
            List<String> regions = k.containsKey("regions") ? codes(k.get("regions"), dp + ".regions", d) : List.of("all");
            LocalDate from = date(k.get("from"), dp + ".from", d, true);
            LocalDate until = date(k.get("until"), dp + ".until", d, false);
            String src = k.containsKey("source") ? scalar(k.get("source")) : source;
            if (src == null) problem(d, dp, "a declaration needs a source");
            if (from != null && until != null && until.isBefore(from)) problem(d, dp, "until " + until + " is before from " + from);
            if (name != null && confirmed != null && suspected != null && regions != null && from != null && src != null) {
                declarations.add(new Declaration(name, confirmed, suspected, regions, from, until, src, file, line(d)));
            }
        }
    }

    private List<String> codes(Node n, String path, Node owner) {
        if (n == null) {
            problem(owner, path, "missing (a list of ICD-10 codes)");
            return null;
        }
        if (!(n instanceof SequenceNode seq)) {
            problem(n, path, "expected a list");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node c : seq.getValue()) out.add(scalar(c));
        return List.copyOf(out);
    }

    private LocalDate date(Node n, String path, Node owner, boolean required) {
        if (n == null) {
            if (required) problem(owner, path, "missing date");
            return null;
        }
        try {
            return LocalDate.parse(scalar(n));
        } catch (RuntimeException e) {
            problem(n, path, "'" + scalar(n) + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node n) {
        return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    private void problem(Node n, String path, String message) {
        problems.add(new Problem(file, line(n), path, message));
    }
}
