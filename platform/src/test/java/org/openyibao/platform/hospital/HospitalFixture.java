package org.openyibao.platform.hospital;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.transactions.ClearingTransactions;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.RegionFixture;
import org.openyibao.platform.support.TestDatabase;

/**
 * A Zhanjiang-pack region with institutions, settlements inserted as SettlementService records them (a settlement
 * row, the interface's visit and settlement, the entry Dr benefits / Cr payable_institutions per fund), the 3203 and
 * 3204 interface transactions called directly, and the hospital-payment services on a clock whose "today" is
 * 2020-06-01 (2019 is over, every month of it begun).
 */
final class HospitalFixture {
    static final String ADMDVS = "440800";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong(1);

    final TestDatabase db;
    final RegionFixture region;
    final HospitalRegions regions;
    final Budgets budgets;
    final Prepayments prepayments;
    final ClearingDecisions clearing;
    final PaymentRuns runs;
    final InstitutionYearEnds yearEnds;
    final ClearingTransactions fsi;

    HospitalFixture(TestDatabase db) {
        this.db = db;
        this.region = RegionFixture.open(db, ADMDVS);
        Clock today = Clock.fixed(LocalDate.of(2020, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        this.regions = new HospitalRegions(db.jdbc, RegionFixture.PACKS);
        this.budgets = new Budgets(db.jdbc, db.tx, regions, today);
        this.prepayments = new Prepayments(db.jdbc, db.tx, region.ledger, regions, budgets, today);
        this.clearing = new ClearingDecisions(db.jdbc, db.tx, regions, today);
        this.runs = new PaymentRuns(db.jdbc, db.tx, region.ledger, regions, today);
        this.yearEnds = new InstitutionYearEnds(db.jdbc, db.tx, region.ledger, regions, budgets, prepayments, runs, today);
        this.fsi = new ClearingTransactions(db.jdbc);
    }

    void institution(String code, String name) {
        db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) VALUES (?, ?, 'level2',"
                + " 'hospital', ?, DATE '2010-01-01')", code, name, ADMDVS);
    }

    /**
     * A settled outpatient visit at {@code code} on {@code date} whose pooling fund pays {@code hifp}, the emergency
     * cover {@code oth} and serious illness {@code hifmi} (yuan); the person pays 100.00 in cash. Returns its setl_id.
     */
    String settle(String code, LocalDate date, String hifp, String oth, String hifmi) {
        long pooling = Money.fen(hifp), emergency = Money.fen(oth), serious = Money.fen(hifmi);
        long fund = pooling + emergency + serious, cash = 10_000, medfee = fund + cash;
        long person = region.person();
        String psnNo = db.jdbc.queryForObject("SELECT psn_no FROM person WHERE id = ?", String.class, person);
        long n = SEQ.getAndIncrement();
        String setlId = "S" + code + "-" + n + "-" + System.nanoTime() % 100000;
        String mdtrt = "M" + code + "-" + n + "-" + System.nanoTime() % 100000;
        long entry = region.post(JournalEntry.builder(ADMDVS, date, "settlement", setlId, "settlement " + setlId)
                .move(Fund.POOLING.account("benefits"), Fund.POOLING.account("payable_institutions"), pooling)
                .move(Fund.EMERGENCY.account("benefits"), Fund.EMERGENCY.account("payable_institutions"), emergency)
                .move(Fund.SERIOUS_ILLNESS.account("benefits"), Fund.SERIOUS_ILLNESS.account("payable_institutions"), serious)
                .build());
        db.jdbc.update("INSERT INTO settlement (setl_id, person_id, institution_code, admdvs, visit_date, visit_type,"
                + " medfee_sumamt, fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay,"
                + " pool_prop_selfpay, cvlserv_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt, acct_pay,"
                + " psn_cash_pay, psn_part_amt, hosp_part_amt, balc, eligible, trace, entry_id) VALUES (?, ?, ?, ?, ?,"
                + " 'outpatient', ?, 0, 0, 0, ?, 0, ?, 0, 0, ?, 0, 0, ?, ?, 0, ?, ?, 0, 0, TRUE, '{}', ?)", setlId, person, code,
                ADMDVS, date, medfee, medfee, pooling, serious, emergency, fund, cash, cash, entry);
        db.jdbc.update("INSERT INTO fsi_visit (mdtrt_id, fixmedins_code, person_id, psn_no, kind, begntime, status) VALUES"
                + " (?, ?, ?, ?, 'outpatient', ?, 'settled')", mdtrt, code, person, psnNo, date.atTime(9, 0));
        db.jdbc.update("INSERT INTO fsi_settlement (setl_id, mdtrt_id, fixmedins_code, infno, msgid, setl_time, status)"
                + " VALUES (?, ?, ?, '2207', ?, ?, 'settled')", setlId, mdtrt, code, "msg" + n, date.atTime(10, 0));
        return setlId;
    }

    /** 3203 for the institution's outpatient settlements of the period, with the totals they make; the application id. */
    String apply(String code, LocalDate from, LocalDate to) {
        java.util.Map<String, Object> t = db.jdbc.queryForMap("SELECT COALESCE(SUM(s.medfee_sumamt), 0) AS medfee,"
                + " COALESCE(SUM(s.fund_pay_sumamt), 0) AS fund, COALESCE(SUM(s.psn_cash_pay), 0) AS cash FROM fsi_settlement f"
                + " JOIN settlement s ON s.setl_id = f.setl_id WHERE f.fixmedins_code = ? AND f.status = 'settled'"
                + " AND CAST(f.setl_time AS DATE) BETWEEN ? AND ?", code, from, to);
        ObjectNode data = JSON.createObjectNode();
        data.put("clr_type", "11").put("clr_way", "1").put("begndate", from.toString()).put("enddate", to.toString())
                .put("medfee_sumamt", yuan(t.get("medfee"))).put("med_sumfee", yuan(t.get("medfee")))
                .put("fund_appy_sum", yuan(t.get("fund"))).put("cash_payamt", yuan(t.get("cash"))).put("acct_pay", "0.00");
        return fsi.handle(call("3203", code, data)).get("clr_appy_evt_id").asText();
    }

    /** 3204 for the application. */
    JsonNode cancel(String code, String id) {
        return fsi.handle(call("3204", code, JSON.createObjectNode().put("clr_appy_evt_id", id)));
    }

    private static String yuan(Object fen) {
        return Money.yuan(((Number) fen).longValue()).toPlainString();
    }

    private static FsiCall call(String infno, String code, ObjectNode data) {
        ObjectNode input = JSON.createObjectNode();
        input.set("data", data);
        return new FsiCall(infno, "msg-" + SEQ.getAndIncrement(), code, "hospital " + code, "sign", ADMDVS, ADMDVS, "opter",
                input, JSON.createObjectNode(), false, ZonedDateTime.of(2020, 6, 1, 10, 0, 0, 0, ZoneOffset.UTC));
    }

    long balance(String account) {
        return region.balance(account);
    }

    static BigDecimal y(String yuan) {
        return new BigDecimal(yuan);
    }
}
