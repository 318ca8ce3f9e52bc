package org.openyibao.engine.policy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.error.EngineError;
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
 * Reads a policy pack directory (pack.yaml, its parameter files and the packs it {@code extends}) or a
 * reform overlay file, checking every key, unit and value against {@link PolicySchema}. Problems are
 * collected, not thrown one by one, so {@code yibao policy check} can list them all with file and line.
 *
 * <p>Files are named relative to the policies directory (the pack directory's parent), e.g.
 * {@code beijing/serious_illness.yaml}, so that a value or a problem inherited from a base names the
 * base's file ({@code provinces-base/resident.yaml}).
 *
 * <p>{@code extends: NAME} names a pack beside this one. The extending pack inherits the base's
 * parameters, scales, emergency declarations and catalogue; a parameter or scale it gives itself replaces
 * the base's at that path, whole (every dated value of the base's series goes); a declaration replaces the
 * base's of the same name; a catalogue it names replaces the base's. Chains are allowed, cycles are not.
 */
public final class PackLoader {
    /** A pack's name: its directory under the policies directory. */
    private static final String NAME = "[a-z][a-z0-9_-]*";

    // The keys each kind of mapping accepts: one list each, read by the loader and named by every
    // "unknown key" message.
    /** pack.yaml */
    static final List<String> PACK_KEYS =
            List.of("region", "name", "admdvs", "description", "source", "extends", "base", "catalogue");
    /** a reform file's {@code reform:} header */
    static final List<String> REFORM_KEYS = List.of("name", "description", "source");
    /** what any node of the parameter tree may carry besides its children */
    static final List<String> META_KEYS = List.of("description", "unit", "source", "note", "reference");
    static final List<String> PARAMETER_KEYS = with("values", META_KEYS);
    static final List<String> SCALE_KEYS = with("brackets", META_KEYS);
    static final List<String> BRACKET_KEYS = List.of("threshold", "rate", "source", "note");
    static final List<String> DATED_VALUE_KEYS = List.of("value", "source", "note");
    static final List<String> REASON_KEYS = List.of("code", "zh", "en", "decisions");
    static final List<String> DECLARATION_KEYS =
            List.of("name", "description", "confirmed", "suspected", "regions", "from", "until", "source");

    private final List<Problem> problems;
    /**
     * Sources a reader cannot check ({@link Citations}), kept apart: {@code policy check} reports them, while loading
     * a pack to settle does not fail on them. Null when not checked.
     */
    private final List<Problem> citations;
    private final Bibliography bibliography;
    /** the policies directory, which file names are relative to (null for a reform: named as given) */
    private final Path root;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Scale> scales = new LinkedHashMap<>();
    private final List<Declaration> declarations = new ArrayList<>();
    private String file;

    private PackLoader(List<Problem> problems, Path root) {
        this(problems, root, null, null);
    }

    private PackLoader(List<Problem> problems, Path root, List<Problem> citations, Bibliography bibliography) {
        this.problems = problems;
        this.root = root;
        this.citations = citations;
        this.bibliography = bibliography;
    }

    /**
     * Loads and validates a pack that can settle visits; throws {@link PolicyException} listing every
     * problem. A base pack ({@code base: true}) is refused: it is not a region.
     */
    public static PolicyPack load(Path dir) {
        PolicyPack pack = read(dir);
        if (pack.base()) {
            throw new PolicyException(List.of(new Problem(shown(rootOf(dir), dir.resolve("pack.yaml")), 0, "base",
                    "a base pack is not a region and settles nothing: packs use it with 'extends: "
                            + nameOf(dir) + "'")));
        }
        return pack;
    }

    /**
     * Loads and validates a pack or a base pack; throws {@link PolicyException} listing every problem.
     * A base pack's keys, units, values, dates, sources and bands are checked; whether its tiers find every
     * value they need is checked in the packs that extend it, which add what it leaves out.
     */
    public static PolicyPack read(Path dir) {
        return read(dir, null);
    }

    /** As {@link #read(Path)}, adding to {@code citations} (when given) every source a reader cannot check. */
    private static PolicyPack read(Path dir, List<Problem> citations) {
        Path abs = dir.toAbsolutePath().normalize();
        PackLoader l = new PackLoader(new ArrayList<>(), rootOf(abs), citations,
                citations == null ? null : Bibliography.of(rootOf(abs)));
        PolicyPack pack = l.loadPack(abs, List.of(nameOf(abs)));
        List<Problem> all = new ArrayList<>(l.problems);
        if (pack != null) all.addAll(pack.check(!pack.base()));
        if (!all.isEmpty() || pack == null) throw new PolicyException(all);
        return pack;
    }

    /**
     * Every problem of a pack (or a base pack), or an empty list: what {@link #read(Path)} refuses, and every
     * {@code source:} a reader cannot check ({@link Citations}: no published work or reason, an unknown
     * bibliography key, the seed files or REFERENCE).
     */
    public static List<Problem> check(Path dir) {
        List<Problem> citations = new ArrayList<>();
        List<Problem> all = new ArrayList<>();
        try {
            read(dir, citations);
        } catch (PolicyException e) {
            all.addAll(e.problems());
        }
        all.addAll(citations);
        return all;
    }

    /**
     * Every problem of the reform overlay {@code reformFile} on {@code base}, its sources checked against
     * {@code bibliography} as {@link #check(Path)} checks a pack's; problems in the overlay name its file as given.
     */
    public static List<Problem> checkReform(PolicyPack base, Path reformFile, Bibliography bibliography) {
        List<Problem> citations = new ArrayList<>();
        PackLoader l = new PackLoader(new ArrayList<>(), null, citations, bibliography);
        l.file = reformFile.toString();
        List<Problem> all = new ArrayList<>();
        try {
            l.reform(base, l.yaml(reformFile), reformFile.getFileName().toString());
        } catch (PolicyException e) {
            all.addAll(e.problems());
        }
        all.addAll(citations);
        return all;
    }

    /**
     * The reform overlay given as {@code text} (named {@code fileName}) checked on {@code base} as
     * {@link #checkReform(PolicyPack, Path, Bibliography)} checks a file: its problems, then every source a reader
     * cannot check, at the text's lines.
     */
    public static List<Problem> checkReform(PolicyPack base, String fileName, String text, Bibliography bibliography) {
        List<Problem> citations = new ArrayList<>();
        PackLoader l = new PackLoader(new ArrayList<>(), null, citations, bibliography);
        l.file = fileName;
        List<Problem> all = new ArrayList<>();
        try {
            l.reform(base, l.yaml(new StringReader(text)), fileName);
        } catch (PolicyException e) {
            all.addAll(e.problems());
        }
        all.addAll(citations);
        return all;
    }

    /**
     * The region pack {@code name} under the policies directory {@code root}, as a calc request's
     * {@code region} names it. No such pack (or a base pack) is {@link EngineError#UNKNOWN_POLICY} on
     * field {@code region}; an invalid one is a {@link PolicyException}.
     */
    public static PolicyPack load(Path root, String name) {
        Path dir = name != null && name.matches(NAME) ? root.resolve(name) : null;
        if (dir == null || !Files.isRegularFile(dir.resolve("pack.yaml"))) {
            throw new DomainException(EngineError.UNKNOWN_POLICY, "region",
                    "region: unknown region '" + name + "' (known: " + known(root) + ")");
        }
        if (isBase(dir)) {
            throw new DomainException(EngineError.UNKNOWN_POLICY, "region",
                    "region: '" + name + "' is a base pack, not a region (known: " + known(root) + ")");
        }
        return load(dir);
    }

    /** The names of the region packs under the policies directory {@code root}, base packs left out. */
    public static List<String> regions(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(d -> Files.isRegularFile(d.resolve("pack.yaml")) && !isBase(d))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String known(Path root) {
        return Files.isDirectory(root) ? String.join(", ", regions(root))
                : "none: no policies directory at " + root.toAbsolutePath();
    }

    /** Whether the pack in {@code dir} says {@code base: true}; pack.yaml alone is read. */
    public static boolean isBase(Path dir) {
        try (Reader r = Files.newBufferedReader(dir.resolve("pack.yaml"), StandardCharsets.UTF_8)) {
            if (new Yaml(new LoaderOptions()).compose(r) instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("base")
                            && t.getValueNode() instanceof ScalarNode v) {
                        return v.getValue().equals("true");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: loading the pack reports it with file and line
        }
        return false;
    }

    /** Loads a reform overlay and applies it to {@code base}. */
    public static PolicyPack applyReform(PolicyPack base, Path reformFile) {
        PackLoader l = new PackLoader(new ArrayList<>(), null);
        l.file = reformFile.toString();
        return l.reform(base, l.yaml(reformFile), reformFile.getFileName().toString());
    }

    /**
     * A reform overlay given as text (pasted or uploaded in the console) applied to {@code base}, checked as
     * {@link #applyReform(PolicyPack, Path)} checks a file; problems name {@code fileName} and the text's lines.
     * Nothing is written anywhere: {@code base} is unchanged.
     */
    public static PolicyPack applyReform(PolicyPack base, String fileName, String text) {
        PackLoader l = new PackLoader(new ArrayList<>(), null);
        l.file = fileName;
        return l.reform(base, l.yaml(new StringReader(text)), fileName);
    }

    private PolicyPack reform(PolicyPack base, Node top, String defaultName) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (top instanceof MappingNode m) {
            List<String> topKeys = with("reform", new ArrayList<>(PolicySchema.keysUnder("")));
            for (Map.Entry<String, NodeTuple> e : entries(m, "").entrySet()) {
                String key = e.getKey();
                NodeTuple t = e.getValue();
                if ("reform".equals(key)) {
                    if (t.getValueNode() instanceof MappingNode rm) {
                        Map<String, NodeTuple> header = entries(rm, "reform");
                        onlyKeys(header, "reform", " in a reform's header", REFORM_KEYS);
                        for (String k : REFORM_KEYS) {
                            String v = text(header, k, "reform." + k);
                            if (v != null) meta.put(k, v);
                        }
                        if (meta.containsKey("source")) cite(header.get("source").getValueNode(), "reform.source", meta.get("source"));
                    } else {
                        problem(t.getValueNode(), "reform", "the header is a mapping of: " + String.join(", ", REFORM_KEYS));
                    }
                } else if (PolicySchema.find(key) == null && !PolicySchema.isContainer(key)) {
                    unknownKey(t.getKeyNode(), key, key, "", topKeys);
                } else {
                    walk(t.getValueNode(), key, null, null, t.getKeyNode());
                }
            }
        } else if (top != null) {
            problem(top, "", "a reform is a mapping with a 'reform:' header and parameters");
        }
        if (meta.get("name") == null) problem(top, "reform.name", "missing: every reform names itself");
        if (!problems.isEmpty()) throw new PolicyException(problems);
        PolicyPack reformed = base.overlay(meta.getOrDefault("name", defaultName),
                parameters, scales, declarations);
        List<Problem> after = reformed.check();
        if (!after.isEmpty()) throw new PolicyException(after);
        return reformed;
    }

    /** What {@code pack.yaml} says of a pack. */
    private record PackMeta(Map<String, NodeTuple> entries, String region, String name, String admdvs, String description,
                            boolean base, String extendsName, String catalogue) {}

    /**
     * One pack of a chain: its own files over what its base gives. {@code chain} names the packs being
     * loaded, the first asked for first and this one last, to find a cycle.
     */
    private PolicyPack loadPack(Path dir, List<String> chain) {
        Path packFile = dir.resolve("pack.yaml");
        if (!Files.isRegularFile(packFile)) {
            problems.add(new Problem(shown(root, dir), 0, null, "not a policy pack: no pack.yaml"));
            return null;
        }
        PackMeta meta = readMeta(packFile);
        PolicyPack parent = meta.extendsName() == null ? null : loadBase(meta, dir, chain);
        if (!readParameterFiles(dir)) return null;
        Catalogue catalogue = parent == null ? Catalogue.EMPTY : parent.catalogue();
        String catalogueFile = parent == null ? null : parent.catalogueFile();
        file = shown(root, packFile);
        if (meta.catalogue() != null) {
            Path csv = dir.resolve(meta.catalogue());
            catalogueFile = shown(root, csv);
            try {
                catalogue = Catalogue.load(csv, catalogueFile);
            } catch (PolicyException e) {
                problems.addAll(e.problems());
            }
        }
        return overBase(parent, meta, dir, catalogue, catalogueFile);
    }

    private PackMeta readMeta(Path packFile) {
        file = shown(root, packFile);
        Node packRoot = yaml(packFile);
        Map<String, NodeTuple> meta = new LinkedHashMap<>();
        if (packRoot instanceof MappingNode m) {
            meta = entries(m, "");
            onlyKeys(meta, "", " in pack.yaml", PACK_KEYS);
        } else if (packRoot != null) {
            problem(packRoot, "", "pack.yaml is a mapping of: " + String.join(", ", PACK_KEYS));
        }
        String baseText = text(meta, "base", "base");
        boolean base = "true".equals(baseText);
        if (baseText != null && !base && !baseText.equals("false")) {
            problem(meta.get("base").getValueNode(), "base", "'" + baseText + "' is not true or false");
        }
        PackMeta read = new PackMeta(meta, text(meta, "region", "region"), text(meta, "name", "name"),
                text(meta, "admdvs", "admdvs"), text(meta, "description", "description"), base,
                text(meta, "extends", "extends"), text(meta, "catalogue", "catalogue"));
        if (packRoot != null) checkRegion(read, packRoot);
        String source = text(meta, "source", "source");
        if (source != null) cite(meta.get("source").getValueNode(), "source", source);
        return read;
    }

    /** A region pack names its region; a base pack is no region and has neither region nor admdvs. */
    private void checkRegion(PackMeta meta, Node packRoot) {
        if (meta.name() == null) problem(packRoot, "name", "missing");
        if (!meta.base()) {
            if (meta.region() == null) problem(packRoot, "region", "missing");
            return;
        }
        for (String k : List.of("region", "admdvs")) {
            if (meta.entries().containsKey(k)) problem(meta.entries().get(k).getKeyNode(), k,
                    "a base pack is not a region: it has no " + k + " (each pack that extends it gives its own)");
        }
    }

    /** The pack {@code meta} extends, loaded beside {@code dir}; null (with a problem) when it cannot be. */
    private PolicyPack loadBase(PackMeta meta, Path dir, List<String> chain) {
        String ext = meta.extendsName();
        Node at = meta.entries().get("extends").getValueNode();
        Path baseDir = dir.resolveSibling(ext);
        if (!ext.matches(NAME)) {
            problem(at, "extends", "'" + ext + "' is not a pack's name (the name of a directory beside this pack)");
        } else if (chain.contains(ext)) {
            problem(at, "extends", "a cycle: " + String.join(" extends ", chain) + " extends " + ext);
        } else if (!Files.isRegularFile(baseDir.resolve("pack.yaml"))) {
            problem(at, "extends", "no pack '" + ext + "' beside this one (" + shown(root, baseDir.resolve("pack.yaml"))
                    + " not found)");
        } else {
            List<String> longer = new ArrayList<>(chain);
            longer.add(ext);
            return new PackLoader(problems, root, citations, bibliography).loadPack(baseDir, longer);
        }
        return null;
    }

    /**
     * The YAML files of a pack directory that are not parameter files: pack.yaml, grouping.yaml (which table
     * versions the region groups with, read by {@code org.openyibao.engine.grouping.TableSelection}) and
     * supervision.yaml (which supervision rule sets it screens with, read by
     * {@code org.openyibao.engine.supervision.RuleSelection}).
     */
    static final List<String> NOT_PARAMETERS = List.of("pack.yaml", "grouping.yaml", "supervision.yaml");

    /** Walks every parameter file of the pack (all {@code *.yaml} but {@link #NOT_PARAMETERS}); false when the directory cannot be listed. */
    private boolean readParameterFiles(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !NOT_PARAMETERS.contains(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(shown(root, dir), 0, null, "cannot list: " + e.getMessage()));
            return false;
        }
        for (Path p : files) {
            file = shown(root, p);
            Node top = yaml(p);
            if (top == null) continue;
            if (!(top instanceof MappingNode m)) {
                problem(top, "", "a parameter file is a mapping of parameter names");
                continue;
            }
            for (Map.Entry<String, NodeTuple> e : entries(m, "").entrySet()) {
                walk(e.getValue().getValueNode(), e.getKey(), null, null, e.getValue().getKeyNode());
            }
        }
        return true;
    }

    /** This pack's own values over its base's: a whole parameter, scale or declaration at a time. */
    private PolicyPack overBase(PolicyPack parent, PackMeta meta, Path dir, Catalogue catalogue, String catalogueFile) {
        Map<String, Parameter> allParameters = new LinkedHashMap<>();
        Map<String, Scale> allScales = new LinkedHashMap<>();
        List<Declaration> allDeclarations = new ArrayList<>();
        List<String> bases = new ArrayList<>();
        if (parent != null) {
            allParameters.putAll(parent.parameters());
            allScales.putAll(parent.scales());
            Set<String> own = new HashSet<>();
            for (Declaration d : declarations) own.add(d.name());
            for (Declaration d : parent.declarations()) if (!own.contains(d.name())) allDeclarations.add(d);
            bases.add(meta.extendsName());
            bases.addAll(parent.bases());
        }
        allParameters.putAll(parameters);
        allScales.putAll(scales);
        allDeclarations.addAll(declarations);
        return new PolicyPack(meta.region() != null ? meta.region() : nameOf(dir), meta.name() == null ? "" : meta.name(),
                meta.admdvs(), meta.description() == null ? "" : meta.description(), allParameters, allScales,
                allDeclarations, catalogue, List.of(), meta.base(), bases, catalogueFile);
    }

    private Node yaml(Path p) {
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            return yaml(r);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, null, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private Node yaml(Reader r) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(file, e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, null,
                    "not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(new Problem(file, 0, null, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    private void walk(Node node, String path, Unit unit, String source, Node keyNode) {
        PolicySchema.Entry entry = PolicySchema.find(path);
        if (entry == null && !PolicySchema.isContainer(path)) {
            int dot = path.lastIndexOf('.');
            String parent = dot < 0 ? "" : path.substring(0, dot);
            List<String> allowed = new ArrayList<>(PolicySchema.keysUnder(parent));
            if (!parent.isEmpty()) allowed.addAll(META_KEYS); // the top level of a file holds parameters only
            unknownKey(keyNode, path, path.substring(dot + 1), "", allowed);
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
        Map<String, NodeTuple> keys = entries(m, path);
        if (keys.containsKey("unit")) {
            String u = scalar(keys.get("unit").getValueNode());
            unit = Unit.of(u);
            if (unit == null) {
                problem(keys.get("unit").getValueNode(), path, "unknown unit '" + u + "' (expected one of: " + Unit.names() + ")");
                return;
            }
        }
        if (keys.containsKey("source")) {
            source = scalar(keys.get("source").getValueNode());
            cite(keys.get("source").getValueNode(), path, source);
        }
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
            onlyKeys(keys, path, " in a parameter", PARAMETER_KEYS);
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
        onlyKeys(keys, path, " in a scale", SCALE_KEYS);
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
            Map<String, NodeTuple> bk = entries(bm, bp);
            String bsource = bk.containsKey("source") ? scalar(bk.get("source").getValueNode()) : source;
            if (bk.containsKey("source")) cite(bk.get("source").getValueNode(), bp, bsource);
            onlyKeys(bk, bp, " in a bracket", BRACKET_KEYS);
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
                Map<String, NodeTuple> vk = entries(vm, path);
                if (vk.size() != vm.getValue().size() || !DATED_VALUE_KEYS.containsAll(vk.keySet())) ok = false;
                onlyKeys(vk, path, " in a dated value", DATED_VALUE_KEYS);
                Node v = vk.containsKey("value") ? vk.get("value").getValueNode() : null;
                if (vk.containsKey("source")) {
                    valueSource = scalar(vk.get("source").getValueNode());
                    cite(vk.get("source").getValueNode(), path, valueSource);
                }
                if (v == null) {
                    problem(valueNode, path, "dated value " + date + " has no 'value'");
                    ok = false;
                    continue;
                }
                valueNode = v;
            }
            if (valueSource == null || valueSource.isBlank()) {
                problem(t.getKeyNode(), path, "value from " + date + " has no source: cite a published work (policies/bibliography.yaml) or mark a DECISION and say why");
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
        if (unit == Unit.CODES || unit == Unit.TIERS) return parseList(node, path, unit);
        if (unit == Unit.REASONS) return parseReasons(node, path);
        String text = scalar(node);
        if (text == null) {
            problem(node, path, "expected a single value in unit " + unit.yamlName);
            return null;
        }
        try {
            return parseScalar(text, unit, choices);
        } catch (NumberFormatException e) {
            problem(node, path, "'" + text + "' is not a number (unit " + unit.yamlName + ")");
        } catch (ArithmeticException | IllegalArgumentException e) {
            problem(node, path, e.getMessage());
        }
        return null;
    }

    /**
     * The insurer's audit reasons: a list of {code, zh, en, decisions}; codes are lower-case words, each once, and
     * each reason goes with at least one of approve, adjust, reject. Null (with a problem) when one is not so.
     */
    private List<AuditReason> parseReasons(Node node, String path) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            problem(node, path, "expected a list of reasons ({code, zh, en, decisions})");
            return null;
        }
        List<AuditReason> out = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (Node n : seq.getValue()) {
            if (!(n instanceof MappingNode m)) {
                problem(n, path, "each reason is a mapping {code, zh, en, decisions}, not " + kind(n));
                return null;
            }
            Map<String, NodeTuple> k = entries(m, path);
            onlyKeys(k, path, " in a reason", REASON_KEYS);
            String code = k.containsKey("code") ? scalar(k.get("code").getValueNode()) : null;
            String zh = k.containsKey("zh") ? scalar(k.get("zh").getValueNode()) : null;
            String en = k.containsKey("en") ? scalar(k.get("en").getValueNode()) : null;
            if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
                problem(n, path, "a reason's code is a lower-case word (a-z, 0-9, _; at most 40), not " + code);
                return null;
            }
            if (!codes.add(code)) {
                problem(n, path, "reason '" + code + "' given twice");
                return null;
            }
            if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
                problem(n, path, "reason '" + code + "' needs its words in zh and en");
                return null;
            }
            Node d = k.containsKey("decisions") ? k.get("decisions").getValueNode() : null;
            List<String> decisions = new ArrayList<>();
            if (d instanceof SequenceNode ds) for (Node x : ds.getValue()) decisions.add(scalar(x));
            if (decisions.isEmpty() || !AuditReason.DECISIONS.containsAll(decisions)) {
                problem(d == null ? n : d, path, "reason '" + code + "': decisions is a list of " + AuditReason.DECISIONS
                        + ", not " + decisions);
                return null;
            }
            out.add(new AuditReason(code, zh, en, decisions));
        }
        return List.copyOf(out);
    }

    /** A list of diagnosis codes or tier names; null (with a problem) when an item is not one. */
    private List<String> parseList(Node node, String path, Unit unit) {
        String what = unit == Unit.CODES ? "diagnosis code" : "tier name";
        if (!(node instanceof SequenceNode seq)) {
            problem(node, path, "expected a list of " + what + "s");
            return null;
        }
        List<String> items = new ArrayList<>();
        for (Node n : seq.getValue()) {
            String s = scalar(n);
            if (s == null) {
                problem(n, path, "each item is one " + what + ", not " + kind(n));
                return null;
            }
            if (s.isBlank()) {
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

    /** One value in its unit; throws with the reason when it is not one. */
    private static Object parseScalar(String text, Unit unit, List<String> choices) {
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
            case YEARS:
            case DAYS: {
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
                if (!choices.contains(text)) throw new IllegalArgumentException("'" + text + "' is not one of " + choices);
                return text;
            }
            default:
                throw new IllegalStateException(unit.name());
        }
    }

    private void declarations(Node node, String path, String source) {
        if (!(node instanceof SequenceNode seq)) {
            problem(node, path, "declarations are a list");
            return;
        }
        Set<String> names = new HashSet<>();
        for (Node d : seq.getValue()) {
            if (!(d instanceof MappingNode dm)) {
                problem(d, path, "a declaration is a mapping");
                continue;
            }
            Map<String, NodeTuple> keys = entries(dm, path);
            onlyKeys(keys, path, " in a declaration", DECLARATION_KEYS);
            Map<String, Node> k = new LinkedHashMap<>();
            keys.forEach((key, t) -> k.put(key, t.getValueNode()));
            String name = k.containsKey("name") ? scalar(k.get("name")) : null;
            String dp = path + "." + (name == null ? "?" : name);
            if (name == null) problem(d, dp, "a declaration needs a name");
            else if (!names.add(name)) problem(k.get("name"), dp, "declaration '" + name + "' given twice in this pack");
            List<String> confirmed = codes(k.get("confirmed"), dp + ".confirmed", d);
            List<String> suspected = codes(k.get("suspected"), dp + ".suspected", d);
            List<String> regions = k.containsKey("regions") ? codes(k.get("regions"), dp + ".regions", d) : List.of("all");
            LocalDate from = date(k.get("from"), dp + ".from", d, true);
            LocalDate until = date(k.get("until"), dp + ".until", d, false);
            String src = k.containsKey("source") ? scalar(k.get("source")) : source;
            if (k.containsKey("source")) cite(k.get("source"), dp, src);
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
        for (Node c : seq.getValue()) {
            String s = scalar(c);
            if (s == null) {
                problem(c, path, "each item is one code, not " + kind(c) + ": write [A00, B01]");
                return null;
            }
            if (s.isBlank()) {
                problem(c, path, "empty list item");
                return null;
            }
            out.add(s);
        }
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

    /** A mapping's entries by key, in order; a key that is not a single word, or is given twice, is a problem. */
    private Map<String, NodeTuple> entries(MappingNode m, String path) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String k = scalar(t.getKeyNode());
            if (k == null) {
                problem(t.getKeyNode(), path, "a key is a single word, not " + kind(t.getKeyNode()));
            } else if (out.containsKey(k)) {
                problem(t.getKeyNode(), path, "key '" + k + "' given twice");
            } else {
                out.put(k, t);
            }
        }
        return out;
    }

    /** Each key {@code accepted} does not list is a problem naming exactly the accepted keys. */
    private void onlyKeys(Map<String, NodeTuple> entries, String path, String where, List<String> accepted) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!accepted.contains(e.getKey())) unknownKey(e.getValue().getKeyNode(), path, e.getKey(), where, accepted);
        }
    }

    private void unknownKey(Node keyNode, String path, String key, String where, Collection<String> accepted) {
        problem(keyNode, path, "unknown key '" + key + "'" + where
                + (accepted.isEmpty() ? "" : " (expected one of: " + String.join(", ", accepted) + ")"));
    }

    /** The single value under {@code key}, or null when absent (or not a single value: a problem). */
    private String text(Map<String, NodeTuple> m, String key, String path) {
        NodeTuple t = m.get(key);
        if (t == null) return null;
        String s = scalar(t.getValueNode());
        if (s == null) problem(t.getValueNode(), path, "expected a single value, not " + kind(t.getValueNode()));
        return s;
    }

    private static String kind(Node n) {
        return n instanceof SequenceNode ? "a list" : n instanceof MappingNode ? "a mapping" : "this";
    }

    private static List<String> with(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return List.copyOf(out);
    }

    /** The policies directory of the pack in {@code dir}: its parent. */
    private static Path rootOf(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.getParent() == null ? abs : abs.getParent();
    }

    private static String nameOf(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? "" : n.toString();
    }

    /** {@code p} as problems and {@code policy show} name it: relative to the policies directory. */
    private static String shown(Path root, Path p) {
        if (root == null) return p.toString();
        return root.relativize(p.toAbsolutePath().normalize()).toString();
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

    /** When sources are checked, each rule {@code source} (written at {@code n}) breaks, as a problem there. */
    private void cite(Node n, String path, String source) {
        if (citations == null || source == null) return;
        for (String message : Citations.problems(source, bibliography)) {
            citations.add(new Problem(file, line(n), path, "source: " + message));
        }
    }
}
