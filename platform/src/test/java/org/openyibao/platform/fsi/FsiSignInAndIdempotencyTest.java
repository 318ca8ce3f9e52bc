package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 9001/9002 and the sign_no business transactions need; msgid idempotency, also under concurrency. */
class FsiSignInAndIdempotencyTest extends FsiServerTest {
    private static final JsonNode SETTLE = FsiTestClient.json("{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":\"12.30\"}}");

    @Test
    void aBusinessTransactionNeedsAValidSignNo() {
        FsiTestClient c = hospital();
        try (CapturedLogs logs = new CapturedLogs()) {
            FsiTestClient.Reply r = c.call("9902", SETTLE);
            assertThat(r.infcode()).isEqualTo(-1);
            assertThat(r.errMsg()).isEqualTo("sign_no: required; sign in with 9001 first");
            assertThat(logs.warnings()).singleElement().asString().contains("no sign_no").contains("infno=9902");
        }
        c.signIn();
        String signNo = c.signNo();
        assertThat(signNo).matches("440800\\d{24}");
        FsiTestClient.Reply r = c.call("9902", SETTLE);
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("setlinfo").get("sign_no").asText()).isEqualTo(signNo);

        // another institution cannot use it
        FsiTestClient other = client(OTHER, "paas-other", "other-secret").signNo(signNo);
        assertThat(other.call("9902", SETTLE).errMsg()).startsWith("sign_no: not valid for this institution");

        // 1101 is exempt (yibao.fsi.sign-in-exempt), as is 9901 in these tests
        assertThat(hospital().call("1101", SETTLE).errMsg()).doesNotStartWith("sign_no");

        // sign out: the sign_no stops working; twice is a business error
        r = c.call("9002", FsiTestClient.json("{\"signOut\":{\"sign_no\":\"" + signNo + "\",\"opter_no\":\"0001\"}}"));
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("signoutoutb").get("sign_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(c.call("9902", SETTLE).errMsg()).startsWith("sign_no: not valid for this institution");
        r = c.call("9002", FsiTestClient.json("{\"signOut\":{\"sign_no\":\"" + signNo + "\",\"opter_no\":\"0001\"}}"));
        assertThat(r.infcode()).isEqualTo(-2);
        assertThat(r.errMsg()).isEqualTo("sign_no " + signNo + ": already signed out");
    }

    @Test
    void aRepeatedSignInGetsTheSameSignNo() {
        FsiTestClient c = hospital();
        String msgid = msgid();
        JsonNode in = FsiTestClient.json("{\"signIn\":{\"opter_no\":\"0001\"}}");
        FsiTestClient.Reply first = c.call("9001", msgid, in);
        FsiTestClient.Reply second = c.call("9001", msgid, in);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void signInValidatesItsInput() {
        FsiTestClient c = hospital();
        assertThat(c.call("9001", FsiTestClient.json("{}")).errMsg()).isEqualTo("input.signIn: required");
        assertThat(c.call("9001", FsiTestClient.json("{\"signIn\":{\"mac\":\"x\"}}")).errMsg()).isEqualTo("input.signIn.opter_no: required");
        FsiTestClient.Reply r = c.call("9001", FsiTestClient.json("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"\",\"ip\":\"\"}}"));
        assertThat(r.output().get("signinoutb").get("sign_time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(c.call("9002", FsiTestClient.json("{\"signOut\":{\"sign_no\":\"nope\"}}")).errMsg())
                .isEqualTo("sign_no nope: no such sign-in");
    }

    @Test
    void aRepeatedMsgidGetsTheOriginalReplyAndIsKeptOnce() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply first = c.call("9902", msgid, SETTLE);
        assertThat(first.infcode()).as(first.text()).isZero();
        FsiTestClient.Reply second = c.call("9902", msgid, SETTLE);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(effects(msgid)).isEqualTo(1);
        // the same msgid for another transaction is refused
        assertThat(c.call("9901", msgid, SETTLE).errMsg()).isEqualTo("msgid: " + msgid + " was already used for transaction 9902;"
                + " every message needs its own msgid");
        // another institution's msgids are its own
        FsiTestClient other = client(OTHER, "paas-other", "other-secret").signIn();
        assertThat(other.call("9902", msgid, SETTLE).infcode()).isZero();
        assertThat(effects(msgid)).isEqualTo(2);
    }

    @Test
    void refusalsAreNotStoredSoAFixedRetrySucceeds() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply r = c.call("9902", msgid, FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"12.30\",\"refuse\":\"yes\"}}"));
        assertThat(r.infcode()).isEqualTo(-2);
        assertThat(r.errMsg()).isEqualTo("refused as asked");
        assertThat(effects(msgid)).isZero(); // the handler's write was rolled back
        r = c.call("9902", msgid, FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"12.345\"}}"));
        assertThat(r.infcode()).isEqualTo(-1);
        assertThat(r.errMsg()).isEqualTo("input.data.medfee_sumamt: at most 2 decimals, got 12.345");
        r = c.call("9902", msgid, FsiTestClient.json("{\"data\":{\"medfee_sumamt\":12.3}}"));
        assertThat(r.infcode()).isZero();
        assertThat(r.output().get("setlinfo").get("medfee_sumamt").decimalValue()).isEqualByComparingTo("12.30");
        assertThat(r.text()).contains("\"medfee_sumamt\":12.30");
        assertThat(effects(msgid)).isEqualTo(1);
        assertThat(TestTransactions.runs(msgid)).isEqualTo(3);
    }

    @Test
    void concurrentCallsWithOneMsgidAreKeptOnce() throws Exception {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        JsonNode slow = FsiTestClient.json("{\"data\":{\"medfee_sumamt\":\"1.00\",\"sleep_ms\":300}}");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<FsiTestClient.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return c.call("9902", msgid, slow);
                }));
            }
            start.countDown();
            String first = null;
            for (Future<FsiTestClient.Reply> f : replies) {
                FsiTestClient.Reply r = f.get();
                assertThat(r.infcode()).as(r.text()).isZero();
                if (first == null) first = r.text();
                assertThat(r.text()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(effects(msgid)).isEqualTo(1);
    }

    @Test
    void aDryRunAnswersButKeepsNothing() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply r = c.call("9903", msgid, FsiTestClient.json("{}"));
        assertThat(r.infcode()).as(r.text()).isZero();
        assertThat(r.output().get("estimate").decimalValue()).isEqualByComparingTo("123.45");
        assertThat(effects(msgid)).isZero();
        assertThat(c.call("9903", msgid, FsiTestClient.json("{}")).infcode()).isZero();
        assertThat(TestTransactions.runs(msgid)).isEqualTo(2);
    }
}
