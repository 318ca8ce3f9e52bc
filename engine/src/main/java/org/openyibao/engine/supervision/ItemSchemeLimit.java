package org.openyibao.engine.supervision;

import java.util.stream.Collectors;

/** An item covered only by some schemes (限参保类型) billed to a person of another. */
public final class ItemSchemeLimit extends ItemLimit {
    @Override
    String breach(ClaimVisit visit, Knowledge.Item item) {
        if (item.schemes().isEmpty() || visit.scheme() == null || item.schemes().contains(visit.scheme())) return null;
        return "covered for " + limit(item) + " insured, billed to a " + visit.scheme().key + " insured";
    }

    @Override
    String limit(Knowledge.Item item) {
        return item.schemes().stream().map(s -> s.key).sorted().collect(Collectors.joining("/"));
    }
}
