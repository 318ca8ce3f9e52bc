package org.openyibao.platform.fsi;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * The server on a random port over a fresh H2 database (one context shared by every subclass): three institutions,
 * their credentials, and {@link TestTransactions}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:fsitest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.fsi.key=a test server key",
        "yibao.fsi.sign-in-exempt=1101,9901",
        "management.endpoints.web.exposure.include=health",
        // REST users for the tests that probe the API beside the interface ({noop}: tests only, never a config file)
        "yibao.users[0].name=agency", "yibao.users[0].password={noop}" + FsiServerTest.AGENCY_PASSWORD,
        "yibao.users[0].roles[0]=AGENCY",
        "yibao.users[1].name=auditor", "yibao.users[1].password={noop}" + FsiServerTest.AUDITOR_PASSWORD,
        "yibao.users[1].roles[0]=AUDITOR"})
@Import(FsiServerTest.Config.class)
abstract class FsiServerTest {
    static final String HOSPITAL = "H44080000001";
    static final String OTHER = "H44080000002";
    static final String FORMER = "H44080000003";
    static final String SECRET = "s3cret-for-the-hospital";
    static final String CLIENT_ID = "HospClient000001"; // 16 bytes: the SM4 key
    static final String CLIENT_SECRET = "client-secret-1";
    static final String PASSWORD = "hospital-password";
    static final String APIKEY = "kong-api-key-for-the-hospital";
    static final String[] SM2 = GmCrypto.sm2KeyPair();
    static final String AGENCY_PASSWORD = "agency-test-password";
    static final String AUDITOR_PASSWORD = "auditor-test-password";

    @TestConfiguration
    static class Config {
        @Bean
        TestTransactions testTransactions(JdbcTemplate jdbc, TransactionTemplate tx) {
            return new TestTransactions(jdbc, tx);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FsiCredentials credentials;

    private static boolean ready;

    @BeforeEach
    void institutions() {
        synchronized (FsiServerTest.class) {
            if (ready) return;
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES"
                    + " (?, 'Zhanjiang Central Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01'),"
                    + " (?, 'Another Hospital', 'level2', 'hospital', '440800', DATE '2000-01-01')", HOSPITAL, OTHER);
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from, designated_until) VALUES"
                    + " (?, 'Former Clinic', 'level1', 'clinic', '440800', DATE '2000-01-01', DATE '2010-12-31')", FORMER);
            jdbc.execute("CREATE TABLE fsi_test_effect (msgid VARCHAR(64) NOT NULL)");
            credentials.register(new FsiCredentials.Spec(HOSPITAL, "paas-hospital", SECRET, CLIENT_ID, CLIENT_SECRET, "hosp",
                    PASSWORD, APIKEY, SM2[1], false, "auto"));
            credentials.register(new FsiCredentials.Spec(OTHER, "paas-other", "other-secret", "OtherClient00001", "x-secret",
                    "other", "other-password", null, null, false, "auto"));
            credentials.register(new FsiCredentials.Spec(FORMER, "paas-former", "former-secret", null, null, null, null, null,
                    null, false, "never"));
            ready = true;
        }
    }

    FsiTestClient hospital() {
        return new FsiTestClient(port, HOSPITAL).xTif("paas-hospital", SECRET);
    }

    FsiTestClient client(String institution, String paasid, String secret) {
        return new FsiTestClient(port, institution).xTif(paasid, secret);
    }

    static String msgid() {
        return HOSPITAL + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    }

    int effects(String msgid) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM fsi_test_effect WHERE msgid = ?", Integer.class, msgid);
    }
}
