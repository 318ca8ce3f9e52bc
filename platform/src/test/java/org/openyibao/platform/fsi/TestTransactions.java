package org.openyibao.platform.fsi;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.web.ApiException;

/**
 * Dummy transactions for the transport's tests (numbers 99xx, which the real interface does not use):
 * 9901 echo (exempt from sign-in in the tests), 9902 a counted business transaction that writes a row,
 * 9903 a dry run (rollback-only), 9904 a binary download, 9905 shared-service refusals, 9906 a bug, 9907 an upload.
 */
public class TestTransactions implements FsiTransaction {
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public TestTransactions(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    static int runs(String msgid) {
        AtomicInteger n = RUNS.get(msgid);
        return n == null ? 0 : n.get();
    }

    @Override
    public String infno() {
        return "9901";
    }

    @Override
    public List<String> infnos() {
        return List.of("9901", "9902", "9903", "9904", "9905", "9906", "9907");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        RUNS.computeIfAbsent(call.msgid(), k -> new AtomicInteger()).incrementAndGet();
        ObjectNode out = FsiJson.MAPPER.createObjectNode();
        switch (call.infno()) {
            case "9901" -> {
                out.put("infno", call.infno());
                out.put("fixmedins_code", call.fixmedinsCode());
                out.put("opter_name", call.opterName());
                out.put("encrypted_reply", call.encryptedReply());
                out.set("input", call.input());
            }
            case "9902" -> {
                FsiFields d = call.data();
                long sleep = d.optInteger("sleep_ms") == null ? 0 : d.optInteger("sleep_ms");
                jdbc.update("INSERT INTO fsi_test_effect (msgid) VALUES (?)", call.msgid());
                if (sleep > 0) {
                    try {
                        Thread.sleep(sleep);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if ("yes".equals(d.optText("refuse"))) throw FsiException.business("refused as asked");
                out.putObject("setlinfo").put("medfee_sumamt", FsiFields.yuan(d.amount("medfee_sumamt")))
                        .put("sign_no", call.signNo());
            }
            case "9903" -> {
                jdbc.update("INSERT INTO fsi_test_effect (msgid) VALUES (?)", call.msgid());
                return tx.execute(s -> {
                    s.setRollbackOnly(); // as SettlementService.estimate does
                    ObjectNode o = FsiJson.MAPPER.createObjectNode();
                    o.put("estimate", FsiFields.yuan(12345));
                    return o;
                });
            }
            case "9904" -> {
                return BinaryNode.valueOf(new byte[] {'P', 'K', 3, 4, 0, 1});
            }
            case "9905" -> {
                String kind = call.fields().text("kind");
                if (kind.equals("bad")) throw ApiException.badRequest("psn_no", "psn_no: not valid");
                throw ApiException.notFound("psn_no", "psn_no: no such person");
            }
            case "9906" -> throw new IllegalStateException("a bug with a secret 440802199001011234 in its message");
            case "9907" -> out.put("size", call.fields().object("fsUploadIn").bytes("in").length);
            default -> throw new IllegalStateException(call.infno());
        }
        return out;
    }
}
