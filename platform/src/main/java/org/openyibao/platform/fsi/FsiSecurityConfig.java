package org.openyibao.platform.fsi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The national interface authenticates its own way (x-tif headers, OAuth bearer tokens, apikey: {@code FsiAuthenticator},
 * answering refusals as envelopes with infcode -1), so Spring Security lets its URLs through: a chain ahead of
 * {@code SecurityConfig}'s, without HTTP Basic (the token endpoint's {@code Authorization: Basic} is the OAuth client,
 * not a staff account), sessions or CSRF.
 */
@Configuration
public class FsiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain fsiInterface(HttpSecurity http) throws Exception {
        http.securityMatcher("/fsi/**", "/mbs/**", "/ebus/**", "/auth/oauth/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
