package org.openyibao.platform.console;

import java.util.Arrays;
import java.util.List;

import org.springframework.ui.Model;

import org.openyibao.platform.web.ApiException;

/**
 * The tabs of an institution's pages, the agency's and the clerk's alike (issue 11): what each lists, read from
 * {@link InstitutionRecords} for the one institution the page is about. Interface credentials are the agency's only
 * ({@link InstitutionCredentialsController}).
 */
public enum InstitutionTab {
    SETTLEMENTS, VISITS, CANCELLATIONS, RECONCILIATIONS, CLEARINGS, BUDGETS;

    /** The tab's name in paths and message keys ({@code inst.tab.visits}). */
    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static List<InstitutionTab> all() {
        return Arrays.asList(values());
    }

    /** The tab called {@code path}; any other is "not found", as a page that does not exist. */
    public static InstitutionTab named(String path) {
        return Arrays.stream(values()).filter(t -> t.path().equals(path)).findFirst()
                .orElseThrow(() -> ApiException.notFound("tab", "no such page"));
    }

    /** Puts this tab's page {@code page} of institution {@code code}'s rows in the model, as {@code rows}. */
    public void fill(InstitutionRecords records, String code, int page, Model model) {
        int p = Math.max(0, page);
        model.addAttribute("tab", path());
        model.addAttribute("rows", switch (this) {
            case SETTLEMENTS -> records.settlements(code, p);
            case VISITS -> records.visits(code, p);
            case CANCELLATIONS -> records.cancellations(code, p);
            case RECONCILIATIONS -> records.reconciliations(code, p);
            case CLEARINGS -> records.clearings(code, p);
            case BUDGETS -> records.budgets(code, p);
        });
    }
}
