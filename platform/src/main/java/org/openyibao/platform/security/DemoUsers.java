package org.openyibao.platform.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In demo mode ({@code yibao.demo.enabled}), accounts with fresh random passwords, printed at start:
 * nothing secret is kept in the repository. A fixed password may be given for tests
 * ({@code yibao.demo.password}).
 */
@Component
public class DemoUsers {
    private final boolean enabled;
    private final String fixedPassword;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    public DemoUsers(@Value("${yibao.demo.enabled:false}") boolean enabled,
                     @Value("${yibao.demo.password:}") String fixedPassword) {
        this.enabled = enabled;
        this.fixedPassword = fixedPassword;
    }

    List<UserDetails> users(PasswordEncoder encoder) {
        List<UserDetails> out = new ArrayList<>();
        if (!enabled) return out;
        SecureRandom random = new SecureRandom();
        for (String[] u : new String[][] {{"agency", Users.AGENCY}, {"auditor", Users.AUDITOR}, {"monitor", Users.MONITOR}}) {
            byte[] b = new byte[12];
            random.nextBytes(b);
            String password = fixedPassword.isEmpty() ? Base64.getUrlEncoder().withoutPadding().encodeToString(b) : fixedPassword;
            passwords.put(u[0], password);
            out.add(User.withUsername(u[0]).password(encoder.encode(password)).roles(u[1]).build());
        }
        return out;
    }

    /** The demo accounts and their passwords, to print once at start. */
    public Map<String, String> passwords() {
        return passwords;
    }
}
