package org.openyibao.platform.yearend;

import java.util.List;

import org.openyibao.platform.insurer.SeriousIllnessCases;

/** The insurer's serious-illness cases of the year still open in its audit queue (SeriousIllnessCases). */
public final class CasesNotDecided implements UnfinishedWork {
    static final int LISTED = 50;
    private final SeriousIllnessCases cases;

    public CasesNotDecided(SeriousIllnessCases cases) {
        this.cases = cases;
    }

    @Override
    public String what() {
        return "serious-illness cases not decided";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> all = cases.unfinished(admdvs, year);
        if (all.size() <= LISTED) return all;
        List<String> shown = new java.util.ArrayList<>(all.subList(0, LISTED));
        shown.add("… and " + (all.size() - LISTED) + " more cases open (the insurer's queue: /insurer/cases)");
        return shown;
    }
}
