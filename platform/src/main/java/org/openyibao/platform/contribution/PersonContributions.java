package org.openyibao.platform.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import org.openyibao.platform.contribution.ContributionService.Arrears;
import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.enrolment.Enrolment;
import org.openyibao.platform.enrolment.EnrolmentService;
import org.openyibao.platform.registry.Person;
import org.openyibao.platform.registry.PersonService;
import org.openyibao.platform.web.ApiException;

/**
 * A person's contributions by their psn_no, as a client or a clerk knows them, rather than by the internal person and
 * enrolment ids: the enrolment a payment is for is the person's enrolment in force on the period's first day. The
 * rules (rates, base, repeats, arrears and restoration) stay in {@link ContributionService}; a contribution of another
 * person is "not found" here, as if it did not exist.
 */
@Service
public class PersonContributions {
    private final PersonService persons;
    private final EnrolmentService enrolments;
    private final ContributionService contributions;

    public PersonContributions(PersonService persons, EnrolmentService enrolments, ContributionService contributions) {
        this.persons = persons;
        this.enrolments = enrolments;
        this.contributions = contributions;
    }

    /** An employee's month paid, for the person's employee enrolment of that month. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "EmployeeMonthPayment")
    public record EmployeeMonth(@Schema(description = "the month paid for, YYYY-MM", example = "2019-01") String period,
                                @Schema(description = "the month's wage in yuan (the payment base is bounded by the policy;"
                                        + " not needed for single pooling)", example = "6500.00") BigDecimal wage,
                                @Schema(description = "the day it was paid", example = "2019-01-15") LocalDate paidOn) {}

    /** A resident's year paid, for the person's resident enrolment of that year. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "ResidentYearPayment")
    public record ResidentYear(@Schema(description = "the year paid for", example = "2019") Integer year,
                               @Schema(description = "the day it was paid", example = "2019-01-10") LocalDate paidOn) {}

    /** An arrear paid in full. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "ArrearsPayment")
    public record ArrearsPaid(@Schema(description = "the day it was paid", example = "2019-03-01") LocalDate paidOn) {}

    public Person person(String psnNo) {
        return persons.existing("psn_no", psnNo);
    }

    public List<ContributionView> contributions(String psnNo) {
        return contributions.contributions(person(psnNo).id());
    }

    public Arrears arrears(String psnNo) {
        return contributions.arrears(person(psnNo).id());
    }

    public ContributionView payEmployee(String psnNo, EmployeeMonth r) {
        if (r == null) throw ApiException.badRequest("period", "period: required (YYYY-MM)");
        YearMonth month = month(r.period());
        Enrolment e = enrolmentOn(psnNo, month.atDay(1), "period", month.toString());
        return contributions.payEmployee(new ContributionService.EmployeeMonthRequest(e.id(), month.toString(), r.wage(), r.paidOn()));
    }

    public ContributionView payResident(String psnNo, ResidentYear r) {
        if (r == null || r.year() == null) throw ApiException.badRequest("year", "year: required");
        if (r.year() < 1900 || r.year() > 9998) throw ApiException.badRequest("year", "year: " + r.year() + " is not a valid year");
        Enrolment e = enrolmentOn(psnNo, LocalDate.of(r.year(), 1, 1), "year", String.valueOf(r.year()));
        return contributions.payResident(new ContributionService.ResidentYearRequest(e.id(), r.year(), r.paidOn()));
    }

    /** Pays one of the person's arrears in full; benefits are restored when the enrolment then owes nothing. */
    public ContributionView payArrears(String psnNo, long contributionId, ArrearsPaid r) {
        Person p = person(psnNo);
        ContributionView c = contributions.contributions(p.id()).stream().filter(x -> x.id() == contributionId).findFirst()
                .orElseThrow(() -> ApiException.notFound("contribution_id", "contribution_id: person " + p.psnNo()
                        + " has no contribution " + contributionId));
        return contributions.payArrears(c.id(), new ContributionService.PaymentRequest(r == null ? null : r.paidOn()));
    }

    /** The person's enrolment in force on {@code day}, or a refusal naming {@code field}. */
    private Enrolment enrolmentOn(String psnNo, LocalDate day, String field, String period) {
        Person p = person(psnNo);
        return enrolments.history(p.psnNo()).stream()
                .filter(e -> !e.validFrom().isAfter(day) && (e.validUntil() == null || !e.validUntil().isBefore(day)))
                .findFirst()
                .orElseThrow(() -> ApiException.conflict(field, field + ": person " + p.psnNo() + " is not enrolled in " + period));
    }

    private static YearMonth month(String value) {
        if (value == null || value.isBlank()) throw ApiException.badRequest("period", "period: required (YYYY-MM)");
        try {
            if (!value.strip().matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("", value, 0);
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("period", "period: a month, YYYY-MM");
        }
    }
}
