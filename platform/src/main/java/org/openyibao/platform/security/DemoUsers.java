package org.openyibao.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In demo mode ({@code yibao.demo.enabled}), accounts with passwords printed at start: derived from the demo data's
 * server key ({@code yibao.fsi.key}), so the same at every start of the same data, or random when there is no key;
 * nothing secret is kept in the repository. A fixed password may be given for tests
 * ({@code yibao.demo.password}). Agency staff, the auditor and monitoring sign in to the REST API (HTTP Basic) and
 * the console with the same password; the console has one account for each of its roles
 * ({@link #putConsoleAccounts}).
 */
@Component
public class DemoUsers {
    /** The demo's accounts: name and role; the REST API knows the first three. */
    private static final List<Object[]> ACCOUNTS = List.of(new Object[] {"agency", Role.AGENCY}, new Object[] {"auditor", Role.AUDITOR},
            new Object[] {"monitor", Role.MONITOR}, new Object[] {"admin", Role.ADMIN}, new Object[] {"clerk", Role.INSTITUTION},
            new Object[] {"insurer", Role.INSURER});
    private static final int API_ACCOUNTS = 3;

    private final boolean enabled;
    private final Map<String, String> passwords = new LinkedHashMap<>();

    public DemoUsers(@Value("${yibao.demo.enabled:false}") boolean enabled,
                     @Value("${yibao.demo.password:}") String fixedPassword,
                     @Value("${yibao.fsi.key:}") String serverKey) {
        this.enabled = enabled;
        if (!enabled) return;
        SecureRandom random = new SecureRandom();
        for (Object[] a : ACCOUNTS) {
            String name = (String) a[0];
            passwords.put(name, !fixedPassword.isEmpty() ? fixedPassword : serverKey.isEmpty() ? randomPassword(random) : keptPassword(serverKey, name));
        }
    }

    /**
     * The password of the demo account {@code name} for the demo data whose server key is {@code serverKey} (the data
     * directory's {@code server.key}): the same at every start of that data, so a saved sign-in keeps working (issue
     * 11), and nothing more is stored; unguessable without the key, and another data directory has other passwords.
     */
    static String keptPassword(String serverKey, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] h = mac.doFinal(("demo console password " + name).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }

    private static String randomPassword(SecureRandom random) {
        byte[] b = new byte[12];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    List<UserDetails> users(PasswordEncoder encoder) {
        List<UserDetails> out = new ArrayList<>();
        if (!enabled) return out;
        for (Object[] a : ACCOUNTS.subList(0, API_ACCOUNTS)) {
            String name = (String) a[0];
            out.add(User.withUsername(name).password(encoder.encode(passwords.get(name))).roles(((Role) a[1]).name()).build());
        }
        return out;
    }

    /**
     * The console's demo accounts, written at each start with their passwords: the institution clerk bound to
     * {@code hospital}, the insurer to the region {@code admdvs}.
     */
    public void putConsoleAccounts(Operators operators, PasswordEncoder encoder, String admdvs, String hospital) {
        if (!enabled) return;
        for (Object[] a : ACCOUNTS) {
            String name = (String) a[0];
            Role role = (Role) a[1];
            ConsoleUser user = new ConsoleUser(name, role, role == Role.INSTITUTION ? hospital : null,
                    role == Role.INSURER ? admdvs : null, null);
            operators.put(user, encoder.encode(passwords.get(name)));
        }
    }

    /** What the demo account {@code name} is, for the list printed at start. */
    public static String describe(String name) {
        for (Object[] a : ACCOUNTS) {
            if (!a[0].equals(name)) continue;
            return switch ((Role) a[1]) {
                case ADMIN -> "agency administrator";
                case AGENCY -> "agency clerk: funds, persons, the REST API";
                case AUDITOR -> "agency auditor: reads, personal data masked";
                case INSTITUTION -> "settlement clerk of the demo hospital";
                case INSURER -> "the serious-illness insurer of the region";
                case INSURED -> "an insured person";
                case MONITOR -> "monitoring: metrics";
            };
        }
        return "";
    }

    /** The demo accounts and their passwords, to print once at start. */
    public Map<String, String> passwords() {
        return passwords;
    }
}
