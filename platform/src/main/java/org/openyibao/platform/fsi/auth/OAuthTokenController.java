package org.openyibao.platform.fsi.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth2 password grant of the Jilin-style gateway (INTERFACE §1.3 c, OH {@code HandlerServiceImpl.getToken}):
 * {@code POST /auth/oauth/token}, form {@code username, password, scope, grant_type=password},
 * {@code Authorization: Basic base64(client_id:client_secret)} (or client_id/client_secret in the form) →
 * {@code {"access_token", "token_type":"bearer", "expires_in", "scope"}}. Refusals follow RFC 6749
 * ({@code invalid_client} 401, {@code invalid_grant}/{@code invalid_request}/{@code unsupported_grant_type} 400) and
 * are logged like every other refusal.
 */
@RestController
public class OAuthTokenController {
    private final FsiCredentials credentials;
    private final FsiTokens tokens;

    public OAuthTokenController(FsiCredentials credentials, FsiTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @PostMapping(value = "/auth/oauth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> token(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                                     @RequestParam MultiValueMap<String, String> form) {
        String clientId = form.getFirst("client_id");
        String clientSecret = form.getFirst("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    clientId = pair.substring(0, colon);
                    clientSecret = pair.substring(colon + 1);
                }
            } catch (IllegalArgumentException e) {
                return refuse(HttpStatus.UNAUTHORIZED, "invalid_client", "Authorization: Basic is not Base64", null, null);
            }
        }
        if (clientId == null || clientSecret == null) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid_client",
                    "client authentication required: Authorization: Basic base64(client_id:client_secret)", null, null);
        }
        String grant = form.getFirst("grant_type");
        if (!"password".equals(grant)) {
            return refuse(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type must be password", null, null);
        }
        Optional<Credential> found = credentials.byClientId(clientId);
        if (found.isEmpty() || !credentials.matches(clientSecret, found.get().clientSecretHash())) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client_id or wrong client_secret",
                    found.map(Credential::fixmedinsCode).orElse(null), "client_id " + FsiRefusals.masked(clientId));
        }
        Credential c = found.get();
        String keyId = c.keyId();
        if (!c.enabled()) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid_client", "these credentials are disabled", c.fixmedinsCode(), keyId);
        }
        String username = form.getFirst("username");
        String password = form.getFirst("password");
        if (username == null || password == null) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_request", "username and password are required", c.fixmedinsCode(), keyId);
        }
        if (!username.equals(c.username()) || !credentials.matches(password, c.passwordHash())) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_grant", "wrong username or password", c.fixmedinsCode(), keyId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(c.id()));
        body.put("token_type", "bearer");
        body.put("expires_in", tokens.ttlSeconds());
        String scope = form.getFirst("scope");
        if (scope != null) body.put("scope", scope);
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }

    private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String error, String description,
                                                              String institution, String keyId) {
        FsiRefusals.log(new FsiRefusal("token request refused: " + error + " (" + description + ")", description, institution,
                keyId), "token");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.UNAUTHORIZED) b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"fsi\"");
        return b.body(body);
    }
}
