package org.openyibao.platform.yearend;

import java.util.List;

/**
 * One kind of work a year must have finished before it can be closed (visits settled, the insurer's months posted,
 * cases decided, prepayments posted, clearing paid...). Each says, in one readable line per item, what is left and
 * where to do it; {@link CloseYear} refuses a year with any and lists them all.
 */
public interface UnfinishedWork {
    /** What this work is, for the refusal's heading ("visits not settled"). */
    String what();

    List<String> unfinished(String admdvs, int year);
}
