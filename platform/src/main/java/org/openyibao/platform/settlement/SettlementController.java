package org.openyibao.platform.settlement;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.web.ApiException;

@RestController
@RequestMapping("/api/settlements")
@Tag(name = "Settlements", description = "Settle a registered person's visit across every tier, in one transaction")
public class SettlementController {
    private final SettlementService service;

    public SettlementController(SettlementService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Settle a visit",
            description = "Body: {\"psn_no\": ..., \"institution_code\": ..., \"visit\": {calc visit: date, type, diagnoses,"
                    + " emergency_case, lines}}. Records the settlement, its trace, the accumulators, the individual account"
                    + " and the ledger entry together. The institution's level applies.")
    public JsonNode settle(@RequestBody JsonNode body) {
        return service.settle(text(body, "psn_no"), text(body, "institution_code"), body.get("visit")).toJson();
    }

    @PostMapping("/estimate")
    @Operation(summary = "Estimate a visit (pre-settlement)", description = "The same computation; nothing is recorded.")
    public JsonNode estimate(@RequestBody JsonNode body) {
        return service.estimate(text(body, "psn_no"), text(body, "institution_code"), body.get("visit")).toJson();
    }

    @GetMapping("/{setlId}")
    @Operation(summary = "A settlement with its trace")
    public JsonNode find(@PathVariable String setlId) {
        return service.find(setlId);
    }

    @PostMapping("/{setlId}/cancel")
    @Operation(summary = "Cancel a settlement", description = "Posts the reversing entry and restores the accumulators and"
            + " the individual account. Cancelling twice, or an unknown settlement, is refused.")
    public Map<String, Object> cancel(@PathVariable String setlId) {
        return service.cancel(setlId);
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, "expected a JSON object");
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw ApiException.badRequest(field, field + ": required");
        return v.asText();
    }
}
