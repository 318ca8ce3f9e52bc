package org.openyibao.platform.yearend;

import java.util.List;

import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.web.ApiException;

/** The insurer's months of the year not yet fully posted (premium, reserve, instalments, claims: InsurerPremium). */
public final class InsurerMonths implements UnfinishedWork {
    private final InsurerPremium premium;

    public InsurerMonths(InsurerPremium premium) {
        this.premium = premium;
    }

    @Override
    public String what() {
        return "the insurer's months not posted";
    }

    @Override
    public List<String> unfinished(String admdvs, int year) {
        try {
            return premium.pending(admdvs, year);
        } catch (ApiException e) {
            if ("insurer.contract".equals(e.field())) return List.of(); // no insurer's contract: nothing to post
            throw e;
        }
    }
}
