package org.openyibao.platform.contribution;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.contribution.ContributionService.Arrears;
import org.openyibao.platform.contribution.ContributionService.ContributionView;
import org.openyibao.platform.contribution.PersonContributions.ArrearsPaid;
import org.openyibao.platform.contribution.PersonContributions.EmployeeMonth;
import org.openyibao.platform.contribution.PersonContributions.ResidentYear;

/**
 * A person's contributions and arrears by psn_no (issue 11: a client knows the person's number, not the internal
 * person_id or enrolment id). The same service as {@code /api/contributions}; amounts in yuan.
 */
@RestController
@RequestMapping("/api/persons/{psnNo}")
@Tag(name = "Contributions", description = "Employees' months, residents' years, retirees' account credits, arrears")
public class PersonContributionController {
    private final PersonContributions service;

    public PersonContributionController(PersonContributions service) {
        this.service = service;
    }

    @GetMapping("/contributions")
    @Operation(summary = "A person's contributions, oldest period first",
            description = "Each with its kind (employee_monthly, resident_annual, retiree_credit), period, amount due and paid,"
                    + " paid_on and status (paid, due = in arrears, credited).")
    public List<ContributionView> contributions(@Parameter(example = "44080000000001") @PathVariable String psnNo) {
        return service.contributions(psnNo);
    }

    @GetMapping("/arrears")
    @Operation(summary = "A person's arrears: the contributions due and unpaid, oldest first, and their total")
    public Arrears arrears(@Parameter(example = "44080000000001") @PathVariable String psnNo) {
        return service.arrears(psnNo);
    }

    @PostMapping("/contributions/employee")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay an employee's month",
            description = "For the person's employee enrolment in force on the month's first day; as POST"
                    + " /api/contributions/employee (rates and base from the policy, one journal entry). A month already"
                    + " paid or in arrears is refused (409).")
    public ContributionView payEmployee(@Parameter(example = "44080000000001") @PathVariable String psnNo,
                                       @RequestBody EmployeeMonth request) {
        return service.payEmployee(psnNo, request);
    }

    @PostMapping("/contributions/resident")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay a resident's year",
            description = "For the person's resident enrolment in force on 1 January of the year; as POST"
                    + " /api/contributions/resident.")
    public ContributionView payResident(@Parameter(example = "44080000000003") @PathVariable String psnNo,
                                        @RequestBody ResidentYear request) {
        return service.payResident(psnNo, request);
    }

    @PostMapping("/contributions/{contributionId}/payment")
    @Operation(summary = "Pay one of the person's arrears, in full",
            description = "contribution_id from GET /api/persons/{psn_no}/arrears; another person's contribution is not found."
                    + " When the enrolment then owes nothing, its suspension ends on paid_on (benefits_restored_on).")
    public ContributionView payArrears(@Parameter(example = "44080000000001") @PathVariable String psnNo,
                                       @PathVariable long contributionId, @RequestBody ArrearsPaid request) {
        return service.payArrears(psnNo, contributionId, request);
    }
}
