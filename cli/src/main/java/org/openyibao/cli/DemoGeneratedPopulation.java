package org.openyibao.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Visit;
import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.demo.DemoPopulation;
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.registry.Household;
import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.web.ApiException;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * A small region from the synthetic-region generator ({@code yibao generate}, docs/sim.md), seeded into the
 * demo through the platform's services: the designated institutions its visits use and every hospital,
 * its households and persons, enrolments with poverty categories, the year's contributions and each
 * insured person's visits settled in date order. Deterministic (a fixed seed); all people synthetic.
 * It lives here, not in the platform, so that the platform module does not depend on sim (nor through it on
 * Hadoop and Parquet): {@link DemoCommand} adds it to the application it starts.
 *
 * <p>The funds pay for these people exactly what the batch year ({@code yibao simulate}) pays them (DemoCommandTest):
 * the visits are the calibrated generator's and the contributions the same rules. The year is still not a fund's
 * year: 400 people cannot pool risk (this seed's few serious illnesses cost the employees' pooling fund three times
 * its income; docs/sim.md#calibration) and the large-amount subsidy has no income in the demo (medical assistance and
 * the emergency cover get their fiscal transfers: DemoRegion, docs/ledger.md#fiscal-transfers). The console's
 * dashboard says so on the demo region's page.
 */
final class DemoGeneratedPopulation implements DemoPopulation {
    static final int PERSONS = 400;
    static final long SEED = 2018;
    static final int YEAR = 2018;
    /** psn_no of generated person {@code id}: 440899 then 8 digits (the named demo people are 4408000000000n). */
    static String psnNo(long personId) {
        return String.format("440899%08d", personId);
    }

    private final RegistryService registry;
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final ContributionService contributions;
    private final SettlementService settlements;

    DemoGeneratedPopulation(RegistryService registry, PersonService persons, EnrolmentService enrolments,
                            ContributionService contributions, SettlementService settlements) {
        this.registry = registry;
        this.persons = persons;
        this.enrolments = enrolments;
        this.contributions = contributions;
        this.settlements = settlements;
    }

    @Override
    public String describe() {
        return "and " + PERSONS + " generated persons (yibao generate --region zhanjiang --persons " + PERSONS + " --seed " + SEED
                + "), psn_no " + psnNo(1) + " to " + psnNo(PERSONS) + ", with their 2018 visits settled";
    }

    @Override
    public Seeded seed(String admdvs, String employerCode) {
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), YEAR, SEED, PERSONS, Generator.DEFAULT_PART_HOUSEHOLDS);
        List<org.openyibao.sim.population.Household> households = new ArrayList<>();
        g.households().forEachRemaining(households::add);

        Set<String> used = new HashSet<>();
        for (var h : households) for (Member m : h.members()) for (VisitRecord v : m.visits()) used.add(v.institutionCode());
        int institutions = 0;
        LocalDate designated = LocalDate.of(2009, 1, 1);
        for (var i : g.institutions()) {
            boolean hospital = "hospital".equals(i.kind()) || "township_centre".equals(i.kind());
            if (!(hospital || used.contains(i.code())) || registry.institution(i.code()).isPresent()) continue;
            String type = switch (i.kind()) {
                case "village_station" -> "clinic";
                case "pharmacy" -> "pharmacy";
                default -> "hospital";
            };
            registry.createInstitution(new Institution(i.code(), i.name(), i.level().key, type, admdvs, i.district(), designated, null));
            institutions++;
        }

        int people = 0, insured = 0, settled = 0, refused = 0;
        for (var h : households) {
            String ref = String.format("HG%08d", h.householdId());
            registry.createHousehold(new Household(null, ref, admdvs, null));
            for (Member m : h.members()) {
                String psnNo = psnNo(m.personId());
                persons.register(new Person.New(psnNo, certNo(m), "Synthetic " + m.personId(), "M".equals(m.sex()) ? "1" : "2",
                        m.birthDate(), ref, admdvs));
                people++;
                if (!m.insured() || m.scheme() == null) continue;
                insured++;
                boolean employee = m.scheme() == Scheme.EMPLOYEE;
                LocalDate from = m.enrolledSince();
                Enrolment e = enrolments.enrol(new Enrolment.New(psnNo, m.scheme().key, admdvs, employee ? "combined" : null,
                        employee ? employerCode : null, employee ? m.employment().key : null,
                        employee ? null : m.contribution() == Contribution.CONTRIBUTION_2 ? 2 : 1, from, null, from));
                if (m.category() != null && m.category() != Category.GENERAL) {
                    enrolments.addCategory(psnNo, m.category().key, from, null);
                }
                if (!m.arrears()) pay(e, m, employee);
                // in arrears the year was not paid and benefits are suspended from its start, as the batch year settles
                // them (HouseholdYear: the engine's Person in arrears); without the suspension the platform paid them
                else enrolments.suspend(e.id(), from.isAfter(LocalDate.of(YEAR, 1, 1)) ? from : LocalDate.of(YEAR, 1, 1),
                        "the year's contribution was not paid (generated)");
                for (VisitRecord v : m.visits()) {
                    try {
                        settlements.settle(psnNo, v.institutionCode(), v.date(), (pack, level) -> visit(v, level));
                        settled++;
                    } catch (ApiException refusal) {
                        refused++; // e.g. before the waiting period's end or in arrears: the service refuses, as it would live
                    }
                }
            }
        }
        return new Seeded(institutions, households.size(), people, insured, settled, refused);
    }

    private void pay(Enrolment e, Member m, boolean employee) {
        int firstMonth = m.enrolledSince().getYear() < YEAR ? 1 : m.enrolledSince().getMonthValue();
        if (!employee) {
            contributions.payResident(new ContributionService.ResidentYearRequest(e.id(), YEAR, LocalDate.of(YEAR, 1, 10)));
            return;
        }
        for (int month = firstMonth; month <= 12; month++) {
            String period = String.format("%d-%02d", YEAR, month);
            if (m.employment() == Employment.RETIRED) {
                contributions.creditRetiree(new ContributionService.RetireeCreditRequest(e.id(), period, LocalDate.of(YEAR, month, 1)));
            } else {
                contributions.payEmployee(new ContributionService.EmployeeMonthRequest(e.id(), period,
                        BigDecimal.valueOf(m.wageBaseFen(), 2), LocalDate.of(YEAR, month, 15)));
            }
        }
    }

    /** The generated visit at the institution's registered level (the service decides the level, as live). */
    private static Visit visit(VisitRecord v, org.openyibao.engine.policy.Level level) {
        Visit generated = v.visit();
        FeeLine[] lines = generated.lines();
        return new Visit(generated.date(), generated.type(), level, generated.diagnoses(), generated.emergencyCase(), lines);
    }

    /**
     * A synthetic resident ID number (GB 11643): the district's code, the birth date, a sequence whose
     * parity gives the sex, the check digit. Unique for up to 500 persons (the sequence is the person id).
     */
    static String certNo(Member m) {
        long seq = (m.personId() % 500) * 2 + ("M".equals(m.sex()) ? 1 : 0);
        String id17 = "440802" + m.birthDate().toString().replace("-", "") + String.format("%03d", seq);
        return id17 + ResidentId.checkDigit(id17);
    }
}
