package org.openyibao.engine.supervision;

import org.openyibao.engine.grouping.Sex;

/** An item limited to one sex billed for the other (限性别). A person of unknown sex is not held against the limit. */
public final class ItemSexLimit extends ItemLimit {
    @Override
    String breach(ClaimVisit visit, Knowledge.Item item) {
        if (item.sex() == null || visit.sex() == Sex.UNKNOWN || visit.sex() == item.sex()) return null;
        return "is for " + word(item.sex()) + " patients, billed for a " + word(visit.sex()) + " patient";
    }

    @Override
    String limit(Knowledge.Item item) {
        return word(item.sex()) + " only";
    }

    private static String word(Sex sex) {
        return sex == Sex.MALE ? "male" : "female";
    }
}
