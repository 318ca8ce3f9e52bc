package org.openyibao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import org.openyibao.platform.demo.DemoRegion;
import org.openyibao.platform.security.DemoUsers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job: starts the platform on an embedded H2 database with the Zhanjiang pack and a small
 * seeded demo region, and prints what to open.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the platform on http://localhost:8080 with an embedded database and a seeded demo region.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "where the embedded database lives (default: data/demo)")
    Path data;

    @Override
    public Integer call() {
        Path dir = data != null ? data : Paths.get(System.getProperty("yibao.home", ".")).resolve("data/demo");
        ConfigurableApplicationContext ctx;
        try {
            ctx = start(port, org.openyibao.platform.Migrations.h2FileUrl(dir), "--yibao.fsi.key=" + serverKey(dir));
        } catch (RuntimeException e) {
            throw new UserError(ServeCommand.whyNotStarted(e, port, "--port"));
        }
        welcome(ctx, "embedded database in " + dir).forEach(System.out::println);
        return ServeCommand.waitForShutdown(ctx);
    }

    /**
     * The demo's server key ({@code yibao.fsi.key}: seals the x-tif secrets and the stored interface replies at
     * rest), made once in {@code dir/server.key}, readable by its owner only. A production server is given its key
     * by its configuration (docs/server.md).
     */
    static String serverKey(Path dir) {
        Path file = dir.resolve("server.key");
        try {
            if (Files.exists(file)) return Files.readString(file, StandardCharsets.US_ASCII).strip();
            Files.createDirectories(dir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String text = Base64.getEncoder().encodeToString(key);
            Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            return text;
        } catch (IOException e) {
            throw new UserError("cannot read or make the demo's server key " + file + ": " + e.getMessage());
        }
    }

    /**
     * The server in demo mode on {@code datasourceUrl}, with the generated population beside the hand-made
     * people ({@link DemoGeneratedPopulation}: the platform itself does not ship the generator). {@code more}
     * are further Spring arguments (a test's fixed password).
     */
    static ConfigurableApplicationContext start(int port, String datasourceUrl, String... more) {
        String[] args = Stream.concat(Stream.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + datasourceUrl,
                "--yibao.demo.enabled=true",
                "--yibao.policies=" + Policies.standard().root().toAbsolutePath()), Stream.of(more)).toArray(String[]::new);
        return ServeCommand.start(List.of(DemoGeneratedPopulation.class), args);
    }

    /** What the demo prints once it runs: where to go, the sign-ins, the demo region's people and credentials. */
    static List<String> welcome(ConfigurableApplicationContext ctx, String database) {
        String base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
        Map<String, String> passwords = ctx.getBean(DemoUsers.class).passwords();
        DemoRegion region = ctx.getBean(DemoRegion.class);
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("OpenYibao demo is running (" + database + ").");
        out.add("");
        out.add("  Console           " + base + "/   (中文; English at the top right)");
        out.add("  API description   " + base + "/swagger-ui.html   (OpenAPI: " + base + "/v3/api-docs)");
        out.add("  Health, metrics   " + base + "/actuator/health   " + base + "/actuator/prometheus");
        out.add("");
        out.add("  Sign in to the console (and, for agency, auditor and monitor, the REST API with HTTP Basic);");
        out.add("  the same passwords at every start of this data directory (its server.key):");
        passwords.forEach((u, p) -> out.add(String.format("    %-8s %-24s %s", u, p, DemoUsers.describe(u))));
        out.add("  Insured persons activate their portal at " + base + "/portal/activate (psn_no, code, a password of their own):");
        region.activationCodes().forEach(c -> out.add("    psn_no " + c.psnNo() + "   code " + c.code()));
        out.add("");
        region.describe(base).forEach(line -> out.add("  " + line));
        out.add("");
        out.add("  Try:  curl -u agency:" + passwords.get("agency") + " " + base + "/api/funds/" + region.admdvs()
                + "/report?year=" + region.year());
        out.add("  Stop with Ctrl-C. Settle offline without the server: ./yibao calc examples/01-resident-2018-level3-admission.json");
        return out;
    }
}
