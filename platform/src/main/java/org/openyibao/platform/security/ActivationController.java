package org.openyibao.platform.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The agency issues an insured person's one-time portal activation code (issue 11; {@link Activation}). */
@RestController
@Tag(name = "Persons", description = "Registered persons: resident ID number (GB 11643), name, household, region")
public class ActivationController {
    private final Activation activation;

    public ActivationController(Activation activation) {
        this.activation = activation;
    }

    @PostMapping("/api/persons/{psnNo}/activation-code")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the person's one-time portal activation code (a new one replaces the old)",
            description = "The code is shown once, in this reply: hand it to the person (the enrolment receipt, a text"
                    + " message). They activate at /portal/activate with their psn_no, the code and a password of their own."
                    + " The code lives 30 days and dies after five wrong tries.")
    public Activation.Issued issue(@PathVariable String psnNo) {
        return activation.issue(psnNo);
    }
}
