package org.openyibao.platform.console;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import org.openyibao.platform.audit.AuditTrail;
import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.web.ApiException;

/**
 * The agency's desk for an institution's interface credentials (issue 11), over the same {@link FsiCredentials} as
 * {@code /api/fsi/credentials}: list them without secrets, issue one (its secrets returned once, to be shown once),
 * disable and enable one of this institution's. Each change is in the operator audit log, with the credential's id
 * and paasid, never a secret.
 */
@Service
public class InstitutionCredentialDesk {
    private final FsiCredentials credentials;
    private final AuditTrail audit;

    public InstitutionCredentialDesk(FsiCredentials credentials, AuditTrail audit) {
        this.credentials = credentials;
        this.audit = audit;
    }

    public List<Map<String, Object>> list(String code) {
        return credentials.list(code);
    }

    /** Issues a credential for {@code code}, with the paasid asked for (or one generated when blank). */
    public FsiCredentials.Issued issue(String code, String paasid, HttpServletRequest request) {
        String asked = blankToNull(paasid);
        if (asked != null && credentials.byPaasid(asked).isPresent()) throw taken(asked);
        FsiCredentials.Spec s = FsiCredentials.Spec.of(code);
        FsiCredentials.Issued issued;
        try {
            issued = credentials.register(new FsiCredentials.Spec(code, asked, s.secret(), s.clientId(), s.clientSecret(), s.username(),
                    s.password(), s.apikey(), s.sm2PublicKey(), s.signatureRequired(), s.replyEncryption()));
        } catch (DuplicateKeyException e) {
            throw taken(asked);
        }
        audit.record(request, "credential_issued", code, "credential " + issued.id() + " paasid " + issued.paasid());
        return issued;
    }

    /** Switches credential {@code id} of institution {@code code} on or off; one of another institution is "not found". */
    public void setEnabled(String code, long id, boolean enabled, HttpServletRequest request) {
        boolean ours = credentials.list(code).stream().anyMatch(c -> ((Number) c.get("id")).longValue() == id);
        if (!ours) throw ApiException.notFound("id", "no credential " + id + " at " + code);
        credentials.setEnabled(id, enabled);
        audit.record(request, enabled ? "credential_enabled" : "credential_disabled", code, "credential " + id);
    }

    private static ApiException taken(String paasid) {
        return ApiException.conflict("paasid", "paasid: " + (paasid == null ? "" : paasid + " ") + "is already in use, choose another");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
