package org.openyibao.cli;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/** yibao call: mistakes in its input are a clear "error:" naming the option, before or without a server. */
class CallCommandTest {
    private static final String[] CREDENTIALS = {"--institution", "H44080000001", "--paasid", "p", "--secret", "s"};

    private static Cli.Result call(String... args) {
        String[] all = new String[args.length + CREDENTIALS.length + 1];
        all[0] = "call";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(CREDENTIALS, 0, all, 1 + args.length, CREDENTIALS.length);
        return Cli.run(all);
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void badJsonIsNamed() {
        call("2207", "{bad").userError("JSON:");
        call("2207", "[1]").userError("JSON:", "must be an object");
    }

    @Test
    void badUrlOrPathIsNamed() {
        call("2207", "{}", "--url", "ftp://x").userError("--url:", "http://");
        call("2207", "{}", "--url", "http://localhost:1", "--path", "a b").userError("--path:", "not a URL");
    }

    @Test
    void badInfnoAndClientIdAreNamed() {
        call("../x", "{}").userError("INFNO:");
        call("2207", "{}", "--encrypt", "--client-id", "short").userError("--client-id:", "16 bytes");
    }

    @Test
    void paasidThatCannotBeAHeaderIsNamed() {
        Cli.run("call", "2207", "{}", "--institution", "H1", "--paasid", "p\nq", "--secret", "s").userError("--paasid:");
    }

    @Test
    void unreadableConfigIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path f = java.nio.file.Files.writeString(tmp.resolve("call.properties"), "url=\\u00zz\n");
        call("2207", "{}", "--config", f.toString()).userError("--config:", "cannot read");
    }

    @Test
    void noServerIsAClearError() throws IOException {
        int port = closedPort();
        call("2207", "{}", "--url", "http://127.0.0.1:" + port).userError("cannot connect", "connection refused");
    }

    @Test
    void unknownHostIsNotCalledARefusal() {
        call("2207", "{}", "--url", "http://no-such-host.invalid").userError("unknown host");
    }
}
