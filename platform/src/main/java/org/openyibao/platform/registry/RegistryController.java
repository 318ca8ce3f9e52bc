package org.openyibao.platform.registry;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openyibao.platform.web.ApiException;

/** Pooling regions, designated institutions, employers and households. */
@RestController
@RequestMapping("/api")
@Tag(name = "Registry", description = "Pooling regions, designated institutions, employers, households")
public class RegistryController {
    private final RegistryService registry;

    public RegistryController(RegistryService registry) {
        this.registry = registry;
    }

    @PostMapping("/regions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a pooling region (6-digit admdvs) with its policy pack; opens its ledger accounts")
    public Region createRegion(@RequestBody Region region) {
        return registry.createRegion(region);
    }

    @GetMapping("/regions")
    @Operation(summary = "All pooling regions")
    public List<Region> regions() {
        return registry.regions();
    }

    @GetMapping("/regions/{admdvs}")
    @Operation(summary = "One pooling region")
    public Region region(@PathVariable String admdvs) {
        return registry.region(admdvs).orElseThrow(() -> ApiException.notFound("admdvs", "admdvs: no region " + admdvs));
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a designated institution (level village|township|level1|level2|level3, type hospital|clinic|pharmacy)")
    public Institution createInstitution(@RequestBody Institution institution) {
        return registry.createInstitution(institution);
    }

    @GetMapping("/institutions/{code}")
    @Operation(summary = "One designated institution")
    public Institution institution(@PathVariable String code) {
        return registry.institution(code).orElseThrow(() -> ApiException.notFound("code", "code: no institution " + code));
    }

    @GetMapping("/institutions")
    @Operation(summary = "A region's designated institutions, only those designated on a day when 'on' is given")
    public List<Institution> institutions(@RequestParam String admdvs, @RequestParam(required = false) LocalDate on) {
        return registry.institutions(admdvs, on);
    }

    @PostMapping("/employers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an employer (unit)")
    public Employer createEmployer(@RequestBody Employer employer) {
        return registry.createEmployer(employer);
    }

    @GetMapping("/employers/{code}")
    @Operation(summary = "One employer")
    public Employer employer(@PathVariable String code) {
        return registry.employer(code).orElseThrow(() -> ApiException.notFound("code", "code: no employer " + code));
    }

    @PostMapping("/households")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a household by its register number (ref)")
    public Household createHousehold(@RequestBody Household household) {
        return registry.createHousehold(household);
    }

    @GetMapping("/households/{ref}")
    @Operation(summary = "One household with its members' person numbers")
    public Household household(@PathVariable String ref) {
        return registry.household(ref).orElseThrow(() -> ApiException.notFound("ref", "ref: no household " + ref));
    }
}
