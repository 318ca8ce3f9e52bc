package org.openyibao.engine.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.openyibao.engine.error.DomainException;

/**
 * Which rule set version a region screens with from which date: its {@code <region>/supervision.yaml}
 * (docs/supervision.md#data), like grouping.yaml. A visit is screened with the version in force on its discharge date;
 * before the first there is none.
 */
public final class RuleSelection {
    /** One line: a version in force from a date, and why; {@code line} is its line in the file. */
    public record Entry(String version, LocalDate from, String source, int line) {}

    public static final String FILE = "supervision.yaml";

    private final List<Entry> entries;

    private RuleSelection(List<Entry> entries) {
        this.entries = entries;
    }

    /** The region's selection; none when it has no supervision.yaml. */
    public static RuleSelection of(Path regionDir) {
        Path file = regionDir.resolve(FILE);
        List<Entry> entries = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            YamlNode doc = YamlNode.read(file, regionDir.getFileName() + "/" + FILE);
            for (YamlNode n : doc.field("versions").items())
                entries.add(new Entry(n.text("version"), n.date("from"), n.text("source"), n.line()));
        }
        entries.sort(Comparator.comparing(Entry::from));
        return new RuleSelection(List.copyOf(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<String> version(LocalDate day) {
        String found = null;
        for (Entry e : entries) if (!e.from().isAfter(day)) found = e.version();
        return Optional.ofNullable(found);
    }

    /** The version in force, or NO_RULE_VERSION naming the date. */
    public String require(LocalDate day) {
        return version(day).orElseThrow(() -> new DomainException(SupervisionError.NO_RULE_VERSION, "date",
                "no supervision rule set is in force on " + day));
    }
}
