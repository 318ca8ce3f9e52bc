package org.openyibao.engine.grouping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openyibao.engine.error.DomainException;

/**
 * Which table version a region groups with from which discharge date: its {@code <region>/grouping.yaml}
 * (docs/grouping.md). A case is grouped with the version in force on its discharge date. Before a method's first
 * version there is none: {@link #version} is empty and {@link #require} refuses with NO_TABLE_VERSION, rather than
 * stretching the first version back over cases it was not published for (docs/decisions.md#grouping-table-selection).
 * A region with no grouping.yaml groups nothing.
 */
public final class TableSelection {
    /** One line of the selection file: a version in force from a date, and why. */
    public record Entry(Method method, String version, LocalDate from, String source) {}

    /** The selection file's name in a region's pack directory. */
    public static final String FILE = "grouping.yaml";

    private final Map<Method, List<Entry>> entries;

    private TableSelection(Map<Method, List<Entry>> entries) {
        this.entries = entries;
    }

    public static TableSelection of(Path regionDir) {
        Map<Method, List<Entry>> entries = new EnumMap<>(Method.class);
        Path file = regionDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            String shown = regionDir.getFileName() + "/" + FILE;
            Map<String, Object> m = GroupingYaml.read(file, shown);
            for (Map.Entry<String, Object> e : m.entrySet()) {
                Method method = Method.of(e.getKey());
                if (method == null) throw Csv.invalid(shown, 0, "'" + e.getKey() + "' is not drg or dip");
                if (!(e.getValue() instanceof List<?> lines))
                    throw Csv.invalid(shown, 0, e.getKey() + " must be a list of {version, from, source}");
                List<Entry> list = new ArrayList<>();
                for (Object o : lines) list.add(entry(method, o, shown + " " + e.getKey()));
                list.sort(Comparator.comparing(Entry::from));
                entries.put(method, List.copyOf(list));
            }
        }
        return new TableSelection(entries);
    }

    private static Entry entry(Method method, Object o, String shown) {
        if (!(o instanceof Map<?, ?> raw)) throw Csv.invalid(shown, 0, "each line must be {version, from, source}");
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) raw;
        return new Entry(method, GroupingYaml.text(m, "version", shown, true), GroupingYaml.date(m, "from", shown),
                GroupingYaml.text(m, "source", shown, true));
    }

    /** The version of {@code method} in force on the discharge date, empty before the first. */
    public Optional<String> version(Method method, LocalDate discharge) {
        String found = null;
        for (Entry e : entries.getOrDefault(method, List.of())) {
            if (!e.from().isAfter(discharge)) found = e.version();
        }
        return Optional.ofNullable(found);
    }

    /** The version in force, or NO_TABLE_VERSION naming the method and date. */
    public String require(Method method, LocalDate discharge) {
        return version(method, discharge).orElseThrow(() -> new DomainException(GroupingError.NO_TABLE_VERSION,
                "discharge_date", "no " + method.key.toUpperCase() + " table version is in force on " + discharge));
    }

    /** Every line of the file, by method, in date order. */
    public List<Entry> entries(Method method) {
        return entries.getOrDefault(method, List.of());
    }

    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        entries.values().forEach(all::addAll);
        return all;
    }
}
