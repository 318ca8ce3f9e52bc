package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo seals its x-tif secrets and stored replies too (issue 10): a key of its own, made once, owner-only. */
class DemoServerKeyTest {
    @Test
    void theDemoMakesItsKeyOnceAndKeepsItToItsOwner(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("demo");
        String key = DemoCommand.serverKey(data);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        Path file = data.resolve("server.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DemoCommand.serverKey(data)).as("the same key on the next start").isEqualTo(key);
        assertThat(DemoCommand.serverKey(dir.resolve("other"))).as("another demo, another key").isNotEqualTo(key);
    }
}
