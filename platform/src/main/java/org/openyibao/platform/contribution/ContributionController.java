package org.openyibao.platform.contribution;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.contribution.ContributionService.Arrears;
import org.openyibao.platform.contribution.ContributionService.AverageWage;
import org.openyibao.platform.contribution.ContributionService.AverageWageRequest;
import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.contribution.ContributionService.PaymentRequest;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.contribution.ContributionService.RetireeCreditRequest;

/** Contributions and arrears (issue 3). Amounts are yuan with two decimals; see docs/ledger.md. */
@RestController
@RequestMapping("/api/contributions")
@Tag(name = "Contributions", description = "Employees' months, residents' years, retirees' account credits, arrears")
public class ContributionController {
    private final ContributionService service;

    public ContributionController(ContributionService service) {
        this.service = service;
    }

    @PostMapping("/employee")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay an employee's month",
            description = "Combined payment: employer and employee rates (Zhanjiang 2018: 6.2% + 2%) on the wage bounded to"
                    + " payment_base_floor..payment_base_ceiling × last year's average monthly wage; the account share of"
                    + " the employee's part is credited to the individual account. Single pooling: 4.8% of 80% of last"
                    + " year's average wage (wage not needed). One balanced journal entry. A period already paid or in"
                    + " arrears is refused (409).")
    public ContributionView payEmployee(@RequestBody EmployeeMonthRequest request) {
        return service.payEmployee(request);
    }

    @PostMapping("/employee/due")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an employee's month as due and unpaid (arrears)",
            description = "Accrues the receivable (Dr contributions_receivable, Cr contributions) and, where the policy"
                    + " says arrears suspend benefits, opens a suspension. paid_on must be absent.")
    public ContributionView employeeDue(@RequestBody EmployeeMonthRequest request) {
        return service.employeeDue(request);
    }

    @PostMapping("/resident")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay a resident's year",
            description = "Individual contribution by the enrolment's contribution level plus the fiscal subsidy of the"
                    + " year, each split serious_illness_share (15%) to the serious-illness fund and the rest to pooling.")
    public ContributionView payResident(@RequestBody ResidentYearRequest request) {
        return service.payResident(request);
    }

    @PostMapping("/resident/due")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a resident's year as due and unpaid (arrears)")
    public ContributionView residentDue(@RequestBody ResidentYearRequest request) {
        return service.residentDue(request);
    }

    @PostMapping("/retiree-credit")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Credit a retiree's individual account for a month",
            description = "retiree_account_monthly_credit from the policy, a transfer out of the pooling fund.")
    public ContributionView creditRetiree(@RequestBody RetireeCreditRequest request) {
        return service.creditRetiree(request);
    }

    @PostMapping("/{id}/payment")
    @Operation(summary = "Pay a contribution in arrears, in full",
            description = "When the enrolment then owes nothing, its open suspension ends on paid_on and"
                    + " benefits_restored_on says so (Luo 2020, §2.9.2: the re-insured enjoy the treatment after paying in full).")
    public ContributionView payArrears(@PathVariable long id, @RequestBody PaymentRequest request) {
        return service.payArrears(id, request);
    }

    @GetMapping
    @Operation(summary = "A person's contributions")
    public List<ContributionView> contributions(@RequestParam("person_id") long personId) {
        return service.contributions(personId);
    }

    @GetMapping("/arrears")
    @Operation(summary = "A person's arrears: contributions due and unpaid, with their total")
    public Arrears arrears(@RequestParam("person_id") long personId) {
        return service.arrears(personId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contribution")
    public ContributionView get(@PathVariable long id) {
        return service.get(id);
    }

    @PutMapping("/average-wages/{admdvs}/{year}")
    @Operation(summary = "Set a region's average monthly wage of a year",
            description = "The statistic the payment base refers to: contributions of year Y use the wage of Y − 1.")
    public AverageWage setAverageWage(@PathVariable String admdvs,
                                      @Parameter(description = "the year the wage was earned") @PathVariable int year,
                                      @RequestBody AverageWageRequest request) {
        return service.setAverageWage(admdvs, year, request);
    }

    @GetMapping("/average-wages/{admdvs}")
    @Operation(summary = "A region's average monthly wages by year")
    public List<AverageWage> averageWages(@PathVariable String admdvs) {
        return service.averageWages(admdvs);
    }
}
