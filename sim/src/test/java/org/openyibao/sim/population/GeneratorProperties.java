package org.openyibao.sim.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.policy.VisitType;

/** What every generated region holds, whatever the seed and size (docs/sim.md, "Data contract"). */
class GeneratorProperties {
    static final Region ZJ = Region.KNOWN.get("zhanjiang");

    @Property(tries = 30)
    void everyRegionKeepsTheContract(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                     @ForAll @IntRange(min = 1, max = 300) int persons) {
        Generator g = new Generator(ZJ, 2018, seed, persons, 7);
        Set<String> institutions = g.institutions().stream().map(Institution::code).collect(Collectors.toSet());
        LocalDate jan1 = LocalDate.of(2018, 1, 1), dec31 = LocalDate.of(2018, 12, 31);
        long people = 0, households = 0, lastHousehold = 0, lastPerson = 0;
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            Household h = it.next();
            households++;
            assertThat(h.householdId()).isGreaterThan(lastHousehold);
            lastHousehold = h.householdId();
            assertThat(h.members()).hasSize(h.size());
            assertThat(h.incomeFen()).isPositive();
            assertThat(h.foodFen()).isPositive().isLessThanOrEqualTo(h.spendingFen());
            for (Member m : h.members()) {
                people++;
                assertThat(m.personId()).isGreaterThan(lastPerson);
                lastPerson = m.personId();
                assertThat(m.householdId()).isEqualTo(h.householdId());
                assertThat(m.birthDate()).isBefore(dec31.plusDays(1));
                if (m.insured()) {
                    assertThat(m.scheme()).isNotNull();
                    assertThat(m.enrolledSince()).isNotNull();
                    if (m.scheme() == Scheme.EMPLOYEE) assertThat(m.employment()).isNotNull();
                    else assertThat(m.contribution()).isNotNull();
                    if (m.employment() == Employment.IN_SERVICE) assertThat(m.wageBaseFen()).isPositive();
                } else {
                    assertThat(m.scheme()).isNull();
                }
                LocalDate lastDate = jan1;
                long lastVisit = 0;
                for (VisitRecord v : m.visits()) {
                    assertThat(v.personId()).isEqualTo(m.personId());
                    assertThat(v.householdId()).isEqualTo(h.householdId());
                    assertThat(v.date()).isBetween(jan1, dec31).isAfterOrEqualTo(lastDate);
                    assertThat(v.visitId()).isGreaterThan(lastVisit);
                    lastDate = v.date();
                    lastVisit = v.visitId();
                    assertThat(institutions).contains(v.institutionCode());
                    // the length of stay: positive for a stay, 0 for any other visit
                    if (v.type() == VisitType.INPATIENT) assertThat(v.days()).isPositive();
                    else assertThat(v.days()).isZero();
                    assertThat(v.lines()).isNotEmpty().allSatisfy(l -> {
                        assertThat(l.amountFen()).isNotNegative();
                        assertThat(l.overLimitFen()).isBetween(0L, l.amountFen());
                    });
                }
            }
        }
        assertThat(people).isEqualTo(persons);
        assertThat(households).isEqualTo(g.householdCount());
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameRegion(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        assertThat(all(new Generator(ZJ, 2018, seed, 120, 5))).isEqualTo(all(new Generator(ZJ, 2018, seed, 120, 50)));
    }

    /**
     * region.json's calibration does not depend on how the region is cut into parts: the parts' calibrations merged
     * (in reverse order, as threads may finish) report what one pass over every household reports, the settled
     * sample's funds and headcount included.
     */
    @Property(tries = 8)
    void theCalibrationOfThePartsMergedIsTheCalibrationOfTheWhole(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                                   @ForAll @IntRange(min = 1, max = 400) int persons) {
        Generator g = new Generator(ZJ, 2018, seed, persons, 9);
        LocalDate jan1 = LocalDate.of(2018, 1, 1);
        Calibration whole = new Calibration(), merged = new Calibration();
        g.households().forEachRemaining(h -> whole.add(h, jan1, PACK));
        for (int k = g.parts() - 1; k >= 0; k--) {
            Calibration part = new Calibration();
            g.part(k).forEachRemaining(h -> part.add(h, jan1, PACK));
            merged.merge(part);
        }
        assertThat(merged.report(ZJ.targets())).isEqualTo(whole.report(ZJ.targets()));
    }

    static final PolicyPack PACK = CalibrationTest.pack();

    private static List<Household> all(Generator g) {
        List<Household> out = new ArrayList<>();
        g.households().forEachRemaining(out::add);
        return out;
    }
}
