package org.openyibao.platform.casepayment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * The grouping table versions under the policies directory, read once, and each region pack's selection
 * ({@code <pack>/grouping.yaml}): which version groups a region's cases of a discharge date (docs/grouping.md).
 */
@Component
public class GroupingTablesInUse {
    private final PolicyPacks packs;
    private volatile GroupingTables tables;
    private final Map<String, TableSelection> selections = new ConcurrentHashMap<>();

    public GroupingTablesInUse(PolicyPacks packs) {
        this.packs = packs;
    }

    /** The grouper of the version in force for the pack's region on the discharge date, empty when none is. */
    public Optional<Grouper> grouper(String pack, Method method, LocalDate discharge) {
        TableSelection selection = selections.computeIfAbsent(pack, p -> TableSelection.of(packs.root().resolve(p)));
        return selection.version(method, discharge).map(v -> tables().grouper(v));
    }

    private GroupingTables tables() {
        GroupingTables t = tables;
        if (t == null) {
            synchronized (this) {
                if (tables == null) tables = GroupingTables.load(packs.root());
                t = tables;
            }
        }
        return t;
    }

    /** The policies directory the tables are read from (for messages). */
    Path root() {
        return packs.root();
    }
}
