package org.openyibao.platform.yearend;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.web.ApiException;

/**
 * A region's year-end over HTTP (docs/year-end.md): what is left before the year can be closed and the year as it
 * would close (GET), the close itself (POST: agency staff), and the closed year's report as CSV or HTML. The same
 * service as {@code yibao close-year}.
 */
@RestController
@RequestMapping("/api/year-end/{admdvs}/{year}")
@Tag(name = "Year-end", description = "Close a region's year: the insurer's year-end, the ledger's close, the report")
public class YearEndController {
    private final CloseYear close;
    private final InsurerYearEndPayment payment;

    public YearEndController(CloseYear close, InsurerYearEndPayment payment) {
        this.close = close;
        this.payment = payment;
    }

    @PostMapping("/insurer-payment")
    @Operation(summary = "Pay what a closed year left owed between the fund and the insurer (premium_due)",
            description = "On paid_on (YYYY-MM-DD, in a later year): Dr premium_due / Cr bank when the fund owes the insurer,"
                    + " the reverse when the insurer owes the fund. 409 for a year close-year has not closed or one that left"
                    + " nothing owed; paid once (a second call answers the payment made, paid_before true).")
    public InsurerYearEndPayment.Paid insurerPayment(@PathVariable String admdvs, @PathVariable int year,
                                                     @RequestParam(name = "paid_on", required = false) String paidOn) {
        LocalDate on;
        try {
            on = paidOn == null || paidOn.isBlank() ? null : LocalDate.parse(paidOn.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("paid_on", "paid_on: a date YYYY-MM-DD, got '"
                    + org.openyibao.engine.error.Echo.cut(paidOn) + "'");
        }
        return payment.pay(admdvs, year, on);
    }

    @GetMapping
    @Operation(summary = "What is left before the year can be closed, and the year as it would close (or as it was closed)",
            description = "unfinished: everything left, by kind of work (empty when the year can be closed); year: the"
                    + " report's lines (section, item, amount in yuan, how it was obtained, account, journal entries),"
                    + " worked out with the inputs given, or as closed with the inputs it was closed with.")
    public Map<String, Object> show(@PathVariable String admdvs, @PathVariable int year,
                                    @RequestParam(name = "insurer_admin_cost", required = false) String adminCost,
                                    @RequestParam(name = "policy_change_loss", required = false) String policyChangeLoss,
                                    @RequestParam(name = "insurer_evaluation", required = false) String evaluation,
                                    @RequestParam(name = "failed_evaluation", required = false) List<String> failed) {
        var closed = close.closed(admdvs, year);
        if (closed.isPresent()) return body(closed.get(), Map.of());
        Map<String, List<String>> left = close.unfinished(admdvs, year);
        YearEndInputs inputs = inputs(adminCost, policyChangeLoss, evaluation, failed);
        return body(close.preview(admdvs, year, inputs), left);
    }

    @PostMapping("/close")
    @Operation(summary = "Close the year: the insurer's year-end entries, the ledger's closing entry",
            description = "Refused (409) while anything is left (the message lists it all), for a year not over, or for a"
                    + " closed year with other inputs; the same inputs again answer the year as closed and post nothing.")
    public ResponseEntity<Map<String, Object>> closeYear(@PathVariable String admdvs, @PathVariable int year,
                                                         @RequestParam(name = "insurer_admin_cost", required = false) String adminCost,
                                                         @RequestParam(name = "policy_change_loss", required = false) String policyChangeLoss,
                                                         @RequestParam(name = "insurer_evaluation", required = false) String evaluation,
                                                         @RequestParam(name = "failed_evaluation", required = false) List<String> failed) {
        ClosedYear y = close.close(admdvs, year, inputs(adminCost, policyChangeLoss, evaluation, failed));
        return ResponseEntity.status(y.alreadyClosed() ? HttpStatus.OK : HttpStatus.CREATED).body(body(y, Map.of()));
    }

    @GetMapping("/report.csv")
    @Operation(summary = "The closed year's report as CSV (one line per figure, step and entry)")
    public ResponseEntity<String> csv(@PathVariable String admdvs, @PathVariable int year) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"close-year-" + admdvs + "-" + year + ".csv\"")
                .body(CloseYearReport.csv(closedYear(admdvs, year)));
    }

    @GetMapping(value = "/report.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The closed year's report as an HTML page")
    public String html(@PathVariable String admdvs, @PathVariable int year) {
        return CloseYearReport.html(closedYear(admdvs, year));
    }

    private ClosedYear closedYear(String admdvs, int year) {
        return close.closed(admdvs, year).orElseThrow(() -> ApiException.notFound("year", "year: " + year + " of region "
                + admdvs + " is not closed; GET /api/year-end/" + admdvs + "/" + year + " shows what is left"));
    }

    private static Map<String, Object> body(ClosedYear y, Map<String, List<String>> unfinished) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("admdvs", y.admdvs());
        m.put("year", y.year());
        m.put("state", y.closedAt() == null ? "open" : "closed");
        m.put("closed_at", y.closedAt());
        m.put("unfinished", unfinished);
        m.put("lines", CloseYearReport.lines(y));
        return m;
    }

    private static YearEndInputs inputs(String adminCost, String policyChangeLoss, String evaluation, List<String> failed) {
        return YearEndInputs.parse(adminCost, policyChangeLoss, evaluation, failed);
    }
}
