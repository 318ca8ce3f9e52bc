package org.openyibao.engine.supervision;

/** An item covered only at institutions of a minimum level (限医疗机构级别) billed by a lower one. */
public final class ItemLevelLimit extends ItemLimit {
    @Override
    String breach(ClaimVisit visit, Knowledge.Item item) {
        if (item.minLevel() == null || visit.level() == null || visit.level().ordinal() >= item.minLevel().ordinal()) return null;
        return "covered at " + item.minLevel().key + " institutions and above, billed by a " + visit.level().key + " one";
    }

    @Override
    String limit(Knowledge.Item item) {
        return item.minLevel().key + " and above";
    }
}
