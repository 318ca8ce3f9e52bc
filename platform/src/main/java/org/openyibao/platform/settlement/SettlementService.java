package org.openyibao.platform.settlement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.engine.policy.Category;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Rules;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.Visit;
import org.openyibao.engine.calc.CalcInputException;
import org.openyibao.engine.calc.CalcReader;
import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.platform.enrolment.Coverage;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.ledger.Accounts.Fund;
import org.openyibao.platform.ledger.JournalEntry;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.web.ApiException;

/**
 * Settles a registered person's visit (ARCHITECTURE's one-way path): registry → engine input →
 * {@code SettlementEngine.settle} → one transaction holding the settlement and its trace, the
 * person-year accumulators, the individual account and the balanced ledger entry. A person's
 * settlements serialize on the person row, so no two spend the same cap or balance.
 */
@Service
public class SettlementService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Ledger ledger;
    private final PolicyPacks packs;
    private final EnrolmentService enrolments;
    private final MeterRegistry meters;

    public SettlementService(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, PolicyPacks packs,
                             EnrolmentService enrolments, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ledger = ledger;
        this.packs = packs;
        this.enrolments = enrolments;
        this.meters = meters;
    }

    /**
     * A settled (or estimated) visit: its id (null for an estimate), the insured (or treating) region,
     * the scheme (null when uninsured), the visit and the engine's result.
     */
    public record Settled(String setlId, String admdvs, String scheme, Visit visit, Settlement settlement) {
        public ObjectNode toJson() {
            ObjectNode o = CalcWriter.settlement(visit, settlement);
            if (setlId != null) o.put("setl_id", setlId);
            return o;
        }
    }

    /** Builds the engine's visit once the person's pack and the institution's level are known. */
    @FunctionalInterface
    public interface VisitSource {
        Visit build(PolicyPack pack, Level level);
    }

    /** A visit in the calc format (docs/calc.md), read with the pack's catalogue at the institution's level. */
    public static VisitSource calcVisit(JsonNode visitJson) {
        if (visitJson == null || !visitJson.isObject()) throw ApiException.badRequest("visit", "visit: required, an object");
        return (pack, level) -> {
            try {
                return new CalcReader(r -> pack).visit(visitJson, "visit", pack.catalogue(), level);
            } catch (CalcInputException e) {
                String msg = e.getMessage();
                throw ApiException.badRequest(msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "visit", msg);
            }
        };
    }

    /** Settles and records the visit. {@code visitJson} is a visit in the calc format (docs/calc.md). */
    public Settled settle(String psnNo, String institutionCode, JsonNode visitJson) {
        return settle(psnNo, institutionCode, visitDate(visitJson), calcVisit(visitJson));
    }

    /** Settles and records a visit on {@code date} built by {@code source}. */
    public Settled settle(String psnNo, String institutionCode, LocalDate date, VisitSource source) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            Settled r = tx.execute(s -> run(psnNo, institutionCode, date, source, true));
            outcome = r.settlement().eligible() ? "settled" : "settled_ineligible";
            return r;
        } catch (ApiException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(meters.timer("yibao.settlements", "outcome", outcome));
        }
    }

    /** The same computation, recording nothing (pre-settlement, the portal's estimator). */
    public Settled estimate(String psnNo, String institutionCode, JsonNode visitJson) {
        return estimate(psnNo, institutionCode, visitDate(visitJson), calcVisit(visitJson));
    }

    /** The same computation, recording nothing; joins the caller's transaction if there is one. */
    public Settled estimate(String psnNo, String institutionCode, LocalDate date, VisitSource source) {
        return tx.execute(s -> run(psnNo, institutionCode, date, source, false));
    }

    private Settled run(String psnNo, String institutionCode, LocalDate date, VisitSource source, boolean record) {
        if (psnNo == null || psnNo.isBlank()) throw ApiException.badRequest("psn_no", "psn_no: required");
        if (institutionCode == null || institutionCode.isBlank()) {
            throw ApiException.badRequest("institution_code", "institution_code: required");
        }
        // serialize this person's settlements: caps, bands and the account are read and written under this lock
        List<Map<String, Object>> persons = jdbc.queryForList(
                "SELECT id, birth_date FROM person WHERE psn_no = ? FOR UPDATE", psnNo);
        if (persons.isEmpty()) throw ApiException.notFound("psn_no", "psn_no: no such person");
        long personId = ((Number) persons.get(0).get("id")).longValue();
        LocalDate birth = toDate(persons.get(0).get("birth_date"));

        List<Map<String, Object>> inst = jdbc.queryForList("SELECT i.level, i.admdvs, i.designated_from, i.designated_until,"
                + " r.policy_pack FROM institution i JOIN region r ON r.admdvs = i.admdvs WHERE i.code = ?", institutionCode);
        if (inst.isEmpty()) throw ApiException.notFound("institution_code", "institution_code: no such designated institution");
        Map<String, Object> institution = inst.get(0);

        LocalDate from = toDate(institution.get("designated_from"));
        LocalDate until = toDate(institution.get("designated_until"));
        if (date.isBefore(from) || (until != null && date.isAfter(until))) {
            throw ApiException.refused("institution_code",
                    "institution_code: not designated on " + date);
        }
        // the registry's view of the person that day; not enrolled: uninsured, the treating region's pack
        Optional<Coverage> coverage = enrolments.coverageOn(personId, date);
        String admdvs = coverage.map(Coverage::admdvs).orElse((String) institution.get("admdvs"));
        String scheme = coverage.map(c -> c.scheme().key).orElse(null);
        PolicyPack pack = packs.pack(coverage.map(Coverage::policyPack).orElse((String) institution.get("policy_pack")));
        // the institution's level decides the rules, whatever the visit says
        Visit visit = source.build(pack, Level.of((String) institution.get("level")));
        Person person = coverage.map(Coverage::enginePerson).orElse(new Person(Scheme.RESIDENT, Category.GENERAL,
                Employment.IN_SERVICE, birth, birth, Contribution.CONTRIBUTION_1, false, false));
        Accumulators before = accumulators(personId, date.getYear());
        Rules rules = pack.asOf(date);
        Settlement s = SettlementEngine.settle(rules, person, visit, before, true);
        if (!record) return new Settled(null, admdvs, scheme, visit, s);

        String setlId = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
        Long entryId = postEntry(admdvs, date, setlId, institutionCode, personId, s);
        Accumulators after = s.after();
        Map<String, Long> delta = delta(before.forYear(date.getYear()), after);
        try {
            jdbc.update("INSERT INTO settlement (setl_id, person_id, institution_code, admdvs, visit_date, visit_type, level,"
                            + " fiscal_year, medfee_sumamt, fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt,"
                            + " act_pay_dedc, hifp_pay, pool_prop_selfpay, cvlserv_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay,"
                            + " fund_pay_sumamt, acct_pay, psn_cash_pay, psn_part_amt, hosp_part_amt, balc, eligible, reason,"
                            + " trace, entry_id, acc_delta)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    setlId, personId, institutionCode, admdvs, date, visit.type().key, visit.level().key, date.getYear(),
                    s.medfeeSumamt(), s.fulamtOwnpayAmt(), s.overlmtSelfpay(), s.preselfpayAmt(), s.inscpScpAmt(),
                    s.actPayDedc(), s.hifpPay(), s.poolPropSelfpay(), s.cvlservPay(), s.hifmiPay(), s.hifobPay(), s.mafPay(),
                    s.othPay(), s.fundPaySumamt(), s.acctPay(), s.psnCashPay(), s.psnPartAmt(), s.hospPartAmt(), s.balc(),
                    s.eligible(), s.eligible() ? null : s.ineligibility().code(), CalcWriter.settlement(visit, s).get("trace").toString(), entryId,
                    JSON.writeValueAsString(delta));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        saveAccumulators(personId, after);
        return new Settled(setlId, admdvs, scheme, visit, s);
    }

    /** Cancels a settlement: reversing entry, accumulators and account restored. Twice, or unknown: refused. */
    public Map<String, Object> cancel(String setlId) {
        return tx.execute(st -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT person_id FROM settlement WHERE setl_id = ?", setlId);
            if (rows.isEmpty()) throw ApiException.notFound("setl_id", "setl_id: no such settlement");
            long personId = ((Number) rows.get(0).get("person_id")).longValue();
            jdbc.queryForList("SELECT id FROM person WHERE id = ? FOR UPDATE", personId);
            Map<String, Object> s = jdbc.queryForMap("SELECT * FROM settlement WHERE setl_id = ?", setlId);
            if ("cancelled".equals(s.get("status"))) {
                throw ApiException.conflict("setl_id", "setl_id: settlement " + setlId + " is already cancelled");
            }
            // the reversal is dated the day of the cancellation (the visit's year may be closed by now);
            // it gives the individual account back what the settlement took
            LocalDate today = LocalDate.now();
            Long cancelEntry = s.get("entry_id") == null ? null
                    : ledger.reverseWithIndividualAccounts(((Number) s.get("entry_id")).longValue(), today, "reversal", setlId,
                    "cancellation of settlement " + setlId);
            restoreAccumulators(personId, ((Number) s.get("fiscal_year")).intValue(), (String) s.get("acc_delta"));
            jdbc.update("UPDATE settlement SET status = 'cancelled', cancel_entry_id = ? WHERE setl_id = ?", cancelEntry, setlId);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("setl_id", setlId);
            out.put("status", "cancelled");
            out.put("cancelled_on", today.toString());
            return out;
        });
    }

    public JsonNode find(String setlId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT s.*, p.psn_no FROM settlement s JOIN person p"
                + " ON p.id = s.person_id WHERE s.setl_id = ?", setlId);
        if (rows.isEmpty()) throw ApiException.notFound("setl_id", "setl_id: no such settlement");
        Map<String, Object> r = rows.get(0);
        ObjectNode o = JSON.createObjectNode();
        o.put("setl_id", setlId);
        o.put("psn_no", (String) r.get("psn_no"));
        o.put("institution_code", (String) r.get("institution_code"));
        o.put("date", toDate(r.get("visit_date")).toString());
        o.put("status", (String) r.get("status"));
        for (String f : List.of("medfee_sumamt", "fulamt_ownpay_amt", "overlmt_selfpay", "preselfpay_amt", "inscp_scp_amt",
                "act_pay_dedc", "hifp_pay", "cvlserv_pay", "hifmi_pay", "hifob_pay", "maf_pay", "oth_pay", "fund_pay_sumamt",
                "acct_pay", "psn_cash_pay", "psn_part_amt", "hosp_part_amt", "balc")) {
            o.put(f, java.math.BigDecimal.valueOf(((Number) r.get(f)).longValue(), 2));
        }
        try {
            o.set("trace", JSON.readTree((String) r.get("trace")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return o;
    }

    // ---------------------------------------------------------------- pieces

    private Accumulators accumulators(long personId, int year) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM person_year WHERE person_id = ? AND fiscal_year <= ?"
                + " ORDER BY fiscal_year DESC LIMIT 1", personId, year);
        List<Long> account = jdbc.queryForList("SELECT balance_fen FROM individual_account WHERE person_id = ?", Long.class,
                personId);
        long balance = account.isEmpty() ? 0 : account.get(0);
        if (rows.isEmpty()) return Accumulators.start(year, balance);
        Map<String, Object> r = rows.get(0);
        Accumulators.Builder b = Accumulators.builder(((Number) r.get("fiscal_year")).intValue());
        for (org.openyibao.engine.settlement.Accumulator k : org.openyibao.engine.settlement.Accumulator.values()) {
            b.set(k, k.inPersonYear() ? l(r, k.column()) : balance);
        }
        return b.build();
    }

    private static final List<String> YEARLY = List.of("hifp_paid", "deductible_paid", "special_deductible_paid",
            "township_outpatient_paid", "large_amount_paid", "serious_illness_base", "serious_illness_paid", "assistance_base",
            "assistance_paid", "emergency_paid", "card_balance");

    private static long[] values(Accumulators a) {
        return new long[] {a.hifpPaid(), a.deductiblePaid(), a.specialDeductiblePaid(), a.townshipOutpatientPaid(),
                a.largeAmountPaid(), a.seriousIllnessBase(), a.seriousIllnessPaid(), a.assistanceBase(), a.assistancePaid(),
                a.emergencyPaid(), a.cardBalance()};
    }

    private static Map<String, Long> delta(Accumulators before, Accumulators after) {
        long[] b = values(before), a = values(after);
        Map<String, Long> d = new LinkedHashMap<>();
        for (int i = 0; i < b.length; i++) if (a[i] != b[i]) d.put(YEARLY.get(i), a[i] - b[i]);
        return d;
    }

    private void saveAccumulators(long personId, Accumulators a) {
        long[] v = values(a);
        StringBuilder set = new StringBuilder();
        for (String f : YEARLY) set.append(set.length() == 0 ? "" : ", ").append(f).append(" = ?");
        Object[] args = new Object[v.length + 3];
        for (int i = 0; i < v.length; i++) args[i] = v[i];
        args[v.length] = a.cardYear();
        args[v.length + 1] = personId;
        args[v.length + 2] = a.year();
        int n = jdbc.update("UPDATE person_year SET " + set + ", card_year = ? WHERE person_id = ? AND fiscal_year = ?", args);
        if (n == 0) {
            jdbc.update("INSERT INTO person_year (" + String.join(", ", YEARLY) + ", card_year, person_id, fiscal_year)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
        }
    }

    private void restoreAccumulators(long personId, int year, String deltaJson) {
        try {
            JsonNode d = JSON.readTree(deltaJson == null ? "{}" : deltaJson);
            var fields = d.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (!YEARLY.contains(f.getKey())) continue;
                jdbc.update("UPDATE person_year SET " + f.getKey() + " = " + f.getKey() + " - ? WHERE person_id = ? AND fiscal_year = ?",
                        f.getValue().asLong(), personId, year);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One balanced entry: each fund's payment becomes a benefit owed to the institution. */
    private Long postEntry(String admdvs, LocalDate date, String setlId, String institution, long personId, Settlement s) {
        JournalEntry.Builder b = JournalEntry.builder(admdvs, date, "settlement", setlId, "settlement " + setlId
                + " at institution " + institution);
        pay(b, Fund.POOLING, s.hifpPay());
        pay(b, Fund.LARGE_AMOUNT, s.hifobPay());
        pay(b, Fund.SERIOUS_ILLNESS, s.hifmiPay());
        pay(b, Fund.CIVIL_SERVANT, s.cvlservPay());
        pay(b, Fund.ASSISTANCE, s.mafPay());
        pay(b, Fund.EMERGENCY, s.othPay());
        b.payFromIndividualAccount(personId, Fund.INDIVIDUAL_ACCOUNTS.account("payable_institutions"), s.acctPay());
        if (b.isEmpty()) return null;
        return ledger.post(b.build());
    }

    private static void pay(JournalEntry.Builder b, Fund fund, long fen) {
        b.move(fund.account("benefits"), fund.account("payable_institutions"), fen);
    }

    static LocalDate visitDate(JsonNode visit) {
        if (visit == null || !visit.isObject()) throw ApiException.badRequest("visit", "visit: required, an object");
        JsonNode d = visit.get("date");
        if (d == null || !d.isTextual()) throw ApiException.badRequest("visit.date", "visit.date: required (YYYY-MM-DD)");
        try {
            return LocalDate.parse(d.asText());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("visit.date", "visit.date: " + d + " is not a date (YYYY-MM-DD)");
        }
    }

    static LocalDate toDate(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDate d) return d;
        if (o instanceof java.sql.Date d) return d.toLocalDate();
        return LocalDate.parse(o.toString());
    }

    private static long l(Map<String, Object> r, String f) {
        return ((Number) r.get(f)).longValue();
    }
}
