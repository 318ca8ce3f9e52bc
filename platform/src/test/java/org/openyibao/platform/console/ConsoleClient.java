package org.openyibao.platform.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in the console's tests over real HTTP, without a browser: its own cookies (the session), the
 * CSRF token read from the last page, form posts, redirects not followed (so that tests see them).
 */
final class ConsoleClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"_csrf\" content=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    ConsoleClient(int port) {
        this.base = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        remember(r.body());
        return r;
    }

    /** A form post with the token of the last page read (unless {@code withToken} is false), as a browser sends it. */
    HttpResponse<String> post(String path, Map<String, String> form, boolean withToken, String... headers) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (withToken && csrf != null) all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        remember(r.body());
        return r;
    }

    /** A JSON post with the session and the token of the last page read in the CSRF header, as a script sends it. */
    HttpResponse<String> postJson(String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) b.header("X-CSRF-TOKEN", csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return post(path, form, true);
    }

    /** Signs in through the sign-in page; returns where the server sent the browser. */
    String signIn(String user, String password) throws Exception {
        get("/login");
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", password));
        return r.headers().firstValue("Location").orElse("(status " + r.statusCode() + ")");
    }

    private void remember(String body) {
        Matcher m = CSRF.matcher(body == null ? "" : body);
        if (m.find()) csrf = m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
