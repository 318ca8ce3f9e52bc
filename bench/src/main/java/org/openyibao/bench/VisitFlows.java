package org.openyibao.bench;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

import org.openyibao.bench.LoadOptions.Psn;
import org.openyibao.engine.settlement.SettlementField;

/**
 * The visits one terminal runs, as a HIS or a pharmacy's till sends them:
 * <ul>
 *   <li>outpatient 2201 → 2203 → 2204 (10-20 fee lines, some above a price limit, some outside the catalogue) → 2206
 *   → 2207 with the four amounts copied from 2206;</li>
 *   <li>inpatient 2401 → 2301 (10-20 lines: bed days, ICU, CT, drugs, one admission in ten a stent) → 2402 → 2303 →
 *   2304;</li>
 *   <li>pharmacy purchase 2101 (pre-settlement) → 2102, one call each carrying the purchase and its 1-6 lines;</li>
 *   <li>a cancellation of the settlement just made: 2208, 2305 or 2103.</li>
 * </ul>
 * A settlement that disagrees with its pre-settlement, or breaks the 2207 identities, is an error, and so is a
 * cancellation that does not give back exactly what was settled; the flow is then abandoned. Not thread-safe: one per
 * terminal.
 */
final class VisitFlows {
    /** A settlement made: what cancels it and what 3201 reconciles it under. */
    record Settled(FlowKind kind, FsiSession session, Psn psn, String mdtrtId, String setlId, Object setlinfo) {}

    private final LoadStats stats;
    private final SplittableRandom rnd;
    private final int terminal;
    /** When the next call is meant to leave: the flow's start, then each reply's arrival. */
    private long next;

    VisitFlows(LoadStats stats, SplittableRandom rnd, int terminal) {
        this.stats = stats;
        this.rnd = rnd;
        this.terminal = terminal;
    }

    /** One settlement flow meant to start at {@code start} (nanoTime); the settlement, or null when it failed. */
    Settled run(FlowKind kind, FsiSession s, Psn p, long start) {
        next = start;
        Settled done = switch (kind) {
            case OUTPATIENT -> outpatient(s, p);
            case INPATIENT -> inpatient(s, p);
            case PHARMACY -> pharmacy(s, p);
        };
        if (done != null) {
            long now = System.nanoTime();
            stats.latency("flow-" + kind.key(), start, now);
            stats.settled(kind, now);
            stats.flowsOk.incrementAndGet();
        }
        return done;
    }

    private Object call(FsiSession s, String infno, String input) {
        Object r = s.call(infno, input, next);
        next = System.nanoTime();
        return r;
    }

    private Settled outpatient(FsiSession s, Psn p) {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String begn = now.minusMinutes(20 + rnd.nextInt(60)).format(FsiSession.TIME);
        String[] dx = FeeLines.OUTPATIENT_DX[rnd.nextInt(FeeLines.OUTPATIENT_DX.length)];
        Object reg = call(s, "2201", "{\"data\":{\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\"" + p.insutype() + "\",\"begntime\":\""
                + begn + "\"," + voucher(p) + ",\"ipt_otp_no\":\"OP" + terminal + "-" + FsiSession.nextSerial() + "\",\"atddr_no\":\"D0101\","
                + "\"dr_name\":\"李医生\",\"dept_code\":\"A03\",\"dept_name\":\"内科门诊\",\"caty\":\"A03\"}}");
        if (reg == null) return null;
        String mdtrtId = MiniJson.text(reg, "output", "data", "mdtrt_id");
        if (call(s, "2203", "{\"mdtrtinfo\":{\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + p.psnNo() + "\",\"med_type\":\"11\","
                + "\"begntime\":\"" + begn + "\",\"main_cond_dscr\":\"\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1]
                + "\",\"birctrl_type\":\"\",\"birctrl_matn_date\":\"\"},\"diseinfo\":[{\"diag_type\":\"1\",\"diag_srt_no\":\"1\","
                + "\"diag_code\":\"" + dx[0] + "\",\"diag_name\":\"" + dx[1] + "\",\"diag_dept\":\"内科门诊\",\"dise_dor_no\":\"D0101\","
                + "\"dise_dor_name\":\"李医生\",\"diag_time\":\"" + begn + "\",\"vali_flag\":\"1\"}]}") == null) return null;
        String batch = "B" + terminal + "-" + FsiSession.nextSerial();
        long[] total = new long[1];
        String fees = FeeLines.lines(FeeLines.OUTPATIENT, 10 + rnd.nextInt(11),
                new FeeLines.Visit(mdtrtId, p.psnNo(), "11", batch, now.minusMinutes(10), dx[0]), false, rnd, total);
        if (call(s, "2204", "{\"feedetail\":[" + fees + "]}") == null) return null;
        String data = "\"psn_no\":\"" + p.psnNo() + "\"," + voucher(p) + ",\"med_type\":\"11\",\"medfee_sumamt\":\""
                + FeeLines.yuan(total[0]) + "\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + mdtrtId + "\",\"chrg_bchno\":\"" + batch
                + "\",\"acct_used_flag\":\"" + accountFlag(p) + "\",\"insutype\":\"" + p.insutype() + "\"";
        return settle(s, p, FlowKind.OUTPATIENT, "2206", data);
    }

    private Settled inpatient(FsiSession s, Psn p) {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        LocalDateTime begnAt = now.minusDays(3 + rnd.nextInt(10)).withHour(8 + rnd.nextInt(10));
        String begn = begnAt.format(FsiSession.TIME);
        String[] dx = FeeLines.INPATIENT_DX[rnd.nextInt(FeeLines.INPATIENT_DX.length)];
        String ipt = "IP" + terminal + "-" + FsiSession.nextSerial();
        String disease = "{\"psn_no\":\"" + p.psnNo() + "\",\"diag_type\":\"1\",\"maindiag_flag\":\"1\",\"diag_srt_no\":\"1\",\"diag_code\":\""
                + dx[0] + "\",\"diag_name\":\"" + dx[1] + "\",\"adm_cond\":\"\",\"diag_dept\":\"心内科\",\"dise_dor_no\":\"D0201\","
                + "\"dise_dor_name\":\"张医生\",\"diag_time\":\"" + begn + "\"}";
        Object adm = call(s, "2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\"" + p.insutype() + "\",\"coner_name\":\"\","
                + "\"tel\":\"\",\"begntime\":\"" + begn + "\"," + voucher(p) + ",\"med_type\":\"21\",\"ipt_no\":\"" + ipt + "\",\"medrcdno\":\""
                + ipt + "\",\"atddr_no\":\"D0201\",\"chfpdr_name\":\"张医生\",\"adm_diag_dscr\":\"" + dx[1] + "\",\"adm_dept_codg\":\"A03.01\","
                + "\"adm_dept_name\":\"心内科\",\"adm_bed\":\"" + (1 + rnd.nextInt(60)) + "\",\"dscg_maindiag_code\":\"" + dx[0]
                + "\",\"dscg_maindiag_name\":\"" + dx[1] + "\",\"main_cond_dscr\":\"\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1]
                + "\",\"oprn_oprt_code\":\"\",\"oprn_oprt_name\":\"\",\"fpsc_no\":\"\",\"matn_type\":\"\",\"birctrl_type\":\"\","
                + "\"latechb_flag\":\"\",\"geso_val\":\"\",\"fetts\":\"\",\"fetus_cnt\":\"\",\"pret_flag\":\"\",\"birctrl_matn_date\":\"\","
                + "\"dise_type_code\":\"\"},\"diseinfo\":[" + disease + "]}");
        if (adm == null) return null;
        String mdtrtId = MiniJson.text(adm, "output", "result", "mdtrt_id");
        long[] total = new long[1];
        String fees = FeeLines.lines(FeeLines.INPATIENT, 10 + rnd.nextInt(11),
                new FeeLines.Visit(mdtrtId, p.psnNo(), "21", null, begnAt.plusHours(2), dx[0]), rnd.nextInt(10) == 0, rnd, total);
        if (call(s, "2301", "{\"feedetail\":[" + fees + "]}") == null) return null;
        if (call(s, "2402", "{\"dscginfo\":{\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + p.psnNo() + "\",\"insutype\":\""
                + p.insutype() + "\",\"endtime\":\"" + now.minusMinutes(5).format(FsiSession.TIME) + "\",\"dise_codg\":\"" + dx[0]
                + "\",\"dise_name\":\"" + dx[1] + "\",\"oprn_oprt_code\":\"\",\"oprn_oprt_name\":\"\",\"fpsc_no\":\"\",\"matn_type\":\"\","
                + "\"birctrl_type\":\"\",\"latechb_flag\":\"\",\"geso_val\":\"\",\"fetts\":\"\",\"fetus_cnt\":\"\",\"pret_flag\":\"\","
                + "\"birctrl_matn_date\":\"\",\"cop_flag\":\"\",\"dscg_dept_codg\":\"A03.01\",\"dscg_dept_name\":\"心内科\",\"dscg_bed\":\"12\","
                + "\"dscg_way\":\"1\",\"die_date\":\"\"},\"diseinfo\":[" + disease.replace("\"diag_type\":\"1\"", "\"diag_type\":\"1\",\"mdtrt_id\":\""
                + mdtrtId + "\"") + "]}") == null) return null;
        String data = "\"psn_no\":\"" + p.psnNo() + "\"," + voucher(p) + ",\"medfee_sumamt\":\"" + FeeLines.yuan(total[0])
                + "\",\"psn_setlway\":\"01\",\"mdtrt_id\":\"" + mdtrtId + "\",\"insutype\":\"" + p.insutype() + "\",\"acct_used_flag\":\""
                + accountFlag(p) + "\",\"mid_setl_flag\":\"0\",\"invono\":\"\"";
        return settle(s, p, FlowKind.INPATIENT, "2303", data);
    }

    /** 2101 then 2102 with the same purchase: a pharmacy's till asks what the fund pays, then settles. */
    private Settled pharmacy(FsiSession s, Psn p) {
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String[] dx = FeeLines.OUTPATIENT_DX[rnd.nextInt(FeeLines.OUTPATIENT_DX.length)];
        long[] total = new long[1];
        String lines = FeeLines.lines(FeeLines.PHARMACY, 1 + rnd.nextInt(6),
                new FeeLines.Visit(null, p.psnNo(), "41", null, now.minusMinutes(3), dx[0]), false, rnd, total);
        String purchase = "{\"druginfo\":{\"psn_no\":\"" + p.psnNo() + "\"," + voucher(p) + ",\"begntime\":\""
                + now.minusMinutes(3).format(FsiSession.TIME) + "\",\"medfee_sumamt\":\"" + FeeLines.yuan(total[0]) + "\",\"invono\":\"\","
                + "\"insutype\":\"" + p.insutype() + "\",\"dise_codg\":\"" + dx[0] + "\",\"dise_name\":\"" + dx[1] + "\",\"acct_used_flag\":\""
                + accountFlag(p) + "\",\"med_type\":\"41\"},\"drugdetail\":[" + lines + "]}";
        Object pre = call(s, "2101", purchase);
        if (pre == null) return null;
        Object done = call(s, "2102", purchase);
        return done == null ? null : checked(s, p, FlowKind.PHARMACY, "2101", pre, done);
    }

    /** Pre-settlement, then the settlement with the four amounts copied from it. */
    private Settled settle(FsiSession s, Psn p, FlowKind kind, String preInfno, String data) {
        Object pre = call(s, preInfno, "{\"data\":{" + data + "}}");
        if (pre == null) return null;
        Object pi = MiniJson.at(pre, "output", "setlinfo");
        String copied = data + ",\"fulamt_ownpay_amt\":\"" + MiniJson.text(pi, "fulamt_ownpay_amt")
                + "\",\"overlmt_selfpay\":\"" + MiniJson.text(pi, "overlmt_selfpay") + "\",\"preselfpay_amt\":\""
                + MiniJson.text(pi, "preselfpay_amt") + "\",\"inscp_scp_amt\":\"" + MiniJson.text(pi, "inscp_scp_amt") + "\"";
        Object done = call(s, kind.settleInfno, "{\"data\":{" + copied + "}}");
        return done == null ? null : checked(s, p, kind, preInfno, pre, done);
    }

    /** The settlement if it agrees with its pre-settlement field by field and keeps the 2207 identities; else an error. */
    private Settled checked(FsiSession s, Psn p, FlowKind kind, String preInfno, Object pre, Object done) {
        String infno = kind.settleInfno;
        Object pi = MiniJson.at(pre, "output", "setlinfo"), si = MiniJson.at(done, "output", "setlinfo");
        // every national settlement field is the pre-settlement's (nobody else settles this person meanwhile)
        for (SettlementField sf : SettlementField.values()) {
            String f = sf.national();
            if (!same(MiniJson.at(pi, f), MiniJson.at(si, f))) {
                stats.error(infno, infno + " " + f + " " + MiniJson.at(si, f) + " differs from " + preInfno + "'s " + MiniJson.at(pi, f));
                return null;
            }
        }
        BigDecimal total = dec(si, "medfee_sumamt");
        if (total.compareTo(dec(si, "fund_pay_sumamt").add(dec(si, "psn_part_amt")).add(dec(si, "hosp_part_amt"))) != 0
                || total.compareTo(dec(si, "fulamt_ownpay_amt").add(dec(si, "overlmt_selfpay")).add(dec(si, "preselfpay_amt"))
                .add(dec(si, "inscp_scp_amt"))) != 0) {
            stats.error(infno, infno + " breaks the 2207 identities");
            return null;
        }
        return new Settled(kind, s, p, MiniJson.text(si, "mdtrt_id"), MiniJson.text(si, "setl_id"), si);
    }

    /** 2208 / 2305 / 2103 of a settlement just made; true when it gave back exactly what was settled. */
    boolean cancel(Settled x) {
        next = System.nanoTime();
        String infno = x.kind().cancelInfno;
        Object r = call(x.session(), infno, "{\"data\":{\"setl_id\":\"" + x.setlId() + "\",\"mdtrt_id\":\"" + x.mdtrtId()
                + "\",\"psn_no\":\"" + x.psn().psnNo() + "\"}}");
        if (r == null) return false;
        Object ci = MiniJson.at(r, "output", "setlinfo");
        for (String f : new String[] {"medfee_sumamt", "fund_pay_sumamt", "acct_pay"}) {
            if (dec(ci, f).negate().compareTo(dec(x.setlinfo(), f)) != 0) {
                stats.error(infno, infno + " " + f + " " + MiniJson.at(ci, f) + " does not cancel " + MiniJson.at(x.setlinfo(), f));
                return false;
            }
        }
        return true;
    }

    private static String voucher(Psn p) {
        return "\"mdtrt_cert_type\":\"" + (p.certNo() != null ? "02" : "03") + "\",\"mdtrt_cert_no\":" + MiniJson.quote(p.certNo());
    }

    private static String accountFlag(Psn p) {
        return "310".equals(p.insutype()) ? "1" : "0";
    }

    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) return x.compareTo(y) == 0;
        return a == null ? b == null : a.equals(b);
    }

    static BigDecimal dec(Object o, String field) {
        Object v = MiniJson.at(o, field);
        return v instanceof BigDecimal d ? d : v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
    }
}
