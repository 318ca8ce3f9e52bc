package org.openyibao.platform.fsi.fuzz;

import static org.openyibao.platform.fsi.fuzz.FuzzServer.CLIENT_ID;
import static org.openyibao.platform.fsi.fuzz.FuzzServer.HOSPITAL;
import static org.openyibao.platform.fsi.fuzz.OddValues.pick;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.platform.fsi.FsiFlows;
import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.fsi.FsiTestClient;
import org.openyibao.platform.fsi.crypto.GmCrypto;
import org.openyibao.platform.fsi.transactions.TestZips;

/**
 * The interface fuzz's corpus: a valid input for every transaction the interface serves, each naming real visits,
 * settlements, filings, files and clearing applications made for it through the interface itself (the request shapes
 * of {@code FsiSettlementFlowTest} and {@link FsiFlows}), and how a case is made from one: a path style, credentials,
 * sometimes an SM4-encrypted or SM2-signed input, then the mutations.
 */
final class FsiCorpus {
    static final String NATIONAL = "/fsi/api/rsfComIfsService/callService";
    /** Hebei's route per service (docs/fsi.md). */
    static final Map<String, String> HEBEI = Map.ofEntries(Map.entry("9001", "/fsi/api/signInSignOutService/signIn"),
            Map.entry("9002", "/fsi/api/signInSignOutService/signOut"), Map.entry("9101", "/fsi/api/fileupload/upload"),
            Map.entry("9102", "/fsi/api/fileupload/download"), Map.entry("1101", "/fsi/api/fsiPsnInfoService/queryPsnInfo"),
            Map.entry("2206", "/fsi/api/outpatientSettleService/preSettletment"),
            Map.entry("2207", "/fsi/api/outpatientSettleService/saveSettletmentV2"),
            Map.entry("2208", "/fsi/api/outpatientSettleService/cancleSettletment"), Map.entry("2303", "/fsi/api/hospSettService/preSett"),
            Map.entry("2304", "/fsi/api/hospSettService/settV2"), Map.entry("2305", "/fsi/api/hospSettService/settCl"),
            Map.entry("2601", "/fsi/api/reverseService/revsMethod"), Map.entry("1301", "/fsi/api/catalogdownservice/downCatalog1301"),
            Map.entry("1305", "/fsi/api/catalogdownservice/downCatalog1305"));
    /** Every transaction the interface serves (README, docs/fsi.md): the corpus has an input for each. */
    static final List<String> TRANSACTIONS = List.of("1101", "1201", "1301", "1305", "2101", "2102", "2103", "2201", "2202", "2203",
            "2204", "2205", "2206", "2207", "2208", "2301", "2302", "2303", "2304", "2305", "2401", "2402", "2404", "2405", "2501",
            "2502", "2503", "2504", "2601", "3201", "3202", "3203", "3204", "9001", "9002", "9101", "9102");

    /** A valid input for a transaction. */
    record Seed(String infno, JsonNode input) {}

    private static final FsiFlows.Person EMPLOYEE = new FsiFlows.Person(FuzzServer.EMPLOYEE, FuzzServer.EMPLOYEE_CERT, "310");
    private static final FsiFlows.Person RESIDENT = new FsiFlows.Person(FuzzServer.RESIDENT, FuzzServer.RESIDENT_CERT, "390");
    private static final List<FsiFlows.Line> LINES = List.of(new FsiFlows.Line("XA01", "2", "12.50"),
            new FsiFlows.Line("XB03", "4", "15.00"), new FsiFlows.Line("F006", "1", "600.00"));

    final List<Seed> seeds = new ArrayList<>();
    private final FsiTestClient client;
    private final FsiFlows.Caller caller;
    private final String token;
    private final LocalDate today = LocalDate.now();

    private FsiCorpus(int port) {
        client = new FsiTestClient(port, HOSPITAL).xTif(FuzzServer.PAASID, FuzzServer.SECRET).signIn();
        caller = (infno, input) -> {
            String msgid = msgid();
            FsiTestClient.Reply r = client.call(infno, msgid, input);
            if (r.infcode() != 0) throw new IllegalStateException("corpus " + infno + ": " + r.text());
            return new FsiFlows.Answer(msgid, r.text(), r.json());
        };
        token = Credentials.token(port);
    }

    static FsiCorpus build(int port) {
        FsiCorpus c = new FsiCorpus(port);
        c.signInAndPeople(port);
        c.outpatient();
        c.inpatient();
        c.pharmacyAndFilings();
        c.filesAndClearing();
        return c;
    }

    private static String msgid() {
        return HOSPITAL + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    }

    private void add(String infno, JsonNode input) {
        seeds.add(new Seed(infno, input));
    }

    private JsonNode json(String text) {
        return FsiJson.parse(text, "corpus");
    }

    private void signInAndPeople(int port) {
        add("9001", json("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}"));
        // a sign-in of its own to sign out: the corpus's sign_no stays valid
        String spare = new FsiTestClient(port, HOSPITAL).xTif(FuzzServer.PAASID, FuzzServer.SECRET).signIn().signNo();
        add("9002", json("{\"signOut\":{\"sign_no\":\"" + spare + "\",\"opter_no\":\"0001\"}}"));
        add("1101", FsiFlows.data("psn_no", EMPLOYEE.psnNo()));
        add("1101", FsiFlows.data("mdtrt_cert_type", "02", "mdtrt_cert_no", RESIDENT.certNo()));
        add("1201", json("{\"medinsinfo\":{\"fixmedins_code\":\"" + HOSPITAL + "\",\"fixmedins_name\":\"Central\"}}"));
        add("1301", FsiFlows.data("ver", "0"));
        add("1305", FsiFlows.data("ver", "0"));
    }

    private void outpatient() {
        add("2201", FsiFlows.data("psn_no", RESIDENT.psnNo(), "insutype", "390", "begntime", today + " 09:30:00",
                "mdtrt_cert_type", "02", "mdtrt_cert_no", RESIDENT.certNo(), "ipt_otp_no", "FZ-1"));
        String registered = caller.call("2201", FsiFlows.data("psn_no", RESIDENT.psnNo(), "insutype", "390", "begntime",
                today + " 09:30:00")).output().at("/data/mdtrt_id").asText();
        add("2202", FsiFlows.data("mdtrt_id", registered, "psn_no", RESIDENT.psnNo()));

        FsiFlows.Message open = FsiFlows.upToSettlement(caller, c -> FsiFlows.outpatient(c, RESIDENT, today, "FZ-2", LINES));
        String mdtrtId = open.input().at("/data/mdtrt_id").asText();
        ObjectNode visit = FsiFlows.F.objectNode();
        visit.putObject("mdtrtinfo").put("mdtrt_id", mdtrtId).put("psn_no", RESIDENT.psnNo()).put("med_type", "11")
                .put("begntime", today + " 09:30:00");
        visit.putArray("diseinfo").addObject().put("diag_type", "1").put("diag_srt_no", "1").put("diag_code", "J06.9")
                .put("diag_name", "URTI");
        add("2203", visit);
        ObjectNode fees = FsiFlows.F.objectNode();
        fees.set("feedetail", FsiFlows.fees(mdtrtId, RESIDENT.psnNo(), today, "B2", LINES));
        add("2204", fees);
        add("2205", FsiFlows.data("mdtrt_id", mdtrtId, "chrg_bchno", "B2", "psn_no", RESIDENT.psnNo()));
        add("2206", open.input());
        add("2207", open.input());

        FsiFlows.Settled settled = FsiFlows.outpatient(caller, EMPLOYEE, today, "FZ-3", LINES);
        add("2208", FsiFlows.data("mdtrt_id", settled.mdtrtId(), "setl_id", settled.setlId(), "psn_no", EMPLOYEE.psnNo()));
        FsiFlows.Settled reversible = FsiFlows.outpatient(caller, EMPLOYEE, today, "FZ-4", LINES);
        add("2601", FsiFlows.data("psn_no", EMPLOYEE.psnNo(), "omsgid", reversible.msgid(), "oinfno", "2207"));
    }

    private void inpatient() {
        ObjectNode adm = FsiFlows.F.objectNode();
        adm.putObject("mdtrtinfo").put("psn_no", RESIDENT.psnNo()).put("insutype", "390").put("begntime", today + " 08:00:00")
                .put("med_type", "21").put("ipt_no", "FZ-IP");
        adm.putArray("diseinfo").addObject().put("diag_type", "1").put("maindiag_flag", "1").put("diag_srt_no", "1")
                .put("diag_code", "I21.9").put("diag_name", "AMI");
        add("2401", adm);
        String admitted = caller.call("2401", adm).output().at("/result/mdtrt_id").asText();
        add("2404", FsiFlows.data("mdtrt_id", admitted, "psn_no", RESIDENT.psnNo()));

        FsiFlows.Message open = FsiFlows.upToSettlement(caller, c -> FsiFlows.inpatient(c, RESIDENT, today, "FZ-IP2", LINES));
        String mdtrtId = open.input().at("/data/mdtrt_id").asText();
        ObjectNode fees = FsiFlows.F.objectNode();
        fees.set("feedetail", FsiFlows.fees(mdtrtId, RESIDENT.psnNo(), today, null, LINES));
        add("2301", fees);
        add("2302", FsiFlows.data("mdtrt_id", mdtrtId, "feedetl_sn", "1", "psn_no", RESIDENT.psnNo()));
        ObjectNode dscg = FsiFlows.F.objectNode();
        dscg.putObject("dscginfo").put("mdtrt_id", mdtrtId).put("psn_no", RESIDENT.psnNo()).put("endtime", today + " 18:00:00");
        add("2402", dscg);
        add("2405", FsiFlows.data("mdtrt_id", mdtrtId, "psn_no", RESIDENT.psnNo()));
        add("2303", open.input());
        add("2304", open.input());

        FsiFlows.Settled settled = FsiFlows.inpatient(caller, EMPLOYEE, today, "FZ-IP3", LINES);
        add("2305", FsiFlows.data("mdtrt_id", settled.mdtrtId(), "setl_id", settled.setlId(), "psn_no", EMPLOYEE.psnNo()));
    }

    private void pharmacyAndFilings() {
        ObjectNode drugs = FsiFlows.F.objectNode();
        drugs.putObject("druginfo").put("psn_no", RESIDENT.psnNo()).put("begntime", today + " 11:00:00").put("medfee_sumamt", "50.00")
                .put("insutype", "390").put("med_type", "41");
        drugs.set("drugdetail", FsiFlows.fees("", RESIDENT.psnNo(), today, null, List.of(new FsiFlows.Line("XA02", "5", "10.00"))));
        add("2101", drugs);
        add("2102", drugs);
        JsonNode bought = caller.call("2102", drugs).output().get("setlinfo");
        add("2103", FsiFlows.data("setl_id", bought.get("setl_id").asText(), "mdtrt_id", bought.get("mdtrt_id").asText(),
                "psn_no", RESIDENT.psnNo()));

        JsonNode transfer = json("{\"refmedin\":{\"psn_no\":\"" + RESIDENT.psnNo() + "\",\"diag_code\":\"I21.9\",\"reflin_medins_no\":\""
                + FuzzServer.OTHER + "\",\"refl_date\":\"" + today + "\",\"begndate\":\"" + today + "\",\"enddate\":\"" + today.plusDays(30)
                + "\"}}");
        add("2501", transfer);
        add("2502", FsiFlows.data("trt_dcla_detl_sn", caller.call("2501", transfer).output().at("/result/trt_dcla_detl_sn").asText()));
        ObjectNode chronic = FsiFlows.data("psn_no", RESIDENT.psnNo(), "opsp_dise_code", "M03900", "begndate", today.toString(),
                "enddate", today.plusYears(1).toString());
        add("2503", chronic);
        add("2504", FsiFlows.data("trt_dcla_detl_sn", caller.call("2503", chronic).output().at("/result/trt_dcla_detl_sn").asText()));
    }

    private void filesAndClearing() {
        ObjectNode up = FsiFlows.F.objectNode();
        up.putObject("fsUploadIn").put("in", Base64.getEncoder().encodeToString(TestZips.zip("3202.txt",
                "S-1\tM-1\t" + RESIDENT.psnNo() + "\t1.00\t0.00\t0.00\t0\r\n"))).put("filename", "3202.zip").put("fixmedins_code", HOSPITAL);
        add("9101", up);
        String uploaded = caller.call("9101", up).output().get("file_qury_no").asText();
        JsonNode catalogue = caller.call("1301", FsiFlows.data("ver", "0")).output();
        ObjectNode down = FsiFlows.F.objectNode();
        down.putObject("fsDownloadIn").put("file_qury_no", catalogue.get("file_qury_no").asText())
                .put("filename", catalogue.get("filename").asText()).put("fixmedins_code", "plc");
        add("9102", down);

        String first = today.withDayOfMonth(1).toString();
        add("3201", FsiFlows.data("insutype", "390", "clr_type", "11", "setl_optins", "440800", "stmt_begndate", first,
                "stmt_enddate", today.toString(), "medfee_sumamt", "0", "fund_pay_sumamt", "0", "acct_pay", "0", "fixmedins_setl_cnt", 0));
        add("3202", FsiFlows.data("setl_optins", "440800", "file_qury_no", uploaded, "stmt_begndate", first, "stmt_enddate",
                today.toString(), "medfee_sumamt", "1.00", "fund_pay_sumamt", "0", "cash_payamt", "0", "fixmedins_setl_cnt", 1,
                "clr_type", "11"));
        ObjectNode clearing = FsiFlows.data("clr_type", "11", "clr_way", "1", "begndate", "2001-01-01", "enddate", "2001-01-31",
                "medfee_sumamt", "0", "med_sumfee", "0", "fund_appy_sum", "0", "cash_payamt", "0", "acct_pay", "0");
        ObjectNode applied = clearing.deepCopy();
        ((ObjectNode) applied.get("data")).put("begndate", "2001-02-01").put("enddate", "2001-02-28");
        add("3203", clearing);
        add("3204", FsiFlows.data("clr_appy_evt_id", caller.call("3203", applied).output().get("clr_appy_evt_id").asText()));
    }

    // ------------------------------------------------------------------------------------------ one case

    /** Case {@code k}: a seed, in one path style, with credentials, mutated (or, now and then, sent as it is). */
    FuzzRequest fuzzCase(Random rnd, long k) {
        Seed s = pick(rnd, seeds);
        ObjectNode env = client.envelope(s.infno(), String.format("%sF%017d", HOSPITAL, k), s.input().deepCopy());
        FuzzRequest r = new FuzzRequest(path(rnd, s.infno()));
        int crypto = rnd.nextInt(100);
        if (crypto < 4) encrypt(env, r);
        else if (crypto < 7) sign(env, r);
        r.header("Content-Type", pick(rnd, List.of("application/json", "application/json;charset=utf-8", "text/plain")));
        Credentials.authenticate(rnd, r, token);
        int plan = rnd.nextInt(100);
        if (plan < 52) new Mutator(rnd).json(env, r);
        String text = FsiJson.write(env);
        if (plan >= 52 && plan < 72) r.body = new Mutator(rnd).text(text, r);
        else r.body(text);
        if ((plan >= 72 && plan < 96) || (plan < 52 && rnd.nextInt(6) == 0)) new HttpMutator(rnd).mutate(r);
        return r;
    }

    private String path(Random rnd, String infno) {
        return switch (rnd.nextInt(10)) {
            case 0 -> NATIONAL + "/" + infno;
            case 1 -> "/mbs/fmi/fsi/api/callFsiService/callService";
            case 2 -> "/mbs/fmi/fsi/api/callFsiService/callService/" + infno;
            case 3 -> "/ebus/gdyb_inf/poc/hsa/hgs/" + infno;
            case 4 -> HEBEI.containsKey(infno) ? (rnd.nextBoolean() ? "/ebus/rio_fsi" : "") + HEBEI.get(infno) : NATIONAL;
            default -> NATIONAL;
        };
    }

    private static void encrypt(ObjectNode env, FuzzRequest r) {
        r.did("input SM4-encrypted");
        env.put("input", GmCrypto.sm4EncryptBase64(CLIENT_ID.getBytes(StandardCharsets.US_ASCII), FsiJson.write(env.get("input"))));
        env.put("enc_type", "SM4");
    }

    private static void sign(ObjectNode env, FuzzRequest r) {
        r.did("input SM2-signed");
        byte[] text = FsiJson.write(env.get("input")).getBytes(StandardCharsets.UTF_8);
        byte[] sig = GmCrypto.sm2Sign(GmCrypto.parsePrivateKey(FuzzServer.SM2[0]), CLIENT_ID.getBytes(StandardCharsets.US_ASCII), text);
        env.put("signtype", "SM2");
        env.put("cainfo", Base64.getEncoder().encodeToString(sig));
    }
}
