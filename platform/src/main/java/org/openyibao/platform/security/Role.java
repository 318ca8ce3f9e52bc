package org.openyibao.platform.security;

/**
 * The one table of roles (issue 11): who they are, what an account of the role is bound to, and whether the role
 * sees ID numbers and names in full. Pages and API calls check the role ({@link PageAccess}, {@link SecurityConfig})
 * and, where the role is bound, the data's owner.
 */
public enum Role {
    /** Agency administrator: everything agency staff do, and the accounts of others. */
    ADMIN(Binding.NONE, true),
    /** Agency clerk (经办人员): the registry, enrolment, contributions, settlements, institutions. */
    AGENCY(Binding.NONE, true),
    /** Agency auditor: reads everything, changes nothing, sees personal data masked. */
    AUDITOR(Binding.NONE, false),
    /** A designated institution's settlement clerk: that institution's visits and settlements only. */
    INSTITUTION(Binding.INSTITUTION, true),
    /** The commercial insurer running serious-illness cover in one region. */
    INSURER(Binding.REGION, false),
    /** An insured person: their own coverage, account and settlements only. */
    INSURED(Binding.PERSON, true),
    /** Operations monitoring: metrics and health. */
    MONITOR(Binding.NONE, false);

    /** What an account of the role is bound to. */
    public enum Binding { NONE, INSTITUTION, REGION, PERSON }

    public final Binding binding;
    /** Whether the role sees ID numbers and names in full (an insured person sees their own). */
    public final boolean seesPersonalData;

    Role(Binding binding, boolean seesPersonalData) {
        this.binding = binding;
        this.seesPersonalData = seesPersonalData;
    }

    /** The Spring Security authority, {@code ROLE_} and the name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The message key of the role's name in the console ({@code role.agency}). */
    public String messageKey() {
        return "role." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
