package org.openyibao.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.openyibao.platform.fsi.FsiSecurityConfig;
import org.openyibao.platform.fsi.InterfacePaths;

/**
 * Every route the application serves is in a declared access table (issue 11), so that a new page or endpoint
 * cannot be forgotten: the console's ({@link PageAccess}), the REST API's ({@link SecurityConfig.Access}) or the
 * national interface's (which signs its own calls). Then each page is opened by each role, signed in through the
 * sign-in form: a role the table allows is not refused, any other is (HTTP 403).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:routes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=routes-test-password"})
class RouteAccessTest {
    static final String PASSWORD = "routes-test-password";
    static final AntPathMatcher ANT = new AntPathMatcher();
    /** Served by Spring Boot and springdoc themselves, outside any controller of ours. */
    static final List<String> FRAMEWORK = List.of("/error", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html");

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Operators operators;
    @Autowired
    PasswordEncoder encoder;

    record Route(String method, String path) {}

    List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (methods.isEmpty()) out.add(new Route("ANY", path));
                for (RequestMethod m : methods) out.add(new Route(m.name(), path));
            }
        }
        return out;
    }

    /** The national interface's URLs, outside Spring Security: they sign their own calls (FsiSecurityConfig). */
    static boolean inInterface(String path) {
        return Arrays.stream(FsiSecurityConfig.PATHS).anyMatch(p -> ANT.match(p, path));
    }

    static boolean inPages(String path) {
        return Arrays.stream(PageAccess.values()).anyMatch(a -> Arrays.stream(a.paths).anyMatch(p -> ANT.match(p, path)));
    }

    static boolean inApi(Route r) {
        return Arrays.stream(SecurityConfig.Access.values()).anyMatch(a -> (a.method == null || a.method.name().equals(r.method()))
                && Arrays.stream(a.paths).anyMatch(p -> ANT.match(p, r.path())));
    }

    @Test
    void everyRouteIsInADeclaredAccessTable() {
        List<Route> all = routes();
        assertThat(all).as("the application's routes").hasSizeGreaterThan(30);
        TreeSet<String> forgotten = new TreeSet<>();
        for (Route r : all) {
            String sample = r.path().replaceAll("\\{[^}]+}", "x");
            boolean declared = InterfacePaths.isInterface(sample) || inInterface(r.path()) || FRAMEWORK.contains(r.path()) || inPages(r.path()) || inApi(r);
            if (!declared) forgotten.add(r.method() + " " + r.path());
        }
        assertThat(forgotten).as("routes in no access table").isEmpty();
    }

    @Test
    void eachPageIsOpenedByTheRolesTheTableAllowsAndRefusedToTheOthers() throws Exception {
        operators.put(new ConsoleUser("insured-route", Role.INSURED, null, null, "44080000000003"), encoder.encode(PASSWORD));
        Map<Role, String> accounts = Map.of(Role.ADMIN, "admin", Role.AGENCY, "agency", Role.AUDITOR, "auditor",
                Role.INSTITUTION, "clerk", Role.INSURER, "insurer", Role.MONITOR, "monitor", Role.INSURED, "insured-route");
        List<String> pages = new ArrayList<>();
        for (Route r : routes()) {
            if (!r.method().equals("GET") || !inPages(r.path()) || pageAccess(r.path()).isPublic()) continue;
            pages.add(r.path().replaceAll("\\{[^}]+}", "44080000000001"));
        }
        assertThat(pages).as("the pages that need a role").contains("/", "/console", "/console/persons");
        for (Role role : Role.values()) {
            Browser b = new Browser(port);
            assertThat(b.signIn(accounts.get(role))).as(role + " signs in").endsWith("/");
            for (String page : pages) {
                int status = b.get(page);
                if (pageAccess(page).allows(role)) assertThat(status).as(role + " opens " + page + " (404: the sample id)").isIn(200, 302, 404);
                else assertThat(status).as(role + " is refused " + page).isEqualTo(403);
            }
        }
    }

    static PageAccess pageAccess(String path) {
        for (PageAccess a : PageAccess.values()) if (Arrays.stream(a.paths).anyMatch(p -> ANT.match(p, path))) return a;
        throw new AssertionError("no page access for " + path);
    }

    /** A browser's cookies and the sign-in form's token. */
    static final class Browser {
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        final String base;
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

        Browser(int port) {
            base = "http://localhost:" + port;
        }

        int get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        String signIn(String user) throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("the sign-in form has its token").isTrue();
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + PASSWORD + "&_csrf=" + m.group(1);
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.headers().firstValue("Location").orElse("");
        }
    }
}
