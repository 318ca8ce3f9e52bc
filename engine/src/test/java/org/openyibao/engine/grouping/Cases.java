package org.openyibao.engine.grouping;

import java.util.Arrays;
import java.util.List;

/** Discharged cases for tests, written briefly. */
final class Cases {
    private Cases() {}

    /** An adult case: principal, secondaries and procedures space-separated, age, sex letter, cost in yuan. */
    static DischargedCase adult(String principal, String secondaries, String procedures, int age, String sex,
                                long costYuan) {
        return new DischargedCase("t", principal, codes(secondaries), codes(procedures), age, 0, Sex.of(sex), 5,
                DischargeType.ORDERED, 0, costYuan * 100);
    }

    static DischargedCase newborn(String principal, int ageDays, int birthWeight) {
        return new DischargedCase("t", principal, List.of(), List.of(), 0, ageDays, Sex.FEMALE, 10,
                DischargeType.ORDERED, birthWeight, 2_000_000);
    }

    static List<String> codes(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
    }
}
