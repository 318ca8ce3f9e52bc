package org.openyibao.engine.settlement;

/**
 * Fee lines summed by how they are paid, in fen: {@code total} = {@code fullySelfPaid} (class C)
 * + {@code overLimit} (above the catalogue price limit) + {@code selfPayFirst} (class B's first
 * share) + {@code inScope} (what the funds' rules apply to).
 */
public record LineGroup(long total, long fullySelfPaid, long overLimit, long selfPayFirst, long inScope) {
    public LineGroup plus(LineGroup o) {
        return new LineGroup(total + o.total, fullySelfPaid + o.fullySelfPaid, overLimit + o.overLimit,
                selfPayFirst + o.selfPayFirst, inScope + o.inScope);
    }
}
