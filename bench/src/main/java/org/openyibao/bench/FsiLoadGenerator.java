package org.openyibao.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for the national interface (issue 4, "Performance"): N virtual hospital clients (threads) on
 * loopback, each signed in once (9001) and then running full visits, every visit for the next person of a list of
 * thousands (so one person's serialization never dominates):
 * <ul>
 *   <li>outpatient 2201 → 2203 → 2204 (10-20 fee lines from the Zhanjiang catalogue, some above a price limit, some
 *   outside the catalogue) → 2206 → 2207 with the four amounts copied from 2206;</li>
 *   <li>inpatient 2401 → 2301 (10-20 lines: bed days, ICU, CT, drugs, now and then a stent) → 2402 → 2303 → 2304.</li>
 * </ul>
 * Every request carries fresh x-tif headers (SHA-256 of timestamp + secret + nonce + timestamp) and a new msgid.
 * An error is any HTTP status other than 200, any infcode other than 0, an I/O failure, or a 2207/2304 whose
 * amounts disagree with its pre-settlement or break the 2207 identities; the flow is then abandoned.
 *
 * <p>It runs a warm-up (not measured), then a measured window, then stops by itself (every loop is bounded by the
 * deadline and by {@code --max-settlements}). It reports settlements/s (2207 + 2304 completed in the window),
 * transactions/s, latency p50/p95/p99/max for 2207, 2304 and all calls (and per transaction), errors, and writes a
 * JSON summary. Only loopback URLs are accepted.
 *
 * <pre>
 * java -cp bench/target/classes org.openyibao.bench.FsiLoadGenerator --url http://127.0.0.1:18080 \
 *      --clients clients.txt --persons persons.csv --threads 16 --warmup 15 --duration 60 --json out.json
 * </pre>
 * {@code --clients FILE}: lines {@code fixmedins_code paasid secret} (or {@code --institution}, {@code --paasid},
 * {@code --secret} for one); threads are spread over the institutions. {@code --persons FILE}: lines
 * {@code psn_no[,cert_no[,insutype]]} (a header line starting with psn_no is skipped).
 */
public final class FsiLoadGenerator {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    static final String PATH = "/fsi/api/rsfComIfsService/callService";

    record Client(String code, String paasid, String secret) {}

    record Psn(String psnNo, String certNo, String insutype) {}

    /** A catalogue item as a hospital bills it: code, unit price (yuan), quantity range. */
    record Item(String code, String name, String price, int minCnt, int maxCnt) {}

    // policies/zhanjiang/catalogue.csv codes; unit prices as hospitals charge them (XB03 above its 12.00 limit,
    // F003 above its 8,000 limit); codes outside the catalogue (national service codes) are fully self-paid
    static final Item[] OUTPATIENT = {
            new Item("XA01", "阿莫西林胶囊", "12.50", 1, 3), new Item("XA02", "阿司匹林肠溶片", "15.80", 1, 2),
            new Item("XB01", "阿托伐他汀钙片", "28.60", 1, 2), new Item("XB02", "氯吡格雷片", "45.30", 1, 2),
            new Item("XB03", "注射用头孢曲松", "15.00", 1, 4), new Item("XC01", "进口营养液", "120.00", 1, 1),
            new Item("F005", "核酸检测", "40.00", 1, 1), new Item("F002", "CT平扫", "180.00", 1, 1),
            new Item("110200001", "普通门诊诊查费", "10.00", 1, 1), new Item("120400002", "静脉注射", "8.50", 1, 3),
            new Item("250101001", "血常规", "20.00", 1, 1), new Item("250301001", "尿常规", "12.00", 1, 1)};
    static final Item[] INPATIENT = {
            new Item("F001", "普通床位费", "50.00", 3, 12), new Item("F006", "ICU监护", "600.00", 1, 3),
            new Item("F002", "CT平扫", "180.00", 1, 2), new Item("XB03", "注射用头孢曲松", "15.00", 4, 20),
            new Item("XA01", "阿莫西林胶囊", "12.50", 2, 6), new Item("F005", "核酸检测", "40.00", 1, 2),
            new Item("F004", "单人病房", "150.00", 1, 6), new Item("XB01", "阿托伐他汀钙片", "28.60", 1, 4),
            new Item("XB02", "氯吡格雷片", "45.30", 1, 4), new Item("XA02", "阿司匹林肠溶片", "15.80", 1, 3),
            new Item("XC01", "进口营养液", "120.00", 1, 5), new Item("220600001", "护理费", "30.00", 3, 12),
            new Item("250101001", "血常规", "20.00", 1, 4), new Item("310701001", "心电图", "25.00", 1, 3)};
    static final Item STENT = new Item("F003", "心脏介入支架", "8650.00", 1, 1);
    static final String[][] OUTPATIENT_DX = {{"J06.900", "急性上呼吸道感染"}, {"I10.x00", "高血压"}, {"K29.700", "胃炎"},
            {"M54.500", "腰痛"}, {"E11.900", "2型糖尿病"}};
    static final String[][] INPATIENT_DX = {{"I21.900", "急性心肌梗死"}, {"J18.900", "肺炎"}, {"I63.900", "脑梗死"},
            {"K35.800", "急性阑尾炎"}, {"S72.000", "股骨颈骨折"}};

    // ------------------------------------------------------------------------------------------ options

    String url = "http://127.0.0.1:8080";
    final List<Client> clients = new ArrayList<>();
    List<Psn> persons = new ArrayList<>();
    int threads = 16;
    int warmupSeconds = 15;
    int durationSeconds = 60;
    long maxSettlements = 10_000_000;
    double inpatientShare = 0.3;
    long seed = 20261122L;
    Path json;
    boolean jdkHttp;
    String label = "";

    // ------------------------------------------------------------------------------------------ run state

    final AtomicInteger nextPerson = new AtomicInteger();
    final AtomicLong nextMsg = new AtomicLong();
    final AtomicLong settlementsStarted = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong warmupErrors = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    volatile long measureStart;
    volatile long measureEnd;
    volatile boolean stop;
    HttpClient jdk;
    String host;
    int port;

    public static void main(String[] args) throws Exception {
        FsiLoadGenerator g = new FsiLoadGenerator();
        g.parse(args);
        System.exit(g.run() ? 0 : 1);
    }

    static void requireLoopback(String url) throws IOException {
        String h = URI.create(url).getHost();
        if (h == null) throw new IllegalArgumentException("--url: no host in " + url);
        for (InetAddress a : InetAddress.getAllByName(h)) {
            if (!a.isLoopbackAddress()) throw new IllegalArgumentException("--url: " + h + " is not a loopback address; this tool only loads this machine");
        }
    }

    void parse(String[] a) throws IOException {
        String inst = null, paasid = null, secret = null;
        for (int i = 0; i < a.length; i++) {
            String k = a[i];
            if (k.equals("--jdk-http")) {
                jdkHttp = true;
                continue;
            }
            if (i + 1 >= a.length) throw new IllegalArgumentException(k + ": value missing");
            String v = a[++i];
            switch (k) {
                case "--url" -> url = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
                case "--clients" -> {
                    for (String line : Files.readAllLines(Paths.get(v))) {
                        String[] p = line.trim().split("\\s+");
                        if (p.length == 3 && !line.startsWith("#")) clients.add(new Client(p[0], p[1], p[2]));
                    }
                }
                case "--institution" -> inst = v;
                case "--paasid" -> paasid = v;
                case "--secret" -> secret = v;
                case "--persons" -> persons = readPersons(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--warmup" -> warmupSeconds = Integer.parseInt(v);
                case "--duration" -> durationSeconds = Integer.parseInt(v);
                case "--max-settlements" -> maxSettlements = Long.parseLong(v);
                case "--inpatient-share" -> inpatientShare = Double.parseDouble(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--json" -> json = Paths.get(v);
                case "--label" -> label = v;
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (inst != null || paasid != null || secret != null) {
            if (inst == null || paasid == null || secret == null) {
                throw new IllegalArgumentException("--institution, --paasid and --secret go together");
            }
            clients.add(new Client(inst, paasid, secret));
        }
        if (clients.isEmpty()) throw new IllegalArgumentException("no credentials: --clients FILE or --institution/--paasid/--secret");
        if (persons.size() < 2L * threads) throw new IllegalArgumentException("--persons: at least 2 × threads persons needed, got " + persons.size());
        if (threads < 1 || threads > 512) throw new IllegalArgumentException("--threads: 1 to 512");
        if (warmupSeconds < 0 || durationSeconds < 1 || durationSeconds > 3600 || warmupSeconds > 600) {
            throw new IllegalArgumentException("--warmup 0..600 and --duration 1..3600 seconds");
        }
        requireLoopback(url);
        URI u = URI.create(url);
        host = u.getHost();
        port = u.getPort() < 0 ? 80 : u.getPort();
    }

    static List<Psn> readPersons(String file) throws IOException {
        List<Psn> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(file))) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("psn_no")) continue;
            String[] p = l.split(",");
            out.add(new Psn(p[0].trim(), p.length > 1 && !p[1].isBlank() ? p[1].trim() : null,
                    p.length > 2 && !p[2].isBlank() ? p[2].trim() : "390"));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ the run

    boolean run() throws Exception {
        if (jdkHttp) {
            jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        }
        long start = System.nanoTime();
        measureStart = start + warmupSeconds * 1_000_000_000L;
        measureEnd = measureStart + durationSeconds * 1_000_000_000L;
        System.out.printf("%d clients on %s (%d institutions, %d persons, %.0f%% inpatient): %d s warm-up, %d s measured%n",
                threads, url, clients.size(), persons.size(), inpatientShare * 100, warmupSeconds, durationSeconds);
        Worker[] workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Worker(t, clients.get(t % clients.size()), new SplittableRandom(seed + t * 7919L));
            workers[t].setName("hospital-client-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
        // progress once every 5 s; the hard deadline bounds everything
        long hardEnd = measureEnd + 60_000_000_000L;
        long lastSettled = 0, lastAt = start;
        while (true) {
            boolean alive = false;
            for (Worker w : workers) {
                w.join(Math.max(1, Math.min(5000, (hardEnd - System.nanoTime()) / 1_000_000)));
                if (w.isAlive()) {
                    alive = true;
                    break;
                }
            }
            long now = System.nanoTime();
            long settled = 0;
            for (Worker w : workers) settled += w.settledAll;
            if (now - lastAt >= 4_500_000_000L) {
                System.out.printf("  t=%3.0f s  %s  settlements/s %.0f  errors %d%n", (now - start) / 1e9,
                        now < measureStart ? "warm-up " : now < measureEnd ? "measured" : "stopping",
                        (settled - lastSettled) / ((now - lastAt) / 1e9), errors.get() + warmupErrors.get());
                lastSettled = settled;
                lastAt = now;
            }
            if (!alive) break;
            if (now > hardEnd) {
                stop = true;
                System.err.println("hard deadline reached; abandoning clients still waiting");
                break;
            }
        }
        return report(workers, (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------------------------------ one client

    /** Latencies in microseconds, per transaction, of calls that completed inside the measured window. */
    static final class Lat {
        long[] v = new long[4096];
        int n;

        void add(long micros) {
            if (n == v.length) v = Arrays.copyOf(v, n * 2);
            v[n++] = micros;
        }
    }

    final class Worker extends Thread {
        final int id;
        final Client client;
        final SplittableRandom rnd;
        final Map<String, Lat> lat = new TreeMap<>();
        final Map<String, long[]> calls = new TreeMap<>();  // infno -> {ok in window, errors}
        volatile long settledAll;
        long settledInWindow;
        long flowsOk;
        String signNo;
        Raw raw;
        long nonce;

        Worker(int id, Client client, SplittableRandom rnd) {
            this.id = id;
            this.client = client;
            this.rnd = rnd;
        }

        @Override
        public void run() {
            try {
                Object r = call("9001", "{\"signIn\":{\"opter_no\":\"" + String.format("%04d", id + 1)
                        + "\",\"mac\":\"00-16-EA-AE-3C-" + String.format("%02X", id % 256) + "\",\"ip\":\"127.0.0." + (id % 250 + 2) + "\"}}");
                if (r == null) return;
                signNo = MiniJson.text(r, "output", "signinoutb", "sign_no");
                while (!stop && System.nanoTime() < measureEnd) {
                    if (settlementsStarted.incrementAndGet() > maxSettlements) break;
                    Psn p = persons.get(Math.floorMod(nextPerson.getAndIncrement(), persons.size()));
                    boolean ok = rnd.nextDouble() < inpatientShare ? inpatient(p) : outpatient(p);
                    if (ok) flowsOk++;
                }
            } catch (RuntimeException e) {
                error("client", "client crashed: " + e);
            } finally {
                if (raw != null) raw.close();
            }
        }

        boolean outpatient(Psn p) {
            LocalDateTime now = LocalDateTime.now().withNano(0);
            String begn = now.minusMinutes(20 + rnd.nextInt(60)).format(TIME);
            String cert = p.certNo();
            String[] dx = OUTPATIENT_DX[rnd.nextInt(OUTPATIENT_DX.length)];
            Object reg = call("2201", "{\"data\":{\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\"" + p.insutype() + "\",\"begntime\":\""
                    + begn + "\",\"mdtrt_cert_type\":\"" + (cert != null ? "02" : "03") + "\",\"mdtrt_cert_no\":" + MiniJson.quote(cert)
                    + ",\"ipt_otp_no\":\"OP" + id + "-" + nextMsg.get() + "\",\"atddr_no\":\"D0101\",\"dr_name\":\"李医生\",\"dept_code\":\"A03\","
                    + "\"dept_name\":\"内科门诊\",\"caty\":\"A03\"}}");
            if (reg == null) return false;
            String mdtrtId = MiniJson.text(reg, "output", "data", "mdtrt_id");
            if (call("2203", "{\"mdtrtinfo\":{\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + p.psnNo() + "\",\"med_type\":\"11\","
                    + "\"begntime\":\"" + begn + "\",\"main_cond_dscr\":\"\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1]
                    + "\",\"birctrl_type\":\"\",\"birctrl_matn_date\":\"\"},\"diseinfo\":[{\"diag_type\":\"1\",\"diag_srt_no\":\"1\","
                    + "\"diag_code\":\"" + dx[0] + "\",\"diag_name\":\"" + dx[1] + "\",\"diag_dept\":\"内科门诊\",\"dise_dor_no\":\"D0101\","
                    + "\"dise_dor_name\":\"李医生\",\"diag_time\":\"" + begn + "\",\"vali_flag\":\"1\"}]}") == null) return false;
            String batch = "B" + id + "-" + nextMsg.incrementAndGet();
            long[] total = new long[1];
            String fees = fees(OUTPATIENT, 10 + rnd.nextInt(11), mdtrtId, p.psnNo(), batch, now.minusMinutes(10), dx[0], total, false);
            if (call("2204", fees) == null) return false;
            String data = "\"psn_no\":\"" + p.psnNo() + "\",\"mdtrt_cert_type\":\"" + (cert != null ? "02" : "03") + "\",\"mdtrt_cert_no\":"
                    + MiniJson.quote(cert) + ",\"med_type\":\"11\",\"medfee_sumamt\":\"" + yuan(total[0]) + "\",\"psn_setlway\":\"01\","
                    + "\"mdtrt_id\":\"" + mdtrtId + "\",\"chrg_bchno\":\"" + batch + "\",\"acct_used_flag\":\""
                    + ("310".equals(p.insutype()) ? "1" : "0") + "\",\"insutype\":\"" + p.insutype() + "\"";
            return settle("2206", "2207", data);
        }

        boolean inpatient(Psn p) {
            LocalDateTime now = LocalDateTime.now().withNano(0);
            int days = 3 + rnd.nextInt(10);
            LocalDateTime begnAt = now.minusDays(days).withHour(8 + rnd.nextInt(10));
            String begn = begnAt.format(TIME);
            String cert = p.certNo();
            String[] dx = INPATIENT_DX[rnd.nextInt(INPATIENT_DX.length)];
            String ipt = "IP" + id + "-" + nextMsg.incrementAndGet();
            String disease = "{\"psn_no\":\"" + p.psnNo() + "\",\"diag_type\":\"1\",\"maindiag_flag\":\"1\",\"diag_srt_no\":\"1\",\"diag_code\":\""
                    + dx[0] + "\",\"diag_name\":\"" + dx[1] + "\",\"adm_cond\":\"\",\"diag_dept\":\"心内科\",\"dise_dor_no\":\"D0201\","
                    + "\"dise_dor_name\":\"张医生\",\"diag_time\":\"" + begn + "\"}";
            Object adm = call("2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\"" + p.insutype() + "\",\"coner_name\":\"\","
                    + "\"tel\":\"\",\"begntime\":\"" + begn + "\",\"mdtrt_cert_type\":\"" + (cert != null ? "02" : "03") + "\",\"mdtrt_cert_no\":"
                    + MiniJson.quote(cert) + ",\"med_type\":\"21\",\"ipt_no\":\"" + ipt + "\",\"medrcdno\":\"" + ipt + "\",\"atddr_no\":\"D0201\","
                    + "\"chfpdr_name\":\"张医生\",\"adm_diag_dscr\":\"" + dx[1] + "\",\"adm_dept_codg\":\"A03.01\",\"adm_dept_name\":\"心内科\","
                    + "\"adm_bed\":\"" + (1 + rnd.nextInt(60)) + "\",\"dscg_maindiag_code\":\"" + dx[0] + "\",\"dscg_maindiag_name\":\"" + dx[1]
                    + "\",\"main_cond_dscr\":\"\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1] + "\",\"oprn_oprt_code\":\"\","
                    + "\"oprn_oprt_name\":\"\",\"fpsc_no\":\"\",\"matn_type\":\"\",\"birctrl_type\":\"\",\"latechb_flag\":\"\",\"geso_val\":\"\","
                    + "\"fetts\":\"\",\"fetus_cnt\":\"\",\"pret_flag\":\"\",\"birctrl_matn_date\":\"\",\"dise_type_code\":\"\"},"
                    + "\"diseinfo\":[" + disease + "]}");
            if (adm == null) return false;
            String mdtrtId = MiniJson.text(adm, "output", "result", "mdtrt_id");
            long[] total = new long[1];
            String fees = fees(INPATIENT, 10 + rnd.nextInt(11), mdtrtId, p.psnNo(), null, begnAt.plusHours(2), dx[0], total,
                    rnd.nextInt(10) == 0);
            if (call("2301", fees) == null) return false;
            String end = now.minusMinutes(5).format(TIME);
            if (call("2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\""
                    + p.insutype() + "\",\"endtime\":\"" + end + "\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1] + "\","
                    + "\"oprn_oprt_code\":\"\",\"oprn_oprt_name\":\"\",\"fpsc_no\":\"\",\"matn_type\":\"\",\"birctrl_type\":\"\","
                    + "\"latechb_flag\":\"\",\"geso_val\":\"\",\"fetts\":\"\",\"fetus_cnt\":\"\",\"pret_flag\":\"\",\"birctrl_matn_date\":\"\","
                    + "\"cop_flag\":\"\",\"dscg_dept_codg\":\"A03.01\",\"dscg_dept_name\":\"心内科\",\"dscg_bed\":\"12\",\"dscg_way\":\"1\","
                    + "\"die_date\":\"\"},\"diseinfo\":[" + disease.replace("\"diag_type\":\"1\"", "\"diag_type\":\"1\",\"mdtrt_id\":\""
                    + mdtrtId + "\"") + "]}") == null) return false;
            String data = "\"psn_no\":\"" + p.psnNo() + "\",\"mdtrt_cert_type\":\"" + (cert != null ? "02" : "03") + "\",\"mdtrt_cert_no\":"
                    + MiniJson.quote(cert) + ",\"medfee_sumamt\":\"" + yuan(total[0]) + "\",\"psn_setlway\":\"01\",\"mdtrt_id\":\""
                    + mdtrtId + "\",\"insutype\":\"" + p.insutype() + "\",\"acct_used_flag\":\"" + ("310".equals(p.insutype()) ? "1" : "0")
                    + "\",\"mid_setl_flag\":\"0\",\"invono\":\"\"";
            return settle("2303", "2304", data);
        }

        /** Pre-settlement, then the settlement with the four amounts copied from it; checks they agree. */
        boolean settle(String preInfno, String infno, String data) {
            Object pre = call(preInfno, "{\"data\":{" + data + "}}");
            if (pre == null) return false;
            Object pi = MiniJson.at(pre, "output", "setlinfo");
            String copied = data + ",\"fulamt_ownpay_amt\":\"" + MiniJson.text(pi, "fulamt_ownpay_amt")
                    + "\",\"overlmt_selfpay\":\"" + MiniJson.text(pi, "overlmt_selfpay") + "\",\"preselfpay_amt\":\""
                    + MiniJson.text(pi, "preselfpay_amt") + "\",\"inscp_scp_amt\":\"" + MiniJson.text(pi, "inscp_scp_amt") + "\"";
            Object s = call(infno, "{\"data\":{" + copied + "}}");
            if (s == null) return false;
            Object si = MiniJson.at(s, "output", "setlinfo");
            // every national settlement field of 2207 is the pre-settlement's (nobody else settles this person meanwhile)
            for (org.openyibao.engine.settlement.SettlementField sf : org.openyibao.engine.settlement.SettlementField.values()) {
                String f = sf.national();
                if (!same(MiniJson.at(pi, f), MiniJson.at(si, f))) {
                    error(infno, infno + " " + f + " " + MiniJson.at(si, f) + " differs from " + preInfno + "'s " + MiniJson.at(pi, f));
                    return false;
                }
            }
            BigDecimal total = dec(si, "medfee_sumamt");
            if (total.compareTo(dec(si, "fund_pay_sumamt").add(dec(si, "psn_part_amt")).add(dec(si, "hosp_part_amt"))) != 0
                    || total.compareTo(dec(si, "fulamt_ownpay_amt").add(dec(si, "overlmt_selfpay")).add(dec(si, "preselfpay_amt"))
                    .add(dec(si, "inscp_scp_amt"))) != 0) {
                error(infno, infno + " breaks the 2207 identities");
                return false;
            }
            long now = System.nanoTime();
            settledAll++;
            if (now >= measureStart && now <= measureEnd) settledInWindow++;
            return true;
        }

        /** {@code {"feedetail":[...]}} with n lines; adds the total (fen) to total[0]. */
        String fees(Item[] items, int n, String mdtrtId, String psnNo, String batch, LocalDateTime at, String dx, long[] total,
                    boolean stent) {
            StringBuilder b = new StringBuilder(512 * n).append("{\"feedetail\":[");
            for (int k = 0; k < n; k++) {
                Item it = stent && k == 0 ? STENT : k < items.length && k < 4 ? items[k] : items[rnd.nextInt(items.length)];
                int cnt = it.minCnt() + rnd.nextInt(it.maxCnt() - it.minCnt() + 1);
                BigDecimal amount = new BigDecimal(it.price()).multiply(BigDecimal.valueOf(cnt)).setScale(2, RoundingMode.HALF_UP);
                total[0] += amount.movePointRight(2).longValueExact();
                if (k > 0) b.append(',');
                b.append("{\"feedetl_sn\":\"").append(mdtrtId, mdtrtId.length() - 8, mdtrtId.length()).append(String.format("%03d", k + 1))
                        .append("\",\"init_feedetl_sn\":\"\",\"mdtrt_id\":\"").append(mdtrtId).append("\",\"drord_no\":\"DO")
                        .append(k + 1).append("\",\"psn_no\":\"").append(psnNo).append("\",\"med_type\":\"")
                        .append(batch == null ? "21" : "11").append("\",\"fee_ocur_time\":\"").append(at.plusMinutes(k).format(TIME))
                        .append("\",\"med_list_codg\":\"").append(it.code()).append("\",\"medins_list_codg\":\"HIS-").append(it.code())
                        .append("\",\"det_item_fee_sumamt\":\"").append(amount.toPlainString()).append("\",\"cnt\":\"").append(cnt)
                        .append("\",\"pric\":\"").append(it.price()).append("\",\"sin_dos_dscr\":\"\",\"used_frqu_dscr\":\"\",\"prd_days\":\"1\",")
                        .append("\"medc_way_dscr\":\"\",\"bilg_dept_codg\":\"A03\",\"bilg_dept_name\":\"内科\",\"bilg_dr_codg\":\"D0101\",")
                        .append("\"bilg_dr_name\":\"李医生\",\"acord_dept_codg\":\"\",\"acord_dept_name\":\"\",\"orders_dr_code\":\"\",")
                        .append("\"orders_dr_name\":\"\",\"hosp_appr_flag\":\"1\",\"tcmdrug_used_way\":\"\",\"etip_flag\":\"\",")
                        .append("\"etip_hosp_code\":\"\",\"dscg_tkdrug_flag\":\"\",\"matn_fee_flag\":\"\",\"rx_circ_flag\":\"0\",")
                        .append("\"rxno\":\"RX").append(k + 1).append("\",\"dise_codg\":\"").append(dx).append("\",\"memo\":\"").append(it.name())
                        .append('"');
                if (batch != null) b.append(",\"chrg_bchno\":\"").append(batch).append('"');
                b.append('}');
            }
            return b.append("]}").toString();
        }

        /** Sends one transaction; the parsed reply, or null after recording an error. */
        Object call(String infno, String input) {
            if (stop) return null;
            long t0 = System.nanoTime();
            if (t0 > measureEnd && !"9001".equals(infno)) return null; // the run is over: abandon the flow
            String msgid = client.code() + LocalDateTime.now().format(MSGID_TIME) + String.format("%08d", nextMsg.incrementAndGet() % 100_000_000);
            String body = "{\"infno\":\"" + infno + "\",\"msgid\":\"" + msgid + "\",\"mdtrtarea_admvs\":\"440800\",\"insuplc_admdvs\":\"440800\","
                    + "\"recer_sys_code\":\"FSI_LOCAL\",\"dev_no\":\"\",\"dev_safe_info\":\"\",\"cainfo\":\"\",\"signtype\":\"\",\"infver\":\"V1.0\","
                    + "\"opter_type\":\"1\",\"opter\":\"" + String.format("%04d", id + 1) + "\",\"opter_name\":\"收费员" + id + "\",\"inf_time\":\""
                    + LocalDateTime.now().format(TIME) + "\",\"fixmedins_code\":\"" + client.code() + "\",\"fixmedins_name\":\"load benchmark\","
                    + "\"sign_no\":" + MiniJson.quote(signNo == null ? "" : signNo) + ",\"input\":" + input + "}";
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            // unique for the paasid: never repeated, not even by a second run inside the server's nonce window
            String n = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + Integer.toHexString(id)
                    + Long.toHexString(++nonce);
            String sig = sha256Hex(ts + client.secret() + n + ts);
            int status;
            String text;
            try {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                if (jdk != null) {
                    HttpResponse<byte[]> r = jdk.send(HttpRequest.newBuilder(URI.create(url + PATH)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json;charset=utf-8").header("x-tif-paasid", client.paasid())
                            .header("x-tif-timestamp", ts).header("x-tif-nonce", n).header("x-tif-signature", sig)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    status = r.statusCode();
                    text = new String(r.body(), StandardCharsets.UTF_8);
                } else {
                    if (raw == null) raw = new Raw(host, port);
                    Raw.Reply r = raw.post(PATH, "Content-Type: application/json;charset=utf-8\r\nx-tif-paasid: " + client.paasid()
                            + "\r\nx-tif-timestamp: " + ts + "\r\nx-tif-nonce: " + n + "\r\nx-tif-signature: " + sig + "\r\n", bytes);
                    status = r.status();
                    text = new String(r.body(), StandardCharsets.UTF_8);
                    if (r.close()) {
                        raw.close();
                        raw = null;
                    }
                }
            } catch (IOException | InterruptedException e) {
                if (raw != null) {
                    raw.close();
                    raw = null;
                }
                error(infno, infno + " I/O: " + e.getClass().getSimpleName() + " " + e.getMessage());
                return null;
            }
            long t1 = System.nanoTime();
            if (status != 200) {
                error(infno, infno + " HTTP " + status + ": " + abbreviate(text));
                return null;
            }
            Object reply;
            try {
                reply = MiniJson.parse(text);
            } catch (RuntimeException e) {
                error(infno, infno + " unreadable reply: " + abbreviate(text));
                return null;
            }
            Object code = MiniJson.at(reply, "infcode");
            if (!(code instanceof BigDecimal c) || c.signum() != 0) {
                error(infno, infno + " infcode " + code + ": " + MiniJson.text(reply, "err_msg"));
                return null;
            }
            if (t1 >= measureStart && t1 <= measureEnd) {
                lat.computeIfAbsent(infno, k -> new Lat()).add((t1 - t0) / 1000);
                calls.computeIfAbsent(infno, k -> new long[2])[0]++;
            }
            return reply;
        }

        void error(String infno, String what) {
            long now = System.nanoTime();
            if (now < measureStart) warmupErrors.incrementAndGet();
            else errors.incrementAndGet();
            calls.computeIfAbsent(infno, k -> new long[2])[1]++;
            // the kind of error without the varying parts (ids, amounts), to count them
            String kind = what.replaceAll("[0-9]{6,}", "#");
            if (errorKinds.size() < 50 || errorKinds.containsKey(kind)) errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP/1.1, keep-alive

    /**
     * A minimal HTTP/1.1 client on one keep-alive connection (one per virtual client, as a HIS holds one): much
     * cheaper per request than java.net.http, which matters when the generator shares two cores with the server and
     * PostgreSQL. {@code --jdk-http} uses java.net.http instead.
     */
    static final class Raw {
        record Reply(int status, byte[] body, boolean close) {}

        final Socket socket;
        final OutputStream out;
        final InputStream in;
        final String hostHeader;

        Raw(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            hostHeader = host + ":" + port;
        }

        Reply post(String path, String headers, byte[] body) throws IOException {
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + headers + "Content-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String statusLine = line();
            if (statusLine == null) throw new IOException("connection closed by the server");
            String[] sl = statusLine.split(" ", 3);
            if (sl.length < 2 || !sl[0].startsWith("HTTP/1.")) throw new IOException("not HTTP: " + statusLine);
            int status = Integer.parseInt(sl[1]);
            long length = -1;
            boolean chunked = false, close = false;
            for (String h; (h = line()) != null && !h.isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon < 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT), value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            byte[] b;
            if (chunked) {
                ByteArrayOutputStream acc = new ByteArrayOutputStream();
                while (true) {
                    String size = line();
                    if (size == null) throw new IOException("truncated chunked body");
                    int semi = size.indexOf(';');
                    int len = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (len == 0) {
                        while (true) {
                            String trailer = line();
                            if (trailer == null || trailer.isEmpty()) break;
                        }
                        break;
                    }
                    acc.write(in.readNBytes(len));
                    line();
                }
                b = acc.toByteArray();
            } else if (length >= 0) {
                b = in.readNBytes((int) length);
                if (b.length != length) throw new IOException("truncated body");
            } else {
                b = in.readAllBytes();
                close = true;
            }
            return new Reply(status, b, close);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int l = s.length();
                    if (l > 0 && s.charAt(l - 1) == '\r') s.setLength(l - 1);
                    return s.toString();
                }
                s.append((char) c);
            }
            return s.length() == 0 ? null : s.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the report

    boolean report(Worker[] workers, double elapsed) throws IOException {
        Map<String, Lat> merged = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        long settled = 0, flows = 0;
        for (Worker w : workers) {
            settled += w.settledInWindow;
            flows += w.flowsOk;
            w.lat.forEach((k, v) -> {
                Lat m = merged.computeIfAbsent(k, x -> new Lat());
                for (int i = 0; i < v.n; i++) m.add(v.v[i]);
            });
            w.calls.forEach((k, v) -> {
                long[] c = counts.computeIfAbsent(k, x -> new long[2]);
                c[0] += v[0];
                c[1] += v[1];
            });
        }
        Lat all = new Lat();
        long measuredCalls = 0;
        for (Map.Entry<String, Lat> e : merged.entrySet()) {
            if (e.getKey().equals("9001")) continue;
            for (int i = 0; i < e.getValue().n; i++) all.add(e.getValue().v[i]);
        }
        measuredCalls = all.n;
        double window = durationSeconds;
        double settlementsPerS = settled / window, txPerS = measuredCalls / window;
        long errs = errors.get(), wErrs = warmupErrors.get();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", label);
        out.put("url", url);
        out.put("threads", threads);
        out.put("institutions", clients.size());
        out.put("persons", persons.size());
        out.put("inpatient_share", inpatientShare);
        out.put("warmup_s", warmupSeconds);
        out.put("measured_s", durationSeconds);
        out.put("elapsed_s", round1(elapsed));
        out.put("settlements", settled);
        out.put("settlements_per_s", round1(settlementsPerS));
        out.put("transactions", measuredCalls);
        out.put("transactions_per_s", round1(txPerS));
        out.put("errors", errs);
        out.put("warmup_errors", wErrs);
        out.put("flows_completed", flows);
        out.put("latency_ms_2207", pct(merged.get("2207")));
        out.put("latency_ms_2304", pct(merged.get("2304")));
        out.put("latency_ms_all", pct(all));
        Map<String, Object> per = new LinkedHashMap<>();
        merged.forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>(pct(v));
            m.put("count", v.n);
            m.put("per_s", round1(v.n / window));
            per.put(k, m);
        });
        out.put("per_transaction", per);
        Map<String, Object> ek = new LinkedHashMap<>();
        errorKinds.forEach((k, v) -> ek.put(k, v.get()));
        out.put("error_kinds", ek);
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            out.put("generator_cpu_s", round1(os.getProcessCpuTime() / 1e9));
        }
        out.put("target", Map.of("settlements_per_s", 1000, "p99_ms", 50, "errors", 0));

        System.out.printf("%nsettlements/s %.1f (2207 + 2304 completed in the %d s window: %d)   transactions/s %.1f%n",
                settlementsPerS, durationSeconds, settled, txPerS);
        System.out.println("latency ms      p50     p95     p99     max   count");
        for (String k : merged.keySet()) line(k, merged.get(k));
        line("all", all);
        System.out.printf("errors: %d measured, %d during warm-up%n", errs, wErrs);
        errorKinds.forEach((k, v) -> System.out.println("  " + v.get() + " × " + k));
        if (json != null) {
            Files.writeString(json, toJson(out, "") + "\n");
            System.out.println("summary: " + json);
        }
        return errs + wErrs == 0;
    }

    static void line(String name, Lat l) {
        Map<String, Object> p = pct(l);
        System.out.printf("  %-6s %8s%8s%8s%8s%8d%n", name, p.get("p50"), p.get("p95"), p.get("p99"), p.get("max"), l == null ? 0 : l.n);
    }

    static Map<String, Object> pct(Lat l) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (l == null || l.n == 0) {
            m.put("p50", null);
            m.put("p95", null);
            m.put("p99", null);
            m.put("max", null);
            return m;
        }
        long[] v = Arrays.copyOf(l.v, l.n);
        Arrays.sort(v);
        m.put("p50", ms(v[rank(v.length, 0.50)]));
        m.put("p95", ms(v[rank(v.length, 0.95)]));
        m.put("p99", ms(v[rank(v.length, 0.99)]));
        m.put("max", ms(v[v.length - 1]));
        return m;
    }

    /** Nearest-rank percentile index. */
    static int rank(int n, double p) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n) - 1));
    }

    static BigDecimal ms(long micros) {
        return BigDecimal.valueOf(micros, 3).setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal round1(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object o, String indent) {
        if (o == null) return "null";
        if (o instanceof String s) return MiniJson.quote(s);
        if (o instanceof Number || o instanceof Boolean) return o.toString();
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) return "{}";
            StringBuilder b = new StringBuilder("{\n");
            String in = indent + "  ";
            int k = 0;
            for (Map.Entry<?, ?> e : ((Map<Object, Object>) m).entrySet()) {
                b.append(in).append(MiniJson.quote(e.getKey().toString())).append(": ").append(toJson(e.getValue(), in));
                b.append(++k < m.size() ? ",\n" : "\n");
            }
            return b.append(indent).append('}').toString();
        }
        return MiniJson.quote(o.toString());
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String yuan(long fen) {
        return org.openyibao.engine.money.Money.yuan(fen).toPlainString();
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return a == null ? b == null : a.equals(b);
    }

    static BigDecimal dec(Object o, String field) {
        Object v = MiniJson.at(o, field);
        return v instanceof BigDecimal d ? d : v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
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
