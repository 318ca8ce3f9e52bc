package org.openyibao.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When repeated failed sign-ins lock the console's door (configuration {@code yibao.console.sign-in}, as data):
 * an account after {@code accountFailures} failures in a row, for {@code accountLock}; an address after
 * {@code addressFailures} failures within {@code addressWindow}, for the rest of that window.
 */
@ConfigurationProperties(prefix = "yibao.console.sign-in")
public record SignInLimits(Integer accountFailures, Duration accountLock, Integer addressFailures, Duration addressWindow) {
    public SignInLimits {
        if (accountFailures == null) accountFailures = 5;
        if (accountLock == null) accountLock = Duration.ofMinutes(15);
        if (addressFailures == null) addressFailures = 20;
        if (addressWindow == null) addressWindow = Duration.ofMinutes(15);
    }
}
