package org.openyibao.platform.fsi.transactions;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Catalogue;
import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * File transactions (INTERFACE §1.7): 9101 upload and 9102 download of zips holding one tab-separated
 * .txt; the catalogue downloads 1301 (medicines) and 1305 (service items) that produce such a file;
 * and 3202, the detail reconciliation of an uploaded settlement list, answered with a result file.
 * An institution downloads its own files and the platform's files made for it.
 */
@Component
public class FileTransactions implements FsiTransaction {
    static final String PLATFORM = "plc";
    /** 1301 column positions (1-based) of one client (INTERFACE §2 1301): code 1, name 2, class type 92; ours 93, 94. */
    static final int COLUMNS_1301 = 94;

    private final JdbcTemplate jdbc;
    private final Reconciliations reconciliations;
    private final PolicyPacks packs;

    public FileTransactions(JdbcTemplate jdbc, PolicyPacks packs) {
        this.jdbc = jdbc;
        this.reconciliations = new Reconciliations(jdbc);
        this.packs = packs;
    }

    @Override
    public String infno() {
        return "9101";
    }

    @Override
    public List<String> infnos() {
        return List.of("9101", "9102", "1301", "1305", "3202");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        return switch (call.infno()) {
            case "9101" -> upload(call);
            case "9102" -> download(call);
            case "3202" -> reconcileDetails(call);
            default -> catalogue(call);
        };
    }

    private JsonNode upload(FsiCall call) {
        FsiFields in = call.fields().object("fsUploadIn");
        byte[] content = in.bytes("in");
        String filename = in.text("filename", 200);
        if (content.length == 0) throw FsiException.invalid(in.path("in"), "empty file");
        return store(call, call.fixmedinsCode(), null, filename, content);
    }

    /** Stores a file downloadable for 7 days from the call. */
    private ObjectNode store(FsiCall call, String owner, String readableBy, String filename, byte[] content) {
        String no = "fsi/" + (PLATFORM.equals(owner) ? "plc" : "medins") + "/" + UUID.randomUUID().toString().replace("-", "");
        LocalDateTime until = call.now().plusDays(7);
        jdbc.update("INSERT INTO fsi_file (file_qury_no, fixmedins_code, readable_by, filename, content, dld_endtime)"
                + " VALUES (?, ?, ?, ?, ?, ?)", no, owner, readableBy, filename, content, until);
        ObjectNode out = SettlementReply.F.objectNode();
        out.put("file_qury_no", no);
        out.put("filename", filename);
        out.put("fixmedins_code", PLATFORM.equals(owner) ? readableBy : owner);
        out.put("dld_endtime", until.format(SettlementReply.TIME));
        return out;
    }

    private JsonNode download(FsiCall call) {
        FsiFields in = call.fields().object("fsDownloadIn");
        String no = in.text("file_qury_no");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM fsi_file WHERE file_qury_no = ?", no);
        if (rows.isEmpty()) throw FsiException.business("file_qury_no: no such file");
        Map<String, Object> f = rows.get(0);
        String owner = (String) f.get("fixmedins_code");
        String readableBy = (String) f.get("readable_by");
        boolean mine = owner.equals(call.fixmedinsCode())
                || (PLATFORM.equals(owner) && (readableBy == null || readableBy.equals(call.fixmedinsCode())));
        if (!mine) throw FsiException.business("file_qury_no: no such file");
        if (((java.sql.Timestamp) f.get("dld_endtime")).toLocalDateTime().isBefore(call.now())) {
            throw FsiException.business("file_qury_no: the download period ended at " + f.get("dld_endtime"));
        }
        return BinaryNode.valueOf((byte[]) f.get("content"));
    }

    /** 1301 / 1305: the treatment region's catalogue in the national tab-separated layout, as a platform file. */
    private JsonNode catalogue(FsiCall call) {
        call.data().optText("ver");
        String pack = jdbc.queryForObject("SELECT r.policy_pack FROM institution i JOIN region r ON r.admdvs = i.admdvs"
                + " WHERE i.code = ?", String.class, call.fixmedinsCode());
        Catalogue catalogue = packs.pack(pack).catalogue();
        boolean medicines = "1301".equals(call.infno());
        StringBuilder txt = new StringBuilder();
        for (Catalogue.Item item : catalogue.items()) {
            // this sample catalogue's codes: X… medicines (1301), the rest service items (1305)
            if (item.code().startsWith("X") != medicines) continue;
            String[] cols = new String[COLUMNS_1301];
            java.util.Arrays.fill(cols, "");
            cols[0] = item.code();
            cols[1] = item.name();
            cols[11] = medicines ? "101" : "201";                       // list type (INTERFACE §3)
            cols[82] = "1";                                              // version
            cols[91] = switch (item.lineClass()) {                      // class type: 01 甲, 02 乙, 03 丙
                case A -> "01";
                case B -> "02";
                case C -> "03";
            };
            cols[92] = item.selfPayFirstPpm() == 0 ? "" : Money.formatRatio(item.selfPayFirstPpm());
            cols[93] = item.priceLimitFen() < 0 ? "" : Money.format(item.priceLimitFen());
            txt.append(String.join("\t", cols)).append("\r\n");
        }
        String name = call.infno() + "_" + call.today().toString().replace("-", "");
        return store(call, PLATFORM, call.fixmedinsCode(), name + ".zip", zip(name + ".txt", txt.toString()));
    }

    /** 3202: each uploaded row (setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd_setl_flag) against ours. */
    private JsonNode reconcileDetails(FsiCall call) {
        FsiFields d = call.data();
        String no = d.text("file_qury_no");
        LocalDate from = d.date("stmt_begndate");
        LocalDate to = d.date("stmt_enddate");
        List<Map<String, Object>> files = jdbc.queryForList("SELECT content FROM fsi_file WHERE file_qury_no = ? AND fixmedins_code = ?",
                no, call.fixmedinsCode());
        if (files.isEmpty()) throw FsiException.business("file_qury_no: no file uploaded by this institution with that number");
        List<String[]> rows = new ArrayList<>();
        for (String line : unzip((byte[]) files.get(0).get("content")).split("\r?\n")) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            if (f.length < 7) throw FsiException.invalid("file_qury_no", "row " + (rows.size() + 1) + " has " + f.length + " columns, expected 7");
            rows.add(f);
        }
        StringBuilder result = new StringBuilder();
        int disagreeing = 0;
        for (String[] r : rows) {
            List<Map<String, Object>> ours = jdbc.queryForList("SELECT s.medfee_sumamt, s.fund_pay_sumamt, s.acct_pay, f.msgid,"
                    + " f.status, f.mdtrt_id, p.psn_no, CAST(f.setl_time AS DATE) AS setl_date FROM fsi_settlement f"
                    + " JOIN settlement s ON s.setl_id = f.setl_id JOIN person p ON p.id = s.person_id"
                    + " WHERE f.setl_id = ? AND f.fixmedins_code = ?", r[0].trim(), call.fixmedinsCode());
            String rslt;
            String memo;
            String msgid = "";
            if (ours.isEmpty()) {
                rslt = "1";
                memo = "no such settlement at this institution";
            } else {
                Map<String, Object> o = ours.get(0);
                msgid = (String) o.get("msgid");
                List<String> diffs = new ArrayList<>();
                compare(diffs, "medfee_sumamt", r[3], o.get("medfee_sumamt"));
                compare(diffs, "fund_pay_sumamt", r[4], o.get("fund_pay_sumamt"));
                compare(diffs, "acct_pay", r[5], o.get("acct_pay"));
                boolean refund = "1".equals(r[6].trim());
                if (refund != "cancelled".equals(o.get("status"))) diffs.add("refd_setl_flag: ours " + ("cancelled".equals(o.get("status")) ? "1" : "0"));
                LocalDate day = SettlementReply.toDate(o.get("setl_date"));
                if (day.isBefore(from) || day.isAfter(to)) diffs.add("settled on " + day + ", outside the period");
                rslt = diffs.isEmpty() ? "0" : "1";
                memo = String.join("; ", diffs);
            }
            if ("1".equals(rslt)) disagreeing++;
            result.append(String.join("\t", r[2].trim(), r[1].trim(), r[0].trim(), msgid, rslt, r[6].trim(), memo, r[3].trim(),
                    r[4].trim(), r[5].trim())).append("\r\n");
        }
        String name = "3202_" + call.today().toString().replace("-", "");
        ObjectNode stored = store(call, PLATFORM, call.fixmedinsCode(), name + ".zip", zip(name + ".txt", result.toString()));
        reconciliations.details(call, new Reconciliations.Period(from, to, d.optText("clr_type"), d.optText("insutype")),
                new Reconciliations.Declared(null, null, null, rows.size()), rows.size(), disagreeing,
                stored.get("file_qury_no").asText());
        ObjectNode out = SettlementReply.F.objectNode();
        ObjectNode info = out.putObject("fileinfo");
        info.put("file_qury_no", stored.get("file_qury_no").asText());
        info.put("filename", stored.get("filename").asText());
        info.put("dld_endtime", stored.get("dld_endtime").asText());
        return out;
    }

    private static void compare(List<String> diffs, String field, String theirs, Object ours) {
        long o = ((Number) ours).longValue();
        long t;
        try {
            t = Money.fen(new java.math.BigDecimal(theirs.trim()));
        } catch (RuntimeException e) {
            diffs.add(field + ": '" + theirs + "' is not an amount");
            return;
        }
        if (t != o) diffs.add(field + ": yours " + Money.format(t) + ", ours " + Money.format(o));
    }

    static byte[] zip(String entry, String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static String unzip(byte[] content) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry e = z.getNextEntry();
            if (e == null) throw FsiException.invalid("file_qury_no", "the file is not a zip holding a .txt");
            return new String(z.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FsiException.invalid("file_qury_no", "the file is not a readable zip");
        }
    }
}
