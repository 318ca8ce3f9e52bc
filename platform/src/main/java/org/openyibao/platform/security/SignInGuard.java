package org.openyibao.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import org.openyibao.platform.audit.OperatorAudit;
import org.openyibao.platform.registry.ResidentId;

/**
 * Signs a console or portal user in from the {@code operator} table: the address is not locked, the account exists,
 * is enabled and not locked, and the password matches its hash. A failure counts against the account (in the
 * database, so a restart does not reset it) and against the address (in memory, per server); {@link SignInLimits}
 * says when either locks. Which of these failed is not told to the caller (one message for all but a lock).
 */
public final class SignInGuard implements AuthenticationProvider {
    /** Matched against when the account does not exist, so that a missing account takes as long as a wrong password. */
    private final String unknownAccountHash;
    private final Operators operators;
    private final PasswordEncoder encoder;
    private final SignInLimits limits;
    private final Clock clock;
    private final Cache<String, Integer> addressFailures;
    private final OperatorAudit audit;

    public SignInGuard(Operators operators, PasswordEncoder encoder, SignInLimits limits, Clock clock, OperatorAudit audit) {
        this.audit = audit;
        this.operators = operators;
        this.encoder = encoder;
        this.limits = limits;
        this.clock = clock;
        this.unknownAccountHash = encoder.encode("not an account");
        this.addressFailures = Caffeine.newBuilder().expireAfterWrite(limits.addressWindow()).maximumSize(100_000).build();
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String address = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        Integer failures = addressFailures.getIfPresent(address);
        String username = String.valueOf(request.getPrincipal());
        if (failures != null && failures >= limits.addressFailures()) throw refused(username, address, "address locked", new LockedException("address"));
        String password = String.valueOf(request.getCredentials());
        Instant now = clock.instant();
        Operators.Operator op = operators.find(username).orElse(null);
        if (op != null && op.lockedAt(now)) throw refused(username, address, "account locked", new LockedException("account"));
        boolean matches = encoder.matches(password, op == null ? unknownAccountHash : op.passwordHash());
        if (op == null || !op.enabled() || !matches) {
            addressFailures.asMap().merge(address, 1, Integer::sum);
            if (op != null) operators.signInFailed(username, limits.accountFailures(), now.plus(limits.accountLock()));
            throw refused(username, address, op == null ? "no such account" : "wrong password or disabled",
                    new BadCredentialsException("sign-in"));
        }
        operators.signedIn(username);
        ConsoleUser user = op.user();
        audit.record(new OperatorAudit.Event(username, user.role().name(), address, "sign_in", username, "ok"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    /** Records a refused sign-in (the name as typed, with anything like an ID number masked) and returns {@code e}. */
    private RuntimeException refused(String username, String address, String why, RuntimeException e) {
        String name = ResidentId.redact(username);
        audit.record(new OperatorAudit.Event(name, "", address, "sign_in_refused", name, why));
        return e;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
