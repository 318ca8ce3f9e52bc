package org.openyibao.platform.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.registry.Fields;
import org.openyibao.platform.web.ApiException;

/** The funds of a region: report, year-end close, accounts, transfers between funds (issue 3). */
@RestController
@RequestMapping("/api/funds/{admdvs}")
@Tag(name = "Funds", description = "Fund report per fund and month, year-end close, balances, transfers")
public class FundController {
    private final FundReport report;
    private final YearEndClose close;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final FiscalTransfers fiscal;
    private final InsurerPremium insurerPremium;

    public FundController(FundReport report, YearEndClose close, Ledger ledger, TransactionTemplate tx, JdbcTemplate jdbc,
                          FiscalTransfers fiscal, InsurerPremium insurerPremium) {
        this.fiscal = fiscal;
        this.insurerPremium = insurerPremium;
        this.report = report;
        this.close = close;
        this.ledger = ledger;
        this.tx = tx;
        this.jdbc = jdbc;
    }

    @GetMapping("/report")
    @Operation(summary = "Income, expenditure and balance per fund and month of a year",
            description = "JSON, or CSV with Accept: text/csv or format=csv. balance is the fund's net assets at the"
                    + " month's end; the year-end closing entry is not counted as income or expenditure.",
            responses = @ApiResponse(responseCode = "200", content = {
                    @Content(mediaType = "application/json", schema = @Schema(implementation = FundReport.Report.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    public ResponseEntity<?> report(@PathVariable String admdvs, @RequestParam int year,
                                    @Parameter(description = "json (default) or csv")
                                    @RequestParam(required = false) String format,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ApiException.badRequest("format", "format: json or csv, got '" + format + "'");
        }
        FundReport.Report r = report.report(admdvs, year);
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv")
                && !accept.contains("application/json"));
        if (csv) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"funds-" + admdvs + "-" + year + ".csv\"")
                    .body(FundReport.csv(r));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r);
    }

    @PostMapping("/close")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Close a year",
            description = "One closing entry moves each fund's income and expense for the year into its fund_balance;"
                    + " closing twice is refused (409), and so are entries dated in the closed year afterwards.")
    public YearEndClose.Result close(@PathVariable String admdvs, @RequestParam int year) {
        return close.close(admdvs, year);
    }

    @PostMapping("/fiscal-transfers")
    @Operation(summary = "Request (and record as received) a month's fiscal transfers from public finance",
            description = "Per fund: medical assistance and emergency cover get what they paid in benefits that month;"
                    + " the pooling and serious-illness funds get the residents' fiscal subsidy of the residents who paid"
                    + " that month (the policy pack's value per resident, split as the contribution). Requested: Dr"
                    + " fiscal_receivable, Cr fiscal_income, dated the month's last day. With received_on, finance's payment"
                    + " of the month's requests: Dr bank, Cr fiscal_receivable. Idempotent: a call requests only what is due"
                    + " beyond what was requested (a top-up when spending dated in the month came later) and receives only"
                    + " what is owed; a second call posts nothing (posted = 0). The month must be over; a closed year is"
                    + " refused (409).")
    public FiscalTransfers.Result fiscalTransfers(@PathVariable String admdvs,
                                                  @RequestParam(required = false) Integer year,
                                                  @RequestParam(required = false) Integer month,
                                                  @Parameter(description = "the day finance paid (YYYY-MM-DD); absent: request only")
                                                  @RequestParam(name = "received_on", required = false) String receivedOn) {
        return fiscal.post(admdvs, year, month, date("received_on", receivedOn));
    }

    @PostMapping("/insurer-premium")
    @Operation(summary = "Post a month of the serious-illness insurer's contract (单独核算): premium, reserve, instalment, claims",
            description = "On the serious-illness fund's own accounts, dated the month's last day: the premium from residents'"
                    + " contributions of the year paid so far (Dr insurer_premium, Cr premium_due), the reserve the contract"
                    + " withholds (Dr premium_due, Cr insurer_reserve), the month's instalment to the insurer (Dr premium_due,"
                    + " Cr bank; the premium less the reserve in the contract's equal monthly instalments, the remainder in"
                    + " December) and the month's serious-illness claims the insurer reimburses (Dr bank, Cr insurer_claims)."
                    + " Idempotent: a call posts only what is due beyond what was posted (posted = 0 when nothing is new)."
                    + " The month must be over; a closed year is refused (409); a pack without a contract 422.")
    public InsurerPremium.Result insurerPremium(@PathVariable String admdvs,
                                                @RequestParam(required = false) Integer year,
                                                @RequestParam(required = false) Integer month) {
        return insurerPremium.post(admdvs, year, month);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest(field, field + ": a date YYYY-MM-DD, got '" + org.openyibao.engine.error.Echo.cut(text)
                    + "'");
        }
    }

    @GetMapping("/accounts")
    @Operation(summary = "The region's chart of accounts with balances (debits − credits, yuan)")
    public List<Map<String, Object>> accounts(@PathVariable String admdvs) {
        YearEndClose.requireRegion(jdbc, admdvs);
        return ledger.accounts(admdvs).stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("fund", a.fund());
            m.put("account", a.account());
            m.put("kind", a.kind());
            m.put("name", a.name());
            m.put("balance", a.balance());
            return m;
        }).toList();
    }

    /** A transfer between two funds of the region. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TransferRequest(String fromFund, String toFund, BigDecimal amount, LocalDate date, String reference,
                                  String description) {}

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Transfer money between two funds of the region",
            description = "Dr from:transfers_out, Cr from:bank; Dr to:bank, Cr to:transfers_in. reference names the"
                    + " decision or document that ordered it (the entry's cause).")
    public Map<String, Object> transfer(@PathVariable String admdvs, @RequestBody TransferRequest r) {
        Accounts.Fund from = fund("from_fund", r.fromFund()), to = fund("to_fund", r.toFund());
        long fen = Amounts.positiveFen("amount", r.amount());
        if (r.date() == null) throw ApiException.badRequest("date", "date: required (YYYY-MM-DD)");
        String reference = Fields.text("reference", r.reference(), 80);
        String given = Fields.optionalText("description", r.description(), 300);
        String description = given == null ? "transfer " + from.key + " → " + to.key : given;
        long entry = tx.execute(s -> {
            YearEndClose.requireRegion(jdbc, admdvs);
            return ledger.transfer(admdvs, r.date(), from, to, fen, reference, description);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("entry_id", entry);
        out.put("from_fund", from.key);
        out.put("to_fund", to.key);
        out.put("amount", org.openyibao.engine.money.Money.yuan(fen));
        out.put("date", r.date().toString());
        return out;
    }

    private static Accounts.Fund fund(String field, String key) {
        if (key == null) throw ApiException.badRequest(field, field + ": required (" + Accounts.Fund.keys() + ")");
        Accounts.Fund f = Accounts.Fund.of(key);
        if (f == null) throw ApiException.badRequest(field, field + ": no fund '" + key + "' (" + Accounts.Fund.keys() + ")");
        return f;
    }
}
