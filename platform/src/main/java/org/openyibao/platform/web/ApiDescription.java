package org.openyibao.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * What the API description says of itself (issue 11: a new user found "OpenAPI definition v0" and no way to sign in
 * on the page): its name, what it is, and HTTP Basic with a staff account, so that Swagger UI's "Authorize" works.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "OpenYibao API", version = "1",
        description = "The agency's REST API: registry, enrolment, contributions, the fund ledger and settlements. Sign in with"
                + " a staff account (HTTP Basic; `./yibao demo` prints one). Hospitals use the national interface (/fsi/...),"
                + " which signs its own calls (x-tif headers); see docs/fsi.md. Amounts are yuan with two decimals; errors are"
                + " JSON {error, code, field, message}.",
        license = @License(name = "See the repository")),
        security = @SecurityRequirement(name = "staff"))
@SecurityScheme(name = "staff", type = SecuritySchemeType.HTTP, scheme = "basic",
        description = "A staff account: agency (reads and writes), auditor (reads, personal data masked), monitor (metrics)")
public class ApiDescription {}
