package org.openyibao.platform.fsi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.fsi.crypto.GmCrypto;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.LedgerCheck;

/**
 * The server the fuzz suites hit: a random port over its own H2 database (nothing another test relies on can be
 * changed by a mutated request), one region, two institutions with interface credentials, an employee with an
 * individual account and a resident, and staff accounts in each role. Log levels are left alone: they are shared by
 * every Spring context in the JVM (bench/fuzz-long.sh quietens the refusals' log for its million cases).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:fuzz;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.fsi.key=a fuzz server key",
        "management.endpoints.web.exposure.include=health",
        "yibao.users[0].name=agency", "yibao.users[0].password={noop}" + FuzzServer.PASSWORD, "yibao.users[0].roles[0]=AGENCY",
        "yibao.users[1].name=auditor", "yibao.users[1].password={noop}" + FuzzServer.PASSWORD, "yibao.users[1].roles[0]=AUDITOR",
        "yibao.users[2].name=monitor", "yibao.users[2].password={noop}" + FuzzServer.PASSWORD, "yibao.users[2].roles[0]=MONITOR"})
abstract class FuzzServer {
    static final String REGION = "440800";
    static final String HOSPITAL = "H44080000001";
    static final String OTHER = "H44080000002";
    static final String PAASID = "paas-fuzz";
    static final String SECRET = "fuzz-x-tif-secret";
    static final String CLIENT_ID = "FuzzClient000001"; // 16 bytes: the SM4 key
    static final String CLIENT_SECRET = "fuzz-client-secret";
    static final String USERNAME = "fuzz";
    static final String HOSPITAL_PASSWORD = "fuzz-hospital-password";
    static final String APIKEY = "fuzz-kong-api-key";
    static final String PASSWORD = "fuzz-staff-password";
    /** The hospital's SM2 key pair: {private, public}; the public one is registered. */
    static final String[] SM2 = GmCrypto.sm2KeyPair();
    static final String EMPLOYEE = "44080000000951";
    static final String EMPLOYEE_CERT = "440802198001150951";
    static final String RESIDENT = "44080000000952";
    static final String RESIDENT_CERT = "440802196507080952";

    /**
     * The staff's {noop} passwords are not upgraded: Spring Security would re-hash them with bcrypt at the first sign-in
     * and then check bcrypt on every call (70–100 ms each on this machine), and the REST fuzz would measure bcrypt. The
     * interface credentials are still hashed with bcrypt, as in production.
     */
    @TestBean(name = "passwordEncoder", methodName = "passwordsNeverUpgraded")
    PasswordEncoder passwordEncoder;

    static PasswordEncoder passwordsNeverUpgraded() {
        PasswordEncoder production = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return production.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return production.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return false;
            }
        };
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FsiCredentials credentials;
    @Autowired
    TransactionTemplate tx;

    private static boolean ready;

    @BeforeEach
    void region() {
        synchronized (FuzzServer.class) {
            if (ready) return;
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES (?, 'Zhanjiang', 'zhanjiang')", REGION);
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES"
                    + " (?, 'Zhanjiang Central Hospital', 'level3', 'hospital', ?, DATE '2000-01-01'),"
                    + " (?, 'Another Hospital', 'level2', 'hospital', ?, DATE '2000-01-01')", HOSPITAL, REGION, OTHER, REGION);
            credentials.register(new FsiCredentials.Spec(HOSPITAL, PAASID, SECRET, CLIENT_ID, CLIENT_SECRET, USERNAME,
                    HOSPITAL_PASSWORD, APIKEY, SM2[1], false, "auto"));
            credentials.register(new FsiCredentials.Spec(OTHER, "paas-fuzz-other", "other-secret", null, null, null, null, null,
                    null, false, "auto"));
            new Ledger(jdbc).openRegion(REGION);
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs) VALUES"
                    + " (?, ?, 'Fuzz Employee', '1', DATE '1980-01-15', ?), (?, ?, 'Fuzz Resident', '2', DATE '1965-07-08', ?)",
                    EMPLOYEE, EMPLOYEE_CERT, REGION, RESIDENT, RESIDENT_CERT, REGION);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                    + " SELECT id, 'employee', ?, 'combined', DATE '2016-01-01', DATE '2016-01-01' FROM person WHERE psn_no = ?",
                    REGION, EMPLOYEE);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, valid_from, contributions_since)"
                    + " SELECT id, 'resident', ?, DATE '2009-01-01', DATE '2009-01-01' FROM person WHERE psn_no = ?", REGION, RESIDENT);
            long id = jdbc.queryForObject("SELECT id FROM person WHERE psn_no = ?", Long.class, EMPLOYEE);
            tx.executeWithoutResult(s -> new Ledger(jdbc).post(JournalEntry.builder(REGION, LocalDate.now(), "opening", EMPLOYEE,
                    "opening balance").creditIndividualAccount(id, "individual_accounts:bank", 200_000).build()));
            ready = true;
        }
    }

    /** After a run: the server still answers its health check UP, and every ledger invariant holds. */
    void healthyAndBalanced() {
        RawHttp.Reply health = RawHttp.exchange(port, ("GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), FuzzRun.TIMEOUT_MS);
        assertThat(health.status()).as(health.head()).isEqualTo(200);
        assertThat(health.text()).contains("\"status\":\"UP\"");
        LedgerCheck.Result check = new LedgerCheck(jdbc).run();
        assertThat(check.violations()).as("ledger check").isEmpty();
        assertThat(check.ok()).isTrue();
    }
}
