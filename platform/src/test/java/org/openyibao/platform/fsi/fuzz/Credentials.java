package org.openyibao.platform.fsi.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.fsi.crypto.GmCrypto;

/** How a fuzz case proves who sends it: the interface's x-tif, bearer or apikey, or a staff account's Basic header. */
final class Credentials {
    private Credentials() {}

    /** A bearer token for the hospital from the OAuth endpoint (the Jilin style). */
    static String token(int port) {
        String form = "grant_type=password&username=" + FuzzServer.USERNAME + "&password=" + FuzzServer.HOSPITAL_PASSWORD + "&scope=fsi";
        FuzzRequest r = new FuzzRequest("/auth/oauth/token").body(form);
        r.header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic(FuzzServer.CLIENT_ID,
                FuzzServer.CLIENT_SECRET));
        RawHttp.Reply reply = RawHttp.exchange(port, r.bytes(), FuzzRun.TIMEOUT_MS);
        if (reply.status() != 200) throw new IllegalStateException("token: " + reply.head() + " " + reply.text());
        return FsiJson.parse(reply.text(), "token").get("access_token").asText();
    }

    /** Mostly x-tif headers signed now (a nonce from the case's random source); now and then bearer, apikey or nothing. */
    static void authenticate(Random rnd, FuzzRequest r, String token) {
        switch (rnd.nextInt(20)) {
            case 0 -> r.header("apikey", FuzzServer.APIKEY);
            case 1 -> r.header("Authorization", "Bearer " + token);
            case 2 -> r.did("no credentials");
            default -> {
                String ts = Long.toString(System.currentTimeMillis() / 1000);
                String nonce = Long.toHexString(rnd.nextLong()) + Long.toHexString(rnd.nextLong());
                r.header("x-tif-paasid", FuzzServer.PAASID).header("x-tif-timestamp", ts).header("x-tif-nonce", nonce)
                        .header("x-tif-signature", GmCrypto.xTifSignature(ts, FuzzServer.SECRET, nonce));
            }
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A staff member signed in: agency mostly, the auditor and monitor, nobody, a wrong password, a broken header. */
    static void staff(Random rnd, FuzzRequest r) {
        int k = rnd.nextInt(20);
        String role = k < 12 ? "agency" : k < 15 ? "auditor" : k < 16 ? "monitor" : null;
        if (role != null) {
            r.staffSignIn = basic(role, FuzzServer.PASSWORD);
            r.header("Authorization", r.staffSignIn);
        } else if (k == 16) {
            r.header("Authorization", basic("agency", "wrong"));
        } else if (k == 17) {
            r.header("Authorization", OddValues.pick(rnd, List.of("Basic", "Basic !!!", "Bearer x", "Basic " + "QQ==".repeat(2000),
                    "Basic " + Base64.getEncoder().encodeToString("中文:\u0000".getBytes(StandardCharsets.UTF_8)))));
        }
        r.did("as " + (role == null ? "k" + k : role));
    }
}
