package org.openyibao.engine.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the item-limit rules (限性别、限年龄、限适应症、限医疗机构级别、限参保类型): each line whose item the knowledge base
 * limits is tested on its own; a line outside the limit is a finding naming the line and the limit.
 */
abstract class ItemLimit implements Check {
    /** The reason the line breaks the item's limit, or null when it keeps to it (or the item has no such limit). */
    abstract String breach(ClaimVisit visit, Knowledge.Item item);

    /** The limit in words, for the evidence. */
    abstract String limit(Knowledge.Item item);

    @Override
    public final List<Finding> findings(Screened s, Rule rule) {
        List<Finding> out = new ArrayList<>();
        for (ClaimLine line : s.visit().lines()) {
            Knowledge.Item item = s.knowledge().items().get(line.code());
            if (item == null) continue;
            String why = breach(s.visit(), item);
            if (why != null)
                out.add(new Finding("line " + line.no() + " " + line.code() + " (" + item.name() + "): " + why,
                        List.of(line.no()), List.of(), limit(item)));
        }
        return out;
    }
}
