package org.openyibao.platform.fsi.transactions;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.platform.casepayment.CaseCapture;
import org.openyibao.platform.casepayment.DischargeRecord;
import org.openyibao.platform.enrolment.Coverage;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;
import org.openyibao.platform.settlement.SettlementStore;
import org.openyibao.platform.settlement.SettlementService.Settled;

/**
 * The visit transactions of the national interface (INTERFACE §2): outpatient 2201–2208, inpatient
 * 2401/2402/2404/2405 and 2301–2305, pharmacy 2101–2103. Pre-settlements (2206, 2303, 2101) compute
 * exactly what the settlement will and record nothing; a settlement's outputs satisfy the 2207
 * identities because the engine's do.
 */
@Component
public class VisitTransactions implements FsiTransaction {
    private static final List<String> INFNOS = List.of("2201", "2202", "2203", "2204", "2205", "2206", "2207", "2208",
            "2401", "2402", "2404", "2405", "2301", "2302", "2303", "2304", "2305", "2101", "2102", "2103");

    private final FsiVisits visits;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EnrolmentService enrolments;
    private final CaseCapture cases;

    public VisitTransactions(FsiVisits visits, JdbcTemplate jdbc, TransactionTemplate tx, EnrolmentService enrolments,
                             CaseCapture cases) {
        this.visits = visits;
        this.jdbc = jdbc;
        this.tx = tx;
        this.enrolments = enrolments;
        this.cases = cases;
    }

    /** Marks the caller's (the dispatcher's) transaction rollback-only: a pre-settlement keeps nothing. */
    private void dryRun() {
        tx.executeWithoutResult(status -> status.setRollbackOnly());
    }

    @Override
    public String infno() {
        return INFNOS.get(0);
    }

    @Override
    public List<String> infnos() {
        return INFNOS;
    }

    @Override
    public JsonNode handle(FsiCall call) {
        String inst = call.fixmedinsCode();
        return switch (call.infno()) {
            case "2201" -> register(call, inst);
            case "2202", "2404" -> {
                FsiFields d = call.data();
                Map<String, Object> v = visits.visit(d.text("mdtrt_id"), inst);
                visits.checkPerson(v, d.text("psn_no"));
                visits.cancelVisit(d.text("mdtrt_id"), inst);
                yield empty();
            }
            case "2203" -> {
                FsiFields info = call.fields().object("mdtrtinfo");
                List<String> dx = diagnoses(call.fields().optArray("diseinfo"));
                if (dx.isEmpty() && info.optText("dise_codg") != null) dx.add(info.optText("dise_codg", 20));
                visits.setDiagnoses(info.text("mdtrt_id"), inst, info.text("psn_no"), dx, info.optText("med_type", 10));
                yield empty();
            }
            case "2204", "2301" -> uploadFees(call, inst);
            case "2205" -> {
                FsiFields d = call.data();
                visits.checkPerson(visits.visit(d.text("mdtrt_id"), inst), d.text("psn_no"));
                visits.cancelFees(d.text("mdtrt_id"), inst, null, d.text("chrg_bchno"));
                yield empty();
            }
            case "2302" -> {
                FsiFields d = call.data();
                visits.checkPerson(visits.visit(d.text("mdtrt_id"), inst), d.text("psn_no"));
                visits.cancelFees(d.text("mdtrt_id"), inst, d.text("feedetl_sn"), null);
                yield empty();
            }
            case "2206", "2303" -> {
                FsiFields d = call.data();
                Settled s = visits.preSettle(d.text("mdtrt_id"), inst, d.text("psn_no"), d.optText("chrg_bchno", 40));
                checkTotal(d, s.settlement());
                // a dry run: nothing this call did is kept, and the reply is not recorded as final
                dryRun();
                yield reply(call, s, null, d.text("mdtrt_id"), medType(d, call.infno()));
            }
            case "2207", "2304" -> {
                FsiFields d = call.data();
                String mdtrtId = d.text("mdtrt_id");
                Settled s = visits.settle(mdtrtId, inst, d.text("psn_no"), d.optText("chrg_bchno", 40), call.infno(), call.msgid(),
                        d.optText("med_type", 10), d.amount("medfee_sumamt"), call.now());
                checkCopiedAmounts(d, s.settlement());
                cases.settled(mdtrtId, s.setlId()); // a discharged inpatient case is grouped and paid by case
                yield reply(call, s, s.setlId(), mdtrtId, medType(d, call.infno()));
            }
            case "2208", "2305" -> cancelSettlement(call, call.data().text("setl_id"), call.data().text("mdtrt_id"),
                    call.data().text("psn_no"));
            case "2401" -> admit(call, inst);
            case "2402" -> {
                FsiFields info = call.fields().object("dscginfo");
                List<String> dx = diagnoses(call.fields().optArray("diseinfo"));
                if (dx.isEmpty() && info.optText("dise_codg") != null) dx.add(info.optText("dise_codg", 20));
                DischargeRecord record = DischargeRecord.read(call.fields());
                visits.discharge(info.text("mdtrt_id"), inst, info.text("psn_no"), info.dateTime("endtime"), dx);
                cases.discharged(info.text("mdtrt_id"), record);
                yield empty();
            }
            case "2405" -> {
                FsiFields d = call.data();
                visits.checkPerson(visits.visit(d.text("mdtrt_id"), inst), d.text("psn_no"));
                visits.cancelDischarge(d.text("mdtrt_id"), inst);
                cases.dischargeCancelled(d.text("mdtrt_id"));
                yield empty();
            }
            case "2101", "2102" -> pharmacy(call, inst);
            case "2103" -> {
                FsiFields d = call.data();
                yield cancelSettlement(call, d.text("setl_id"), d.optText("mdtrt_id"), d.text("psn_no"));
            }
            default -> throw FsiException.invalid("infno", "not handled here: " + call.infno());
        };
    }

    // ------------------------------------------------------------------------------ visits

    private JsonNode register(FsiCall call, String inst) {
        FsiFields d = call.data();
        String psnNo = d.text("psn_no");
        LocalDateTime begn = d.dateTime("begntime");
        String mdtrtId = visits.open("outpatient", inst, psnNo, "11", d.optText("insutype", 10), d.optText("ipt_otp_no", 40),
                begn, new ArrayList<>());
        ObjectNode out = empty();
        ObjectNode data = out.putObject("data");
        data.put("mdtrt_id", mdtrtId);
        data.put("psn_no", d.text("psn_no"));
        data.put("ipt_otp_no", d.optText("ipt_otp_no"));
        data.putNull("exp_content");
        return out;
    }

    private JsonNode admit(FsiCall call, String inst) {
        FsiFields info = call.fields().object("mdtrtinfo");
        List<String> dx = diagnoses(call.fields().optArray("diseinfo"));
        if (dx.isEmpty() && info.optText("dscg_maindiag_code") != null) dx.add(info.optText("dscg_maindiag_code", 20));
        String mdtrtId = visits.open("inpatient", inst, info.text("psn_no"), info.optText("med_type", 10), info.optText("insutype", 10),
                info.optText("ipt_no", 40), info.dateTime("begntime"), dx);
        ObjectNode out = empty();
        out.putObject("result").put("mdtrt_id", mdtrtId);
        return out;
    }

    /** Diagnosis codes, the main one (maindiag_flag 1, or the lowest diag_srt_no) first. */
    static List<String> diagnoses(List<FsiFields> dise) {
        List<String[]> rows = new ArrayList<>();
        for (FsiFields f : dise) {
            String code = f.optText("diag_code", 20);
            if (code == null) throw FsiException.invalid(f.path("diag_code"), "required");
            String vali = f.optText("vali_flag");
            if ("0".equals(vali)) continue;
            String main = "1".equals(f.optText("maindiag_flag")) ? "0" : "1";
            String srt = f.optText("diag_srt_no") == null ? "999" : f.optText("diag_srt_no");
            rows.add(new String[] {main, String.format("%5s", srt), code.trim().toUpperCase()});
        }
        rows.sort((a, b) -> (a[0] + a[1]).compareTo(b[0] + b[1]));
        List<String> out = new ArrayList<>();
        for (String[] r : rows) out.add(r[2]);
        // fsi_visit.diagnoses is VARCHAR(400), the codes comma-separated
        if (String.join(",", out).length() > 400) {
            String list = dise.get(0).path().replaceFirst("\\[0]$", "");
            throw FsiException.invalid(list, "too many diagnoses: their codes take more than 400 characters");
        }
        return out;
    }

    // ------------------------------------------------------------------------------ fees

    private JsonNode uploadFees(FsiCall call, String inst) {
        List<FsiFields> lines = call.fields().array("feedetail");
        String mdtrtId = lines.get(0).text("mdtrt_id");
        String psnNo = lines.get(0).text("psn_no");
        visits.checkPerson(visits.visit(mdtrtId, inst), psnNo);
        List<FeeLineInput> in = new ArrayList<>();
        for (FsiFields f : lines) {
            if (!mdtrtId.equals(f.text("mdtrt_id"))) throw FsiException.invalid(f.path("mdtrt_id"), "all lines must belong to one visit");
            in.add(fee(f));
        }
        List<FsiVisits.Classified> result = visits.uploadFees(mdtrtId, inst, in);
        ObjectNode out = empty();
        ArrayNode arr = out.putArray("result");
        for (FsiVisits.Classified c : result) arr.add(lineResult(c));
        return out;
    }

    static FeeLineInput fee(FsiFields f) {
        long amount = f.amount("det_item_fee_sumamt");
        java.math.BigDecimal cnt = f.decimal("cnt", 4);
        java.math.BigDecimal pric = f.decimal("pric", 6);
        if (cnt.signum() <= 0) throw FsiException.invalid(f.path("cnt"), "must be positive (cancel a line with 2205/2302)");
        if (pric.signum() < 0) throw FsiException.invalid(f.path("pric"), "must not be negative");
        // fsi_fee_detail holds cnt as numeric(16,4) and pric as numeric(16,6)
        checkIntegerDigits(f, "cnt", cnt, 12);
        checkIntegerDigits(f, "pric", pric, 10);
        // det_item_fee_sumamt must be cnt × pric to the fen (compared as decimals: the product may exceed a long in fen)
        java.math.BigDecimal expected = cnt.multiply(pric).setScale(2, java.math.RoundingMode.HALF_UP);
        if (expected.subtract(org.openyibao.engine.money.Money.yuan(amount)).abs().compareTo(ONE_FEN) > 0) {
            throw FsiException.invalid(f.path("det_item_fee_sumamt"), org.openyibao.engine.money.Money.format(amount)
                    + " is not cnt × pric = " + expected.toPlainString());
        }
        return new FeeLineInput(f.text("feedetl_sn", 40), f.optText("chrg_bchno", 40), f.text("med_list_codg", 60),
                f.optText("medins_list_codg", 60), f.optDateTime("fee_ocur_time"), amount, cnt, pric);
    }

    private static final java.math.BigDecimal ONE_FEN = new java.math.BigDecimal("0.01");

    private static void checkIntegerDigits(FsiFields f, String name, java.math.BigDecimal v, int max) {
        if (v.precision() - v.scale() > max) {
            throw FsiException.invalid(f.path(name), "at most " + max + " digits before the point, got " + v.toPlainString());
        }
    }

    static ObjectNode lineResult(FsiVisits.Classified c) {
        ObjectNode r = SettlementReply.F.objectNode();
        r.put("feedetl_sn", c.in().feedetlSn());
        SettlementReply.money(r, "det_item_fee_sumamt", c.in().amountFen());
        r.put("cnt", c.in().cnt());
        r.put("pric", c.in().pric());
        r.put("pric_uplmt_amt", c.priceLimitFen() < 0 ? new java.math.BigDecimal("999999")
                : org.openyibao.engine.money.Money.yuan(c.priceLimitFen()));
        r.put("selfpay_prop", org.openyibao.engine.money.Money.ratio(c.selfpayPpm()));
        SettlementReply.money(r, "fulamt_ownpay_amt", c.fulamt());
        SettlementReply.money(r, "overlmt_amt", c.overFen());
        SettlementReply.money(r, "preselfpay_amt", c.preFen());
        SettlementReply.money(r, "inscp_scp_amt", c.inscp());
        r.put("chrgitm_lv", c.cls() == LineClass.A ? "01" : c.cls() == LineClass.B ? "02" : "03");
        r.put("med_chrgitm_type", c.in().medListCodg().startsWith("X") || c.in().medListCodg().startsWith("Z") ? "09" : "14");
        r.put("bas_medn_flag", "0");
        r.put("hi_nego_drug_flag", "0");
        r.put("chld_medc_flag", "0");
        r.put("list_sp_item_flag", "0");
        r.put("lmt_used_flag", "0");
        r.put("drt_reim_flag", "0");
        r.putNull("memo");
        r.putNull("exp_content");
        return r;
    }

    // ------------------------------------------------------------------------------ settlement

    private static String medType(FsiFields d, String infno) {
        String m = d.optText("med_type");
        if (m != null) return m;
        return infno.startsWith("23") ? "21" : infno.startsWith("21") ? "41" : "11";
    }

    private static void checkTotal(FsiFields d, Settlement s) {
        Long claimed = d.optAmount("medfee_sumamt");
        if (claimed != null && claimed != s.medfeeSumamt()) {
            throw FsiException.business("medfee_sumamt: " + org.openyibao.engine.money.Money.format(claimed)
                    + " does not match the uploaded fee details (" + org.openyibao.engine.money.Money.format(s.medfeeSumamt()) + ")");
        }
    }

    /** 2207 carries the four amounts the client copied from 2206: they must agree with the settlement. */
    private static void checkCopiedAmounts(FsiFields d, Settlement s) {
        check(d, "fulamt_ownpay_amt", s.fulamtOwnpayAmt());
        check(d, "overlmt_selfpay", s.overlmtSelfpay());
        check(d, "preselfpay_amt", s.preselfpayAmt());
        check(d, "inscp_scp_amt", s.inscpScpAmt());
    }

    private static void check(FsiFields d, String field, long actual) {
        Long claimed = d.optAmount(field);
        if (claimed != null && claimed != actual) {
            throw FsiException.business(field + ": " + org.openyibao.engine.money.Money.format(claimed)
                    + " differs from the settlement's " + org.openyibao.engine.money.Money.format(actual)
                    + " (fee details changed since the pre-settlement?)");
        }
    }

    private ObjectNode reply(FsiCall call, Settled s, String setlId, String mdtrtId, String medType) {
        String clrType = s.visit().type().key.equals("inpatient") ? "21" : s.visit().type().key.equals("pharmacy") ? "41" : "11";
        // the person as the settlement locked them, and the enrolment it used: scheme and employment
        Optional<Coverage> cover = Optional.ofNullable(s.coverage());
        return SettlementReply.build(s.settlement(), false, setlId, mdtrtId, s.person(), cover.map(Coverage::scheme).orElse(null),
                cover.map(Coverage::employment).orElse(null), medType, clrType, s.admdvs(), call.msgid(), call.now());
    }

    private JsonNode cancelSettlement(FsiCall call, String setlId, String mdtrtId, String psnNo) {
        Map<String, Object> fs = visits.cancelSettlement(setlId, mdtrtId, call.fixmedinsCode(), psnNo);
        return cancelled(call, fs);
    }

    /** The cancelled settlement's fields with their cancellation signs: the amounts negated (2208/2305 samples). */
    ObjectNode cancelled(FsiCall call, Map<String, Object> fs) {
        Map<String, Object> row = jdbc.queryForMap("SELECT s.*, p.psn_no FROM settlement s JOIN person p ON p.id = s.person_id"
                + " WHERE s.setl_id = ?", fs.get("setl_id"));
        // the enrolment of the settled day, as the settlement read it (one row even where enrolments overlap)
        Optional<Coverage> cover = enrolments.coverageOn(((Number) row.get("person_id")).longValue(),
                SettlementReply.toDate(row.get("visit_date")));
        // the reply's balc is the account balance after the cancellation gave the payment back
        List<Long> balance = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class,
                row.get("person_id"));
        row.put("balc", balance.isEmpty() ? 0L : balance.get(0));
        Settlement s = SettlementStore.fromRow(row);
        Map<String, Object> person = visits.person((String) row.get("psn_no"));
        String kind = (String) row.get("visit_type");
        return SettlementReply.build(s, true, (String) fs.get("setl_id"), (String) fs.get("mdtrt_id"), person,
                cover.map(Coverage::scheme).orElse(null), cover.map(Coverage::employment).orElse(null), (String) fs.get("med_type"),
                "inpatient".equals(kind) ? "21" : "pharmacy".equals(kind) ? "41" : "11", (String) row.get("admdvs"),
                call.msgid(), call.now());
    }

    // ------------------------------------------------------------------------------ pharmacy

    /** 2101 / 2102: one call carries the purchase and its lines; 2101 records nothing. */
    private JsonNode pharmacy(FsiCall call, String inst) {
        FsiFields info = call.fields().object("druginfo");
        List<FsiFields> lines = call.fields().array("drugdetail");
        String psnNo = info.text("psn_no");
        List<String> dx = new ArrayList<>();
        if (info.optText("dise_codg") != null) dx.add(info.optText("dise_codg", 20));
        String mdtrtId = visits.open("pharmacy", inst, psnNo, "41", info.optText("insutype", 10), null, info.dateTime("begntime"), dx);
        List<FeeLineInput> in = new ArrayList<>();
        for (FsiFields f : lines) in.add(fee(f));
        List<FsiVisits.Classified> classified = visits.uploadFees(mdtrtId, inst, in);
        Settled s;
        if ("2101".equals(call.infno())) {
            s = visits.preSettle(mdtrtId, inst, psnNo, null);
            checkTotal(info, s.settlement());
            dryRun();
        } else {
            s = visits.settle(mdtrtId, inst, psnNo, null, call.infno(), call.msgid(), "41", info.amount("medfee_sumamt"),
                    call.now());
        }
        ObjectNode out = reply(call, s, s.setlId(), mdtrtId, "41");
        ArrayNode cut = out.putArray("detlcutinfo");
        for (FsiVisits.Classified c : classified) {
            ObjectNode r = lineResult(c);
            r.remove("lmt_used_flag");
            r.remove("exp_content");
            cut.add(r);
        }
        return out;
    }

    private static ObjectNode empty() {
        return SettlementReply.F.objectNode();
    }
}
