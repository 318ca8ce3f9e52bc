package org.openyibao.platform.registry;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.platform.web.ApiException;

/**
 * The person number (psn_no) given to a person registered or imported without one: the region's 6-digit code and an
 * 8-digit serial, 14 digits, the shape of the demo's numbers (440800 00000001). The serial comes from a database
 * sequence (V80), so two registrations at the same moment, on any number of servers, never get the same one; a number
 * already taken by a person registered with an explicit psn_no is stepped over.
 */
@Component
public class PersonNumbers {
    /** The serial's digits after the region code. */
    public static final int SERIAL_DIGITS = 8;
    /** The next serial as SQL, zero-padded: for statements that number many persons at once (the bulk import). */
    public static final String NEXT_SERIAL_SQL = "LPAD(CAST(NEXTVAL('person_number_seq') AS VARCHAR), " + SERIAL_DIGITS + ", '0')";
    /** Numbers stepped over before giving up: only persons registered with numbers of this shape can take them. */
    private static final int TRIES = 1000;

    private final JdbcTemplate jdbc;

    public PersonNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves the sequence past {@code serial}: after persons were given numbers of this shape explicitly (the demo's
     * 44080000000001 to 06), so that a statement numbering many persons at once (the bulk import, which cannot step
     * over a taken number) never meets them. Only forward; a few calls of the sequence.
     */
    public void skipPast(long serial) {
        Long next;
        do {
            next = jdbc.queryForObject("SELECT NEXTVAL('person_number_seq')", Long.class);
        } while (next != null && next < serial);
    }

    /** A new, unused psn_no in region {@code admdvs} (6 digits). */
    public String next(String admdvs) {
        String region = admdvs.strip();
        for (int i = 0; i < TRIES; i++) {
            String number = region + jdbc.queryForObject("SELECT " + NEXT_SERIAL_SQL, String.class);
            Integer taken = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE psn_no = ?", Integer.class, number);
            if (taken == 0) return number;
        }
        throw ApiException.conflict("psn_no", "psn_no: no free person number after " + TRIES + " tries; give one explicitly");
    }
}
