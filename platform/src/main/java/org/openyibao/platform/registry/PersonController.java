package org.openyibao.platform.registry;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.openyibao.platform.security.Users;
import org.openyibao.platform.web.ApiException;

/**
 * Persons. The ID number is searched with a POST body, never a URL (URLs end up in access logs);
 * agency staff see it in full, read-only roles masked.
 */
@RestController
@RequestMapping("/api/persons")
@Tag(name = "Persons", description = "Registered persons: resident ID number (GB 11643), name, household, region")
public class PersonController {
    private final PersonService persons;

    public PersonController(PersonService persons) {
        this.persons = persons;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Search(String certNo) {
        @Override
        public String toString() {
            return "Search[cert_no=" + ResidentId.mask(certNo) + "]";
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person: cert_no checked by GB 11643 and against gender and birth_date; psn_no generated when absent")
    public Person register(@RequestBody Person.New person, Authentication auth) {
        return view(persons.register(person), auth);
    }

    @GetMapping("/{psnNo}")
    @Operation(summary = "One person by person number")
    public Person person(@PathVariable String psnNo, Authentication auth) {
        return view(persons.existing("psn_no", psnNo), auth);
    }

    @PostMapping("/search")
    @Operation(summary = "Find a person by resident ID number (in the body, so that it is not in any URL or access log)")
    public Person search(@RequestBody Search search, Authentication auth) {
        ResidentId id = Fields.certNo("cert_no", search.certNo());
        return view(persons.byCertNo(id).orElseThrow(() -> ApiException.notFound("cert_no", "cert_no: no person with this ID number")), auth);
    }

    /** Agency staff see the ID number and name in full; other roles (auditors) masked. */
    static Person view(Person p, Authentication auth) {
        boolean agency = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Users.AGENCY));
        return agency ? p : p.masked();
    }
}
