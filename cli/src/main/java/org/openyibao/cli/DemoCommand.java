package org.openyibao.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.Callable;

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
        String url = org.openyibao.platform.Migrations.h2FileUrl(dir);
        ConfigurableApplicationContext ctx = ServeCommand.start(
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--yibao.demo.enabled=true",
                "--yibao.policies=" + Policies.standard().root().toAbsolutePath());
        String base = "http://localhost:" + ctx.getEnvironment().getProperty("local.server.port");
        Map<String, String> passwords = ctx.getBean(DemoUsers.class).passwords();
        DemoRegion region = ctx.getBean(DemoRegion.class);
        System.out.println();
        System.out.println("OpenYibao demo is running (embedded database in " + dir + ").");
        System.out.println();
        System.out.println("  API description   " + base + "/swagger-ui.html   (OpenAPI: " + base + "/v3/api-docs)");
        System.out.println("  Health, metrics   " + base + "/actuator/health   " + base + "/actuator/prometheus");
        System.out.println();
        System.out.println("  Sign in (HTTP Basic; fresh passwords each start):");
        passwords.forEach((u, p) -> System.out.println("    " + u + " / " + p));
        System.out.println();
        region.describe(base).forEach(line -> System.out.println("  " + line));
        System.out.println();
        System.out.println("  Try:  curl -u agency:" + passwords.get("agency") + " " + base + "/api/funds/" + region.admdvs()
                + "/report?year=" + region.year());
        System.out.println("  Stop with Ctrl-C. Settle offline without the server: ./yibao calc examples/01-resident-2018-level3-admission.json");
        return ServeCommand.waitForShutdown(ctx);
    }
}
