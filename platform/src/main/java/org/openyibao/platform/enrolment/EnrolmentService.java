package org.openyibao.platform.enrolment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Parameter;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.registry.Employer;
import org.openyibao.platform.registry.Fields;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.registry.Region;
import org.openyibao.platform.registry.RegistryService;
import org.openyibao.platform.web.ApiException;

/**
 * Enrolment with effective-dated history, poverty categories, suspension for arrears and the
 * coverage query settlement uses. One rule holds throughout: a person has at most one enrolment on
 * any day — the same person in two schemes or two regions at once is a duplicate enrolment
 * (seed 002 §4.3), refused with 409 naming the enrolment already there. Every change to a person's
 * enrolments or categories first locks the person's row, so concurrent requests cannot both pass.
 */
@Service
public class EnrolmentService {
    private static final Logger log = LoggerFactory.getLogger(EnrolmentService.class);
    /** Open periods compare as ending on this day. */
    static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PersonService persons;
    private final RegistryService registry;
    private final PolicyPacks packs;

    public EnrolmentService(JdbcTemplate jdbc, TransactionTemplate tx, PersonService persons, RegistryService registry,
                            PolicyPacks packs) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.persons = persons;
        this.registry = registry;
        this.packs = packs;
    }

    // ---- enrolment

    public Enrolment enrol(Enrolment.New r) {
        String scheme = Fields.oneOf("scheme", r.scheme(), null, Scheme.RESIDENT.key, Scheme.EMPLOYEE.key);
        LocalDate from = Fields.required("valid_from", r.validFrom());
        Fields.notBefore("valid_until", r.validUntil(), "valid_from", from);
        LocalDate since = r.contributionsSince() != null ? r.contributionsSince() : from;
        if (r.validUntil() != null && since.isAfter(r.validUntil())) throw Fields.bad("contributions_since", "must not be after valid_until");
        String paymentMode;
        String employment;
        String employerCode = Fields.optionalCode("employer_code", r.employerCode(), 30);
        int level;
        if (scheme.equals(Scheme.EMPLOYEE.key)) {
            paymentMode = Fields.oneOf("payment_mode", r.paymentMode(), null, PaymentMode.COMBINED.key, PaymentMode.SINGLE_POOLING.key);
            employment = Fields.oneOf("employment", r.employment(), Employment.IN_SERVICE.key, Employment.IN_SERVICE.key,
                    Employment.RETIRED.key);
            if (employment.equals(Employment.IN_SERVICE.key) && employerCode == null) {
                throw Fields.bad("employer_code", "required for an employee in service");
            }
            if (r.contributionLevel() != null && r.contributionLevel() != 1) {
                throw Fields.bad("contribution_level", "only residents choose a contribution level");
            }
            level = 1;
        } else {
            if (r.paymentMode() != null && !r.paymentMode().isBlank()) throw Fields.bad("payment_mode", "only for the employee scheme");
            if (employerCode != null) throw Fields.bad("employer_code", "only for the employee scheme");
            if (r.employment() != null && !r.employment().isBlank() && !r.employment().equals(Employment.IN_SERVICE.key)) {
                throw Fields.bad("employment", "only for the employee scheme");
            }
            paymentMode = null;
            employment = Employment.IN_SERVICE.key;
            level = r.contributionLevel() == null ? 1 : r.contributionLevel();
            if (level != 1 && level != 2) throw Fields.bad("contribution_level", "must be 1 or 2");
        }
        Enrolment created = tx.execute(s -> {
            String psnNo = Fields.text("psn_no", r.psnNo(), 30);
            Person p = persons.byPsnNo(psnNo).orElseThrow(() -> Fields.bad("psn_no", "no person " + psnNo));
            lockPerson(p.id());
            Region region = registry.existingRegion("admdvs", r.admdvs());
            if (level == 2 && levels(region, from) < 2) {
                throw Fields.bad("contribution_level", "the policy pack of region " + region.admdvs() + " has one contribution level on "
                        + from);
            }
            if (employerCode != null) {
                Employer e = registry.employer(employerCode).orElseThrow(() -> Fields.bad("employer_code", "no employer " + employerCode));
                if (!e.admdvs().equals(region.admdvs())) {
                    throw Fields.bad("employer_code", "employer " + employerCode + " is in region " + e.admdvs() + ", not " + region.admdvs());
                }
            }
            refuseOverlap(p.id(), from, r.validUntil(), null);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, employer_code, payment_mode, employment, contribution_level,"
                            + " valid_from, valid_until, contributions_since, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'api')",
                    p.id(), scheme, region.admdvs(), employerCode, paymentMode, employment, level, from, r.validUntil(), since);
            long id = jdbc.queryForObject("SELECT id FROM enrolment WHERE person_id = ? AND valid_from = ? AND scheme = ?", Long.class,
                    p.id(), from, scheme);
            return enrolment(id).orElseThrow();
        });
        log.info("person {} enrolled: {}", created.psnNo(), created.describe());
        return created;
    }

    /** Ends (or moves the end of) an enrolment; the new end must not make it overlap another. */
    public Enrolment end(long enrolmentId, LocalDate validUntil) {
        Fields.required("valid_until", validUntil);
        return tx.execute(s -> {
            Enrolment e = lockedEnrolment(enrolmentId);
            Fields.notBefore("valid_until", validUntil, "valid_from", e.validFrom());
            refuseOverlap(personId(e.psnNo()), e.validFrom(), validUntil, e.id());
            jdbc.update("UPDATE enrolment SET valid_until = ? WHERE id = ?", validUntil, e.id());
            return enrolment(e.id()).orElseThrow();
        });
    }

    public Optional<Enrolment> enrolment(long id) {
        List<Enrolment> found = jdbc.query(SELECT_ENROLMENT + " WHERE e.id = ?", this::mapEnrolment, id);
        return found.stream().findFirst();
    }

    /** The person's enrolments, oldest first, each with its suspensions. */
    public List<Enrolment> history(String psnNo) {
        Person p = persons.existing("psn_no", psnNo);
        return jdbc.query(SELECT_ENROLMENT + " WHERE e.person_id = ? ORDER BY e.valid_from", this::mapEnrolment, p.id());
    }

    // ---- suspension for arrears

    /** Suspends benefits for arrears from {@code from} (within the enrolment) until the arrears are paid ({@link #restore}). */
    public Enrolment.Suspension suspend(long enrolmentId, LocalDate from, String reason) {
        Fields.required("from_date", from);
        String why = Fields.optionalText("reason", reason, 200);
        return tx.execute(s -> {
            Enrolment e = lockedEnrolment(enrolmentId);
            if (from.isBefore(e.validFrom()) || (e.validUntil() != null && from.isAfter(e.validUntil()))) {
                throw Fields.bad("from_date", "outside " + e.describe());
            }
            for (Enrolment.Suspension x : e.suspensions()) {
                if (x.untilDate() == null || x.untilDate().isAfter(from)) {
                    throw ApiException.conflict("from_date", "from_date: " + (x.untilDate() == null ? "already suspended" : "overlaps suspension")
                            + " " + x.id() + " from " + x.fromDate() + (x.untilDate() == null ? "" : " until " + x.untilDate()));
                }
            }
            jdbc.update("INSERT INTO suspension (enrolment_id, from_date, reason) VALUES (?, ?, ?)", e.id(), from,
                    why == null ? "arrears" : why);
            return suspensions(e.id()).stream().filter(x -> x.untilDate() == null).findFirst().orElseThrow();
        });
    }

    /** The arrears were paid on {@code paidOn}: benefits are restored from that day (seed 003 L1060: covered again after paying in full). */
    public Enrolment.Suspension restore(long enrolmentId, LocalDate paidOn) {
        Fields.required("paid_on", paidOn);
        return tx.execute(s -> {
            Enrolment e = lockedEnrolment(enrolmentId);
            Enrolment.Suspension open = e.suspensions().stream().filter(x -> x.untilDate() == null).findFirst()
                    .orElseThrow(() -> ApiException.conflict("enrolment_id", "enrolment " + e.id() + " is not suspended"));
            if (paidOn.isBefore(open.fromDate())) throw Fields.bad("paid_on", "before the suspension began (" + open.fromDate() + ")");
            jdbc.update("UPDATE suspension SET until_date = ? WHERE id = ?", paidOn, open.id());
            return new Enrolment.Suspension(open.id(), e.id(), open.fromDate(), paidOn, open.reason());
        });
    }

    // ---- poverty categories

    public PersonCategory addCategory(String psnNo, String category, LocalDate from, LocalDate until) {
        String c = Fields.oneOf("category", category, null, PersonCategory.CATEGORIES);
        Fields.required("valid_from", from);
        Fields.notBefore("valid_until", until, "valid_from", from);
        return tx.execute(s -> {
            Person p = persons.existing("psn_no", psnNo);
            lockPerson(p.id());
            refuseCategoryOverlap(p, c, from, until, null);
            jdbc.update("INSERT INTO person_category (person_id, category, valid_from, valid_until) VALUES (?, ?, ?, ?)",
                    p.id(), c, from, until);
            return jdbc.queryForObject("SELECT id, category, valid_from, valid_until FROM person_category WHERE person_id = ?"
                    + " AND category = ? AND valid_from = ?", (rs, i) -> category(rs, p.psnNo()), p.id(), c, from);
        });
    }

    public PersonCategory endCategory(String psnNo, long categoryId, LocalDate until) {
        Fields.required("valid_until", until);
        return tx.execute(s -> {
            Person p = persons.existing("psn_no", psnNo);
            lockPerson(p.id());
            PersonCategory c = categories(p).stream().filter(x -> x.id() == categoryId).findFirst()
                    .orElseThrow(() -> ApiException.notFound("category_id", "category_id: person " + psnNo + " has no category record " + categoryId));
            Fields.notBefore("valid_until", until, "valid_from", c.validFrom());
            refuseCategoryOverlap(p, c.category(), c.validFrom(), until, c.id());
            jdbc.update("UPDATE person_category SET valid_until = ? WHERE id = ?", until, c.id());
            return new PersonCategory(c.id(), psnNo, c.category(), c.validFrom(), until);
        });
    }

    public List<PersonCategory> categories(String psnNo) {
        return categories(persons.existing("psn_no", psnNo));
    }

    private List<PersonCategory> categories(Person p) {
        return jdbc.query("SELECT id, category, valid_from, valid_until FROM person_category WHERE person_id = ? ORDER BY valid_from, id",
                (rs, i) -> category(rs, p.psnNo()), p.id());
    }

    private void refuseCategoryOverlap(Person p, String category, LocalDate from, LocalDate until, Long except) {
        for (PersonCategory x : categories(p)) {
            if (x.category().equals(category) && !Objects.equals(x.id(), except) && overlaps(x.validFrom(), x.validUntil(), from, until)) {
                throw ApiException.conflict("valid_from", "valid_from: person " + p.psnNo() + " already has " + category + " record " + x.id()
                        + " (" + x.validFrom() + " – " + (x.validUntil() == null ? "open" : x.validUntil()) + ")");
            }
        }
    }

    // ---- coverage

    /**
     * The person's coverage on {@code date}, or empty when not enrolled that day: one indexed query
     * (enrolment by person and date, its region, the category and suspension in force).
     * DECISION: when several poverty categories are in force, the most protective counts: dire
     * poverty, then documented poor, then subsistence allowance (their serious-illness thresholds,
     * REFERENCE §2: 4,000 at 85% against 6,000 at 80%).
     */
    public Optional<Coverage> coverageOn(long personId, LocalDate date) {
        List<Coverage> found = jdbc.query(COVERAGE, (rs, i) -> {
            int level = rs.getInt("contribution_level");
            String category = rs.getString("category");
            return new Coverage(rs.getLong("id"), personId, Scheme.of(rs.getString("scheme")), rs.getString("admdvs"),
                    rs.getString("policy_pack"), PaymentMode.of(rs.getString("payment_mode")), rs.getString("employer_code"),
                    Employment.of(rs.getString("employment")), level == 2 ? Contribution.CONTRIBUTION_2 : Contribution.CONTRIBUTION_1,
                    rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                    rs.getObject("contributions_since", LocalDate.class), category == null ? Category.GENERAL : Category.of(category),
                    rs.getBoolean("suspended"), rs.getObject("birth_date", LocalDate.class));
        }, date, date, date, date, personId, date, date);
        return found.stream().findFirst();
    }

    private static final String COVERAGE = "SELECT e.id, e.scheme, e.admdvs, r.policy_pack, e.payment_mode, e.employer_code, e.employment,"
            + " e.contribution_level, e.valid_from, e.valid_until, e.contributions_since, p.birth_date,"
            + " (SELECT c.category FROM person_category c WHERE c.person_id = e.person_id AND c.valid_from <= ?"
            + "    AND (c.valid_until IS NULL OR c.valid_until >= ?)"
            + "  ORDER BY CASE c.category WHEN 'dire_poverty' THEN 1 WHEN 'documented_poor' THEN 2 ELSE 3 END LIMIT 1) AS category,"
            + " EXISTS (SELECT 1 FROM suspension s WHERE s.enrolment_id = e.id AND s.from_date <= ?"
            + "    AND (s.until_date IS NULL OR s.until_date > ?)) AS suspended"
            + " FROM enrolment e JOIN region r ON r.admdvs = e.admdvs JOIN person p ON p.id = e.person_id"
            + " WHERE e.person_id = ? AND e.valid_from <= ? AND (e.valid_until IS NULL OR e.valid_until >= ?)"
            + " ORDER BY e.valid_from DESC LIMIT 1";

    // ---- duplicate enrolment report

    /** Pairs of enrolments of one person that overlap (e.g. loaded before the check), at most {@code limit}. */
    public List<DuplicateEnrolment> duplicates(int limit) {
        return jdbc.query("SELECT p.psn_no, a.id, a.scheme, a.admdvs, a.valid_from, a.valid_until,"
                + " b.id, b.scheme, b.admdvs, b.valid_from, b.valid_until"
                + " FROM enrolment a JOIN enrolment b ON b.person_id = a.person_id AND b.id > a.id"
                + "  AND a.valid_from <= COALESCE(b.valid_until, DATE '9999-12-31') AND b.valid_from <= COALESCE(a.valid_until, DATE '9999-12-31')"
                + " JOIN person p ON p.id = a.person_id ORDER BY p.psn_no, a.id, b.id LIMIT ?", (rs, i) -> {
                    var first = new DuplicateEnrolment.Brief(rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class));
                    var second = new DuplicateEnrolment.Brief(rs.getLong(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class));
                    LocalDate from = first.validFrom().isAfter(second.validFrom()) ? first.validFrom() : second.validFrom();
                    LocalDate until = first.validUntil() == null ? second.validUntil()
                            : second.validUntil() == null || first.validUntil().isBefore(second.validUntil()) ? first.validUntil() : second.validUntil();
                    return new DuplicateEnrolment(rs.getString(1), first, second, from, until);
                }, limit);
    }

    // ---- contribution levels

    /**
     * How many contribution levels residents choose from on {@code date} under the region's pack:
     * 2 where the two levels' individual contributions differ (Zhanjiang 2009-2015), else 1.
     */
    public int levels(Region region, LocalDate date) {
        return levels(packs.pack(region.policyPack()), date);
    }

    public static int levels(PolicyPack pack, LocalDate date) {
        Map<String, Parameter> p = pack.parameters();
        Parameter one = p.get("resident.contribution.individual." + Contribution.CONTRIBUTION_1.key);
        Parameter two = p.get("resident.contribution.individual." + Contribution.CONTRIBUTION_2.key);
        if (one == null || two == null) return 1;
        Dated a = one.at(date);
        Dated b = two.at(date);
        return a != null && b != null && a.value() != null && b.value() != null && !a.value().equals(b.value()) ? 2 : 1;
    }

    // ---- helpers

    /** Serializes every change to one person's enrolments and categories (SELECT ... FOR UPDATE on the person row). */
    void lockPerson(long personId) {
        jdbc.queryForList("SELECT id FROM person WHERE id = ? FOR UPDATE", Long.class, personId);
    }

    private long personId(String psnNo) {
        return jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, psnNo);
    }

    private Enrolment lockedEnrolment(long enrolmentId) {
        List<Long> person = jdbc.queryForList("SELECT person_id FROM enrolment WHERE id = ?", Long.class, enrolmentId);
        if (person.isEmpty()) throw ApiException.notFound("enrolment_id", "enrolment_id: no enrolment " + enrolmentId);
        lockPerson(person.get(0));
        return enrolment(enrolmentId).orElseThrow();
    }

    /** 409 naming the enrolment already there when [from, until] overlaps one of the person's enrolments. */
    private void refuseOverlap(long personId, LocalDate from, LocalDate until, Long except) {
        List<String> found = jdbc.query("SELECT id, scheme, admdvs, valid_from, valid_until FROM enrolment WHERE person_id = ?"
                        + " AND valid_from <= ? AND (valid_until IS NULL OR valid_until >= ?) AND id <> ? ORDER BY valid_from",
                (rs, i) -> Enrolment.describe(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class)),
                personId, until == null ? OPEN : until, from, except == null ? -1L : except);
        if (!found.isEmpty()) {
            throw ApiException.conflict("valid_from", "duplicate enrolment: the person already has " + found.get(0)
                    + " in that period (one scheme in one region at a time); end it first");
        }
    }

    static boolean overlaps(LocalDate aFrom, LocalDate aUntil, LocalDate bFrom, LocalDate bUntil) {
        return !aFrom.isAfter(bUntil == null ? OPEN : bUntil) && !bFrom.isAfter(aUntil == null ? OPEN : aUntil);
    }

    private static final String SELECT_ENROLMENT = "SELECT e.id, p.psn_no, e.scheme, e.admdvs, e.payment_mode, e.employer_code,"
            + " e.employment, e.contribution_level, e.valid_from, e.valid_until, e.contributions_since, e.source_ref"
            + " FROM enrolment e JOIN person p ON p.id = e.person_id";

    private Enrolment mapEnrolment(ResultSet rs, int i) throws SQLException {
        long id = rs.getLong(1);
        return new Enrolment(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getInt(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                rs.getString(12), suspensions(id));
    }

    private List<Enrolment.Suspension> suspensions(long enrolmentId) {
        return new ArrayList<>(jdbc.query("SELECT id, from_date, until_date, reason FROM suspension WHERE enrolment_id = ? ORDER BY from_date",
                (rs, i) -> new Enrolment.Suspension(rs.getLong(1), enrolmentId, rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), rs.getString(4)), enrolmentId));
    }

    private static PersonCategory category(ResultSet rs, String psnNo) throws SQLException {
        return new PersonCategory(rs.getLong(1), psnNo, rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class));
    }
}
