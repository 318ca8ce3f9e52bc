package org.openyibao.platform.fsi;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The national interface authenticates its own way (x-tif headers, OAuth bearer tokens, apikey: {@code FsiAuthenticator},
 * answering refusals as envelopes with infcode -1; the token endpoint's {@code Authorization: Basic} is the OAuth
 * client, not a staff account), so its URLs do not run Spring Security's filter chain at all: no filter of it would
 * do anything for them (no session, no CSRF, no staff authentication), yet each one costs a Micrometer observation
 * per call. Spring Security's firewall ({@code StrictHttpFirewall}) still checks every request; the response headers
 * its chain used to add ({@code X-Content-Type-Options}, {@code Cache-Control}…) are set by {@link FsiController}.
 * Every other URL (the REST API, actuator, console) stays behind {@code SecurityConfig}'s chain.
 */
@Configuration
public class FsiSecurityConfig {
    /** The interface's URL prefixes (and the OAuth token endpoint), nothing else. */
    public static final String[] PATHS = {"/fsi/**", "/mbs/**", "/ebus/**", "/auth/oauth/**"};

    @Bean
    WebSecurityCustomizer fsiInterfaceOutsideSpringSecurity() {
        return web -> web.ignoring().requestMatchers(PATHS);
    }

    /**
     * The one observation Spring Security still makes for those URLs ({@code spring.security.http.unsecured.requests})
     * is not made: it would only time requests that Spring Security does nothing for. {@code http.server.requests}
     * (the interface's request metrics) stays.
     */
    @Bean
    ObservationPredicate noUnsecuredRequestObservations() {
        return (name, context) -> !"spring.security.http.unsecured.requests".equals(name);
    }
}
