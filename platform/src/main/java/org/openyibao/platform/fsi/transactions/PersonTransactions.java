package org.openyibao.platform.fsi.transactions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.platform.fsi.FsiCall;
import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;
import org.openyibao.platform.fsi.FsiTransaction;

/**
 * 1101 person information (by psn_no, ID number or card: INTERFACE §2 1101) and 1201 institution
 * information. A social-security card (voucher type 03) is looked up by the ID number it carries;
 * an e-voucher (01) token is the person number (DECISION: no e-voucher service here).
 */
@Component
public class PersonTransactions implements FsiTransaction {
    private final JdbcTemplate jdbc;

    public PersonTransactions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String infno() {
        return "1101";
    }

    @Override
    public List<String> infnos() {
        return List.of("1101", "1201");
    }

    @Override
    public JsonNode handle(FsiCall call) {
        return "1201".equals(call.infno()) ? institutions(call) : person(call);
    }

    private JsonNode person(FsiCall call) {
        FsiFields d = call.data();
        String psnNo = d.optText("psn_no");
        String certno = d.optText("certno");
        String type = d.optCode("mdtrt_cert_type", "01", "02", "03", "99");
        String voucher = d.optText("mdtrt_cert_no");
        if (type != null && voucher == null) throw FsiException.invalid(d.path("mdtrt_cert_no"), "required with mdtrt_cert_type");
        if ("03".equals(type) && d.optText("card_sn") == null) throw FsiException.invalid(d.path("card_sn"), "required for a social-security card (03)");
        List<Map<String, Object>> rows;
        if (psnNo != null) {
            rows = jdbc.queryForList("SELECT * FROM person WHERE psn_no = ?", psnNo);
        } else if (certno != null) {
            rows = jdbc.queryForList("SELECT * FROM person WHERE cert_no = ?", certno.toUpperCase());
        } else if ("01".equals(type)) {
            rows = jdbc.queryForList("SELECT * FROM person WHERE psn_no = ?", voucher);
        } else if (type != null) {
            rows = jdbc.queryForList("SELECT * FROM person WHERE cert_no = ?", voucher.toUpperCase());
        } else {
            throw FsiException.invalid(d.path("mdtrt_cert_type"), "give mdtrt_cert_type and mdtrt_cert_no, certno or psn_no");
        }
        if (rows.isEmpty()) throw FsiException.business("no insured person matches the voucher");
        Map<String, Object> p = rows.get(0);
        LocalDate today = call.today();
        LocalDate since = d.optDate("begntime");

        ObjectNode out = SettlementReply.F.objectNode();
        ObjectNode base = out.putObject("baseinfo");
        base.put("psn_no", (String) p.get("psn_no"));
        base.put("psn_cert_type", "01");
        base.put("certno", (String) p.get("cert_no"));
        base.put("psn_name", (String) p.get("name"));
        base.put("gend", (String) p.get("gender"));
        base.put("naty", "01");
        LocalDate brdy = SettlementReply.toDate(p.get("birth_date"));
        base.put("brdy", brdy.toString());
        base.put("age", SettlementReply.age(brdy, today));
        base.putNull("exp_content");

        List<Long> balance = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class,
                p.get("id"));
        ArrayNode insu = out.putArray("insuinfo");
        // the enrolment in force today, or every one since begntime (historical records)
        List<Map<String, Object>> enrolments = since == null
                ? jdbc.queryForList("SELECT e.*, m.name AS emp_name FROM enrolment e LEFT JOIN employer m ON m.code = e.employer_code"
                + " WHERE e.person_id = ? AND e.valid_from <= ? AND (e.valid_until IS NULL OR e.valid_until >= ?) ORDER BY e.valid_from",
                p.get("id"), today, today)
                : jdbc.queryForList("SELECT e.*, m.name AS emp_name FROM enrolment e LEFT JOIN employer m ON m.code = e.employer_code"
                + " WHERE e.person_id = ? AND (e.valid_until IS NULL OR e.valid_until >= ?) ORDER BY e.valid_from", p.get("id"), since);
        for (Map<String, Object> e : enrolments) {
            ObjectNode i = insu.addObject();
            SettlementReply.money(i, "balc", balance.isEmpty() ? 0 : balance.get(0));
            i.put("insutype", InsuranceCodes.insutype((String) e.get("scheme")));
            i.put("psn_type", InsuranceCodes.psnType((String) e.get("scheme"), (String) e.get("employment")));
            i.put("cvlserv_flag", "0");
            i.put("insuplc_admdvs", (String) e.get("admdvs"));
            i.put("emp_name", (String) e.get("emp_name"));
            List<Map<String, Object>> susp = jdbc.queryForList("SELECT from_date FROM suspension WHERE enrolment_id = ?"
                    + " AND from_date <= ? AND (until_date IS NULL OR until_date > ?)", e.get("id"), today, today);
            boolean ended = e.get("valid_until") != null && SettlementReply.toDate(e.get("valid_until")).isBefore(today);
            i.put("psn_insu_stas", susp.isEmpty() && !ended ? "1" : "4");
            i.put("psn_insu_date", SettlementReply.toDate(e.get("valid_from")).toString());
            if (!susp.isEmpty()) i.put("paus_insu_date", SettlementReply.toDate(susp.get(0).get("from_date")).toString());
            else if (ended) i.put("paus_insu_date", SettlementReply.toDate(e.get("valid_until")).toString());
            else i.putNull("paus_insu_date");
        }
        ArrayNode idet = out.putArray("idetinfo");
        for (Map<String, Object> c : jdbc.queryForList("SELECT * FROM person_category WHERE person_id = ? ORDER BY valid_from",
                p.get("id"))) {
            ObjectNode i = idet.addObject();
            i.put("psn_idet_type", switch ((String) c.get("category")) {
                case "dire_poverty" -> "2301";       // 特困人员
                case "subsistence_allowance" -> "2302"; // 低保对象
                default -> "2303";                    // 建档立卡贫困人员
            });
            i.putNull("psn_type_lv");
            i.put("memo", (String) c.get("category"));
            i.put("begntime", SettlementReply.toDate(c.get("valid_from")) + " 00:00:00");
            i.put("endtime", c.get("valid_until") == null ? null : SettlementReply.toDate(c.get("valid_until")) + " 23:59:59");
        }
        return out;
    }

    private JsonNode institutions(FsiCall call) {
        FsiFields m = call.fields().object("medinsinfo");
        String code = m.optText("fixmedins_code");
        String name = m.optText("fixmedins_name");
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM institution WHERE (CAST(? AS VARCHAR) IS NULL OR code = ?)"
                + " AND (CAST(? AS VARCHAR) IS NULL OR name LIKE ?) ORDER BY code LIMIT 100", code, code, name, name == null ? null : "%" + name + "%");
        ObjectNode out = SettlementReply.F.objectNode();
        ArrayNode list = out.putArray("medinsinfo");
        for (Map<String, Object> r : rows) {
            ObjectNode i = list.addObject();
            i.put("fixmedins_code", (String) r.get("code"));
            i.put("fixmedins_name", (String) r.get("name"));
            i.putNull("uscc");
            i.put("fixmedins_type", "pharmacy".equals(r.get("type")) ? "2" : "1");
            i.put("hosp_lv", switch ((String) r.get("level")) {
                case "level3" -> "1";
                case "level2" -> "4";
                case "level1" -> "7";
                default -> "10";
            });
        }
        return out;
    }
}
