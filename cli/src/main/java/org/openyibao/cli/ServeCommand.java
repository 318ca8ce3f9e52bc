package org.openyibao.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import org.openyibao.platform.PlatformApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the server against the database named in a configuration file (PostgreSQL in production). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the OpenYibao server with a configuration file (database, users, port); see docs/server.md.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "YAML or properties: spring.datasource.url/username/password, yibao.users, server.port")
    Path config;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(config)) throw new UserError("--config: " + config + " not found");
        ConfigurableApplicationContext ctx = start(
                "--spring.config.additional-location=file:" + config.toAbsolutePath(),
                "--yibao.policies=" + Policies.standard().root().toAbsolutePath());
        System.out.println("OpenYibao is running on port " + ctx.getEnvironment().getProperty("local.server.port"));
        return waitForShutdown(ctx);
    }

    static ConfigurableApplicationContext start(String... args) {
        return SpringApplication.run(PlatformApplication.class, args);
    }

    static int waitForShutdown(ConfigurableApplicationContext ctx) {
        java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        ctx.addApplicationListener((org.springframework.context.ApplicationListener<org.springframework.context.event.ContextClosedEvent>) e -> closed.countDown());
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
