package org.openyibao.platform.registry;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.engine.money.Money;
import org.openyibao.platform.settlement.SettlementStore;
import org.openyibao.platform.web.ApiException;

/**
 * Lists a new user of the API missed (issue 11): persons found by psn_no, ID number or the start of a name, a page at a
 * time (the query in the body: it may be an ID number, which must not be in a URL); and a person's settlements.
 */
@RestController
@Tag(name = "Persons", description = "Registered persons: resident ID number (GB 11643), name, household, region")
public class PersonListsController {
    static final int PAGE = 50;
    private final PersonService persons;
    private final SettlementStore settlements;

    public PersonListsController(PersonService persons, JdbcTemplate jdbc) {
        this.persons = persons;
        this.settlements = new SettlementStore(jdbc);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Find(@Schema(description = "a psn_no, a resident ID number or the start of a name", example = "Chen") String q,
                       @Schema(description = "the page, from 0 (50 persons a page)", example = "0") Integer page) {
        @Override
        public String toString() {
            return "Find[q=" + ResidentId.redact(q) + ", page=" + page + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Found(List<Person> persons, int page, boolean more) {}

    @PostMapping("/api/persons/find")
    @Operation(summary = "Find persons by psn_no, ID number or the start of a name, 50 a page",
            description = "No cap on how far one pages; `more` says whether another page follows. Auditors see ID numbers and"
                    + " names masked.")
    public Found find(@RequestBody Find find, Authentication auth) {
        if (find.q() == null || find.q().isBlank()) throw ApiException.badRequest("q", "q: required");
        if (find.q().length() > 100) throw ApiException.badRequest("q", "q: at most 100 characters");
        int page = find.page() == null ? 0 : find.page();
        if (page < 0 || page > 10_000_000) throw ApiException.badRequest("page", "page: 0 or more");
        PersonService.Page p = persons.search(find.q(), page, PAGE);
        return new Found(p.persons().stream().map(x -> PersonController.view(x, auth)).toList(), p.page(), p.more());
    }

    /** A settlement in a person's list; amounts in yuan. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Listed(String setlId, java.time.LocalDate date, String institutionCode, String type, BigDecimal medfeeSumamt,
                         BigDecimal fundPaySumamt, BigDecimal acctPay, BigDecimal psnCashPay, String status) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settlements(String psnNo, List<Listed> settlements, int page, boolean more) {}

    @GetMapping("/api/persons/{psnNo}/settlements")
    @Operation(summary = "A person's settlements, newest first, 50 a page",
            description = "Each with its setl_id (GET /api/settlements/{setl_id} gives every field and the trace).")
    public Settlements settlements(@PathVariable String psnNo, @RequestParam(defaultValue = "0") int page) {
        if (page < 0 || page > 10_000_000) throw ApiException.badRequest("page", "page: 0 or more");
        Person p = persons.existing("psn_no", psnNo);
        List<SettlementStore.Listed> rows = settlements.forPerson(p.id(), page, PAGE);
        List<Listed> out = rows.stream().limit(PAGE).map(r -> new Listed(r.setlId(), r.visitDate(), r.party(), r.visitType(),
                Money.yuan(r.total()), Money.yuan(r.funds()), Money.yuan(r.account()), Money.yuan(r.cash()),
                r.cancelled() ? "cancelled" : "settled")).toList();
        return new Settlements(p.psnNo(), out, page, rows.size() > PAGE);
    }
}
