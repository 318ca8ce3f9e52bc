package org.openyibao.engine.supervision;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every {@link Check} class a rule may name in its {@code check:} field, by its simple class name. A rule set names the
 * logic; the numbers and the knowledge stay in the files.
 */
public final class Checks {
    private static final Map<String, Check> ALL = new TreeMap<>();

    static {
        for (Check c : List.of(new ItemSexLimit(), new ItemAgeLimit(), new ItemIndicationLimit(), new ItemLevelLimit(),
                new ItemSchemeLimit(), new DailyQuantityLimit(), new StayQuantityLimit(), new SameItemTwiceADay(),
                new MutuallyExclusiveItems(), new MissingDependentItem(), new SwappedItem(),
                new ReadmissionSameDiagnosis(), new OverlappingStays(), new OutpatientDuringStay(), new LongStay(),
                new DaysWithoutTreatment(), new RepeatedCostlyDrug(), new AccountDrain())) {
            ALL.put(c.getClass().getSimpleName(), c);
        }
    }

    private Checks() {}

    /** The check of that name, or null. */
    public static Check named(String name) {
        return ALL.get(name);
    }

    public static TreeSet<String> names() {
        return new TreeSet<>(ALL.keySet());
    }
}
