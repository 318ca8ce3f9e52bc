package org.openyibao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.fsi.crypto.GmCrypto;

/**
 * {@code yibao call INFNO [JSON]}: sends one transaction of the national interface the way a hospital's system does
 * (envelope, msgid, x-tif signature, sign_no from the last 9001) and prints the reply. See docs/fsi.md.
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send one national-interface transaction signed with an institution's credentials and print the reply.",
                "INFNO is the transaction number (9001 sign-in, 1101, 2207, ...); JSON is its input object, from the argument,"
                        + " or from standard input when omitted or '-'. 9001 and 9002 build their own input when none is given.",
                "Credentials come from the options, the environment (YIBAO_URL, YIBAO_INSTITUTION, YIBAO_PAASID, YIBAO_SECRET)"
                        + " or a file (--config, or ~/.yibao/call.yaml; YIBAO_HOME moves ~/.yibao): url, institution,"
                        + " institution_name, paasid, secret, admdvs, opter, opter_name, client_id.",
                "Exit code: 0 for infcode 0, 3 for a refusal (infcode -1/-2, reply printed), 2 for a mistake here or no server."})
public final class CallCommand implements Callable<Integer> {
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Parameters(index = "0", paramLabel = "INFNO", description = "transaction number, e.g. 9001, 1101, 2207")
    String infno;

    @Parameters(index = "1", arity = "0..1", paramLabel = "JSON", description = "the input object; '-' or omitted: standard input")
    String json;

    @Option(names = "--url", paramLabel = "URL", description = "server, default http://localhost:8080 (the local demo)")
    String url;

    @Option(names = "--path", paramLabel = "PATH", description = "endpoint, default /fsi/api/rsfComIfsService/callService")
    String path;

    @Option(names = "--institution", paramLabel = "CODE", description = "fixmedins_code of the institution")
    String institution;

    @Option(names = "--institution-name", paramLabel = "NAME", description = "fixmedins_name (default: the code)")
    String institutionName;

    @Option(names = "--paasid", paramLabel = "ID", description = "x-tif-paasid issued with the credentials")
    String paasid;

    @Option(names = "--secret", paramLabel = "SECRET", description = "the secret issued with the paasid (prefer YIBAO_SECRET or"
            + " --config: a command line is visible to other users)")
    String secret;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML or .properties with the settings above")
    Path config;

    @Option(names = "--admdvs", paramLabel = "CODE", description = "mdtrtarea_admvs, the region of treatment (6 digits)")
    String admdvs;

    @Option(names = "--insuplc-admdvs", paramLabel = "CODE", description = "insuplc_admdvs, the person's insurance region"
            + " (default: --admdvs)")
    String insuplcAdmdvs;

    @Option(names = "--opter", paramLabel = "CODE", description = "operator code (default 0001)")
    String opter;

    @Option(names = "--opter-name", paramLabel = "NAME", description = "operator name (default: yibao call)")
    String opterName;

    @Option(names = "--sign-no", paramLabel = "NO", description = "sign_no (default: from the last successful 9001, kept in"
            + " ~/.yibao/sign-in.json)")
    String signNo;

    @Option(names = "--msgid", paramLabel = "ID", description = "msgid to send (default: a new one); repeat one to see"
            + " idempotency")
    String msgid;

    @Option(names = "--encrypt", description = "SM4-encrypt input with the client_id as key, and decrypt the reply")
    boolean encrypt;

    @Option(names = "--client-id", paramLabel = "ID", description = "client_id (16 characters), the SM4 key for --encrypt")
    String clientId;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write a binary reply (9102 download)")
    Path out;

    @Option(names = "--raw", description = "print the reply exactly as received")
    boolean raw;

    @Option(names = "--verbose", description = "also print the envelope sent (without the headers) on standard error")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Settings s = settings();
        ObjectNode input = input(s);
        String sign = signNo != null ? signNo : "9001".equals(infno) ? "" : cachedSignNo(s);

        ObjectNode env = FsiJson.MAPPER.createObjectNode();
        LocalDateTime now = LocalDateTime.now();
        env.put("infno", infno);
        env.put("msgid", msgid != null ? msgid : s.institution + MSGID_TIME.format(now) + (1000 + RANDOM.nextInt(9000)));
        env.put("mdtrtarea_admvs", s.admdvs);
        env.put("insuplc_admdvs", s.insuplcAdmdvs);
        env.put("recer_sys_code", "yibao");
        env.put("dev_no", "");
        env.put("dev_safe_info", "");
        env.put("cainfo", "");
        env.put("signtype", "");
        env.put("infver", "V1.0");
        env.put("opter_type", "1");
        env.put("opter", s.opter);
        env.put("opter_name", s.opterName);
        env.put("inf_time", INF_TIME.format(now));
        env.put("fixmedins_code", s.institution);
        env.put("fixmedins_name", s.institutionName);
        env.put("sign_no", sign == null ? "" : sign);
        byte[] key = null;
        if (encrypt) {
            if (s.clientId == null) throw new UserError("--encrypt: give --client-id (or client_id in the config file)");
            key = s.clientId.getBytes(StandardCharsets.UTF_8);
            if (key.length != 16) throw new UserError("--client-id: the SM4 key must be 16 bytes, got " + key.length);
            env.put("enc_type", "SM4");
            env.put("input", GmCrypto.sm4EncryptBase64(key, FsiJson.write(input)));
        } else {
            env.set("input", input);
        }
        if (verbose) System.err.println(FsiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(env));

        HttpResponse<byte[]> r = send(s, FsiJson.write(env));
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/octet-stream")) {
            if (out == null) throw new UserError("the reply is a file of " + r.body().length + " bytes: give --out FILE to save it");
            try {
                Files.write(out, r.body());
            } catch (IOException e) {
                throw new UserError("--out: cannot write " + out + ": " + oneLine(String.valueOf(e.getMessage())));
            }
            System.err.println("saved " + r.body().length + " bytes to " + out);
            return 0;
        }
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() != 200) {
            throw new UserError("HTTP " + r.statusCode() + " from " + s.url + s.path + (r.statusCode() == 404 ? " (is --path right?)" : "")
                    + ": " + oneLine(text));
        }
        JsonNode reply;
        try {
            reply = FsiJson.parse(text, "reply");
        } catch (FsiException e) {
            throw new UserError("the server's reply is not JSON: " + oneLine(text));
        }
        if (raw) {
            System.out.println(text);
        } else {
            if (key != null && reply.path("output").isTextual() && reply instanceof ObjectNode o) {
                try {
                    o.set("output", FsiJson.parse(GmCrypto.sm4DecryptBase64(key, reply.get("output").asText()), "output"));
                } catch (RuntimeException e) {
                    System.err.println("warning: could not decrypt output with --client-id");
                }
            }
            System.out.println(FsiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(reply));
        }
        int infcode = reply.path("infcode").asInt(-1);
        if (infcode != 0) {
            System.err.println("infcode " + reply.path("infcode").asText() + ": " + reply.path("err_msg").asText(""));
            return 3;
        }
        remember(s, reply);
        return 0;
    }

    // ------------------------------------------------------------------------------------------ input

    private ObjectNode input(Settings s) throws IOException {
        String text = json;
        if (text == null && System.console() != null) {
            // at a terminal: no waiting for typed input
            if (!"9001".equals(infno) && !"9002".equals(infno)) {
                throw new UserError("JSON: give the input object as an argument, e.g. '{\"data\": {...}}', or pipe it in");
            }
            text = "";
        }
        if (text == null || text.equals("-")) text = readStdin();
        if (text.isBlank()) {
            ObjectNode in = FsiJson.MAPPER.createObjectNode();
            if ("9001".equals(infno)) {
                in.putObject("signIn").put("opter_no", s.opter).put("mac", "").put("ip", "");
            } else if ("9002".equals(infno)) {
                String no = signNo != null ? signNo : cachedSignNo(s);
                if (no == null) throw new UserError("9002: no sign_no: give --sign-no or sign in first (yibao call 9001)");
                in.putObject("signOut").put("sign_no", no).put("opter_no", s.opter);
            }
            return in;
        }
        JsonNode n;
        try {
            n = FsiJson.parse(text, "JSON");
        } catch (FsiException e) {
            throw new UserError(e.errMsg());
        }
        if (!n.isObject()) throw new UserError("JSON: the input must be an object such as {\"data\": {...}}");
        return (ObjectNode) n;
    }

    private static String readStdin() throws IOException {
        InputStream in = System.in;
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------------ settings

    private static final class Settings {
        String url, path, institution, institutionName, paasid, secret, admdvs, insuplcAdmdvs, opter, opterName, clientId;
    }

    private Settings settings() throws IOException {
        Map<String, String> file = configFile();
        Settings s = new Settings();
        s.url = pick(url, "YIBAO_URL", file, "url", "http://localhost:8080").replaceAll("/+$", "");
        s.path = pick(path, null, file, "path", "/fsi/api/rsfComIfsService/callService");
        if (!s.path.startsWith("/")) s.path = "/" + s.path;
        s.institution = pick(institution, "YIBAO_INSTITUTION", file, "institution", pick(null, null, file, "fixmedins_code", null));
        s.institutionName = pick(institutionName, null, file, "institution_name", s.institution);
        s.paasid = pick(paasid, "YIBAO_PAASID", file, "paasid", null);
        s.secret = pick(secret, "YIBAO_SECRET", file, "secret", null);
        s.admdvs = pick(admdvs, "YIBAO_ADMDVS", file, "admdvs", "");
        s.insuplcAdmdvs = pick(insuplcAdmdvs, null, file, "insuplc_admdvs", s.admdvs);
        s.opter = pick(opter, null, file, "opter", "0001");
        s.opterName = pick(opterName, null, file, "opter_name", "yibao call");
        s.clientId = pick(clientId, "YIBAO_CLIENT_ID", file, "client_id", null);
        if (!s.url.startsWith("http://") && !s.url.startsWith("https://")) {
            throw new UserError("--url: must start with http:// or https://, got " + s.url);
        }
        if (infno == null || !infno.matches("[0-9A-Za-z]{1,10}")) throw new UserError("INFNO: a transaction number such as 2207");
        if (s.institution == null) {
            throw new UserError("--institution: required (the fixmedins_code; or YIBAO_INSTITUTION, or institution: in --config)");
        }
        if (s.paasid == null || s.secret == null) {
            throw new UserError("--paasid and --secret: required, the institution's interface credentials (or YIBAO_PAASID and"
                    + " YIBAO_SECRET, or --config FILE); ./yibao demo prints the demo institution's");
        }
        return s;
    }

    private Map<String, String> configFile() throws IOException {
        Path f = config;
        if (f == null && System.getenv("YIBAO_CALL_CONFIG") != null) f = Paths.get(System.getenv("YIBAO_CALL_CONFIG"));
        if (f == null) {
            Path standard = home().resolve("call.yaml");
            if (!Files.isRegularFile(standard)) return Map.of();
            f = standard;
        }
        if (!Files.isRegularFile(f)) throw new UserError("--config: " + f + " not found");
        Map<String, String> m = new java.util.HashMap<>();
        if (f.toString().endsWith(".properties")) {
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new UserError("--config: cannot read " + f + ": " + oneLine(e.getMessage()));
            }
            p.stringPropertyNames().forEach(k -> m.put(k.trim(), p.getProperty(k).trim()));
            return m;
        }
        JsonNode n;
        try {
            n = new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
        } catch (IOException e) {
            throw new UserError("--config: " + f + " is not YAML: " + oneLine(e.getMessage()));
        }
        if (n == null || n.isMissingNode() || n.isNull()) return m;
        if (!n.isObject()) throw new UserError("--config: " + f + " must be a map of settings (url:, institution:, ...)");
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isValueNode()) m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    private static String pick(String option, String env, Map<String, String> file, String key, String dflt) {
        if (option != null && !option.isBlank()) return option.trim();
        if (env != null && System.getenv(env) != null && !System.getenv(env).isBlank()) return System.getenv(env).trim();
        String v = file.get(key);
        return v != null && !v.isBlank() ? v.trim() : dflt;
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private HttpResponse<byte[]> send(Settings s, String body) throws InterruptedException {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = UUID.randomUUID().toString().replace("-", "");
        URI uri;
        try {
            uri = URI.create(s.url + s.path);
        } catch (IllegalArgumentException e) {
            throw new UserError((path != null ? "--path" : "--url") + ": not a URL: " + s.url + s.path);
        }
        if (s.paasid.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new UserError("--paasid: contains a control character (it is sent as the x-tif-paasid header)");
        }
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json;charset=utf-8")
                .header("x-tif-paasid", s.paasid)
                .header("x-tif-timestamp", ts)
                .header("x-tif-nonce", nonce)
                .header("x-tif-signature", GmCrypto.xTifSignature(ts, s.secret, nonce))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new UserError("cannot connect to " + s.url + ": timed out after 10 s");
        } catch (HttpTimeoutException e) {
            throw new UserError("no reply from " + s.url + " within 60 s");
        } catch (ConnectException e) {
            for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                    throw new UserError("cannot connect to " + s.url + ": unknown host");
                }
            }
            throw new UserError("cannot connect to " + s.url + ": connection refused (is the server running? ./yibao demo starts one)");
        } catch (IOException e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            if (c instanceof UnresolvedAddressException || c instanceof java.net.UnknownHostException) {
                throw new UserError("cannot connect to " + s.url + ": unknown host");
            }
            throw new UserError("cannot talk to " + s.url + ": " + oneLine(String.valueOf(e.getMessage())));
        } catch (UnresolvedAddressException e) {
            throw new UserError("cannot connect to " + s.url + ": unknown host");
        }
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    // ------------------------------------------------------------------------------------------ sign-in cache

    /** ~/.yibao, or YIBAO_HOME. */
    private static Path home() {
        String h = System.getenv("YIBAO_HOME");
        return h != null && !h.isBlank() ? Paths.get(h) : Paths.get(System.getProperty("user.home"), ".yibao");
    }

    private static Path cacheFile() {
        return home().resolve("sign-in.json");
    }

    private static String cacheKey(Settings s) {
        return s.url + "|" + s.institution;
    }

    private static ObjectNode cache() {
        try {
            Path f = cacheFile();
            if (Files.isRegularFile(f)) {
                JsonNode n = FsiJson.MAPPER.readTree(f.toFile());
                if (n instanceof ObjectNode o) return o;
            }
        } catch (IOException | RuntimeException e) {
            // a damaged cache is forgotten
        }
        return FsiJson.MAPPER.createObjectNode();
    }

    private static String cachedSignNo(Settings s) {
        JsonNode n = cache().path(cacheKey(s)).path("sign_no");
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    private void remember(Settings s, JsonNode reply) {
        ObjectNode c = cache();
        if ("9001".equals(infno) && reply.path("output").path("signinoutb").path("sign_no").isTextual()) {
            ObjectNode e = c.putObject(cacheKey(s));
            e.put("sign_no", reply.path("output").path("signinoutb").path("sign_no").asText());
            e.put("sign_time", reply.path("output").path("signinoutb").path("sign_time").asText());
        } else if ("9002".equals(infno)) {
            c.remove(cacheKey(s));
        } else {
            return;
        }
        try {
            Path f = cacheFile();
            Files.createDirectories(f.getParent());
            Files.writeString(f, FsiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(c), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("warning: could not keep the sign_no in " + cacheFile() + ": " + e.getMessage());
        }
    }
}
