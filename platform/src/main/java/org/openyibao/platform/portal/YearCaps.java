package org.openyibao.platform.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Amount;
import org.openyibao.engine.policy.AssistanceRules;
import org.openyibao.engine.policy.Bands;
import org.openyibao.engine.policy.DeductibleBasis;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.SeriousIllnessRules;
import org.openyibao.engine.policy.Tier;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.platform.console.ConsoleQueries;
import org.openyibao.platform.enrolment.Coverage;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;

/**
 * What is left of a person's caps in a year: each cap of the policy pack in force for their enrolment (scheme,
 * contribution level, poverty category), minus what the year's accumulators say was used. The year's rules are those
 * of today in the current year, else of the year's last day (the rules the year ended under). Amounts in fen; a cap
 * of {@link Money#UNLIMITED} is "no cap" (limit null).
 */
@Service
public class YearCaps {
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final PolicyPacks packs;
    private final ConsoleQueries queries;
    private final Clock clock;

    public YearCaps(PersonService persons, EnrolmentService enrolments, PolicyPacks packs, ConsoleQueries queries, Clock clock) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.packs = packs;
        this.queries = queries;
        this.clock = clock;
    }

    /** One cap: which (the words' key), its limit (null: none), what was used, what is left (null: no limit). */
    public record Cap(String key, Long limitFen, long usedFen, Long leftFen) {
        static Cap of(String key, long limit, long used) {
            boolean none = limit == Money.UNLIMITED;
            return new Cap(key, none ? null : limit, used, none ? null : Money.remaining(limit, used));
        }
    }

    /** The deductible at one level of institution: its amount, and (per-year deductible only) what is left of it. */
    public record Deductible(String level, long amountFen, Long leftFen) {}

    /**
     * A year's caps: the year, the day whose rules they are, the deductible's basis (admission or year), what was
     * paid of deductibles this year and each level's deductible, the caps, and the serious-illness base with the
     * cumulative self-pay at which that insurance starts to pay (null when the scheme has none).
     */
    public record Caps(int year, LocalDate rulesOn, String deductibleBasis, long deductiblePaidFen, List<Deductible> deductibles,
                       List<Cap> caps, long seriousIllnessBaseFen, Long seriousIllnessStartsFen, Long seriousIllnessToGoFen) {}

    /** The caps of {@code psnNo}'s latest year with totals (this year when none), or empty when not enrolled then. */
    public Optional<Caps> latestYear(String psnNo) {
        Person p = persons.existing("psn_no", psnNo);
        return of(p, queries.latestPersonYear(p.id()));
    }

    Optional<Caps> of(Person p, int year) {
        LocalDate today = LocalDate.now(clock);
        LocalDate on = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        Optional<Coverage> coverage = enrolments.coverageOn(p.id(), on);
        if (coverage.isEmpty()) return Optional.empty();
        Coverage c = coverage.get();
        Rules rules = packs.pack(c.policyPack()).asOf(on);
        SchemeRules scheme = rules.scheme(c.scheme());
        if (scheme == null) return Optional.empty();
        Map<Accumulator, Long> used = queries.yearTotals(p.id(), year);
        long base = used.get(Accumulator.SERIOUS_ILLNESS_BASE);
        Long starts = seriousIllnessStarts(scheme, rules.seriousIllness, c);
        return Optional.of(new Caps(year, on, scheme.deductibleBasis().key,
                used.get(Accumulator.DEDUCTIBLE_PAID), deductibles(scheme, used), caps(scheme, rules, c, used), base, starts,
                starts == null ? null : Math.max(0, starts - base)));
    }

    private static List<Deductible> deductibles(SchemeRules scheme, Map<Accumulator, Long> used) {
        boolean perYear = scheme.deductibleBasis() == DeductibleBasis.YEAR;
        List<Deductible> out = new ArrayList<>();
        for (Level level : Level.values()) {
            Amount d = scheme.deductible(level);
            if (d == null) continue;
            out.add(new Deductible(level.key, d.fen(), perYear ? Money.remaining(d.fen(), used.get(Accumulator.DEDUCTIBLE_PAID)) : null));
        }
        return out;
    }

    private static List<Cap> caps(SchemeRules scheme, Rules rules, Coverage c, Map<Accumulator, Long> used) {
        List<Cap> out = new ArrayList<>();
        long pooling = used.get(Accumulator.POOLING_PAID);
        out.add(Cap.of("pooling", scheme.annualCap(c.contributionLevel()).fen(), pooling));
        if (scheme.outpatient() != null) {
            out.add(Cap.of("township", scheme.outpatient().townshipLimit().fen(), used.get(Accumulator.TOWNSHIP_OUTPATIENT_PAID)));
        }
        if (scheme.has(Tier.LARGE_AMOUNT)) {
            out.add(Cap.of("large_amount", scheme.largeLimit(c.contributionLevel()).fen(), used.get(Accumulator.LARGE_AMOUNT_PAID)));
        }
        SeriousIllnessRules si = rules.seriousIllness;
        if (scheme.has(Tier.SERIOUS_ILLNESS) && si != null) {
            long paid = used.get(Accumulator.SERIOUS_ILLNESS_PAID);
            out.add(Cap.of("combined", si.combinedCap(c.category(), c.contributionLevel()).fen(), pooling + paid));
            Amount own = si.annualCap(c.category(), c.contributionLevel());
            if (own.fen() != Money.UNLIMITED) out.add(Cap.of("serious_illness", own.fen(), paid));
        }
        AssistanceRules.CategoryRule assistance = rules.assistance == null ? null : rules.assistance.of(c.category());
        if (scheme.has(Tier.MEDICAL_ASSISTANCE) && assistance != null) {
            out.add(Cap.of("assistance", assistance.annualCap().fen(), used.get(Accumulator.ASSISTANCE_PAID)));
        }
        return out;
    }

    /** The cumulative in-scope self-pay above which serious-illness insurance pays (the first band's threshold). */
    private static Long seriousIllnessStarts(SchemeRules scheme, SeriousIllnessRules si, Coverage c) {
        if (!scheme.has(Tier.SERIOUS_ILLNESS) || si == null) return null;
        Bands bands = si.bands(c.category());
        return bands == null ? null : bands.threshold();
    }
}
