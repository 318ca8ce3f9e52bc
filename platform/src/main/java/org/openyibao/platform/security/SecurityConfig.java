package org.openyibao.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import org.openyibao.platform.audit.AuditTrail;

/**
 * Every endpoint checks the caller's role: staff (AGENCY) run the registry, contributions and
 * settlements; AUDITOR reads; MONITOR reads metrics. Health and the API description are public.
 * HTTP Basic over a stateless session; the national hospital interface (issue 4) has its own.
 */
@Configuration
@EnableMethodSecurity
@EnableConfigurationProperties(Users.class)
public class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(Users config, PasswordEncoder encoder, DemoUsers demo) {
        List<UserDetails> all = new ArrayList<>();
        for (Users.User u : config.getUsers()) {
            if (u.password() == null || !u.password().startsWith("{")) {
                throw new IllegalStateException("user " + u.name() + ": the password must be a hash such as {bcrypt}$2a$…");
            }
            all.add(User.withUsername(u.name()).password(u.password()).roles(u.roles().toArray(new String[0])).build());
        }
        all.addAll(demo.users(encoder));
        return new InMemoryUserDetailsManager(all);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuditTrail audit) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    res.setStatus(HttpStatus.UNAUTHORIZED.value());
                    res.setHeader("WWW-Authenticate", "Basic realm=\"openyibao\"");
                    res.setContentType("application/json");
                    res.getWriter().write("{\"error\":\"Unauthorized\",\"message\":\"sign in: HTTP Basic with a staff account\"}");
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    // a refused attempt is in the operator audit log too: refused before any controller, where AuditTrail sees it
                    audit.record(req, req.getMethod() + " " + req.getRequestURI(), req.getRequestURI(), "403");
                    res.setStatus(HttpStatus.FORBIDDEN.value());
                    res.setContentType("application/json");
                    res.getWriter().write("{\"error\":\"Forbidden\",\"message\":\"not allowed for your role\"}");
                }))
                .authorizeHttpRequests(a -> {
                    for (Access rule : Access.values()) {
                        var matched = rule.method == null ? a.requestMatchers(rule.paths) : a.requestMatchers(rule.method, rule.paths);
                        if (rule.roles.length == 0) matched.permitAll(); else matched.hasAnyRole(rule.roles);
                    }
                    a.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * Who may call what: the one table of roles and their access (docs/server.md "Endpoints"), first match wins,
     * anything not listed is denied. No roles: public.
     */
    enum Access {
        HEALTH(null, new String[] {"/actuator/health/**", "/actuator/health", "/actuator/info"}),
        API_DESCRIPTION(null, new String[] {"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html"}),
        METRICS(null, new String[] {"/actuator/**"}, Users.MONITOR, Users.AGENCY),
        /** paasid, client_id and username identify an institution's interface account: agency staff only, even to read. */
        INTERFACE_CREDENTIALS(null, new String[] {"/api/fsi/credentials", "/api/fsi/credentials/**"}, Users.AGENCY),
        READ(HttpMethod.GET, new String[] {"/api/**"}, Users.AGENCY, Users.AUDITOR),
        /** Searches are posted (an ID number must not be in a URL) but change nothing: readers may. */
        SEARCH(HttpMethod.POST, new String[] {"/api/persons/search", "/api/persons/find"}, Users.AGENCY, Users.AUDITOR),
        WRITE(null, new String[] {"/api/**"}, Users.AGENCY);

        final HttpMethod method;
        final String[] paths;
        final String[] roles;

        Access(HttpMethod method, String[] paths, String... roles) {
            this.method = method;
            this.paths = paths;
            this.roles = roles;
        }
    }
}
