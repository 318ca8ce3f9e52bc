package org.openyibao.platform.fsi.transactions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Catalogue;
import org.openyibao.engine.policy.EmergencyCase;
import org.openyibao.engine.policy.LineClass;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.FeeLine;
import org.openyibao.engine.settlement.Visit;
import org.openyibao.platform.casepayment.CaseCapture;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.registry.InstitutionDirectory;
import org.openyibao.platform.settlement.SettlementService.Settled;
import org.openyibao.platform.web.ApiException;

/**
 * The visits institutions report over the national interface: registration or admission, diagnoses,
 * fee details (classified with the treatment place's catalogue, REFERENCE §4), pre-settlement and
 * settlement through {@link SettlementService}, cancellations. An institution only ever sees its own
 * visits: another institution's mdtrt_id reads as unknown.
 */
@Service
public class FsiVisits {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final JdbcTemplate jdbc;
    private final SettlementService settlements;
    private final PolicyPacks packs;
    private final InstitutionDirectory institutions;
    private final CaseCapture cases;

    public FsiVisits(JdbcTemplate jdbc, SettlementService settlements, PolicyPacks packs, InstitutionDirectory institutions,
                     CaseCapture cases) {
        this.jdbc = jdbc;
        this.settlements = settlements;
        this.packs = packs;
        this.institutions = institutions;
        this.cases = cases;
    }

    /** A person by psn_no, or a business error. */
    Map<String, Object> person(String psnNo) {
        List<Map<String, Object>> p = jdbc.queryForList("SELECT * FROM person WHERE psn_no = ?", psnNo);
        if (p.isEmpty()) throw FsiException.business("psn_no: no such insured person");
        return p.get(0);
    }

    /** Opens a visit (2201 registration, 2401 admission, a pharmacy purchase); returns its mdtrt_id. */
    String open(String kind, String fixmedins, String psnNo, String medType, String insutype, String iptOtpNo,
                LocalDateTime begntime, List<String> diagnoses) {
        long serial = jdbc.queryForObject("SELECT NEXTVAL('fsi_mdtrt_seq')", Long.class);
        String mdtrtId = admdvs(fixmedins) + begntime.format(ID_TIME) + String.format("%010d", serial % 10_000_000_000L);
        // the person found by the insert itself: no row inserted, no such person
        int inserted = jdbc.update("INSERT INTO fsi_visit (mdtrt_id, fixmedins_code, person_id, psn_no, kind, med_type, insutype,"
                        + " ipt_otp_no, begntime, diagnoses, status) SELECT ?, ?, p.id, p.psn_no, ?, ?, ?, ?, ?, ?, 'open'"
                        + " FROM person p WHERE p.psn_no = ?",
                mdtrtId, fixmedins, kind, medType, insutype, iptOtpNo, begntime, String.join(",", diagnoses), psnNo);
        if (inserted == 0) {
            person(psnNo); // refuses: no such person
            throw new IllegalStateException("visit " + mdtrtId + " was not opened");
        }
        return mdtrtId;
    }

    /**
     * The caller's own visit, locked for this transaction. A transaction reads the row once: while it holds the
     * lock nobody else can change it, and every change this class makes to it updates or forgets the copy kept
     * for the transaction ({@link LockedVisits}), so a second call returns what the database would.
     */
    Map<String, Object> visit(String mdtrtId, String fixmedins) {
        LockedVisits locked = lockedVisits();
        String key = fixmedins + '\u0000' + mdtrtId;
        if (locked != null) {
            Map<String, Object> row = locked.rows.get(key);
            if (row != null) return row;
        }
        List<Map<String, Object>> v = jdbc.queryForList("SELECT * FROM fsi_visit WHERE mdtrt_id = ? AND fixmedins_code = ? FOR UPDATE",
                mdtrtId, fixmedins);
        if (v.isEmpty()) throw FsiException.business("mdtrt_id: no such visit at this institution");
        if (locked != null) locked.rows.put(key, v.get(0));
        return v.get(0);
    }

    /** The visit rows this transaction has locked (FOR UPDATE) and read; registered as its synchronization. */
    private final class LockedVisits implements TransactionSynchronization {
        final Map<String, Map<String, Object>> rows = new HashMap<>();

        FsiVisits owner() {
            return FsiVisits.this;
        }
    }

    private LockedVisits lockedVisits() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) return null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof LockedVisits l && l.owner() == this) return l;
        }
        LockedVisits l = new LockedVisits();
        TransactionSynchronizationManager.registerSynchronization(l);
        return l;
    }

    /** The visit row changed in this transaction: the next {@link #visit} reads it again (it is still locked). */
    private void changed(String mdtrtId) {
        LockedVisits locked = lockedVisits();
        if (locked != null) locked.rows.values().removeIf(r -> mdtrtId.equals(r.get("mdtrt_id")));
    }

    void checkPerson(Map<String, Object> visit, String psnNo) {
        if (psnNo != null && !psnNo.equals(visit.get("psn_no"))) {
            throw FsiException.business("psn_no: the visit belongs to another person");
        }
    }

    /** 2203: the caller's visit of {@code psnNo} gets its diagnoses (one update; why not, looked up only when not). */
    void setDiagnoses(String mdtrtId, String fixmedins, String psnNo, List<String> diagnoses, String medType) {
        int n = jdbc.update("UPDATE fsi_visit SET diagnoses = ?, med_type = COALESCE(?, med_type) WHERE mdtrt_id = ?"
                + " AND fixmedins_code = ? AND psn_no = ?", String.join(",", diagnoses), medType, mdtrtId, fixmedins, psnNo);
        changed(mdtrtId);
        if (n == 0) {
            checkPerson(visit(mdtrtId, fixmedins), psnNo); // no such visit here, or another person's
            throw new IllegalStateException("visit " + mdtrtId + " was not updated");
        }
    }

    /** 2402: the caller's open (or discharged) visit of {@code psnNo} is discharged (one update; why not, looked up only when not). */
    void discharge(String mdtrtId, String fixmedins, String psnNo, LocalDateTime endtime, List<String> diagnoses) {
        String dx = String.join(",", diagnoses);
        int n = jdbc.update("UPDATE fsi_visit SET status = 'discharged', endtime = ?, diagnoses = CASE WHEN ? = '' THEN diagnoses"
                + " ELSE ? END WHERE mdtrt_id = ? AND fixmedins_code = ? AND psn_no = ? AND status IN ('open', 'discharged')",
                endtime, dx, dx, mdtrtId, fixmedins, psnNo);
        changed(mdtrtId);
        if (n == 0) {
            Map<String, Object> v = visit(mdtrtId, fixmedins); // no such visit here,
            checkPerson(v, psnNo); // another person's,
            requireOpen(v); // or settled or cancelled
            throw new IllegalStateException("visit " + mdtrtId + " was not discharged");
        }
    }

    void cancelDischarge(String mdtrtId, String fixmedins) {
        Map<String, Object> v = visit(mdtrtId, fixmedins);
        if (!"discharged".equals(v.get("status"))) throw FsiException.business("mdtrt_id: the visit is not discharged");
        jdbc.update("UPDATE fsi_visit SET status = 'open', endtime = NULL WHERE mdtrt_id = ?", mdtrtId);
        changed(mdtrtId);
    }

    /** 2202 / 2404: only a visit with nothing settled and no fee details left can be cancelled. */
    void cancelVisit(String mdtrtId, String fixmedins) {
        Map<String, Object> v = visit(mdtrtId, fixmedins);
        if ("cancelled".equals(v.get("status"))) throw FsiException.business("mdtrt_id: the visit is already cancelled");
        Integer settled = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_settlement WHERE mdtrt_id = ? AND status = 'settled'",
                Integer.class, mdtrtId);
        if (settled > 0) throw FsiException.business("mdtrt_id: the visit has a settlement; cancel the settlement first");
        Integer fees = jdbc.queryForObject("SELECT COUNT(*) FROM fsi_fee_detail WHERE mdtrt_id = ? AND status = 'active'",
                Integer.class, mdtrtId);
        if (fees > 0) throw FsiException.business("mdtrt_id: the visit has fee details; cancel them first");
        jdbc.update("UPDATE fsi_visit SET status = 'cancelled' WHERE mdtrt_id = ?", mdtrtId);
        changed(mdtrtId);
    }

    private static void requireOpen(Map<String, Object> v) {
        String status = (String) v.get("status");
        if (!"open".equals(status) && !"discharged".equals(status)) {
            throw FsiException.business("mdtrt_id: the visit is " + status);
        }
    }

    /** A classified fee line, as 2204/2301 answer it. */
    record Classified(FeeLineInput in, LineClass cls, int selfpayPpm, long priceLimitFen, long overFen, long preFen) {
        long fulamt() {
            return cls == LineClass.C ? in.amountFen() : 0;
        }

        long inscp() {
            return cls == LineClass.C ? 0 : in.amountFen() - overFen - preFen;
        }
    }

    /**
     * Stores fee details and classifies each with the treatment place's catalogue. One query reads the visit's
     * lines (the visit row is locked: no other transaction adds to it meanwhile), one batch inserts the new ones.
     * A feedetl_sn already active or settled for the visit, or given twice, is refused; a cancelled one is replaced.
     */
    List<Classified> uploadFees(String mdtrtId, String fixmedins, List<FeeLineInput> lines) {
        Map<String, Object> v = visit(mdtrtId, fixmedins);
        requireOpen(v);
        PolicyPack pack = packs.pack(pack(fixmedins));
        Catalogue catalogue = pack.catalogue();
        int defaultRatio = pack.asOf(((java.sql.Timestamp) v.get("begntime")).toLocalDateTime().toLocalDate()).defaultSelfPayFirst.ppm();
        Map<String, String> stored = new HashMap<>(); // feedetl_sn → status
        jdbc.query("SELECT feedetl_sn, status FROM fsi_fee_detail WHERE mdtrt_id = ?",
                rs -> {
                    stored.put(rs.getString(1), rs.getString(2));
                }, mdtrtId);
        Set<String> uploaded = new HashSet<>();
        List<Object[]> replaced = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<Classified> out = new ArrayList<>();
        for (FeeLineInput l : lines) {
            String status = stored.get(l.feedetlSn());
            if ((status != null && !"cancelled".equals(status)) || !uploaded.add(l.feedetlSn())) {
                throw FsiException.business("feedetl_sn: " + l.feedetlSn() + " was already uploaded for this visit");
            }
            Classified c = classify(l, catalogue, defaultRatio);
            if (status != null) replaced.add(new Object[] {mdtrtId, l.feedetlSn()});
            rows.add(new Object[] {mdtrtId, l.feedetlSn(), l.chrgBchno(), l.medListCodg(), l.medinsListCodg(), l.feeOcurTime(),
                    l.amountFen(), l.cnt(), l.pric(), c.cls().key, c.selfpayPpm(), c.overFen(),
                    c.priceLimitFen() < 0 ? null : c.priceLimitFen()});
            out.add(c);
        }
        if (!replaced.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM fsi_fee_detail WHERE mdtrt_id = ? AND feedetl_sn = ? AND status = 'cancelled'", replaced);
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO fsi_fee_detail (mdtrt_id, feedetl_sn, chrg_bchno, med_list_codg, medins_list_codg,"
                    + " fee_ocur_time, amount_fen, cnt, pric, line_class, selfpay_prop_ppm, over_limit_fen, price_limit_fen,"
                    + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active')", rows);
        }
        return out;
    }

    /**
     * Class from the catalogue; an item not in it is fully self-paid (class C). The part of the unit
     * price above the price limit, times the quantity, is over-limit; class B's self-pay-first share
     * applies to the rest, half-up per line (the engine's rule, REFERENCE §3).
     */
    static Classified classify(FeeLineInput l, Catalogue catalogue, int defaultRatio) {
        Catalogue.Item item = catalogue.find(l.medListCodg());
        LineClass cls = item == null ? LineClass.C : item.lineClass();
        long limit = item == null ? -1 : item.priceLimitFen();
        long over = 0;
        if (cls != LineClass.C && limit >= 0) {
            BigDecimal excess = l.pric().subtract(Money.yuan(limit));
            if (excess.signum() > 0) {
                over = Math.min(l.amountFen(), Money.fen(excess.multiply(l.cnt()).abs().setScale(2, RoundingMode.HALF_UP)));
            }
        }
        int ratio = cls == LineClass.B ? (item.selfPayFirstPpm() > 0 ? item.selfPayFirstPpm() : defaultRatio)
                : cls == LineClass.C ? Money.PPM : 0;
        long pre = cls == LineClass.B ? Money.applyRatio(l.amountFen() - over, ratio) : 0;
        return new Classified(l, cls, ratio, limit, over, pre);
    }

    /** 2205 / 2302: cancels one line, a batch, or every active line ("0000"). */
    int cancelFees(String mdtrtId, String fixmedins, String feedetlSn, String chrgBchno) {
        visit(mdtrtId, fixmedins);
        if (feedetlSn != null && !feedetlSn.isBlank() && !"0000".equals(feedetlSn)) {
            return jdbc.update("UPDATE fsi_fee_detail SET status = 'cancelled' WHERE mdtrt_id = ? AND feedetl_sn = ? AND status = 'active'",
                    mdtrtId, feedetlSn);
        }
        if (chrgBchno != null && !chrgBchno.isBlank()) {
            return jdbc.update("UPDATE fsi_fee_detail SET status = 'cancelled' WHERE mdtrt_id = ? AND chrg_bchno = ? AND status = 'active'",
                    mdtrtId, chrgBchno);
        }
        return jdbc.update("UPDATE fsi_fee_detail SET status = 'cancelled' WHERE mdtrt_id = ? AND status = 'active'", mdtrtId);
    }

    /** The engine's visit from the stored, active fee details (of one batch when given). */
    private SettlementService.VisitSource source(Map<String, Object> v, String chrgBchno) {
        List<Map<String, Object>> rows = chrgBchno == null
                ? jdbc.queryForList("SELECT * FROM fsi_fee_detail WHERE mdtrt_id = ? AND status = 'active' ORDER BY feedetl_sn",
                v.get("mdtrt_id"))
                : jdbc.queryForList("SELECT * FROM fsi_fee_detail WHERE mdtrt_id = ? AND chrg_bchno = ? AND status = 'active'"
                + " ORDER BY feedetl_sn", v.get("mdtrt_id"), chrgBchno);
        if (rows.isEmpty()) throw FsiException.business("chrg_bchno: no fee details uploaded for this settlement");
        FeeLine[] lines = new FeeLine[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            Map<String, Object> r = rows.get(i);
            // the national fee detail has no comorbidity flag: an emergency case's lines are all emergency lines
            lines[i] = new FeeLine((String) r.get("med_list_codg"), LineClass.of((String) r.get("line_class")),
                    ((Number) r.get("amount_fen")).longValue(), ((Number) r.get("selfpay_prop_ppm")).intValue(),
                    ((Number) r.get("over_limit_fen")).longValue(), false);
        }
        String kind = (String) v.get("kind");
        VisitType type = "inpatient".equals(kind) ? VisitType.INPATIENT : "pharmacy".equals(kind) ? VisitType.PHARMACY
                : VisitType.OUTPATIENT;
        String dx = (String) v.get("diagnoses");
        String[] diagnoses = dx == null || dx.isBlank() ? new String[0]
                : Arrays.stream(dx.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
        LocalDate date = settlementDate(v);
        return (pack, level) -> new Visit(date, type, level, diagnoses, EmergencyCase.NONE, lines);
    }

    static LocalDate settlementDate(Map<String, Object> v) {
        Object end = v.get("endtime");
        Object begin = v.get("begntime");
        return ((java.sql.Timestamp) (end != null ? end : begin)).toLocalDateTime().toLocalDate();
    }

    /** 2206 / 2303 / 2101: the settlement the visit would get now; records nothing. */
    Settled preSettle(String mdtrtId, String fixmedins, String psnNo, String chrgBchno) {
        Map<String, Object> v = visit(mdtrtId, fixmedins);
        checkPerson(v, psnNo);
        requireOpen(v);
        return call(() -> settlements.estimate((String) v.get("psn_no"), fixmedins, settlementDate(v), source(v, chrgBchno)));
    }

    /** 2207 / 2304 / 2102: settles the visit's active fee details and links the settlement to the visit, settled at {@code setlTime}. */
    Settled settle(String mdtrtId, String fixmedins, String psnNo, String chrgBchno, String infno, String msgid,
                   String medType, Long claimedTotalFen, LocalDateTime setlTime) {
        Map<String, Object> v = visit(mdtrtId, fixmedins);
        checkPerson(v, psnNo);
        requireOpen(v);
        Settled s = call(() -> settlements.settle((String) v.get("psn_no"), fixmedins, settlementDate(v), source(v, chrgBchno)));
        if (claimedTotalFen != null && claimedTotalFen != s.settlement().medfeeSumamt()) {
            throw FsiException.business("medfee_sumamt: " + Money.format(claimedTotalFen) + " does not match the uploaded fee details ("
                    + Money.format(s.settlement().medfeeSumamt()) + ")");
        }
        jdbc.update("INSERT INTO fsi_settlement (setl_id, mdtrt_id, fixmedins_code, chrg_bchno, infno, msgid, med_type, setl_time,"
                + " status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'settled')", s.setlId(), mdtrtId, fixmedins, chrgBchno, infno, msgid,
                medType != null ? medType : v.get("med_type"), setlTime);
        if (chrgBchno == null) {
            jdbc.update("UPDATE fsi_fee_detail SET status = 'settled', setl_id = ? WHERE mdtrt_id = ? AND status = 'active'",
                    s.setlId(), mdtrtId);
        } else {
            jdbc.update("UPDATE fsi_fee_detail SET status = 'settled', setl_id = ? WHERE mdtrt_id = ? AND chrg_bchno = ? AND status = 'active'",
                    s.setlId(), mdtrtId, chrgBchno);
        }
        if (!"outpatient".equals(v.get("kind"))) {
            jdbc.update("UPDATE fsi_visit SET status = 'settled' WHERE mdtrt_id = ?", mdtrtId);
            changed(mdtrtId);
        }
        return s;
    }

    /** 2208 / 2305 / 2103 / 2601: cancels a settlement of this institution; returns its row for the negative reply. */
    Map<String, Object> cancelSettlement(String setlId, String mdtrtId, String fixmedins, String psnNo) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM fsi_settlement WHERE setl_id = ? AND fixmedins_code = ?",
                setlId, fixmedins);
        if (rows.isEmpty()) throw FsiException.business("setl_id: no such settlement at this institution");
        Map<String, Object> fs = rows.get(0);
        if (mdtrtId != null && !mdtrtId.equals(fs.get("mdtrt_id"))) throw FsiException.business("mdtrt_id: does not match setl_id");
        Map<String, Object> v = visit((String) fs.get("mdtrt_id"), fixmedins);
        checkPerson(v, psnNo);
        if ("cancelled".equals(fs.get("status"))) throw FsiException.business("setl_id: the settlement is already cancelled");
        call(() -> settlements.cancel(setlId));
        jdbc.update("UPDATE fsi_settlement SET status = 'cancelled' WHERE setl_id = ?", setlId);
        cases.settlementCancelled(setlId); // a case paid by this settlement waits for the next one
        // the fee details come back, so the visit can be corrected and settled again
        jdbc.update("UPDATE fsi_fee_detail SET status = 'active', setl_id = NULL WHERE mdtrt_id = ? AND setl_id = ?",
                fs.get("mdtrt_id"), setlId); // the settlement's visit: the primary key's prefix, not a scan of every line
        if ("settled".equals(v.get("status"))) {
            jdbc.update("UPDATE fsi_visit SET status = CASE WHEN endtime IS NULL THEN 'open' ELSE 'discharged' END WHERE mdtrt_id = ?",
                    v.get("mdtrt_id"));
            changed((String) v.get("mdtrt_id"));
        }
        return fs;
    }

    /** The settlement an earlier message created (2601 reversal by original msgid). */
    List<Map<String, Object>> settlementsByMsgid(String fixmedins, String msgid) {
        return jdbc.queryForList("SELECT * FROM fsi_settlement WHERE fixmedins_code = ? AND msgid = ?", fixmedins, msgid);
    }

    String admdvs(String fixmedins) {
        return institution(fixmedins).admdvs();
    }

    private String pack(String fixmedins) {
        return institution(fixmedins).policyPack();
    }

    /** The caller's own institution (the interface has authenticated it). */
    private InstitutionDirectory.Facts institution(String fixmedins) {
        return institutions.find(fixmedins).orElseThrow(() -> FsiException.business("fixmedins_code: no such institution"));
    }

    /** The platform's refusals become business errors (-2) of the interface, the field named. */
    private static <T> T call(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (ApiException e) {
            throw FsiException.business(e.getMessage());
        } catch (org.openyibao.engine.policy.NoPolicyException | org.openyibao.engine.settlement.SettlementException e) {
            throw FsiException.business(e.getMessage());
        }
    }
}
