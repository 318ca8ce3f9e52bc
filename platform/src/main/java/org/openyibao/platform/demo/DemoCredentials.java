package org.openyibao.platform.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.openyibao.platform.fsi.auth.Credential;
import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.fsi.auth.SecretBox;

/**
 * The demo hospital's interface credential, kept with the demo's data (table {@code demo_credential}, V86): issued on
 * the first start of a data directory and the same one on every later start, so that a saved {@code yibao call}
 * configuration keeps working (issue 11). The secret is never stored anew: it is the credential's own, sealed under
 * the server key ({@code yibao.fsi.key}, the demo's {@code server.key}) in {@code fsi_credential}, and opened to be
 * printed. A new credential is issued (and the kept one disabled) only when the kept one cannot be used: disabled by
 * the agency, gone, or sealed under another server key.
 */
@Component
public class DemoCredentials {
    private static final Logger log = LoggerFactory.getLogger(DemoCredentials.class);

    /** The credential to print: its id, institution, x-tif paasid and secret; {@code kept} when from an earlier start. */
    public record Kept(long id, String fixmedinsCode, String paasid, String secret, boolean kept) {}

    private final JdbcTemplate jdbc;
    private final FsiCredentials credentials;
    private final SecretBox box;

    public DemoCredentials(JdbcTemplate jdbc, FsiCredentials credentials, @Value("${yibao.fsi.key:}") String serverKey) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.box = new SecretBox(serverKey);
    }

    /** The kept credential of {@code hospital}, or a new one issued and kept. */
    public Kept forHospital(String hospital) {
        Optional<Kept> kept = kept(hospital);
        if (kept.isPresent()) return kept.get();
        for (Map<String, Object> c : credentials.list(hospital)) {
            if (Boolean.TRUE.equals(c.get("enabled"))) credentials.setEnabled(((Number) c.get("id")).longValue(), false);
        }
        FsiCredentials.Issued issued = credentials.register(FsiCredentials.Spec.of(hospital));
        jdbc.update("DELETE FROM demo_credential WHERE fixmedins_code = ?", hospital);
        jdbc.update("INSERT INTO demo_credential (fixmedins_code, credential_id) VALUES (?, ?)", hospital, issued.id());
        log.info("demo: interface credential {} issued for {} and kept with the demo's data", issued.id(), hospital);
        return new Kept(issued.id(), hospital, issued.paasid(), issued.secret(), false);
    }

    private Optional<Kept> kept(String hospital) {
        List<Long> ids = jdbc.queryForList("SELECT credential_id FROM demo_credential WHERE fixmedins_code = ?", Long.class, hospital);
        if (ids.isEmpty()) return Optional.empty();
        Optional<Credential> c = credentials.byId(ids.get(0)).filter(Credential::enabled);
        String secret = c.map(x -> box.open(x.sealedSecret())).orElse(null);
        if (secret == null) {
            log.info("demo: the kept interface credential {} is disabled or cannot be opened with this server key; issuing another",
                    ids.get(0));
            return Optional.empty();
        }
        return Optional.of(new Kept(c.get().id(), hospital, c.get().paasid(), secret, true));
    }
}
