package org.openyibao.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * One hospital terminal's HTTP connection to the interface: a POST with headers, the status and body back. The default
 * is {@link RawHttp}, a minimal keep-alive HTTP/1.1 client, much cheaper per request than java.net.http (which matters
 * when the generator shares two cores with the server and PostgreSQL); {@code --jdk-http} uses {@link Jdk} instead.
 */
interface FsiHttp extends AutoCloseable {
    record Reply(int status, byte[] body) {}

    Reply post(String path, Map<String, String> headers, byte[] body) throws IOException, InterruptedException;

    @Override
    void close();

    static FsiHttp open(LoadOptions o) {
        return o.jdkHttp ? new Jdk(o.url) : new RawHttp(o.host, o.port);
    }

    /** java.net.http, HTTP/1.1. */
    final class Jdk implements FsiHttp {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final String url;

        Jdk(String url) {
            this.url = url;
        }

        @Override
        public Reply post(String path, Map<String, String> headers, byte[] body) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(b::header);
            HttpResponse<byte[]> r = http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body());
        }

        @Override
        public void close() {
            // the client's connections close with it
        }
    }
}
