package org.openyibao.engine.grouping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.openyibao.engine.error.DomainException;

/**
 * Every grouping table version under {@code policies/grouping/<version>/version.yaml}, side by side (docs/grouping.md),
 * each with its grouper. A version may {@code extends:} another and list only the files it overrides. Loading reads
 * files; the groupers it builds do no I/O.
 */
public final class GroupingTables {
    /** The directory under the policies root that holds the versions. */
    public static final String DIR = "grouping";

    private final Map<String, TableVersion> versions;
    private final Map<String, Grouper> groupers;

    private GroupingTables(Map<String, TableVersion> versions, Map<String, Grouper> groupers) {
        this.versions = versions;
        this.groupers = groupers;
    }

    /** Reads every version under {@code policiesDir/grouping/}; a table error is an INVALID_TABLE naming its file. */
    public static GroupingTables load(Path policiesDir) {
        Map<String, Map<String, Object>> raw = new TreeMap<>();
        Map<String, Path> dirs = new HashMap<>();
        Path root = policiesDir.resolve(DIR);
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                for (Path dir : s.filter(d -> Files.isRegularFile(d.resolve("version.yaml"))).sorted().toList()) {
                    String shown = DIR + "/" + dir.getFileName() + "/version.yaml";
                    Map<String, Object> m = GroupingYaml.read(dir.resolve("version.yaml"), shown);
                    String name = GroupingYaml.text(m, "version", shown, true);
                    if (!name.equals(dir.getFileName().toString()))
                        throw Csv.invalid(shown, 0, "version '" + name + "' is not the directory's name");
                    raw.put(name, m);
                    dirs.put(name, dir);
                }
            } catch (IOException e) {
                throw Csv.invalid(DIR, 0, "cannot be listed");
            }
        }
        Map<String, TableVersion> versions = new TreeMap<>();
        for (String name : raw.keySet()) versions.put(name, resolve(name, raw, dirs, new LinkedHashSet<>()));
        Map<String, Grouper> groupers = new HashMap<>();
        for (TableVersion v : versions.values()) {
            groupers.put(v.version(), grouper(v));
        }
        return new GroupingTables(Map.copyOf(versions), Map.copyOf(groupers));
    }

    private static Grouper grouper(TableVersion v) {
        if (TableVersion.OPENDRG.equals(v.layout())) {
            if (v.method() != Method.DRG || v.file("data") == null)
                throw Csv.invalid(DIR + "/" + v.version() + "/version.yaml", 0,
                        "layout opendrg needs method drg and files: {data: DATA}");
            return OpenDrgLoader.load(v.version(), v.file("data"), v.file("weights"));
        }
        return v.method() == Method.DRG ? DrgGrouper.of(v) : DipGrouper.of(v);
    }

    private static TableVersion resolve(String name, Map<String, Map<String, Object>> raw, Map<String, Path> dirs,
                                        Set<String> seen) {
        String shown = DIR + "/" + name + "/version.yaml";
        if (!seen.add(name)) throw Csv.invalid(shown, 0, "extends itself through " + seen);
        Map<String, Object> m = raw.get(name);
        Path dir = dirs.get(name);
        String ext = GroupingYaml.text(m, "extends", shown, false);
        TableVersion base = null;
        if (ext != null) {
            if (!raw.containsKey(ext)) throw Csv.invalid(shown, 0, "extends '" + ext + "', which is not a version");
            base = resolve(ext, raw, dirs, seen);
        }
        String methodKey = GroupingYaml.text(m, "method", shown, base == null);
        Method method = methodKey == null ? base.method() : Method.of(methodKey);
        if (method == null) throw Csv.invalid(shown, 0, "method must be drg or dip, not '" + methodKey + "'");
        if (base != null && method != base.method())
            throw Csv.invalid(shown, 0, "method " + method.key + " differs from the extended version's");
        Map<String, Path> files = new HashMap<>(base == null ? Map.of() : base.files());
        Object listed = m.get("files");
        if (listed instanceof Map<?, ?> f) {
            for (Map.Entry<?, ?> e : f.entrySet()) {
                if (e.getValue() != null) files.put(e.getKey().toString(), dir.resolve(e.getValue().toString()));
            }
        } else if (listed != null) {
            throw Csv.invalid(shown, 0, "files must map a role to a file name");
        }
        String layout = GroupingYaml.text(m, "layout", shown, false);
        if (layout == null) layout = base == null ? TableVersion.OPENYIBAO : base.layout();
        if (!layout.equals(TableVersion.OPENYIBAO) && !layout.equals(TableVersion.OPENDRG))
            throw Csv.invalid(shown, 0, "layout must be openyibao or opendrg, not '" + layout + "'");
        return new TableVersion(name, method, layout, GroupingYaml.text(m, "name", shown, false),
                GroupingYaml.date(m, "from", shown), GroupingYaml.text(m, "source", shown, true), ext, dir, files);
    }

    /** The names of the versions, sorted. */
    public Set<String> versions() {
        return new java.util.TreeSet<>(versions.keySet());
    }

    /** The descriptor of a version; UNKNOWN_TABLE_VERSION when there is none of that name. */
    public TableVersion version(String name) {
        TableVersion v = versions.get(name);
        if (v == null) throw unknown(name);
        return v;
    }

    /** The grouper of a version; UNKNOWN_TABLE_VERSION when there is none of that name. */
    public Grouper grouper(String version) {
        Grouper g = groupers.get(version);
        if (g == null) throw unknown(version);
        return g;
    }

    /** The codes the version lists, for drawing cases it can group; UNKNOWN_TABLE_VERSION for an unknown name. */
    public TableCodes codes(String version) {
        return TableCodes.of(grouper(version));
    }

    /** The version's conformance vectors (the {@code vectors} file of version.yaml), empty when it lists none. */
    public List<ConformanceVectors.Vector> vectors(String version) {
        Path p = version(version).file("vectors");
        if (p == null) return List.of();
        return ConformanceVectors.read(p, DIR + "/" + p.getParent().getFileName() + "/" + p.getFileName());
    }

    private static DomainException unknown(String name) {
        return new DomainException(GroupingError.UNKNOWN_TABLE_VERSION, "version",
                "no grouping table version '" + name + "'");
    }

    List<TableVersion> all() {
        return new ArrayList<>(versions.values());
    }
}
