package org.openyibao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** yibao serve --config: a missing or unreadable file is a clear error naming --config, before Spring starts; a port in use. */
class ServeCommandTest {
    @TempDir
    Path tmp;

    @Test
    void missingConfigIsNamed() {
        Cli.run("serve", "--config", tmp.resolve("nope.yaml").toString()).userError("--config:", "not found");
    }

    @Test
    void unparsableYamlIsNamed() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.yaml"), "server:\n  port: [oops\n");
        Cli.run("serve", "--config", f.toString()).userError("--config:", "cannot read", "bad.yaml");
    }

    @Test
    void unparsablePropertiesAreNamed() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad.properties"), "a=\\u00zz\n");
        Cli.run("serve", "--config", f.toString()).userError("--config:", "cannot read", "bad.properties");
    }

    /** Found by a new user: a port in use was reported as an internal error. */
    @Test
    void aPortInUseIsSaidInWordsWithTheWayOut() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Cli.run("demo", "--port", Integer.toString(taken.getLocalPort()), "--data", tmp.resolve("demo").toString())
                    .userError("port " + taken.getLocalPort() + " is already in use", "--port " + (taken.getLocalPort() + 1));
        }
    }
}
