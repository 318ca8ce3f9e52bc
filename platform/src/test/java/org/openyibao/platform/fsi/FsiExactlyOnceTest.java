package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import org.openyibao.platform.fsi.auth.FsiAuthenticator;
import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.fsi.auth.FsiTokens;
import org.openyibao.platform.fsi.crypto.GmCrypto;
import org.openyibao.platform.fsi.signin.SignInTransactions;
import org.openyibao.platform.fsi.signin.SignIns;
import org.openyibao.platform.support.TestDatabase;

/**
 * The message layer on both databases, without a server: the V40 schema migrates on PostgreSQL and H2, a msgid
 * is kept once however many requests race for it, a failed handler leaves neither its writes nor a message behind.
 */
class FsiExactlyOnceTest {

    private static final class Slow implements FsiTransaction {
        final AtomicInteger runs = new AtomicInteger();
        final TestDatabase db;

        Slow(TestDatabase db) {
            this.db = db;
        }

        @Override
        public String infno() {
            return "9950";
        }

        @Override
        public JsonNode handle(FsiCall call) {
            runs.incrementAndGet();
            db.jdbc.update("INSERT INTO effect (msgid) VALUES (?)", call.msgid());
            try {
                Thread.sleep(call.data().integer("sleep_ms"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (call.data().has("fail")) throw FsiException.business("failed after writing");
            ObjectNode o = FsiJson.MAPPER.createObjectNode();
            o.put("setl_id", "S" + runs.get());
            return o;
        }
    }

    private static FsiDispatcher.Request request(String msgid, String input) {
        ObjectNode e = FsiJson.MAPPER.createObjectNode();
        e.put("infno", "9950");
        e.put("msgid", msgid);
        e.put("fixmedins_code", "H1");
        e.set("input", FsiJson.parse(input, "t"));
        HttpHeaders h = new HttpHeaders();
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString();
        h.add("x-tif-paasid", "p1");
        h.add("x-tif-timestamp", ts);
        h.add("x-tif-nonce", nonce);
        h.add("x-tif-signature", GmCrypto.xTifSignature(ts, "secret-1", nonce));
        return new FsiDispatcher.Request(FsiJson.write(e), null, h, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMsgidIsKeptOnceAndFailuresLeaveNothing(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.jdbc.update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
            db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from)"
                    + " VALUES ('H1', 'Hospital', 'level3', 'hospital', '440800', DATE '2000-01-01')");
            db.jdbc.execute("CREATE TABLE effect (msgid VARCHAR(64) NOT NULL)");
            FsiCredentials credentials = new FsiCredentials(db.jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), "k");
            credentials.register(new FsiCredentials.Spec("H1", "p1", "secret-1", null, null, null, null, null, null, null, null));
            FsiClock clock = new FsiClock("Asia/Shanghai");
            SignIns signIns = new SignIns(db.jdbc, clock, 24);
            Slow slow = new Slow(db);
            FsiDispatcher d = new FsiDispatcher(List.of(slow, new SignInTransactions(signIns)),
                    new FsiAuthenticator(credentials, new FsiTokens(db.jdbc, clock.clock(), 7200), db.jdbc, 300), new FsiMessages(db.jdbc), signIns,
                    db.tx, clock, "9950");

            // a failure after writing: nothing kept, no message; the retry runs
            String msgid = "H1" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
            FsiDispatcher.Response r = d.handle(request(msgid, "{\"data\":{\"sleep_ms\":0,\"fail\":1}}"));
            assertThat(r.infcode()).isEqualTo(-2);
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isZero();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message", Integer.class)).isZero();

            // many requests race for one msgid: each may run, one is kept, all get its reply
            int n = 6;
            ExecutorService pool = Executors.newFixedThreadPool(n);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<FsiDispatcher.Response>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < n; i++) {
                    replies.add(pool.submit(() -> {
                        start.await();
                        return d.handle(request(msgid, "{\"data\":{\"sleep_ms\":250}}"));
                    }));
                }
                start.countDown();
                String first = null;
                for (Future<FsiDispatcher.Response> f : replies) {
                    FsiDispatcher.Response reply = f.get();
                    assertThat(reply.infcode()).as(reply.text()).isZero();
                    if (first == null) first = reply.text();
                    assertThat(reply.text()).isEqualTo(first);
                }
                assertThat(FsiJson.parse(first, "r").get("output").get("setl_id").asText()).matches("S[0-9]+");
            } finally {
                pool.shutdownNow();
            }
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isEqualTo(1); // one racer's
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM fsi_message WHERE msgid = ? AND reply IS NOT NULL",
                    Integer.class, msgid)).isEqualTo(1);
            // later: the stored reply, byte for byte
            FsiDispatcher.Response again = d.handle(request(msgid, "{\"data\":{\"sleep_ms\":0}}"));
            assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo(replies.get(0).get().text());
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class)).isEqualTo(1);
            assertThat(new FsiMessages(db.jdbc).find("H1", msgid)).get().extracting(FsiMessages.Stored::infno).isEqualTo("9950");
        }
    }
}
