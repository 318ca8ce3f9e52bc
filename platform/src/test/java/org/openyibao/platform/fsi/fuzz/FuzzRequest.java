package org.openyibao.platform.fsi.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP request as the fuzz makes it, byte for byte: method, target, version, headers in order (duplicates
 * allowed), body, and how the body is framed ({@code Content-Length}, chunked, or neither).
 */
final class FuzzRequest {
    enum Framing { LENGTH, CHUNKED, NONE }

    String method = "POST";
    String target;
    String version = "HTTP/1.1";
    final List<String[]> headers = new ArrayList<>();
    byte[] body = new byte[0];
    Framing framing = Framing.LENGTH;
    /** The Authorization header of a staff account signed in with its right password, or null. */
    String staffSignIn;
    /** What the mutator did, for the report of a failing case. */
    final List<String> mutations = new ArrayList<>();

    FuzzRequest(String target) {
        this.target = target;
    }

    FuzzRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Replaces every header named {@code name} (ignoring case) with one, or adds it. */
    FuzzRequest set(String name, String value) {
        remove(name);
        return header(name, value);
    }

    void remove(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
    }

    String get(String name) {
        for (String[] h : headers) if (h[0].equalsIgnoreCase(name)) return h[1];
        return null;
    }

    FuzzRequest body(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    void did(String mutation) {
        mutations.add(mutation);
    }

    /** The path as sent, without the query. */
    String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /**
     * Whether the server may read this as an HTTP/0.9 request and answer with a body alone: no version, or none it can
     * read ({@code HTTP/1.1 extra}), no target (the version is then read as the target), or a request line it cannot
     * read (Tomcat then answers with or without a head, depending on how far it got).
     */
    boolean http09() {
        return !version.matches("HTTP/1\\.[01]") || target.isEmpty() || ReplyCheck.unreadable(this);
    }

    boolean isHead() {
        return method.toUpperCase(Locale.ROOT).equals("HEAD");
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 512);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(version.isEmpty() ? "" : " " + version).append("\r\n");
        head.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        for (String[] h : headers) head.append(h[0]).append(": ").append(h[1]).append("\r\n");
        if (framing == Framing.LENGTH) head.append("Content-Length: ").append(body.length).append("\r\n");
        if (framing == Framing.CHUNKED && get("Transfer-Encoding") == null) head.append("Transfer-Encoding: chunked\r\n");
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (framing == Framing.CHUNKED) {
            if (body.length > 0) {
                out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(body);
                out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
