package org.openyibao.engine.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * The rules of one pack in force over one interval of dates, compiled ({@link RulesCompiler}) to
 * immutable values the engine reads without lookups. Every number carries a {@link Cited} (path,
 * value, since, source) so the settlement trace can say where it came from. Shared between threads.
 */
public final class Rules {
    public final String region;
    /** The pooling region's 6-digit code, or null. */
    public final String admdvs;
    public final List<String> reforms;
    public final LocalDate from;
    /** First day these rules no longer apply, or null. */
    public final LocalDate until;
    public final Catalogue catalogue;
    private final SchemeRules resident;
    private final SchemeRules employee;
    /** Serious-illness insurance, or null when no scheme's tiers include it. */
    public final SeriousIllnessRules seriousIllness;
    /** Medical assistance, or null when no scheme's tiers include it. */
    public final AssistanceRules assistance;
    /** The public-health emergencies declared on these dates. */
    public final List<Declaration> emergencies;
    /** Those of {@link #emergencies} that cover this pack's pooling region, decided once. */
    private final List<Declaration> emergenciesInRegion;
    /** The self-pay-first ratio of a class B line that names none. */
    public final Ratio defaultSelfPayFirst;

    Rules(String region, String admdvs, List<String> reforms, LocalDate from, LocalDate until, Catalogue catalogue,
          SchemeRules resident, SchemeRules employee, SeriousIllnessRules seriousIllness, AssistanceRules assistance,
          List<Declaration> emergencies, Ratio defaultSelfPayFirst) {
        this.region = region;
        this.admdvs = admdvs;
        this.reforms = List.copyOf(reforms);
        this.from = from;
        this.until = until;
        this.catalogue = catalogue;
        this.resident = resident;
        this.employee = employee;
        this.seriousIllness = seriousIllness;
        this.assistance = assistance;
        this.emergencies = List.copyOf(emergencies);
        this.emergenciesInRegion = this.emergencies.stream().filter(d -> d.covers(admdvs)).toList();
        this.defaultSelfPayFirst = defaultSelfPayFirst;
    }

    /** The scheme's rules, or null when this pack does not cover the scheme on these dates. */
    public SchemeRules scheme(Scheme s) {
        return s == Scheme.RESIDENT ? resident : employee;
    }

    /** The declared emergencies whose regions include this pack's ("all", or its admdvs code), in declaration order. */
    public List<Declaration> emergenciesInRegion() {
        return emergenciesInRegion;
    }

    /** Compiles the pack's values in force on {@code from}, adding what is missing to {@code problems}. */
    static Rules compile(PolicyPack pack, LocalDate from, LocalDate until, List<Problem> problems) {
        return new RulesCompiler(pack, from, problems).compile(until);
    }
}
