package org.openyibao.platform.fsi.fuzz;

import static org.openyibao.platform.fsi.fuzz.OddValues.pick;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a request's HTTP framing: method, path, version, content type, Accept, transfer coding,
 * Content-Length, oversized and malformed headers, the interface's credentials, multipart bodies and Expect.
 */
final class HttpMutator {
    private final Random rnd;

    HttpMutator(Random rnd) {
        this.rnd = rnd;
    }

    /** One or two framing mutations. */
    void mutate(FuzzRequest r) {
        int n = 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) one(r);
    }

    private void one(FuzzRequest r) {
        switch (rnd.nextInt(13)) {
            case 0 -> method(r);
            case 1 -> {
                r.version = pick(rnd, OddValues.VERSIONS);
                r.did("version " + Mutator.cut(r.version));
            }
            case 2 -> contentType(r);
            case 3 -> {
                String accept = pick(rnd, OddValues.ACCEPTS);
                r.set("Accept", accept);
                r.did("accept " + accept);
            }
            case 4 -> transferCoding(r);
            case 5 -> {
                r.framing = FuzzRequest.Framing.NONE;
                String length = pick(rnd, OddValues.CONTENT_LENGTHS);
                r.set("Content-Length", length);
                r.did("content-length " + length);
            }
            case 6 -> r.target = path(r.target, r);
            case 7 -> oddHeader(r);
            case 8 -> credentials(r);
            case 9 -> multipart(r);
            case 10 -> {
                String expect = pick(rnd, List.of("100-continue", "200-ok", "100-continue, 100-continue"));
                r.set("Expect", expect);
                r.did("expect " + expect);
            }
            case 11 -> {
                r.set("Content-Encoding", pick(rnd, List.of("gzip", "br", "deflate", "x-unknown")));
                r.did("content-encoding " + r.get("Content-Encoding"));
            }
            default -> {
                r.header(pick(rnd, List.of("Host", "Content-Type", "Content-Length", "Transfer-Encoding")), "x");
                r.did("second " + r.headers.get(r.headers.size() - 1)[0]);
            }
        }
    }

    private void method(FuzzRequest r) {
        r.method = pick(rnd, OddValues.METHODS);
        if (r.method.equals("CONNECT") && rnd.nextBoolean()) r.target = "127.0.0.1:443";
        r.did("method " + Mutator.cut(r.method) + (r.method.equals("CONNECT") ? " " + r.target : ""));
    }

    private void contentType(FuzzRequest r) {
        if (rnd.nextInt(5) == 0) {
            r.remove("Content-Type");
            r.did("no content type");
            return;
        }
        String type = pick(rnd, OddValues.CONTENT_TYPES);
        r.set("Content-Type", type);
        r.did("content type " + Mutator.cut(type));
    }

    private void transferCoding(FuzzRequest r) {
        String coding = pick(rnd, OddValues.TRANSFER_CODINGS);
        r.set("Transfer-Encoding", coding);
        boolean chunked = coding.toLowerCase().endsWith("chunked");
        r.framing = chunked ? FuzzRequest.Framing.CHUNKED : rnd.nextBoolean() ? FuzzRequest.Framing.LENGTH : FuzzRequest.Framing.NONE;
        r.did("transfer-encoding " + coding + " framed " + r.framing);
    }

    /** A path as no client sends it: dot segments, %00, encoded slashes, doubled slashes, case, parameters, length. */
    String path(String target, FuzzRequest r) {
        String p = target;
        String q = "";
        int qi = target.indexOf('?');
        if (qi >= 0) {
            p = target.substring(0, qi);
            q = target.substring(qi);
        }
        int last = p.lastIndexOf('/');
        String head = p.substring(0, Math.max(0, last));
        String tail = p.substring(last + 1);
        String odd = switch (rnd.nextInt(20)) {
            case 0 -> p + "%00";
            case 1 -> head + "/..%2f" + tail;
            case 2 -> head + "/./" + tail;
            case 3 -> head + "/../" + tail;
            case 4 -> p.replace("/", "//");
            case 5 -> p.toUpperCase();
            case 6 -> p + ";jsessionid=x";
            case 7 -> p + "?" + pick(rnd, List.of("a=%ZZ", "x=" + "y".repeat(9000), "infno=2207&infno=9001", "=&&=", "%00=%00"));
            case 8 -> p + "/";
            case 9 -> p + "/" + pick(rnd, List.of("9999", "2207", "%E4%B8%AD", "..", "%2e%2e", "1e999999999"));
            case 10 -> head + "/%2e%2e/" + tail;
            case 11 -> p.replace('/', '\\');
            case 12 -> head + "/中文/" + tail;
            case 13 -> pick(rnd, List.of("*", "", "http://127.0.0.1:1" + p, "//127.0.0.1" + p, "127.0.0.1:80"));
            case 14 -> p + "/" + "a".repeat(pick(rnd, List.of(300, 9000, 70_000)));
            case 15 -> pick(rnd, List.of("/fsi", "/ebus/", "/mbs/x", "/fsi/../api/ledger/check", "/ebus/%2e%2e/api/persons"));
            case 16 -> head + "/%" + tail;
            case 17 -> head + "/" + tail + "%2F..%2F..%2Fapi";
            case 18 -> p + "#frag";
            default -> p.replace("/", "/%2F");
        };
        r.did("path " + Mutator.cut(odd));
        return odd + (rnd.nextBoolean() ? q : "");
    }

    private void oddHeader(FuzzRequest r) {
        switch (rnd.nextInt(7)) {
            case 0 -> r.header("X-Big", "a".repeat(pick(rnd, List.of(7000, 9000, 70_000))));
            case 1 -> {
                for (int i = 0; i < pick(rnd, List.of(120, 1000)); i++) r.header("X-Many-" + i, "v");
            }
            case 2 -> r.header("X-Bytes", OddValues.randomText(rnd, 20).replace("\r", "").replace("\n", ""));
            case 3 -> r.header("X-Folded", "a\r\n  folded");
            case 4 -> r.header("NoColon\r\nX-Next", "v");
            case 5 -> r.header("Bad Name", "v");
            default -> r.header("X-Utf8", "中文值\u0000");
        }
        r.did("header " + r.headers.get(r.headers.size() - 1)[0].split("\r")[0]);
    }

    /** The interface's credentials and the REST API's Basic header, removed or made odd. */
    private void credentials(FuzzRequest r) {
        String name = pick(rnd, List.of("x-tif-paasid", "x-tif-timestamp", "x-tif-nonce", "x-tif-signature", "Authorization", "apikey"));
        String value = pick(rnd, List.of("", "0", "-1", "99999999999999999999", "1e10", "abc", "Bearer " + "x".repeat(500),
                "Basic !!!", "Basic " + "QQ==".repeat(3000), "Bearer", "Digest x", "中文", "1700000000000"));
        if (rnd.nextBoolean()) {
            r.remove(name);
            r.did("no " + name);
        } else {
            r.set(name, value);
            r.did(name + "=" + Mutator.cut(value));
        }
    }

    /** The body as multipart/form-data: the envelope in jsonStr (the official demo's 9101), or a broken form. */
    private void multipart(FuzzRequest r) {
        String boundary = pick(rnd, List.of("XyZ", "a".repeat(80), "--", "中"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + pick(rnd, List.of("jsonStr", "jsonStr", "other", "")) + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(r.body);
        if (rnd.nextBoolean()) {
            b.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + pick(rnd, List.of("file", "in"))
                    + "\"; filename=\"a.zip\"\r\nContent-Type: application/zip\r\n\r\nPK\u0003\u0004").getBytes(StandardCharsets.UTF_8));
        }
        boolean broken = rnd.nextInt(3) == 0;
        b.writeBytes(("\r\n--" + boundary + (broken ? "" : "--\r\n")).getBytes(StandardCharsets.UTF_8));
        r.body = b.toByteArray();
        r.set("Content-Type", "multipart/form-data; boundary=" + boundary);
        r.did("multipart boundary " + Mutator.cut(boundary) + (broken ? " broken" : ""));
    }
}
