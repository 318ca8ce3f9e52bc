package org.openyibao.platform.enrolment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openyibao.platform.registry.Fields;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.web.ApiException;

/** Enrolment, poverty categories, suspension for arrears, coverage on a day, and the duplicate-enrolment report. */
@RestController
@RequestMapping("/api")
@Tag(name = "Enrolment", description = "Enrolment in a scheme with effective-dated history, poverty categories, suspension for arrears")
public class EnrolmentController {
    private final EnrolmentService enrolments;
    private final PersonService persons;

    public EnrolmentController(EnrolmentService enrolments, PersonService persons) {
        this.enrolments = enrolments;
        this.persons = persons;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record End(LocalDate validUntil) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suspend(LocalDate fromDate, String reason) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Restore(LocalDate paidOn) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewCategory(String category, LocalDate validFrom, LocalDate validUntil) {}

    @PostMapping("/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enrol a person in a scheme and region from valid_from (409 naming the existing enrolment when it would overlap one)")
    public Enrolment enrol(@RequestBody Enrolment.New request) {
        return enrolments.enrol(request);
    }

    @GetMapping("/enrolments/{id}")
    @Operation(summary = "One enrolment with its suspensions")
    public Enrolment enrolment(@PathVariable long id) {
        return enrolments.enrolment(id).orElseThrow(() -> ApiException.notFound("id", "id: no enrolment " + id));
    }

    @PostMapping("/enrolments/{id}/end")
    @Operation(summary = "End an enrolment on valid_until (inclusive); re-enrolment later is a new enrolment")
    public Enrolment end(@PathVariable long id, @RequestBody End body) {
        return enrolments.end(id, body.validUntil());
    }

    @PostMapping("/enrolments/{id}/suspensions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Suspend benefits for arrears from from_date until the arrears are paid")
    public Enrolment.Suspension suspend(@PathVariable long id, @RequestBody Suspend body) {
        return enrolments.suspend(id, body.fromDate(), body.reason());
    }

    @PostMapping("/enrolments/{id}/restore")
    @Operation(summary = "The arrears were paid on paid_on: benefits restored from that day")
    public Enrolment.Suspension restore(@PathVariable long id, @RequestBody Restore body) {
        return enrolments.restore(id, body.paidOn());
    }

    @GetMapping("/persons/{psnNo}/enrolments")
    @Operation(summary = "A person's enrolment history, oldest first")
    public List<Enrolment> history(@PathVariable String psnNo) {
        return enrolments.history(psnNo);
    }

    @PostMapping("/persons/{psnNo}/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a poverty category (dire_poverty|documented_poor|subsistence_allowance) with its own dates")
    public PersonCategory addCategory(@PathVariable String psnNo, @RequestBody NewCategory body) {
        return enrolments.addCategory(psnNo, body.category(), body.validFrom(), body.validUntil());
    }

    @PostMapping("/persons/{psnNo}/categories/{id}/end")
    @Operation(summary = "End a poverty category record on valid_until (inclusive)")
    public PersonCategory endCategory(@PathVariable String psnNo, @PathVariable long id, @RequestBody End body) {
        return enrolments.endCategory(psnNo, id, body.validUntil());
    }

    @GetMapping("/persons/{psnNo}/categories")
    @Operation(summary = "A person's poverty category records")
    public List<PersonCategory> categories(@PathVariable String psnNo) {
        return enrolments.categories(psnNo);
    }

    @GetMapping("/persons/{psnNo}/coverage")
    @Operation(summary = "What the person's enrolment says on a day, as settlement sees it (404 when not enrolled that day)")
    public Map<String, Object> coverage(@PathVariable String psnNo, @RequestParam LocalDate date) {
        Person p = persons.existing("psn_no", psnNo);
        Coverage c = enrolments.coverageOn(p.id(), date)
                .orElseThrow(() -> ApiException.notFound("date", "date: person " + psnNo + " is not enrolled on " + date));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("psn_no", psnNo);
        m.put("date", date);
        m.put("enrolment_id", c.enrolmentId());
        m.put("scheme", c.scheme().key);
        m.put("admdvs", c.admdvs());
        m.put("policy_pack", c.policyPack());
        if (c.paymentMode() != null) m.put("payment_mode", c.paymentMode().key);
        if (c.employerCode() != null) m.put("employer_code", c.employerCode());
        m.put("employment", c.employment().key);
        m.put("contribution_level", c.contributionLevel().key);
        m.put("valid_from", c.validFrom());
        if (c.validUntil() != null) m.put("valid_until", c.validUntil());
        m.put("contributions_since", c.contributionsSince());
        m.put("category", c.category().key);
        m.put("suspended_for_arrears", c.suspendedForArrears());
        return m;
    }

    @GetMapping("/reports/duplicate-enrolments")
    @Operation(summary = "Pairs of enrolments of one person that overlap (two schemes or two regions at once), e.g. loaded before the check")
    public List<DuplicateEnrolment> duplicates(@RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > 100_000) throw Fields.bad("limit", "between 1 and 100000");
        return enrolments.duplicates(limit);
    }
}
