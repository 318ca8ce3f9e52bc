package org.openyibao.platform.yearend;

import java.util.List;

import org.openyibao.platform.hospital.InstitutionYearEnds;

/**
 * Paying hospitals' work of the year not done (InstitutionYearEnds): budgeted months not prepaid, clearing applications
 * not decided or not paid, settled visits no clearing application covers.
 */
public final class InstitutionsNotSettled implements UnfinishedWork {
    static final int LISTED = 50;
    private final InstitutionYearEnds institutions;

    public InstitutionsNotSettled(InstitutionYearEnds institutions) {
        this.institutions = institutions;
    }

    @Override
    public String what() {
        return "institutions' prepayments, clearing and payments not done";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        List<String> all = institutions.unfinished(admdvs, year);
        if (all.size() <= LISTED) return all;
        List<String> shown = new java.util.ArrayList<>(all.subList(0, LISTED));
        shown.add("… and " + (all.size() - LISTED) + " more (the agency's hospital pages: /console/hospital)");
        return shown;
    }
}
