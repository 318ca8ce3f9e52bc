package org.openyibao.engine.supervision;

/** An item limited to an age range (both ends included) billed for a patient outside it (限年龄). */
public final class ItemAgeLimit extends ItemLimit {
    @Override
    String breach(ClaimVisit visit, Knowledge.Item item) {
        if (item.minAge() != null && visit.age() < item.minAge()) return "patient aged " + visit.age() + ", below " + item.minAge();
        if (item.maxAge() != null && visit.age() > item.maxAge()) return "patient aged " + visit.age() + ", above " + item.maxAge();
        return null;
    }

    @Override
    String limit(Knowledge.Item item) {
        return "ages " + (item.minAge() == null ? "0" : item.minAge()) + " to " + (item.maxAge() == null ? "any" : item.maxAge());
    }
}
