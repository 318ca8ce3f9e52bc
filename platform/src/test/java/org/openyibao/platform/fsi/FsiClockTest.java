package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.ledger.Ledger;

/**
 * Every "now" and "today" of the interface reads the server's one clock, once per call: with a clock one millisecond
 * before midnight that moves a millisecond at each reading, every date a call uses or answers is still the day it was
 * received (sign-in, the designation check, 1101's age, 2207's setl_time, 9101's download deadline); only
 * {@code respond_time}, the time of the answer, is the next day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:fsiclocktest;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.fsi.key=a test server key",
        "yibao.fsi.zone=Asia/Shanghai",
        "management.endpoints.web.exposure.include=health"})
@Import(FsiClockTest.Config.class)
class FsiClockTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2026-06-30 23:59:59.999 in Shanghai. */
    static final Instant BEFORE_MIDNIGHT = ZonedDateTime.of(2026, 6, 30, 23, 59, 59, 999_000_000, ZONE).toInstant();
    static final String HOSPITAL = "H44080000009";
    static final String APIKEY = "clock-test-api-key";
    static final String PERSON = "44080000000801";
    static final String CERT = "440802198007010017";

    /** A clock that moves one millisecond each time it is read, from where {@link #set} put it. */
    static final class SteppingClock extends Clock {
        private Instant next = BEFORE_MIDNIGHT;

        synchronized void set(Instant at) {
            next = at;
        }

        @Override
        public synchronized Instant instant() {
            Instant t = next;
            next = next.plusMillis(1);
            return t;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        SteppingClock steppingClock() {
            return new SteppingClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FsiCredentials credentials;
    @Autowired
    SteppingClock clock;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        synchronized (FsiClockTest.class) {
            if (seeded) return;
            jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            new Ledger(jdbc).openRegion("440800");
            // designated until the day the calls are received, and not a day longer
            jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from, designated_until) VALUES"
                    + " (?, 'Last-Day Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01', DATE '2026-06-30')", HOSPITAL);
            credentials.register(new FsiCredentials.Spec(HOSPITAL, null, null, null, null, null, null, APIKEY, null, false, "never"));
            jdbc.update("INSERT INTO person (psn_no, cert_no, name, gender, birth_date, admdvs)"
                    + " VALUES (?, ?, 'Zhou Midnight', '1', DATE '1980-07-01', '440800')", PERSON, CERT);
            jdbc.update("INSERT INTO enrolment (person_id, scheme, admdvs, payment_mode, valid_from, contributions_since)"
                    + " SELECT id, 'employee', '440800', 'combined', DATE '2016-01-01', DATE '2016-01-01' FROM person WHERE psn_no = ?",
                    PERSON);
            seeded = true;
        }
    }

    private FsiTestClient client() {
        return new FsiTestClient(port, HOSPITAL).noAuth().header("apikey", APIKEY);
    }

    /** The call received at 23:59:59.999; every later reading of the clock is 1 July. */
    private FsiTestClient.Reply lastMillisecond(FsiTestClient c, String infno, JsonNode input) {
        clock.set(BEFORE_MIDNIGHT);
        FsiTestClient.Reply r = c.call(infno, input);
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.json().get("refmsg_time").asText()).isEqualTo("20260630235959999");
        assertThat(r.json().get("inf_refmsgid").asText()).startsWith("44080020260630235959");
        return r;
    }

    @Test
    void aCallReadsTheClockOnceAndKeepsItsDay() {
        FsiTestClient c = client();
        FsiTestClient.Reply signIn = lastMillisecond(c, "9001", FsiTestClient.json(
                "{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}"));
        assertThat(signIn.output().at("/signinoutb/sign_time").asText()).isEqualTo("2026-06-30 23:59:59");
        assertThat(signIn.output().at("/signinoutb/sign_no").asText()).startsWith("44080020260630235959");
        c.signNo(signIn.output().at("/signinoutb/sign_no").asText());

        // born 1 July 1980: 45 years and 11 months on 30 June, 46 the next day
        FsiTestClient.Reply person = lastMillisecond(c, "1101", FsiSettlementFlowTest.data("psn_no", PERSON));
        assertThat(person.output().at("/baseinfo/age").decimalValue()).isEqualByComparingTo("45.9");
        assertThat(person.output().at("/insuinfo/0/psn_insu_stas").asText()).isEqualTo("1");

        FsiTestClient.Reply reg = lastMillisecond(c, "2201", FsiSettlementFlowTest.data("psn_no", PERSON, "insutype", "310",
                "begntime", "2026-06-30 22:00:00", "mdtrt_cert_type", "02", "mdtrt_cert_no", CERT));
        String mdtrtId = reg.output().at("/data/mdtrt_id").asText();
        ObjectNode fees = FsiSettlementFlowTest.F.objectNode();
        fees.putArray("feedetail").add(FsiSettlementFlowTest.fee(mdtrtId, PERSON, "1", "XA01", "2", "12.50", null));
        lastMillisecond(c, "2204", fees);
        FsiTestClient.Reply s = lastMillisecond(c, "2207", FsiSettlementFlowTest.data("psn_no", PERSON, "mdtrt_cert_type", "02",
                "mdtrt_cert_no", CERT, "med_type", "11", "medfee_sumamt", "25.00", "psn_setlway", "01", "mdtrt_id", mdtrtId,
                "insutype", "310"));
        JsonNode i = s.output().get("setlinfo");
        assertThat(i.get("setl_time").asText()).isEqualTo("2026-06-30 23:59:59");
        assertThat(i.get("age").decimalValue()).isEqualByComparingTo("45.9");
        assertThat(jdbc.queryForObject("SELECT setl_time FROM fsi_settlement WHERE setl_id = ?", LocalDateTime.class,
                i.get("setl_id").asText())).isEqualTo(LocalDateTime.of(2026, 6, 30, 23, 59, 59, 999_000_000));

        ObjectNode up = FsiSettlementFlowTest.F.objectNode();
        up.putObject("fsUploadIn").put("in", java.util.Base64.getEncoder().encodeToString(
                org.openyibao.platform.fsi.transactions.TestZips.zip("x.txt", "a\tb\r\n"))).put("filename", "x.zip")
                .put("fixmedins_code", HOSPITAL);
        FsiTestClient.Reply file = lastMillisecond(c, "9101", up);
        assertThat(file.output().get("dld_endtime").asText()).isEqualTo("2026-07-07 23:59:59");
        assertThat(file.json().get("respond_time").asText()).as("the answer itself is given on 1 July").startsWith("20260701");
    }
}
