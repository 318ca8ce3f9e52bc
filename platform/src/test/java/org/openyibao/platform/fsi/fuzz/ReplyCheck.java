package org.openyibao.platform.fsi.fuzz;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.openyibao.platform.fsi.FsiJson;
import org.openyibao.platform.fsi.InterfacePaths;

/**
 * What every reply to a fuzzed request must be. On an interface path (as sent): the national envelope, JSON with
 * its seven keys and infcode 0, -1 or -2, never "internal error" (a binary 9102 download, or no body to a HEAD, aside).
 * Elsewhere: a JSON error {"error", "message"} (the token endpoint: RFC 6749's {"error", "error_description"}) for
 * every status from 400. Everywhere: a reply, a status below 500, no
 * stack trace or class or library name, and no more bytes than {@link #bound} of the request.
 */
final class ReplyCheck {
    /** A reply may always be this large (a settlement's reply is 2–3 KB, a fund's year report 25 KB)... */
    static final int SMALL = 64 * 1024;
    /** ...or this many times the request. */
    static final int FACTOR = 4;

    static final Set<String> ENVELOPE = Set.of("infcode", "inf_refmsgid", "refmsg_time", "respond_time", "err_msg", "warn_msg",
            "output");
    /** What must never reach a client: exception and class names, libraries, stack frames, the server's own pages. */
    static final List<String> INTERNALS = List.of("Exception", "jackson", "Jackson", "springframework", "com.fasterxml", "java.",
            "javax.", "jakarta.", "org.openyibao", "org.apache", "Tomcat", "<html", "\tat ", "Feature", "StackTrace");

    private ReplyCheck() {}

    static long bound(int requestBytes) {
        return Math.max(SMALL, (long) FACTOR * requestBytes);
    }

    /** Whether the request's path, as sent, is in the interface's URL space (absolute-form URIs by their path). */
    static boolean isInterface(String target) {
        String t = target;
        int scheme = t.indexOf("://");
        if (scheme > 0 && scheme < 6) {
            int slash = t.indexOf('/', scheme + 3);
            t = slash < 0 ? "" : t.substring(slash);
        }
        // the path as the server reads it: without the query (/fsi?x=1 is the interface's /fsi, found by the long profile)
        int query = t.indexOf('?');
        return InterfacePaths.isInterface(query < 0 ? t : t.substring(0, query));
    }

    /** Null when the reply is as it must be, else what is wrong. */
    static String problem(FuzzRequest req, int sent, RawHttp.Reply r) {
        if (r.status() < 0) return r.problem();
        if (r.status() >= 500) return "HTTP " + r.status();
        if (r.wireBytes() > bound(sent)) return "a reply of " + r.wireBytes() + " bytes to a request of " + sent;
        String text = r.head() + "\r\n\r\n" + r.text();
        for (String s : INTERNALS) if (text.contains(s)) return "the reply names \"" + s + "\"";
        boolean signedIn = req.staffSignIn != null && req.staffSignIn.equals(req.get("Authorization")) && !req.http09();
        if (r.status() == 401 && signedIn) {
            return "401 to a staff member signed in with the right password";
        }
        if (req.isHead()) return null;
        if (!isInterface(req.target)) return jsonError(req, r);
        if (!unreadable(req)) return envelope(r);
        // a request line Tomcat cannot read has no path to go by: the envelope or the REST API's JSON error
        return envelope(r) == null ? null : jsonError(req, r);
    }

    /** The characters a request target may have (RFC 3986); Tomcat refuses the request line before its path is known. */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9._~:/?\\[\\]@!$&'()*+,;=%-]*");

    /**
     * A target Tomcat cannot read (a raw non-ASCII byte, '#', '\\', a space), a method with a space in it (the path is
     * then read from the wrong place), or a request line over Tomcat's 8 KB limit.
     */
    static boolean unreadable(FuzzRequest req) {
        return !TARGET.matcher(req.target).matches() || req.method.contains(" ")
                || req.method.length() + req.target.length() + req.version.length() > 8_000;
    }

    private static boolean isJson(RawHttp.Reply r) {
        try {
            return FsiJson.MAPPER.readTree(r.body()) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String envelope(RawHttp.Reply r) {
        String type = r.status() == 0 ? "application/json (HTTP/0.9)" : String.valueOf(r.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (r.status() == 200 && type.startsWith("application/octet-stream")) return null; // 9102's file
        if (!type.startsWith("application/json")) return "not an envelope: HTTP " + r.status() + " " + type;
        JsonNode n;
        try {
            n = FsiJson.MAPPER.readTree(r.body());
        } catch (Exception e) {
            return "not an envelope: the body is not JSON";
        }
        if (n == null || !n.isObject()) return "not an envelope: not a JSON object";
        Set<String> keys = new TreeSet<>();
        n.fieldNames().forEachRemaining(keys::add);
        if (!keys.equals(ENVELOPE)) return "not an envelope: keys " + keys;
        JsonNode code = n.get("infcode");
        if (!code.isInt() || !Set.of(0, -1, -2).contains(code.asInt())) return "infcode " + code;
        if (n.get("err_msg").asText().startsWith("internal error")) return "internal error (our fault) in err_msg";
        return null;
    }

    private static String jsonError(FuzzRequest req, RawHttp.Reply r) {
        if (r.status() == 0) return isJson(r) ? null : "an HTTP/0.9 reply that is not JSON";
        if (r.status() < 400) return null;
        // Spring Boot's actuator answers an unknown health group with an empty 404: an operations endpoint, not the API
        if (req.path().startsWith("/actuator/") && r.body().length == 0) return null;
        String type = r.status() == 0 ? "application/json (HTTP/0.9)" : String.valueOf(r.header("Content-Type")).toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) return "not a JSON error: HTTP " + r.status() + " " + type;
        try {
            JsonNode n = FsiJson.MAPPER.readTree(r.body());
            // the token endpoint's refusals are RFC 6749's {error, error_description}
            boolean described = n != null && (n.path("message").isTextual() || n.path("error_description").isTextual());
            if (n == null || !n.isObject() || !n.path("error").isTextual() || !described) {
                return "not a JSON error {error, message}: HTTP " + r.status();
            }
        } catch (Exception e) {
            return "not a JSON error: the body is not JSON (HTTP " + r.status() + ")";
        }
        return null;
    }
}
