package org.openyibao.platform.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.insurer.InsurerStations;
import org.openyibao.platform.ledger.FiscalTransfers;
import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.registry.Employer;
import org.openyibao.platform.registry.Household;
import org.openyibao.platform.registry.Institution;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonNumbers;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.registry.ResidentId;
import org.openyibao.platform.security.Activation;
import org.openyibao.platform.security.DemoUsers;
import org.openyibao.platform.security.Operators;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.sim.batch.Simulation;

/**
 * A small demo region, seeded through the platform's own services on the first start in demo mode
 * ({@code yibao.demo.enabled}): Zhanjiang (440800) with designated institutions of every level, an
 * employer, six insured people across schemes and categories, a year of contributions and a few
 * settlements, then more people from a {@link DemoPopulation} when one is present ({@code yibao demo} adds a
 * small generated region, settled through the same services; the platform does not depend on the generator).
 * The demo hospital's interface credential is issued on the first start and kept with the data ({@link DemoCredentials}).
 * All people are synthetic.
 */
@Component
public class DemoRegion {
    private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);
    public static final String ADMDVS = "440800";
    public static final String HOSPITAL = "H44080000001";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The demo's people: psn_no, the first 17 digits of the ID number, name, scheme, details. */
    private record Demo(String psnNo, String id17, String name, String scheme, String employment, String category) {}

    private static final List<Demo> PEOPLE = List.of(
            new Demo("44080000000001", "44080219800115001", "Chen Employee", "employee", "in_service", null),
            new Demo("44080000000002", "44080219520302002", "Lin Retiree", "employee", "retired", null),
            new Demo("44080000000003", "44080219650708003", "Wu Resident", "resident", null, null),
            new Demo("44080000000004", "44080219580920004", "Huang Dire-Poverty", "resident", null, "dire_poverty"),
            new Demo("44080000000005", "44080220120405005", "Zhang Child", "resident", null, null),
            new Demo("44080000000006", "44080219771111006", "Liang Documented-Poor", "resident", null, "documented_poor"));

    private final boolean enabled;
    private final JdbcTemplate jdbc;
    private final RegistryService registry;
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final ContributionService contributions;
    private final SettlementService settlements;
    private final DemoPopulation population;
    private final DemoUsers demoUsers;
    private final Operators operators;
    private final Activation activation;
    private final List<Activation.Issued> activationCodes = new ArrayList<>();
    private final PasswordEncoder encoder;
    private final DemoCredentials demoCredentials;
    private DemoCredentials.Kept issued;
    private final PersonNumbers numbers;
    private final FiscalTransfers fiscal;
    private final InsurerPremium insurerPremium;
    private final InsurerStations stations;

    public DemoRegion(@Value("${yibao.demo.enabled:false}") boolean enabled, JdbcTemplate jdbc, RegistryService registry,
                      PersonService persons, EnrolmentService enrolments, ContributionService contributions,
                      SettlementService settlements, ObjectProvider<DemoPopulation> population,
                      DemoUsers demoUsers, Operators operators, PasswordEncoder encoder, Activation activation,
                      DemoCredentials demoCredentials, PersonNumbers numbers, FiscalTransfers fiscal,
                      InsurerPremium insurerPremium, InsurerStations stations) {
        this.stations = stations;
        this.fiscal = fiscal;
        this.insurerPremium = insurerPremium;
        this.demoCredentials = demoCredentials;
        this.numbers = numbers;
        this.activation = activation;
        this.demoUsers = demoUsers;
        this.operators = operators;
        this.encoder = encoder;
        this.enabled = enabled;
        this.jdbc = jdbc;
        this.registry = registry;
        this.persons = persons;
        this.enrolments = enrolments;
        this.contributions = contributions;
        this.settlements = settlements;
        this.population = population.getIfAvailable();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        if (!enabled) return;
        if (registry.region(ADMDVS).isEmpty()) {
            seedRegion();
            log.info("demo region {} seeded", ADMDVS);
        }
        // the demo hospital's interface credential: issued once, the same at every later start of this data (issue 11)
        issued = demoCredentials.forHospital(HOSPITAL);
        demoUsers.putConsoleAccounts(operators, encoder, ADMDVS, HOSPITAL);
        // the insurer's account is stationed (驻院) at the two demo hospitals that have inpatients (issue 13)
        if (operators.find("insurer").isPresent()) {
            for (String h : List.of(HOSPITAL, "H44080000002")) stations.station("insurer", h, LocalDate.of(2018, 1, 1));
        }
        // one-time portal activation codes for three of the demo's people, fresh at every start (printed by the demo)
        activationCodes.clear();
        for (Demo d : PEOPLE.subList(0, 3)) activationCodes.add(activation.issue(d.psnNo()));
    }

    /** This start's portal activation codes of the demo's people. */
    public List<Activation.Issued> activationCodes() {
        return activationCodes;
    }

    private void seedRegion() {
        registry.createRegion(new Region(ADMDVS, "Zhanjiang (湛江)", "zhanjiang"));
        LocalDate designated = LocalDate.of(2009, 1, 1);
        registry.createInstitution(new Institution(HOSPITAL, "Zhanjiang Central People's Hospital", "level3", "hospital", ADMDVS,
                "Chikan", designated, null));
        registry.createInstitution(new Institution("H44080000002", "Xiashan District People's Hospital", "level2", "hospital",
                ADMDVS, "Xiashan", designated, null));
        registry.createInstitution(new Institution("H44080000003", "Potou Community Hospital", "level1", "hospital", ADMDVS,
                "Potou", designated, null));
        registry.createInstitution(new Institution("H44080000004", "Huguang Township Health Centre", "township", "hospital",
                ADMDVS, "Mazhang", designated, null));
        registry.createInstitution(new Institution("H44080000005", "Dongshan Village Health Station", "village", "clinic", ADMDVS,
                "Mazhang", designated, null));
        registry.createInstitution(new Institution("P44080000001", "Renmin Pharmacy", "level1", "pharmacy", ADMDVS, "Chikan",
                designated, null));
        registry.createEmployer(new Employer("E44080000001", "Zhanjiang Port Group", ADMDVS));
        registry.createHousehold(new Household(null, "HH4408000001", ADMDVS, null));

        // last year's average monthly wage bounds the payment base (illustrative: the seeds give none)
        for (int y = 2016; y <= 2018; y++) {
            contributions.setAverageWage(ADMDVS, y, new ContributionService.AverageWageRequest(new BigDecimal(Simulation.ILLUSTRATIVE_AVERAGE_WAGE),
                    "demo figure (illustrative; not from the seeds)"));
        }
        for (Demo d : PEOPLE) {
            String cert = d.id17() + ResidentId.checkDigit(d.id17());
            persons.register(new Person.New(d.psnNo(), cert, d.name(), null, null, "HH4408000001", ADMDVS));
            boolean employee = "employee".equals(d.scheme());
            LocalDate from = employee ? LocalDate.of(2016, 1, 1) : LocalDate.of(2009, 1, 1);
            Enrolment e = enrolments.enrol(new Enrolment.New(d.psnNo(), d.scheme(), ADMDVS, employee ? "combined" : null,
                    employee ? "E44080000001" : null, d.employment(), employee ? null : 1, from, null, from));
            if (d.category() != null) enrolments.addCategory(d.psnNo(), d.category(), LocalDate.of(2017, 1, 1), null);
            if (employee && "in_service".equals(d.employment())) {
                for (int m = 1; m <= 12; m++) {
                    contributions.payEmployee(new ContributionService.EmployeeMonthRequest(e.id(), String.format("2018-%02d", m),
                            new BigDecimal("6500.00"), LocalDate.of(2018, m, 15)));
                }
            } else if (employee) {
                for (int m = 1; m <= 12; m++) {
                    contributions.creditRetiree(new ContributionService.RetireeCreditRequest(e.id(), String.format("2018-%02d", m),
                            LocalDate.of(2018, m, 1)));
                }
            } else {
                contributions.payResident(new ContributionService.ResidentYearRequest(e.id(), 2018, LocalDate.of(2018, 1, 10)));
            }
        }
        // the six numbers above have the generated shape (region code and 8-digit serial): numbers generated later go past them
        numbers.skipPast(PEOPLE.size());
        // a few 2018 admissions, so the fund report has benefits to show
        settle("44080000000001", HOSPITAL, "2018-04-02", "[{\"code\": \"F006\", \"amount\": 6000}, {\"code\": \"XB01\", \"amount\": 800},"
                + " {\"code\": \"F004\", \"amount\": 600}]");
        settle("44080000000003", HOSPITAL, "2018-05-10", "[{\"class\": \"A\", \"amount\": 100000}]");
        settle("44080000000004", "H44080000002", "2018-06-20", "[{\"class\": \"A\", \"amount\": 42000}, {\"class\": \"C\", \"amount\": 2500}]");
        settle("44080000000005", HOSPITAL, "2018-07-15", "[{\"class\": \"A\", \"amount\": 60000}]", "Q25.0");

        // two patients in hospital now (admitted by 2401, not discharged): the insurer's stationed staff check on them
        admitted("44080000000003", HOSPITAL, "2018-12-20 09:30:00", "C34.9");
        admitted("44080000000006", "H44080000002", "2018-12-27 15:10:00", "I63.9");

        // and, from yibao demo, a generated region's households with their year of contributions and visits (docs/sim.md)
        if (population != null) {
            DemoPopulation.Seeded g = population.seed(ADMDVS, "E44080000001");
            log.info("demo: generated population seeded: {} institutions, {} households, {} persons ({} insured), {} settlements,"
                    + " {} visits refused", g.institutions(), g.households(), g.persons(), g.insured(), g.settlements(), g.refused());
        }
        postFiscalTransfers();
        postInsurerPremium();
    }

    /**
     * The serious-illness insurer's contract month by month (issue 13, 单独核算): the premium from the residents'
     * contributions, the instalment paid to the insurer and the claims it reimbursed, at each month's end.
     */
    private void postInsurerPremium() {
        long entries = 0;
        for (int m = 1; m <= 12; m++) entries += insurerPremium.post(ADMDVS, year(), m).posted();
        log.info("demo: {} insurer-premium entries posted for {}", entries, year());
    }

    /**
     * The months the demo settles, funded by public finance as an agency would each month (issue 13): the residents'
     * subsidies, medical assistance and emergency cover requested and received at each month's end, so no fund of
     * the demo spends without income and the year ends with nothing owed by finance.
     */
    private void postFiscalTransfers() {
        long entries = 0;
        for (int m = 1; m <= 12; m++) {
            LocalDate end = java.time.YearMonth.of(year(), m).atEndOfMonth();
            entries += fiscal.post(ADMDVS, year(), m, end).posted();
        }
        log.info("demo: {} fiscal-transfer entries posted for {}", entries, year());
    }

    /** An inpatient visit open at {@code institution} since {@code begntime}, as a 2401 admission leaves it. */
    private void admitted(String psnNo, String institution, String begntime, String diagnosis) {
        long serial = jdbc.queryForObject("SELECT NEXTVAL('fsi_mdtrt_seq')", Long.class);
        String mdtrtId = ADMDVS + begntime.replaceAll("[^0-9]", "") + String.format("%010d", serial);
        jdbc.update("INSERT INTO fsi_visit (mdtrt_id, fixmedins_code, person_id, psn_no, kind, med_type, insutype, begntime,"
                + " diagnoses, status) SELECT ?, ?, id, psn_no, 'inpatient', '21', '390', ?, ?, 'open' FROM person WHERE psn_no = ?",
                mdtrtId, institution, java.sql.Timestamp.valueOf(begntime), diagnosis, psnNo);
    }

    private void settle(String psnNo, String institution, String date, String lines, String... diagnoses) {
        try {
            String dx = diagnoses.length == 0 ? "[]" : JSON.writeValueAsString(diagnoses);
            settlements.settle(psnNo, institution, JSON.readTree("{\"date\": \"" + date + "\", \"type\": \"inpatient\","
                    + " \"diagnoses\": " + dx + ", \"lines\": " + lines + "}"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String admdvs() {
        return ADMDVS;
    }

    public int year() {
        return 2018;
    }

    /** The demo hospital's interface credential, kept across starts of the same data (null outside demo mode). */
    public DemoCredentials.Kept credentials() {
        return issued;
    }

    /** What the demo prints: the hospital's interface credentials and the demo people (ID numbers masked). */
    public List<String> describe(String baseUrl) {
        List<String> out = new ArrayList<>();
        out.add("Demo region: Zhanjiang (440800), policy pack policies/zhanjiang; 2018 contributions and settlements.");
        if (issued != null) {
            out.add("National interface (POST /fsi/api/rsfComIfsService/callService) for the demo hospital"
                    + (issued.kept() ? " (the same credential as at the last start of this data):" : " (kept with this data for later starts):"));
            out.add("  fixmedins_code " + issued.fixmedinsCode() + "   x-tif-paasid " + issued.paasid() + "   secret " + issued.secret());
            out.add("  try:  ./yibao call 9001 " + ("http://localhost:8080".equals(baseUrl) ? "" : "--url " + baseUrl + " ")
                    + "--institution " + issued.fixmedinsCode() + " --paasid " + issued.paasid() + " --secret " + issued.secret());
            out.add("  a full outpatient and inpatient flow: docs/hospital-walkthrough.md");
        }
        out.add("Demo people (psn_no, ID number masked, scheme):");
        for (Demo d : PEOPLE) {
            String cert = d.id17() + ResidentId.checkDigit(d.id17());
            out.add("  " + d.psnNo() + "  " + ResidentId.mask(cert) + "  " + d.scheme()
                    + (d.employment() != null ? " (" + d.employment() + ")" : "") + (d.category() != null ? ", " + d.category() : ""));
        }
        if (population != null) out.add("  " + population.describe());
        return out;
    }
}
