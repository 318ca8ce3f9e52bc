package org.openyibao.platform.fsi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.openyibao.platform.fsi.auth.FsiCredentials;
import org.openyibao.platform.web.ApiException;

/**
 * Agency staff issue an institution's interface credentials (under {@code /api}; {@code SecurityConfig.Access}
 * lets only AGENCY read or write them: paasid, client_id and username identify an institution's account). The
 * reply to an issue holds the secrets in clear, once.
 */
@RestController
public class FsiCredentialController {
    private final FsiCredentials credentials;

    public FsiCredentialController(FsiCredentials credentials) {
        this.credentials = credentials;
    }

    /** {@code {fixmedins_code, paasid?, secret?, client_id?, client_secret?, username?, password?, apikey?, sm2_public_key?,
     * signature_required?, reply_encryption?}}: what is not given is generated (apikey and the SM2 key excepted). */
    @PostMapping("/api/fsi/credentials")
    public ResponseEntity<Map<String, Object>> issue(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, "a JSON object is required");
        FsiFields f = FsiFields.of(body, "");
        FsiCredentials.Issued i;
        try {
            i = credentials.register(new FsiCredentials.Spec(f.optText("fixmedins_code"), f.optText("paasid"),
                    f.optText("secret"), f.optText("client_id"), f.optText("client_secret"), f.optText("username"),
                    f.optText("password"), f.optText("apikey"), f.optText("sm2_public_key"),
                    f.has("signature_required") ? Boolean.valueOf(f.optText("signature_required")) : null,
                    f.optText("reply_encryption")));
        } catch (FsiException e) {
            String msg = e.errMsg();
            throw ApiException.badRequest(msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : null, msg);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", i.id());
        out.put("fixmedins_code", i.fixmedinsCode());
        out.put("paasid", i.paasid());
        out.put("secret", i.secret());
        out.put("client_id", i.clientId());
        out.put("client_secret", i.clientSecret());
        out.put("username", i.username());
        out.put("password", i.password());
        if (i.apikey() != null) out.put("apikey", i.apikey());
        out.put("note", "the secrets are shown once and not kept in clear");
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping("/api/fsi/credentials")
    public List<Map<String, Object>> list(@RequestParam("fixmedins_code") String fixmedinsCode) {
        return credentials.list(fixmedinsCode);
    }

    @PostMapping("/api/fsi/credentials/{id}/disable")
    public Map<String, Object> disable(@PathVariable("id") long id) {
        credentials.setEnabled(id, false);
        return Map.of("id", id, "enabled", false);
    }

    @PostMapping("/api/fsi/credentials/{id}/enable")
    public Map<String, Object> enable(@PathVariable("id") long id) {
        credentials.setEnabled(id, true);
        return Map.of("id", id, "enabled", true);
    }
}
