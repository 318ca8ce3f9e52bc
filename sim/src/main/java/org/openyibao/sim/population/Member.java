package org.openyibao.sim.population;

import java.time.LocalDate;
import java.util.List;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Person;

/**
 * A person of a household (docs/sim.md, table {@code persons/}) with the year's visits in date order.
 * {@code scheme} is null when uninsured, {@code employment} null for residents, {@code contribution}
 * null for employees, {@code enrolledSince} null when uninsured.
 */
public record Member(long personId, long householdId, String sex, LocalDate birthDate, boolean insured, Scheme scheme,
                     Employment employment, Category category, Contribution contribution, LocalDate enrolledSince,
                     boolean arrears, long wageBaseFen, long accountBalanceFen, List<VisitRecord> visits) {

    /** The engine's view of this person; the defaults for absent values are CalcReader's. */
    public Person person() {
        return new Person(scheme == null ? Scheme.RESIDENT : scheme, category,
                employment == null ? Employment.IN_SERVICE : employment, birthDate, enrolledSince == null ? birthDate : enrolledSince,
                contribution == null ? Contribution.CONTRIBUTION_1 : contribution, insured, arrears);
    }
}
