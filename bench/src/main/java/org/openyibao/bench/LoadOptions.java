package org.openyibao.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@link FsiLoadGenerator}: what to load, how hard, for how long, and what to report. */
final class LoadOptions {
    /** x-tif credentials of one institution; {@code pharmacy} when its clients.txt line ends with the word pharmacy. */
    record Client(String code, String paasid, String secret, boolean pharmacy) {}

    record Psn(String psnNo, String certNo, String insutype) {}

    String url = "http://127.0.0.1:8080";
    String host;
    int port;
    final List<Client> clients = new ArrayList<>();
    List<Psn> persons = new ArrayList<>();
    int threads = 16;
    int warmupSeconds = 15;
    int durationSeconds = 60;
    long maxSettlements = 10_000_000;
    /** Open loop: settlement flows started per second on a fixed schedule; 0 = closed loop (each thread back to back). */
    double rate;
    final Mix mix = new Mix();
    double cancelShare;
    int reconcileEverySeconds;
    int reportEverySeconds;
    long seed = 20261122L;
    Path json;
    boolean jdkHttp;
    String label = "";
    // what the per-interval report samples besides the load (all optional)
    long serverPid;
    Path gcLog;
    String pgDatabase;

    /** Shares of the three kinds of settlement flow. */
    static final class Mix {
        double outpatient = 0.7;
        double inpatient = 0.3;
        double pharmacy;

        /** {@code outpatient:0.6,inpatient:0.25,pharmacy:0.15} (shares are normalised). */
        void parse(String v) {
            outpatient = inpatient = pharmacy = 0;
            for (String part : v.split(",")) {
                String[] kv = part.split("[:=]");
                if (kv.length != 2) throw new IllegalArgumentException("--mix: kind:share, got " + part);
                double s = Double.parseDouble(kv[1]);
                switch (kv[0].trim()) {
                    case "outpatient" -> outpatient = s;
                    case "inpatient" -> inpatient = s;
                    case "pharmacy" -> pharmacy = s;
                    default -> throw new IllegalArgumentException("--mix: outpatient, inpatient or pharmacy, got " + kv[0]);
                }
            }
            double sum = outpatient + inpatient + pharmacy;
            if (sum <= 0 || outpatient < 0 || inpatient < 0 || pharmacy < 0) throw new IllegalArgumentException("--mix: shares ≥ 0, not all 0");
            outpatient /= sum;
            inpatient /= sum;
            pharmacy /= sum;
        }

        FlowKind pick(double u) {
            return u < outpatient ? FlowKind.OUTPATIENT : u < outpatient + inpatient ? FlowKind.INPATIENT : FlowKind.PHARMACY;
        }

        @Override
        public String toString() {
            return String.format("%.0f%% outpatient, %.0f%% inpatient, %.0f%% pharmacy", outpatient * 100, inpatient * 100, pharmacy * 100);
        }
    }

    static LoadOptions parse(String[] a) throws IOException {
        LoadOptions o = new LoadOptions();
        String inst = null, paasid = null, secret = null;
        for (int i = 0; i < a.length; i++) {
            String k = a[i];
            if (k.equals("--jdk-http")) {
                o.jdkHttp = true;
                continue;
            }
            if (i + 1 >= a.length) throw new IllegalArgumentException(k + ": value missing");
            String v = a[++i];
            switch (k) {
                case "--url" -> o.url = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
                case "--clients" -> o.clients.addAll(readClients(v));
                case "--institution" -> inst = v;
                case "--paasid" -> paasid = v;
                case "--secret" -> secret = v;
                case "--persons" -> o.persons = readPersons(v);
                case "--threads" -> o.threads = Integer.parseInt(v);
                case "--warmup" -> o.warmupSeconds = Integer.parseInt(v);
                case "--duration" -> o.durationSeconds = Integer.parseInt(v);
                case "--max-settlements" -> o.maxSettlements = Long.parseLong(v);
                case "--inpatient-share" -> o.mix.parse("outpatient:" + (1 - Double.parseDouble(v)) + ",inpatient:" + v);
                case "--mix" -> o.mix.parse(v);
                case "--rate" -> o.rate = Double.parseDouble(v);
                case "--cancel-share" -> o.cancelShare = Double.parseDouble(v);
                case "--reconcile-every" -> o.reconcileEverySeconds = Integer.parseInt(v);
                case "--report-every" -> o.reportEverySeconds = Integer.parseInt(v);
                case "--server-pid" -> o.serverPid = Long.parseLong(v);
                case "--gc-log" -> o.gcLog = Paths.get(v);
                case "--pg-database" -> o.pgDatabase = v;
                case "--seed" -> o.seed = Long.parseLong(v);
                case "--json" -> o.json = Paths.get(v);
                case "--label" -> o.label = v;
                default -> throw new IllegalArgumentException("unknown option " + k);
            }
        }
        if (inst != null || paasid != null || secret != null) {
            if (inst == null || paasid == null || secret == null) {
                throw new IllegalArgumentException("--institution, --paasid and --secret go together");
            }
            o.clients.add(new Client(inst, paasid, secret, false));
        }
        o.validate();
        return o;
    }

    private void validate() throws IOException {
        if (clients.stream().noneMatch(c -> !c.pharmacy())) throw new IllegalArgumentException("no hospital credentials: --clients FILE or --institution/--paasid/--secret");
        if (mix.pharmacy > 0 && clients.stream().noneMatch(Client::pharmacy)) throw new IllegalArgumentException("--mix has pharmacy purchases: a pharmacy line in --clients needed");
        if (persons.size() < 2L * threads) throw new IllegalArgumentException("--persons: at least 2 × threads persons needed, got " + persons.size());
        if (threads < 1 || threads > 512) throw new IllegalArgumentException("--threads: 1 to 512");
        if (warmupSeconds < 0 || durationSeconds < 1 || durationSeconds > 3600 || warmupSeconds > 600) {
            throw new IllegalArgumentException("--warmup 0..600 and --duration 1..3600 seconds");
        }
        if (rate < 0 || rate > 5000) throw new IllegalArgumentException("--rate: 0 (closed loop) to 5000 flows/s");
        if (cancelShare < 0 || cancelShare > 1) throw new IllegalArgumentException("--cancel-share: 0 to 1");
        if (reconcileEverySeconds < 0 || reportEverySeconds < 0) throw new IllegalArgumentException("--reconcile-every, --report-every: seconds ≥ 0");
        requireLoopback(url);
        URI u = URI.create(url);
        host = u.getHost();
        port = u.getPort() < 0 ? 80 : u.getPort();
    }

    static void requireLoopback(String url) throws IOException {
        String h = URI.create(url).getHost();
        if (h == null) throw new IllegalArgumentException("--url: no host in " + url);
        for (InetAddress a : InetAddress.getAllByName(h)) {
            if (!a.isLoopbackAddress()) throw new IllegalArgumentException("--url: " + h + " is not a loopback address; this tool only loads this machine");
        }
    }

    /** Lines {@code fixmedins_code paasid secret [pharmacy]}. */
    static List<Client> readClients(String file) throws IOException {
        List<Client> out = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(file))) {
            String[] p = line.trim().split("\\s+");
            if (line.startsWith("#") || p.length < 3 || p.length > 4) continue;
            out.add(new Client(p[0], p[1], p[2], p.length == 4 && p[3].equals("pharmacy")));
        }
        return out;
    }

    /** Lines {@code psn_no[,cert_no[,insutype]]}; a header line starting with psn_no is skipped. */
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

    List<Client> hospitals() {
        return clients.stream().filter(c -> !c.pharmacy()).toList();
    }

    List<Client> pharmacies() {
        return clients.stream().filter(Client::pharmacy).toList();
    }

    boolean openLoop() {
        return rate > 0;
    }
}
