package org.openyibao.engine.settlement;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.SchemeRules;
import org.openyibao.engine.policy.SeriousIllnessRules;
import org.openyibao.engine.policy.VisitType;

/**
 * What the tiers need to know about a visit, decided once before any tier pays: the rules, the
 * person's scheme rules (null when uninsured), the emergency case (or null), whether a special
 * outpatient disease is settled by the inpatient rules, and whether the children's rule applies.
 */
record VisitFacts(Rules rules, SchemeRules scheme, Person person, Visit visit, EmergencyMatch emergency,
                  boolean specialOutpatient, boolean inpatientRules, boolean child) {

    static VisitFacts of(Rules rules, SchemeRules scheme, Person person, Visit visit) {
        boolean special = scheme != null && visit.type() == VisitType.OUTPATIENT && scheme.deductible(visit.level()) != null
                && scheme.ratio(person.employment(), visit.level()) != null && scheme.isSpecialDisease(visit.diagnoses());
        boolean inpatientRules = visit.type() == VisitType.INPATIENT || special;
        return new VisitFacts(rules, scheme, person, visit, EmergencyMatch.find(rules, visit), special, inpatientRules,
                scheme != null && inpatientRules && childRuleApplies(rules.seriousIllness, person, visit));
    }

    /** seed 003 L1056: a resident child up to the rule's age with one of its named serious illnesses. */
    private static boolean childRuleApplies(SeriousIllnessRules si, Person person, Visit visit) {
        if (si == null || si.children() == null || person.scheme() != Scheme.RESIDENT) return false;
        SeriousIllnessRules.ChildrenRule rule = si.children();
        return visit.date().isBefore(person.birthDate().plusYears(rule.maxAge() + 1L)) && rule.covers(visit.diagnoses());
    }

    Level level() {
        return visit.level();
    }

    Employment employment() {
        return person.employment();
    }

    Contribution contribution() {
        return person.contributionLevel();
    }

    Category category() {
        return person.category();
    }

    /** A general outpatient visit of a resident whose pack has outpatient cover. */
    boolean residentsOutpatientAt(Level level) {
        return person.scheme() == Scheme.RESIDENT && visit.type() == VisitType.OUTPATIENT && scheme.outpatient() != null
                && visit.level() == level;
    }
}
