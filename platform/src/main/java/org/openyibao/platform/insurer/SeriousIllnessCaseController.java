package org.openyibao.platform.insurer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.security.ConsoleUser;
import org.openyibao.platform.settlement.SettlementService;
import org.openyibao.platform.web.ApiException;

/**
 * The case audit as JSON (docs/insurer.md#api). The insurer, signed in to the console, works its own region's cases
 * under {@code /insurer/api} (its session; a POST carries the CSRF token in the {@code X-CSRF-TOKEN} header): another
 * region's case is "not found". Agency staff and the auditor read any region's under {@code /api/insurer/{admdvs}}
 * (HTTP Basic), and agency staff station the insurer's staff at institutions. Bad input: 400 naming the field.
 */
@RestController
public class SeriousIllnessCaseController {
    private final SeriousIllnessCases cases;
    private final SettlementService settlements;
    private final InsurerStations stations;
    private final AuditTrail audit;

    public SeriousIllnessCaseController(SeriousIllnessCases cases, SettlementService settlements, InsurerStations stations,
                                        AuditTrail audit) {
        this.cases = cases;
        this.settlements = settlements;
        this.stations = stations;
        this.audit = audit;
    }

    /** A decision as posted: decision, new_amount (yuan, to adjust), reason_code, note. */
    public record DecisionBody(String decision, @JsonProperty("new_amount") String newAmount,
                               @JsonProperty("reason_code") String reasonCode, String note) {}

    /** A station as posted: the insurer's username, the institution, from when (default today). */
    public record StationBody(String username, @JsonProperty("fixmedins_code") String fixmedinsCode, String since) {}

    @GetMapping("/insurer/api/cases")
    public Map<String, Object> myCases(@AuthenticationPrincipal ConsoleUser user, @RequestParam(required = false) String status,
                                       @RequestParam(required = false) String month, @RequestParam(required = false) String institution,
                                       @RequestParam(name = "amount_from", required = false) String from,
                                       @RequestParam(name = "amount_to", required = false) String to,
                                       @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return page(user.admdvs(), status, month, institution, from, to, page, size);
    }

    @GetMapping("/insurer/api/cases/{id}")
    public Map<String, Object> myCase(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id) {
        return one(user.admdvs(), id);
    }

    @PostMapping("/insurer/api/cases/{id}/decision")
    public Map<String, Object> decide(@AuthenticationPrincipal ConsoleUser user, @PathVariable String id,
                                      @RequestBody(required = false) DecisionBody body, HttpServletRequest request) {
        if (body == null) throw ApiException.badRequest("decision", "decision: required (a JSON body)");
        long caseId = caseId(id);
        String outcome = "refused";
        try {
            var d = cases.decide(user.admdvs(), caseId, new SeriousIllnessCases.DecisionRequest(body.decision(), body.newAmount(),
                    body.reasonCode(), body.note()), user.username());
            outcome = d.decision();
            return one(user.admdvs(), id);
        } finally {
            audit.record(request, "si_case_decision", "case " + caseId, outcome);
        }
    }

    @GetMapping("/api/insurer/{admdvs}/cases")
    public Map<String, Object> regionCases(@PathVariable String admdvs, @RequestParam(required = false) String status,
                                           @RequestParam(required = false) String month,
                                           @RequestParam(required = false) String institution,
                                           @RequestParam(name = "amount_from", required = false) String from,
                                           @RequestParam(name = "amount_to", required = false) String to,
                                           @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return page(admdvs, status, month, institution, from, to, page, size);
    }

    @GetMapping("/api/insurer/{admdvs}/cases/{id}")
    public Map<String, Object> regionCase(@PathVariable String admdvs, @PathVariable String id) {
        return one(admdvs, id);
    }

    @PostMapping("/api/insurer/stations")
    public InsurerStations.Station station(@RequestBody(required = false) StationBody body) {
        if (body == null) throw ApiException.badRequest("username", "username: required (a JSON body)");
        LocalDate since;
        try {
            since = body.since() == null || body.since().isBlank() ? null : LocalDate.parse(body.since());
        } catch (RuntimeException e) {
            throw ApiException.badRequest("since", "since: a date, YYYY-MM-DD");
        }
        return stations.station(body.username(), body.fixmedinsCode(), since);
    }

    @GetMapping("/api/insurer/stations")
    public List<InsurerStations.Station> stationsOf(@RequestParam(required = false) String username) {
        if (username == null || username.isBlank()) throw ApiException.badRequest("username", "username: required");
        return stations.stations(username);
    }

    private Map<String, Object> page(String admdvs, String status, String month, String institution, String from, String to,
                                     String page, String size) {
        CaseFilter f = CaseFilter.of(status, month, institution, from, to, number("page", page), number("size", size));
        SeriousIllnessCases.Page p = cases.list(admdvs, f);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("admdvs", admdvs);
        out.put("page", p.page());
        out.put("size", p.size());
        out.put("total", p.total());
        out.put("cases", p.rows().stream().map(SeriousIllnessCaseController::json).toList());
        return out;
    }

    private Map<String, Object> one(String admdvs, String id) {
        SeriousIllnessCases.Case c = cases.find(admdvs, caseId(id));
        Map<String, Object> out = json(c);
        cases.decision(c.id()).ifPresent(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decision", d.decision());
            m.put("reason_code", d.reasonCode());
            m.put("note", d.note());
            m.put("from", d.from().toPlainString());
            m.put("to", d.to().toPlainString());
            m.put("entry_id", d.entryId());
            m.put("decided_on", d.decidedOn().toString());
            m.put("operator", d.operator());
            out.put("decision", m);
        });
        out.put("settlement", settlements.find(c.setlId()));
        return out;
    }

    static Map<String, Object> json(SeriousIllnessCases.Case c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_id", c.id());
        m.put("setl_id", c.setlId());
        m.put("institution_code", c.institutionCode());
        m.put("institution_name", c.institutionName());
        m.put("visit_date", c.visitDate().toString());
        m.put("settled_hifmi_pay", c.settled().toPlainString());
        m.put("hifmi_pay", c.amount().toPlainString());
        m.put("status", c.status());
        m.put("sampling", c.sampling());
        return m;
    }

    static long caseId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) throw ApiException.badRequest("case_id", "case_id: a number");
        return Long.parseLong(id);
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) return null;
        if (!text.strip().matches("\\d{1,6}")) throw ApiException.badRequest(field, field + ": a whole number");
        return Integer.valueOf(text.strip());
    }
}
