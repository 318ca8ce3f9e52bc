package org.openyibao.platform.fsi.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * One HTTP exchange over a raw socket: the request's bytes are sent exactly as made (an HTTP client library would
 * refuse most of what the fuzz sends: CONNECT, a bad version, a header over the limit, an unknown transfer coding),
 * the whole reply read until the server closes the connection.
 */
final class RawHttp {
    /** The most read of one reply: more is a failure of its own (the reply is not bounded). */
    static final int MAX_REPLY = 8 * 1024 * 1024;

    private RawHttp() {}

    /**
     * A reply: its status ({@code -1} when none came, {@code 0} for an HTTP/0.9 body alone), its head (status line and headers), its body (de-chunked) and
     * the bytes it took on the wire.
     */
    record Reply(int status, String head, byte[] body, int wireBytes, String problem) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header's value (the first), or null. */
        String header(String name) {
            String want = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(want)) return line.substring(want.length()).trim();
            }
            return null;
        }
    }

    static Reply exchange(int port, byte[] request, int timeoutMs) {
        return exchange(port, request, timeoutMs, false);
    }

    /** {@code http09}: the request line had no version, so the reply may be a body alone (status 0, no head). */
    static Reply exchange(int port, byte[] request, int timeoutMs, boolean http09) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
                s.shutdownOutput();
            } catch (IOException e) {
                // the server may refuse and close before the whole request is sent: its answer is still to be read
            }
            byte[] wire = readAll(s.getInputStream());
            boolean headless = wire.length < 5 || !new String(wire, 0, 5, StandardCharsets.ISO_8859_1).equals("HTTP/");
            return http09 && headless ? new Reply(0, "", wire, wire.length, null) : parse(wire);
        } catch (IOException e) {
            return new Reply(-1, "", new byte[0], 0, "no reply: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
                if (all.size() > MAX_REPLY) break;
            }
        } catch (java.net.SocketException e) {
            // a reset after the reply (the server closed with unread request bytes): what came is the reply
            if (all.size() == 0) throw e;
        }
        return all.toByteArray();
    }

    /** The last final (non-1xx) reply in {@code wire}. */
    static Reply parse(byte[] wire) {
        int start = 0;
        while (true) {
            int split = indexOf(wire, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            if (split < 0) return new Reply(-1, "", new byte[0], wire.length, "no complete reply head (" + wire.length + " bytes)");
            String head = new String(wire, start, split - start, StandardCharsets.ISO_8859_1);
            int status = status(head);
            if (status < 0) return new Reply(-1, head, new byte[0], wire.length, "no status line");
            if (status >= 100 && status < 200) {
                start = split + 4; // 100 Continue and the like: the final reply follows
                continue;
            }
            byte[] rest = Arrays.copyOfRange(wire, split + 4, wire.length);
            Reply r = new Reply(status, head, rest, wire.length, null);
            String te = r.header("Transfer-Encoding");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                byte[] body = dechunk(rest);
                return body == null ? new Reply(status, head, rest, wire.length, "broken chunked body")
                        : new Reply(status, head, body, wire.length, null);
            }
            return r;
        }
    }

    private static int status(String head) {
        if (!head.startsWith("HTTP/") || head.length() < 12) return -1;
        try {
            return Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = indexOf(b, new byte[] {'\r', '\n'}, i);
            if (eol < 0) return null;
            String size = new String(b, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n;
            try {
                n = Integer.parseInt(size, 16);
            } catch (NumberFormatException e) {
                return null;
            }
            if (n == 0) return out.toByteArray();
            if (eol + 2 + n > b.length) return null;
            out.write(b, eol + 2, n);
            i = eol + 2 + n + 2;
        }
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
