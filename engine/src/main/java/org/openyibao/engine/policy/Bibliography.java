package org.openyibao.engine.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The published works the policy packs cite ({@code policies/bibliography.yaml}), each under the key a
 * {@code source:} names it by: "Luo 2020, Table 2-7" cites the work keyed {@code Luo 2020}. Read from the
 * policies directory, or, when that has none, from the copy the engine's jar carries.
 */
public final class Bibliography {
    /** The file's name in the policies directory. */
    public static final String FILE = "bibliography.yaml";
    /** The jar's copy (engine/pom.xml copies policies/bibliography.yaml there). */
    static final String RESOURCE = "/org/openyibao/engine/policy/bibliography.yaml";
    static final List<String> KINDS = List.of("thesis", "preprint", "article", "government document");
    static final List<String> FIELDS = List.of("key", "authors", "year", "title", "kind", "degree", "institution",
            "publisher", "doi", "address", "note");

    /** One work: who, when, what, where to find it. {@code year} is null when the work does not state it. */
    public record Work(String key, List<String> authors, Integer year, String title, String kind, String degree,
                       String institution, String publisher, String doi, String address, String note) {
        /**
         * The full reference, author-year style: "Luo Liming (2020). Title. Thesis (Doctor of Management),
         * ISCTE – University Institute of Lisbon. https://iscte-iul.pt/tese/11431".
         */
        public String reference() {
            StringBuilder b = new StringBuilder(String.join(", ", authors));
            b.append(" (").append(year == null ? "n.d." : year).append("). ").append(title);
            if (!title.endsWith(".") && !title.endsWith("?")) b.append('.');
            b.append(' ').append(Character.toUpperCase(kind.charAt(0))).append(kind.substring(1));
            if (degree != null) b.append(" (").append(degree).append(')');
            if (institution != null) b.append(", ").append(institution);
            if (publisher != null) b.append(", ").append(publisher);
            b.append('.');
            if (address != null) b.append(' ').append(address);
            else if (doi != null) b.append(" https://doi.org/").append(doi);
            return b.toString();
        }
    }

    private final Map<String, Work> works;
    private final Map<String, Pattern> mentions = new LinkedHashMap<>();

    Bibliography(List<Work> works) {
        Map<String, Work> byKey = new LinkedHashMap<>();
        for (Work w : works) {
            byKey.put(w.key(), w);
            mentions.put(w.key(), Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w.key()) + "(?![\\p{L}\\p{N}])"));
        }
        this.works = byKey;
    }

    /** The bibliography of the policies directory {@code root}, or the jar's copy when it has none. */
    public static Bibliography of(Path root) {
        Path file = root == null ? null : root.resolve(FILE);
        return file != null && Files.isRegularFile(file) ? load(file) : standard();
    }

    /** The copy of policies/bibliography.yaml the engine's jar carries. */
    public static Bibliography standard() {
        try (InputStream in = Bibliography.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new PolicyException("no bibliography: " + FILE + " is neither in the policies directory nor in the jar");
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), FILE);
        } catch (IOException e) {
            throw new PolicyException(FILE + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads and checks a bibliography file; throws {@link PolicyException} listing every problem. */
    public static Bibliography load(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, FILE);
        } catch (IOException e) {
            throw new PolicyException(FILE + ": cannot read: " + e.getMessage());
        }
    }

    static Bibliography parse(Reader reader, String fileName) {
        Object top;
        try {
            top = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (RuntimeException e) {
            throw new PolicyException(List.of(new Problem(fileName, 0, null, "not valid YAML: " + e.getMessage())));
        }
        List<Problem> problems = new ArrayList<>();
        List<Work> out = new ArrayList<>();
        if (!(top instanceof Map<?, ?> m) || !(m.get("works") instanceof List<?> list)) {
            throw new PolicyException(List.of(new Problem(fileName, 0, "works", "a bibliography is 'works:', a list of entries")));
        }
        Map<String, Boolean> seen = new TreeMap<>();
        int i = 0;
        for (Object entry : list) {
            String path = "works[" + i++ + "]";
            Work w = work(entry, path, fileName, problems);
            if (w == null) continue;
            if (seen.put(w.key(), true) != null) problems.add(new Problem(fileName, 0, path, "key '" + w.key() + "' given twice"));
            else out.add(w);
        }
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return new Bibliography(out);
    }

    private static Work work(Object entry, String path, String file, List<Problem> problems) {
        if (!(entry instanceof Map<?, ?> e)) {
            problems.add(new Problem(file, 0, path, "an entry is a mapping of: " + String.join(", ", FIELDS)));
            return null;
        }
        int before = problems.size();
        for (Object k : e.keySet()) {
            if (!FIELDS.contains(String.valueOf(k))) {
                problems.add(new Problem(file, 0, path, "unknown key '" + k + "' (expected one of: " + String.join(", ", FIELDS) + ")"));
            }
        }
        String key = text(e, "key");
        String where = key == null ? path : path + " (" + key + ")";
        for (String required : List.of("key", "title", "kind")) {
            if (text(e, required) == null) problems.add(new Problem(file, 0, where, "missing: every work has a " + required));
        }
        List<String> authors = new ArrayList<>();
        if (e.get("authors") instanceof List<?> a) for (Object o : a) authors.add(String.valueOf(o).trim());
        if (authors.isEmpty()) problems.add(new Problem(file, 0, where, "missing: 'authors', a list of names"));
        String kind = text(e, "kind");
        if (kind != null && !KINDS.contains(kind)) {
            problems.add(new Problem(file, 0, where, "kind '" + kind + "' is not one of: " + String.join(", ", KINDS)));
        }
        Object year = e.get("year");
        if (year != null && !(year instanceof Integer)) problems.add(new Problem(file, 0, where, "year '" + year + "' is not a year"));
        String doi = text(e, "doi");
        if (doi != null && !doi.startsWith("10.")) problems.add(new Problem(file, 0, where, "doi '" + doi + "' does not start with 10."));
        if (problems.size() > before) return null;
        return new Work(key, List.copyOf(authors), (Integer) year, text(e, "title"), kind, text(e, "degree"),
                text(e, "institution"), text(e, "publisher"), doi, text(e, "address"), text(e, "note"));
    }

    private static String text(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) return null;
        String s = String.valueOf(v).trim().replaceAll("\\s+", " ");
        return s.isEmpty() ? null : s;
    }

    public List<Work> works() {
        return List.copyOf(works.values());
    }

    /** The work under {@code key}, or null. */
    public Work find(String key) {
        return works.get(key);
    }

    /** The works {@code source} names by their keys, in the order it first names them. */
    public List<Work> cited(String source) {
        if (source == null) return List.of();
        TreeMap<Integer, Work> byPosition = new TreeMap<>();
        mentions.forEach((key, p) -> {
            Matcher m = p.matcher(source);
            if (m.find()) byPosition.put(m.start(), works.get(key));
        });
        return List.copyOf(byPosition.values());
    }

    /** The works any of {@code sources} names, each once, in the order of this bibliography. */
    public List<Work> cited(Collection<String> sources) {
        List<Work> out = new ArrayList<>();
        for (Work w : works.values()) {
            Pattern p = mentions.get(w.key());
            if (sources.stream().anyMatch(s -> s != null && p.matcher(s).find())) out.add(w);
        }
        return out;
    }

    /** The keys, for a message. */
    String keys() {
        return String.join(", ", works.keySet());
    }
}
