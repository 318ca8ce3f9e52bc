package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;

/**
 * The knowledge base of a rule set (知识库, docs/supervision.md#knowledge): what each item is limited to, which items
 * exclude each other, which depend on another, which dearer items stand in for cheaper ones, and the norms of length of
 * stay. Read from the CSV files beside rules.yaml; every row carries its source.
 */
public record Knowledge(Map<String, Item> items, List<Pair> exclusive, List<Pair> dependent, List<Swap> swaps,
                        List<StayNorm> stayNorms) {
    /** Where a row came from, for evidence and error messages. */
    public record Origin(String file, int line, String source) {}

    /**
     * What an item is limited to. Null (or empty) means no limit of that sort.
     *
     * @param indications ICD-10 prefixes; the item is covered only with one of them among the visit's diagnoses
     * @param treatment false for items that are not treatment (bed, meals), for the days-without-treatment rule
     */
    public record Item(String code, String name, Sex sex, Integer minAge, Integer maxAge, List<String> indications,
                       Level minLevel, Set<Scheme> schemes, Long dailyMax, Long stayMax, boolean treatment,
                       Origin origin) {
        public Item {
            indications = List.copyOf(indications);
            schemes = Set.copyOf(schemes);
        }
    }

    /** Two items: mutually exclusive ({@code first} and {@code second}), or {@code first} depends on {@code second}. */
    public record Pair(String first, String second, Origin origin) {}

    /** A dearer item billed in place of a cheaper one unless one of {@code dearerIndications} is diagnosed. */
    public record Swap(String dearer, String cheaper, List<String> dearerIndications, Origin origin) {
        public Swap {
            dearerIndications = List.copyOf(dearerIndications);
        }
    }

    /** The usual length of stay, in days, for a principal diagnosis (ICD-10 prefix) at a level (null: any level). */
    public record StayNorm(String diagnosis, Level level, int days, Origin origin) {}

    public static final Knowledge EMPTY = new Knowledge(Map.of(), List.of(), List.of(), List.of(), List.of());

    public Knowledge {
        items = Map.copyOf(items);
        exclusive = List.copyOf(exclusive);
        dependent = List.copyOf(dependent);
        swaps = List.copyOf(swaps);
        stayNorms = List.copyOf(stayNorms);
    }

    public Optional<Item> item(String code) {
        return Optional.ofNullable(items.get(code));
    }

    /**
     * The norm for a principal diagnosis at a level: the longest matching diagnosis prefix, a row for the level
     * before a row for any level. Empty when none matches.
     */
    public Optional<StayNorm> stayNorm(String diagnosis, Level level) {
        StayNorm best = null;
        for (StayNorm n : stayNorms) {
            if (!diagnosis.startsWith(n.diagnosis()) || (n.level() != null && n.level() != level)) continue;
            if (best == null || n.diagnosis().length() > best.diagnosis().length()
                    || (n.diagnosis().length() == best.diagnosis().length() && best.level() == null && n.level() != null))
                best = n;
        }
        return Optional.ofNullable(best);
    }

    /** Every item code the base names, for checking them against a catalogue. */
    public List<String> codes() {
        List<String> out = new ArrayList<>(items.keySet());
        for (Pair p : exclusive) out.addAll(List.of(p.first(), p.second()));
        for (Pair p : dependent) out.addAll(List.of(p.first(), p.second()));
        for (Swap s : swaps) out.addAll(List.of(s.dearer(), s.cheaper()));
        return out;
    }
}
