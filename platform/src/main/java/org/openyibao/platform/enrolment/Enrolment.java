package org.openyibao.platform.enrolment;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A person's membership of one scheme in one pooling region from {@code validFrom} to
 * {@code validUntil} (inclusive; null while open). A person has at most one enrolment on any day.
 * {@code contributionsSince} is the day contributions started: the waiting period counts from it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Enrolment(long id, String psnNo, String scheme, String admdvs, String paymentMode, String employerCode,
                        String employment, int contributionLevel, LocalDate validFrom, LocalDate validUntil,
                        LocalDate contributionsSince, String sourceRef, List<Suspension> suspensions) {

    /** "enrolment 12 (employee, 440800, 2018-01-01 – open)": how a refusal names it. */
    public String describe() {
        return describe(id, scheme, admdvs, validFrom, validUntil);
    }

    public static String describe(long id, String scheme, String admdvs, LocalDate from, LocalDate until) {
        return "enrolment " + id + " (" + scheme + ", " + admdvs + ", " + from + " – " + (until == null ? "open" : until) + ")";
    }

    /** Benefits suspended for arrears from {@code fromDate}; restored on {@code untilDate}, the day the arrears were paid. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Suspension(long id, long enrolmentId, LocalDate fromDate, LocalDate untilDate, String reason) {}

    /** An enrolment request. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @io.swagger.v3.oas.annotations.media.Schema(name = "EnrolmentRequest")
    public record New(@io.swagger.v3.oas.annotations.media.Schema(example = "44080000000003") String psnNo,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "resident or employee", example = "resident") String scheme,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "440800") String admdvs,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "employees: combined or single_pooling") String paymentMode,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "employees: the employer's code") String employerCode,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "employees: in_service or retired") String employment,
                      @io.swagger.v3.oas.annotations.media.Schema(description = "1 or 2 where the region has two levels", example = "1")
                      Integer contributionLevel,
                      @io.swagger.v3.oas.annotations.media.Schema(example = "2026-01-01") LocalDate validFrom,
                      LocalDate validUntil, LocalDate contributionsSince) {}
}
