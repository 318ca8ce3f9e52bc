package org.openyibao.platform.security;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Who may open which page of the console and the portal: the one table (issue 11), first match wins, checked by
 * {@link ConsoleSecurityConfig}; a route the application serves that neither this table nor the API's
 * ({@link SecurityConfig.Access}) names fails a test (ConsoleRouteAccessTest). No roles: public. Data owners (the
 * institution, the region, the person an account is bound to) are checked by the pages' services as well.
 */
public enum PageAccess {
    SIGN_IN(new String[] {"/login"}),
    /** An insured person makes their account with the agency's one-time code. */
    ACTIVATION(new String[] {"/portal/activate"}),
    /** What a user is shown when their role may not open a page (forwarded to, never linked). */
    DENIED(new String[] {"/denied"}),
    ASSETS(new String[] {"/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg"}),
    /** Where a signed-in user lands: the pages of their role. */
    HOME(new String[] {"/"}, Role.values()),
    /** The console's changes: agency staff, not the auditor (first match wins: before the pages that read). */
    AGENCY_CHANGES(new String[] {"/console/persons/new", "/console/persons/*/enrol", "/console/settlements/*/cancel",
            "/console/persons/*/category", "/console/persons/*/category/*/end", "/console/persons/*/suspension",
            "/console/persons/*/restore", "/console/persons/*/pay/*", "/console/import", "/console/import/**"}, Role.ADMIN,
            Role.AGENCY),
    /** Running the ledger check from the dashboard: agency staff (it stores its result). */
    LEDGER_CHECK(new String[] {"/console/ledger-check"}, Role.ADMIN, Role.AGENCY),
    /** Moving a complaint along its workflow: agency staff, not the auditor (before the feedback pages that read). */
    FEEDBACK_CHANGES(new String[] {"/console/feedback/*/status"}, Role.ADMIN, Role.AGENCY),
    /** Feedback and complaints from the insured: agency staff work them, the auditor reads. */
    FEEDBACK_CONSOLE(new String[] {"/console/feedback", "/console/feedback/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** An institution's interface credentials, read and changed: agency staff (as /api/fsi/credentials), not the auditor. */
    INSTITUTION_CREDENTIALS(new String[] {"/console/institutions/*/credentials", "/console/institutions/*/credentials/**"},
            Role.ADMIN, Role.AGENCY),
    /** Paying hospitals, the changes (budgets set, a month prepaid, decisions, payment runs): agency staff, not the auditor. */
    HOSPITAL_CHANGES(new String[] {"/console/hospital/budgets/compute", "/console/hospital/budgets/set",
            "/console/hospital/prepayments/post", "/console/hospital/clearing/*/accept", "/console/hospital/clearing/*/reject",
            "/console/hospital/clearing/outside-interface",
            "/console/hospital/runs/create"}, Role.ADMIN, Role.AGENCY),
    /** Case-based payment, the special-case decisions: agency staff, not the auditor (before the pages that read). */
    CASE_PAYMENT_CHANGES(new String[] {"/console/case-payment/reviews/*/decide"}, Role.ADMIN, Role.AGENCY),
    /** Case-based payment: the cases by group with their explanation, the review queue, the hospital indicators. */
    CASE_PAYMENT_PAGES(new String[] {"/console/case-payment", "/console/case-payment/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** Paying hospitals: budgets, prepayments, clearing applications, payment runs and their files, the year-end preview. */
    HOSPITAL_PAGES(new String[] {"/console/hospital", "/console/hospital/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** The agency's institution pages: designation, settlements, visits, reconciliations, clearing (read). */
    AGENCY_INSTITUTIONS(new String[] {"/console/institutions", "/console/institutions/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    AGENCY_CONSOLE(new String[] {"/console", "/console/persons", "/console/persons/**", "/console/settlements/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** Starting a simulation job (generate, simulate, compare): agency staff, not the auditor (before the pages that read). */
    SIMULATION_CHANGES(new String[] {"/console/simulations/generate", "/console/simulations/start", "/console/simulations/compare"},
            Role.ADMIN, Role.AGENCY),
    /** The simulations: populations, jobs and their progress, the evaluation reports. */
    SIMULATIONS(new String[] {"/console/simulations", "/console/simulations/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** Closing a region's year (yibao close-year's service): agency staff, not the auditor (before the pages that read). */
    YEAR_END_CHANGES(new String[] {"/console/year-end/close"}, Role.ADMIN, Role.AGENCY),
    /** The year-end: what is left, the year as it would close or as it was closed, the closed year's report. */
    YEAR_END(new String[] {"/console/year-end", "/console/year-end/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** The policy explorer: a region's parameters, two dates' difference, a reform overlay checked (nothing is stored). */
    POLICY_EXPLORER(new String[] {"/console/policy", "/console/policy/**"}, Role.ADMIN, Role.AGENCY, Role.AUDITOR),
    /** A designated institution's settlement clerk: that institution's data only. */
    INSTITUTION_PAGES(new String[] {"/institution", "/institution/**"}, Role.INSTITUTION),
    /** The insured's own pages: the person the account is bound to, and no one else. */
    PORTAL(new String[] {"/portal", "/portal/**"}, Role.INSURED),
    /** The insurer running serious-illness insurance: its region's tier only. */
    INSURER_PAGES(new String[] {"/insurer", "/insurer/**"}, Role.INSURER);

    public final String[] paths;
    public final Role[] roles;

    PageAccess(String[] paths, Role... roles) {
        this.paths = paths;
        this.roles = roles;
    }

    public boolean isPublic() {
        return roles.length == 0;
    }

    public boolean allows(Role role) {
        return isPublic() || Arrays.asList(roles).contains(role);
    }

    /** The role names for Spring Security's {@code hasAnyRole}. */
    String[] roleNames() {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** Every path the console's filter chain answers: the table's, and signing out. */
    static String[] chainPaths() {
        return Stream.concat(Arrays.stream(values()).flatMap(a -> Arrays.stream(a.paths)), Stream.of("/logout"))
                .toArray(String[]::new);
    }
}
