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

/**
 * A msgid is recorded with its reply as the transaction's last statement (no lookup before it): a unique-key
 * conflict is the repeat, everything it did rolled back, answered with the stored reply, byte for byte. See also {@link FsiSignInAndIdempotencyTest} and, on PostgreSQL,
 * {@code FsiConcurrencyTest} and {@code FsiCrashRecoveryTest}.
 */
class FsiMsgidClaimTest extends FsiServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    FsiMessages messages;

    private static final JsonNode SETTLE = FsiTestClient.json("{\"data\":{\"psn_no\":\"P1\",\"medfee_sumamt\":\"7.10\"}}");

    @Test
    void aRepeatedMsgidGetsTheOriginalBytes() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply first = c.call("9902", msgid, SETTLE);
        assertThat(first.infcode()).as(first.text()).isZero();
        for (int i = 0; i < 3; i++) {
            FsiTestClient.Reply again = c.call("9902", msgid, SETTLE);
            assertThat(again.bytes()).isEqualTo(first.bytes());
            assertThat(again.contentType()).isEqualTo(first.contentType());
        }
        assertThat(effects(msgid)).isEqualTo(1);
        // what was sent is what was recorded (sealed at rest: read back through the message log)
        assertThat(messages.find(HOSPITAL, msgid)).get().extracting(FsiMessages.Stored::reply).isEqualTo(first.text());
    }

    @Test
    void anEncryptedRepeatGetsTheOriginalReplyEncryptedAgain() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply plain = c.call("9902", msgid, SETTLE);
        assertThat(plain.infcode()).isZero();
        // the same message, its input SM4-encrypted: the reply (auto) is encrypted, its output the original one
        var env = c.envelope("9902", msgid, SETTLE);
        env.put("input", org.openyibao.platform.fsi.crypto.GmCrypto.sm4EncryptBase64(CLIENT_ID.getBytes(),
                FsiJson.write(SETTLE)));
        FsiTestClient.Reply enc = c.send(FsiJson.write(env));
        assertThat(enc.infcode()).as(enc.text()).isZero();
        String output = org.openyibao.platform.fsi.crypto.GmCrypto.sm4DecryptBase64(CLIENT_ID.getBytes(),
                enc.json().get("output").asText());
        assertThat(FsiTestClient.json(output)).isEqualTo(plain.output());
        assertThat(effects(msgid)).isEqualTo(1);
    }

    @Test
    void aRepeatAfterSignOutStillGetsItsReply() {
        FsiTestClient c = hospital().signIn();
        String msgid = msgid();
        FsiTestClient.Reply first = c.call("9902", msgid, SETTLE);
        assertThat(first.infcode()).isZero();
        assertThat(c.call("9002", FsiTestClient.json("{\"signOut\":{\"sign_no\":\"" + c.signNo() + "\",\"opter_no\":\"0001\"}}"))
                .infcode()).isZero();
        // the answer to a message sent while signed in is not lost by signing out
        assertThat(c.call("9902", msgid, SETTLE).bytes()).isEqualTo(first.bytes());
        // a new message is refused
        assertThat(c.call("9902", SETTLE).errMsg()).startsWith("sign_no: not valid");
        assertThat(effects(msgid)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesAreKeptOnceAndAllGetTheSameBytes() throws Exception {
        FsiTestClient c = hospital().signIn();
        for (int round = 0; round < 3; round++) {
            String msgid = msgid();
            int n = 12;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FsiTestClient.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return c.call("9902", msgid, SETTLE);
                    }));
                }
                start.countDown();
                byte[] first = null;
                for (Future<FsiTestClient.Reply> f : replies) {
                    FsiTestClient.Reply r = f.get();
                    assertThat(r.infcode()).as(r.text()).isZero();
                    if (first == null) first = r.bytes();
                    assertThat(r.bytes()).isEqualTo(first);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(effects(msgid)).isEqualTo(1);
        }
    }
}
