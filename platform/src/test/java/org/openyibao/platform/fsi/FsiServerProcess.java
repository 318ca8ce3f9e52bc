package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.openyibao.platform.PlatformApplication;

/**
 * The platform's main class in a JVM of its own, on the test's classpath without the test classes: the real server as
 * the fault tests run it (FsiCrashRecoveryTest kills it with SIGKILL, FsiBackupRestoreTest starts it on a restored
 * database). Its configuration is a file, as {@code yibao serve --config} reads it; its output goes to a log file.
 */
final class FsiServerProcess implements AutoCloseable {
    /** Bounds only: a start takes 3-8 s on 2 busy cores. */
    static final Duration START_WITHIN = Duration.ofSeconds(30);

    final Process process;
    final int port;
    final Path log;

    private FsiServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A directory under target/{@code name} for one run's configuration and logs. */
    static Path runDirectory(String name) throws IOException {
        Path dir = Files.createDirectories(Paths.get("target", name));
        return Files.createTempDirectory(dir, "run-");
    }

    /** Writes {@code file}: the server on {@code jdbcUrl} (user postgres, trust auth) with the server key {@code key}. */
    static Path writeConfig(Path file, String jdbcUrl, String key) throws IOException {
        Files.writeString(file, String.join("\n",
                "spring.datasource.url: \"" + jdbcUrl + "\"",
                "spring.datasource.username: postgres",
                "spring.datasource.password: \"\"",
                "server.address: 127.0.0.1",
                "yibao.policies: \"" + Paths.get(System.getProperty("yibao.policies", "../policies")).toAbsolutePath() + "\"",
                "yibao.fsi.key: \"" + key + "\"",
                "management.endpoints.web.exposure.include: health",
                ""));
        return file;
    }

    /** Starts the server with {@code config} on a free port and waits until it answers its health check. */
    static FsiServerProcess startReady(Path config, Path log) throws Exception {
        FsiServerProcess s = start(config, freePort(), log);
        try {
            s.awaitReady(START_WITHIN);
        } catch (Exception | AssertionError e) {
            s.close();
            throw e;
        }
        return s;
    }

    static FsiServerProcess start(Path config, int port, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx384m");
        cmd.add("-XX:TieredStopAtLevel=1");        // starts faster; throughput does not matter here
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-cp");
        cmd.add(serverClasspath());
        cmd.add(PlatformApplication.class.getName());
        cmd.add("--spring.config.additional-location=file:" + config.toAbsolutePath());
        cmd.add("--server.port=" + port);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // nothing from this environment may point the server at another database or port
        pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SERVER_") || k.startsWith("YIBAO_"));
        return new FsiServerProcess(pb.start(), port, log);
    }

    void awaitReady(Duration within) throws Exception {
        FsiLoadClient probe = new FsiLoadClient(port, "-", "-", "-", Duration.ofSeconds(2));
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + tail());
            if (probe.get("/actuator/health", Duration.ofSeconds(2)) == 200) return;
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start within " + within + ":\n" + tail());
    }

    /** SIGKILL on Linux: no shutdown hook, no graceful close, nothing flushed; returns once the process is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the killed server is gone").isTrue();
        assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * The test JVM's classpath without test classes (their test configurations would be scanned into the server). Under
     * surefire's manifest-only jar, the entries of its manifest.
     */
    static String serverClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Paths.get(e);
            if (p.getFileName().toString().startsWith("surefirebooter") && p.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Manifest m = jar.getManifest();
                    String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) entries.add(Paths.get(URI.create(u)).toString());
                    }
                }
                continue;
            }
            entries.add(e);
        }
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            Path p = Paths.get(e).normalize();
            if (p.endsWith("test-classes")) continue;
            if (p.getFileName() != null && p.getFileName().toString().startsWith("surefire")) continue;
            if (!out.contains(p.toString())) out.add(p.toString());
        }
        assertThat(out).as("the server's classpath").anyMatch(s -> s.endsWith("classes") || s.contains("openyibao-platform"));
        return String.join(File.pathSeparator, out);
    }
}
