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
        checkSyntax(config);
        ConfigurableApplicationContext ctx;
        try {
            ctx = start(
                    "--spring.config.additional-location=file:" + config.toAbsolutePath(),
                    "--yibao.policies=" + Policies.standard().root().toAbsolutePath());
        } catch (RuntimeException e) {
            throw new UserError("the server did not start with --config " + config + ": " + whyNotStarted(e, -1, "server.port"));
        }
        System.out.println("OpenYibao is running on port " + ctx.getEnvironment().getProperty("local.server.port"));
        return waitForShutdown(ctx);
    }

    /** A file Spring cannot parse is named here, not in a stack trace. */
    private static void checkSyntax(Path file) {
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            if (file.getFileName().toString().endsWith(".properties")) {
                new java.util.Properties().load(in);
            } else {
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(in);
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new UserError("--config: cannot read " + file + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Why a server did not start, in a user's words: a port in use says so and how to choose another (it used to be
     * reported as an internal error); anything else is its root cause's first line.
     */
    static String whyNotStarted(RuntimeException e, int port, String option) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.boot.web.server.PortInUseException p) {
                return "port " + p.getPort() + " is already in use (another server, or a demo still running): stop it, or choose"
                        + " another port with " + option + (port > 0 ? " " + (port + 1) : "");
            }
        }
        return rootCause(e);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    static ConfigurableApplicationContext start(String... args) {
        return start(java.util.List.of(), args);
    }

    /** The server with {@code extra} beans beside the platform's own (the demo adds its generated population). */
    static ConfigurableApplicationContext start(java.util.List<Class<?>> extra, String... args) {
        SpringApplication app = new SpringApplication(PlatformApplication.class);
        app.addPrimarySources(extra);
        return app.run(args);
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
