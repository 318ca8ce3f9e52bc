package org.openyibao.platform.fsi.signin;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import org.openyibao.platform.fsi.FsiClock;
import org.openyibao.platform.fsi.FsiException;

/**
 * Sign-ins (9001) and sign-outs (9002) in table {@code fsi_sign_in}. A sign_no is valid for the institution that
 * signed in, until it signs out, for {@code yibao.fsi.sign-in-hours} hours (default 24: clients such as OH cache
 * sign_no for 24 h per operator, across midnight). Several operators may be signed in at once.
 */
@Service
public class SignIns {
    private final JdbcTemplate jdbc;
    private final FsiClock clock;
    private final long validityHours;

    public SignIns(JdbcTemplate jdbc, FsiClock clock, @Value("${yibao.fsi.sign-in-hours:24}") long validityHours) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validityHours = validityHours;
    }

    public record SignIn(String signNo, LocalDateTime signTime) {}

    public SignIn signIn(String fixmedinsCode, String opterNo, String mac, String ip) {
        List<String> admdvs = jdbc.queryForList("SELECT admdvs FROM institution WHERE code = ?", String.class, fixmedinsCode);
        String signNo = clock.newId(admdvs.isEmpty() ? null : admdvs.get(0));
        OffsetDateTime at = OffsetDateTime.now(clock.zone()).withNano(0);
        jdbc.update("INSERT INTO fsi_sign_in (sign_no, fixmedins_code, opter_no, mac, ip, signed_in_at) VALUES (?, ?, ?, ?, ?, ?)",
                signNo, fixmedinsCode, opterNo, mac, ip, at);
        return new SignIn(signNo, at.toLocalDateTime());
    }

    /** Signs out; -2 when the sign_no is not this institution's or is already signed out. */
    public LocalDateTime signOut(String fixmedinsCode, String signNo) {
        OffsetDateTime at = OffsetDateTime.now(clock.zone()).withNano(0);
        int n = jdbc.update("UPDATE fsi_sign_in SET signed_out_at = ? WHERE sign_no = ? AND fixmedins_code = ?"
                + " AND signed_out_at IS NULL", at, signNo, fixmedinsCode);
        if (n == 0) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_sign_in WHERE sign_no = ? AND fixmedins_code = ?",
                    Integer.class, signNo, fixmedinsCode);
            throw FsiException.business("sign_no " + signNo + (known > 0 ? ": already signed out" : ": no such sign-in"));
        }
        return at.toLocalDateTime();
    }

    /** The sign_no was issued to this institution less than the validity ago and is not signed out. */
    public boolean valid(String fixmedinsCode, String signNo) {
        if (signNo == null || signNo.isBlank() || signNo.length() > 40) return false;
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_sign_in WHERE sign_no = ? AND fixmedins_code = ?"
                + " AND signed_out_at IS NULL AND signed_in_at > ?", Integer.class, signNo, fixmedinsCode,
                OffsetDateTime.now(clock.zone()).minusHours(validityHours));
        return n > 0;
    }
}
