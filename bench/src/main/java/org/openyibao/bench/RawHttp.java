package org.openyibao.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection (one per virtual terminal, as a HIS holds one), opened on the
 * first request and again after the server closed it or an I/O error. A connection left idle longer than
 * {@value #IDLE_MS} ms is not reused but opened afresh, as HTTP clients do: the server closes idle keep-alive
 * connections (Tomcat after 20 s by default), and a request written on a connection the server has just closed is
 * lost (an accounts office that reconciles once a minute would see "connection closed by the server").
 */
final class RawHttp implements FsiHttp {
    static final long IDLE_MS = 10_000;
    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private long lastUsed;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public Reply post(String path, Map<String, String> headers, byte[] body) throws IOException {
        if (socket != null && System.nanoTime() - lastUsed > IDLE_MS * 1_000_000) close();
        if (socket == null) connect();
        try {
            StringBuilder h = new StringBuilder(512).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append(':').append(port).append("\r\n");
            headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
            h.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            Reply r = read();
            lastUsed = System.nanoTime();
            return r;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    private Reply read() throws IOException {
        String statusLine = line();
        if (statusLine == null) throw new IOException("connection closed by the server");
        String[] sl = statusLine.split(" ", 3);
        if (sl.length < 2 || !sl[0].startsWith("HTTP/1.")) throw new IOException("not HTTP: " + statusLine);
        int status = Integer.parseInt(sl[1]);
        long length = -1;
        boolean chunked = false, close = false;
        for (String h; (h = line()) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon < 0) continue;
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT), value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] b;
        if (chunked) {
            b = chunks();
        } else if (length >= 0) {
            b = in.readNBytes((int) length);
            if (b.length != length) throw new IOException("truncated body");
        } else {
            b = in.readAllBytes();
            close = true;
        }
        if (close) close();
        return new Reply(status, b);
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) throw new IOException("truncated chunked body");
            int semi = size.indexOf(';');
            int len = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (len == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used
                }
                return acc.toByteArray();
            }
            acc.write(in.readNBytes(len));
            line();
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int l = s.length();
                if (l > 0 && s.charAt(l - 1) == '\r') s.setLength(l - 1);
                return s.toString();
            }
            s.append((char) c);
        }
        return s.length() == 0 ? null : s.toString();
    }

    @Override
    public void close() {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        socket = null;
    }
}
