package org.openyibao.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One terminal of one institution: signed in once (9001), then sending envelopes over its terminal's connection,
 * each with fresh x-tif headers (SHA-256 of timestamp + secret + nonce + timestamp) and its own msgid. A call's
 * latency runs from the moment it was meant to be sent (for the first call of an open-loop flow, the flow's scheduled
 * start) to its reply. An error is an HTTP status other than 200, an infcode other than 0, an I/O failure or an
 * unreadable reply: it is counted and the call answers null.
 */
final class FsiSession {
    static final String PATH = "/fsi/api/rsfComIfsService/callService";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final AtomicLong MSG = new AtomicLong();

    final LoadOptions.Client client;
    final int terminal;
    private final FsiHttp http;
    private final LoadStats stats;
    private String signNo;
    private long nonce;
    /** Calls started after this (nanoTime) are not sent: the run is over. */
    volatile long sendUntil = Long.MAX_VALUE;

    FsiSession(LoadOptions.Client client, int terminal, FsiHttp http, LoadStats stats) {
        this.client = client;
        this.terminal = terminal;
        this.http = http;
        this.stats = stats;
    }

    /** 9001; false after recording an error. */
    boolean signIn() {
        Object r = call("9001", "{\"signIn\":{\"opter_no\":\"" + String.format("%04d", terminal + 1) + "\",\"mac\":\"00-16-EA-AE-3C-"
                + String.format("%02X", terminal % 256) + "\",\"ip\":\"127.0.0." + (terminal % 250 + 2) + "\"}}", System.nanoTime());
        if (r == null) return false;
        signNo = MiniJson.text(r, "output", "signinoutb", "sign_no");
        return true;
    }

    boolean signNoMissing() {
        return signNo == null;
    }

    void closeConnection() {
        http.close();
    }

    static long nextSerial() {
        return MSG.incrementAndGet();
    }

    /** Sends one transaction meant to leave at {@code intended} (nanoTime); the parsed reply, or null after an error. */
    Object call(String infno, String input, long intended) {
        if (System.nanoTime() > sendUntil) return null; // the run is over: abandon the flow
        byte[] body = envelope(infno, input).getBytes(StandardCharsets.UTF_8);
        FsiHttp.Reply r;
        try {
            r = http.post(PATH, headers(), body);
        } catch (IOException | InterruptedException e) {
            stats.error(infno, infno + " I/O: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return null;
        }
        long done = System.nanoTime();
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (r.status() != 200) {
            stats.error(infno, infno + " HTTP " + r.status() + ": " + abbreviate(text));
            return null;
        }
        Object reply;
        try {
            reply = MiniJson.parse(text);
        } catch (RuntimeException e) {
            stats.error(infno, infno + " unreadable reply: " + abbreviate(text));
            return null;
        }
        Object code = MiniJson.at(reply, "infcode");
        if (!(code instanceof BigDecimal c) || c.signum() != 0) {
            stats.error(infno, infno + " infcode " + code + ": " + MiniJson.text(reply, "err_msg"));
            return null;
        }
        stats.latency(infno, intended, done);
        return reply;
    }

    private String envelope(String infno, String input) {
        LocalDateTime now = LocalDateTime.now();
        String msgid = client.code() + now.format(MSGID_TIME) + String.format("%08d", nextSerial() % 100_000_000);
        return "{\"infno\":\"" + infno + "\",\"msgid\":\"" + msgid + "\",\"mdtrtarea_admvs\":\"440800\",\"insuplc_admdvs\":\"440800\","
                + "\"recer_sys_code\":\"FSI_LOCAL\",\"dev_no\":\"\",\"dev_safe_info\":\"\",\"cainfo\":\"\",\"signtype\":\"\",\"infver\":\"V1.0\","
                + "\"opter_type\":\"1\",\"opter\":\"" + String.format("%04d", terminal + 1) + "\",\"opter_name\":\"收费员" + terminal
                + "\",\"inf_time\":\"" + now.format(TIME) + "\",\"fixmedins_code\":\"" + client.code() + "\",\"fixmedins_name\":\"load benchmark\","
                + "\"sign_no\":" + MiniJson.quote(signNo == null ? "" : signNo) + ",\"input\":" + input + "}";
    }

    private Map<String, String> headers() {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        // unique for the paasid: never repeated, not even by a second run inside the server's nonce window
        String n = Long.toHexString(ThreadLocalRandom.current().nextLong()) + Integer.toHexString(terminal) + Long.toHexString(++nonce);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json;charset=utf-8");
        h.put("x-tif-paasid", client.paasid());
        h.put("x-tif-timestamp", ts);
        h.put("x-tif-nonce", n);
        h.put("x-tif-signature", sha256Hex(ts + client.secret() + n + ts));
        return h;
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
