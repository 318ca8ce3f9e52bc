package org.openyibao.engine.settlement;

import java.time.LocalDate;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;

/**
 * What the engine needs to know about the insured person. {@code enrolledSince} is the day
 * contributions started (the waiting period counts from it); {@code insured} false means no
 * scheme at all (emergency cover may still pay, REFERENCE §7).
 */
public record Person(Scheme scheme, Category category, Employment employment, LocalDate birthDate,
                     LocalDate enrolledSince, Contribution contributionLevel, boolean insured, boolean arrears) {

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
