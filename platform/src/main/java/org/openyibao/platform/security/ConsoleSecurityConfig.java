package org.openyibao.platform.security;

import java.time.Clock;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import org.openyibao.platform.audit.OperatorAudit;

/**
 * The console's and the portal's own door (issue 11): form sign-in against the {@code operator} table
 * ({@link SignInGuard}), a session cookie (HttpOnly, SameSite, see application.yaml), a CSRF token on every form and
 * htmx request, and headers that allow no inline script and no framing. The REST API keeps HTTP Basic
 * ({@link SecurityConfig}); the national interface its own ({@code FsiSecurityConfig}).
 */
@Configuration
@EnableConfigurationProperties(SignInLimits.class)
public class ConsoleSecurityConfig {
    /** Scripts and styles from the server only (WebJars and our own files); no inline script, no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The console's chain. Its {@link SignInGuard} is made here, not as a bean: an authentication provider bean would
     * become every chain's, and the REST API signs in its configured users (and checks no lock-out) its own way.
     */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, Operators operators, PasswordEncoder encoder, SignInLimits limits, Clock clock,
                                OperatorAudit audit) throws Exception {
        SignInGuard guard = new SignInGuard(operators, encoder, limits, clock, audit);
        http.securityMatcher(PageAccess.chainPaths())
                .authenticationManager(new ProviderManager(guard))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath()
                                + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                // a page in the console's words, not the error dispatch (which the REST API's chain would answer)
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    res.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    req.getRequestDispatcher("/denied").forward(req, res);
                }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeHttpRequests(a -> {
                    a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
                    for (PageAccess rule : PageAccess.values()) {
                        if (rule.isPublic()) a.requestMatchers(rule.paths).permitAll();
                        else a.requestMatchers(rule.paths).hasAnyRole(rule.roleNames());
                    }
                    a.anyRequest().authenticated();
                });
        return http.build();
    }
}
