package org.openyibao.platform.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.web.ApiException;

/**
 * Registers persons and finds them by person number or ID number. The ID number is checked by
 * GB 11643 and must agree with the gender and birth date given; it is logged only masked.
 */
@Service
public class PersonService {
    private static final Logger log = LoggerFactory.getLogger(PersonService.class);
    private static final Pattern PSN_NO = Pattern.compile("[0-9A-Za-z]{1,30}");

    /** Generated person numbers ({@link PersonNumbers}): the region code and an 8-digit serial, 14 digits. */
    public static final String GENERATED_PSN_NO_SQL = PersonNumbers.NEXT_SERIAL_SQL;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RegistryService registry;
    private final Clock clock;
    private final PersonNumbers numbers;

    /** Outside Spring (tests' fixtures): the numbers from the same sequence. */
    public PersonService(JdbcTemplate jdbc, TransactionTemplate tx, RegistryService registry, Clock clock) {
        this(jdbc, tx, registry, clock, new PersonNumbers(jdbc));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public PersonService(JdbcTemplate jdbc, TransactionTemplate tx, RegistryService registry, Clock clock, PersonNumbers numbers) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.clock = clock;
        this.tx = tx;
        this.registry = registry;
    }

    public Person register(Person.New p) {
        ResidentId id = Fields.certNo("cert_no", p.certNo(), LocalDate.now(clock));
        String name = Fields.text("name", p.name(), 100);
        String psnNo = p.psnNo() == null || p.psnNo().isBlank() ? null : p.psnNo().strip();
        if (psnNo != null && !PSN_NO.matcher(psnNo).matches()) throw Fields.bad("psn_no", "1 to 30 letters or digits");
        String gender = p.gender() == null || p.gender().isBlank() ? id.gender() : Fields.oneOf("gender", p.gender(), null, "1", "2");
        if (!gender.equals(id.gender())) throw Fields.bad("gender", "does not agree with the ID number (its 17th digit)");
        LocalDate birth = p.birthDate() == null ? id.birthDate() : p.birthDate();
        if (!birth.equals(id.birthDate())) throw Fields.bad("birth_date", "does not agree with the ID number (characters 7-14)");
        String householdRef = Fields.optionalCode("household_ref", p.householdRef(), 40);
        Person created = tx.execute(s -> {
            String admdvs = registry.existingRegion("admdvs", p.admdvs()).admdvs();
            Long household = null;
            if (householdRef != null) {
                household = registry.household(householdRef).map(Household::id).orElseThrow(() -> Fields.bad("household_ref",
                        "no such household (register it first: POST /api/households)"));
            }
            Optional<Person> same = byCertNo(id);
            if (same.isPresent()) {
                throw ApiException.conflict("cert_no", "cert_no: a person with this ID number is already registered as psn_no "
                        + same.get().psnNo());
            }
            if (psnNo != null && byPsnNo(psnNo).isPresent()) {
                throw ApiException.conflict("psn_no", "psn_no: " + psnNo + " is already taken");
            }
            String number = psnNo != null ? psnNo : numbers.next(admdvs);
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, household_id, admdvs) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    number, id.value(), name, gender, birth, household, admdvs);
            return byPsnNo(number).orElseThrow();
        });
        log.info("person {} registered (cert_no {}) in {}", created.psnNo(), id.masked(), created.admdvs());
        return created;
    }

    public Optional<Person> byPsnNo(String psnNo) {
        return jdbc.query(SELECT + " WHERE p.psn_no = ?", PersonService::person, psnNo).stream().findFirst();
    }

    public Optional<Person> byCertNo(ResidentId certNo) {
        return jdbc.query(SELECT + " WHERE p.cert_no = ?", PersonService::person, certNo.value()).stream().findFirst();
    }

    public Optional<Person> byId(long id) {
        return jdbc.query(SELECT + " WHERE p.id = ?", PersonService::person, id).stream().findFirst();
    }

    /** The person named by a request field, or 404 naming the field. */
    public Person existing(String field, String psnNo) {
        String v = Fields.text(field, psnNo, 30);
        return byPsnNo(v).orElseThrow(() -> ApiException.notFound(field, field + ": no person " + v));
    }

    /** One page of a search, and whether another follows (no total: counting a million names costs more than the page). */
    public record Page(List<Person> persons, int page, boolean more) {}

    /**
     * Persons whose psn_no or resident ID number is {@code query}, or whose name starts with it, in psn_no order:
     * page {@code page} (from 0) of {@code size}. No cap on how far one may page (issue 11).
     */
    public Page search(String query, int page, int size) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) return new Page(List.of(), 0, false);
        String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<Person> found = jdbc.query(SELECT + " WHERE p.psn_no = ? OR p.cert_no = ? OR p.name LIKE ? ESCAPE '\\'"
                + " ORDER BY p.psn_no LIMIT ? OFFSET ?", PersonService::person, q, q.toUpperCase(java.util.Locale.ROOT), like,
                size + 1, (long) page * size);
        boolean more = found.size() > size;
        return new Page(more ? found.subList(0, size) : found, page, more);
    }

    private static final String SELECT = "SELECT p.id, p.psn_no, p.cert_no, p.name, p.gender, p.birth_date, h.ref, p.admdvs"
            + " FROM person p LEFT JOIN household h ON h.id = p.household_id";

    private static Person person(ResultSet rs, int i) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8));
    }
}
