package org.openyibao.engine.supervision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.openyibao.engine.error.DomainException;

/**
 * Every rule set version under {@code policies/supervision/<version>/rules.yaml}, with its knowledge base beside it
 * (docs/supervision.md#data). Loading reads files; what it builds does no I/O. A bad rule is an INVALID_RULES naming
 * the file, the line and the field.
 */
public final class RuleSets {
    /** The directory under the policies root that holds the versions. */
    public static final String DIR = "supervision";
    /** The knowledge files a rules.yaml may list under {@code knowledge:}, by role. */
    public static final List<String> KNOWLEDGE = List.of("items", "exclusive", "dependent", "swaps", "stay_norms");

    private final Map<String, RuleSet> versions;

    private RuleSets(Map<String, RuleSet> versions) {
        this.versions = versions;
    }

    public static RuleSets load(Path policiesDir) {
        Map<String, RuleSet> versions = new TreeMap<>();
        Path root = policiesDir.resolve(DIR);
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                for (Path dir : s.filter(d -> Files.isRegularFile(d.resolve("rules.yaml"))).sorted().toList()) {
                    RuleSet set = read(dir);
                    versions.put(set.version(), set);
                }
            } catch (IOException e) {
                throw YamlNode.invalid(DIR, 0, "", "cannot be listed");
            }
        }
        return new RuleSets(versions);
    }

    /** Reads one version's directory. */
    public static RuleSet read(Path dir) {
        String base = DIR + "/" + dir.getFileName() + "/";
        YamlNode doc = YamlNode.read(dir.resolve("rules.yaml"), base + "rules.yaml");
        String version = doc.text("version");
        if (!version.equals(dir.getFileName().toString()))
            throw doc.field("version").invalid("'" + version + "' is not the directory's name");
        Knowledge knowledge = knowledge(doc, dir, base);
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YamlNode n : doc.field("rules").items()) {
            Rule r = rule(n);
            if (!ids.add(r.id())) throw n.field("id").invalid("rule " + r.id() + " is listed twice");
            rules.add(r);
        }
        YamlNode name = doc.fields().get("name");
        return new RuleSet(version, name == null ? version : name.text(), doc.date("from"), doc.text("source"), rules, knowledge);
    }

    private static Knowledge knowledge(YamlNode doc, Path dir, String base) {
        YamlNode listed = doc.fields().get("knowledge");
        Map<String, List<KnowledgeCsv.Row>> rows = new LinkedHashMap<>();
        if (listed != null) {
            for (Map.Entry<String, YamlNode> e : listed.fields().entrySet()) {
                if (!KNOWLEDGE.contains(e.getKey())) throw e.getValue().invalid("is not a knowledge file (known: " + KNOWLEDGE + ")");
                Path file = dir.resolve(e.getValue().text());
                if (!Files.isRegularFile(file)) throw e.getValue().invalid("no file " + base + e.getValue().text());
                rows.put(e.getKey(), KnowledgeCsv.read(file, base + e.getValue().text()));
            }
        }
        return new Knowledge(KnowledgeCsv.items(rows.getOrDefault("items", List.of())),
                KnowledgeCsv.pairs(rows.getOrDefault("exclusive", List.of()), "first", "second"),
                KnowledgeCsv.pairs(rows.getOrDefault("dependent", List.of()), "item", "requires"),
                KnowledgeCsv.swaps(rows.getOrDefault("swaps", List.of())),
                KnowledgeCsv.stayNorms(rows.getOrDefault("stay_norms", List.of())));
    }

    private static Rule rule(YamlNode n) {
        String id = n.text("id");
        RuleKind kind = RuleKind.of(n.text("kind"));
        if (kind == null) throw n.field("kind").invalid("must be one of " + RuleKind.keys() + ", not '" + n.text("kind") + "'");
        Set<Scene> scenes = EnumSet.noneOf(Scene.class);
        for (YamlNode s : n.field("scene").items()) {
            Scene scene = Scene.of(s.text());
            if (scene == null) throw s.invalid("must be one of " + Scene.keys() + ", not '" + s.text() + "'");
            scenes.add(scene);
        }
        Stage stage = Stage.of(n.text("stage"));
        if (stage == null) throw n.field("stage").invalid("must be one of " + Stage.keys() + ", not '" + n.text("stage") + "'");
        Severity severity = Severity.of(n.text("severity"));
        if (severity == null)
            throw n.field("severity").invalid("must be one of " + Severity.keys() + ", not '" + n.text("severity") + "'");
        String blocking = n.text("blocking");
        if (!blocking.equals("true") && !blocking.equals("false")) throw n.field("blocking").invalid("must be true or false");
        String check = n.text("check");
        Check logic = Checks.named(check);
        if (logic == null) throw n.field("check").invalid("no check class '" + check + "' (known: " + Checks.names() + ")");
        Map<String, Long> parameters = parameters(n, logic);
        return new Rule(id, n.text("name"), kind, scenes, stage, window(n.field("window")), check, parameters, severity,
                Boolean.parseBoolean(blocking), n.text("source"), n.file(), n.line());
    }

    private static Map<String, Long> parameters(YamlNode n, Check logic) {
        Map<String, Long> out = new TreeMap<>();
        YamlNode p = n.fields().get("parameters");
        if (p != null && !(p.value() instanceof String s && s.isBlank())) {
            for (Map.Entry<String, YamlNode> e : p.fields().entrySet()) {
                if (!logic.parameters().contains(e.getKey()))
                    throw e.getValue().invalid("is not a parameter of " + n.text("check") + " (it reads " + logic.parameters() + ")");
                out.put(e.getKey(), e.getValue().whole());
            }
        }
        for (String needed : logic.parameters())
            if (!out.containsKey(needed)) throw YamlNode.invalid(n.file(), n.line(), n.path() + ".parameters." + needed, "is missing");
        return out;
    }

    /** {@code visit}, {@code stay}, {@code day}, {@code year} or {@code rolling_days N}. */
    private static Window window(YamlNode n) {
        String[] words = n.text().split("\\s+");
        Window.Unit unit = Window.Unit.of(words[0]);
        if (unit == null) throw n.invalid("must be visit, stay, day, year or rolling_days N, not '" + n.text() + "'");
        if (unit != Window.Unit.ROLLING_DAYS) {
            if (words.length > 1) throw n.invalid("only rolling_days takes a number of days");
            return new Window(unit, 0);
        }
        try {
            int days = words.length == 2 ? Integer.parseInt(words[1]) : -1;
            if (days <= 0) throw new NumberFormatException();
            return new Window(unit, days);
        } catch (NumberFormatException e) {
            throw n.invalid("rolling_days needs a number of days above 0: '" + n.text() + "'");
        }
    }

    /** The version names, sorted. */
    public Set<String> versions() {
        return new java.util.TreeSet<>(versions.keySet());
    }

    /** The version of that name; UNKNOWN_RULE_VERSION when there is none. */
    public RuleSet version(String name) {
        RuleSet s = versions.get(name);
        if (s == null) throw new DomainException(SupervisionError.UNKNOWN_RULE_VERSION, "version", "no supervision rule set '" + name + "'");
        return s;
    }
}
