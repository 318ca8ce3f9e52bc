package org.openyibao.platform.fsi.auth;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * One institution credential (table {@code fsi_credential}) with its institution's name, region and designation
 * dates. Secrets are sealed or hashed; {@link #keyId()} names the credential in logs without revealing anything.
 */
public record Credential(long id, String fixmedinsCode, String institutionName, String admdvs, LocalDate designatedFrom,
                         LocalDate designatedUntil, String paasid, String sealedSecret, String clientId,
                         String clientSecretHash, String username, String passwordHash, String sm2PublicKey,
                         boolean signatureRequired, String replyEncryption, boolean enabled) {

    /** Designated on {@code day}: designated_from ≤ day ≤ designated_until (open when null). */
    public boolean designatedOn(LocalDate day) {
        return !day.isBefore(designatedFrom) && (designatedUntil == null || !day.isAfter(designatedUntil));
    }

    /** The SM4 key and SM2 user ID: the client_id's bytes (16 for SM4), or null without a client_id. */
    public byte[] clientIdBytes() {
        return clientId == null ? null : clientId.getBytes(StandardCharsets.UTF_8);
    }

    /** What to name in a log line: the paasid or client_id, else the credential's id. Never a secret. */
    public String keyId() {
        if (paasid != null) return "paasid " + paasid;
        if (clientId != null) return "client_id " + clientId;
        return "credential " + id;
    }
}
