package org.openyibao.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.openyibao.platform.Migrations;
import org.openyibao.platform.PlatformApplication;
import org.openyibao.platform.fsi.FsiTestClient;
import org.openyibao.platform.security.DemoUsers;

/**
 * The demo's interface credential is kept with its data (issue 11): two starts on the same data directory (an H2
 * file database, the same server key, as {@code ./yibao demo} does) give the same credential, and the secret saved from
 * the first start still signs in after the second; the demo prints it both times. A start with another server key
 * (the old secret cannot be opened) issues a new credential and the old one is switched off. The console's demo
 * passwords are the same at every start of the same data too (derived from its server key), and others with another key.
 */
class DemoCredentialsTest {
    static final String SIGN_IN = "{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-16-EA-AE-3C-40\",\"ip\":\"10.0.0.8\"}}";

    @TempDir
    Path data;

    @Test
    void twoStartsOnTheSameDataKeepTheCredentialAndItsSecret() {
        DemoCredentials.Kept first;
        try (ConfigurableApplicationContext app = start("demo-key-one")) {
            first = app.getBean(DemoRegion.class).credentials();
            assertThat(first.kept()).isFalse();
            assertThat(signIn(app, first.paasid(), first.secret())).isZero();
        }
        try (ConfigurableApplicationContext app = start("demo-key-one")) {
            DemoCredentials.Kept second = app.getBean(DemoRegion.class).credentials();
            assertThat(second.kept()).isTrue();
            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.paasid()).isEqualTo(first.paasid());
            assertThat(signIn(app, first.paasid(), first.secret())).as("the secret saved at the first start").isZero();
            assertThat(String.join("\n", app.getBean(DemoRegion.class).describe("http://localhost:8080")))
                    .contains("--paasid " + first.paasid() + " --secret " + first.secret(), "the same credential as at the last start");
        }
        try (ConfigurableApplicationContext app = start("another-key")) {
            DemoCredentials.Kept third = app.getBean(DemoRegion.class).credentials();
            assertThat(third.kept()).isFalse();
            assertThat(third.id()).isNotEqualTo(first.id());
            assertThat(signIn(app, third.paasid(), third.secret())).isZero();
            assertThat(signIn(app, first.paasid(), first.secret())).as("the old one is switched off").isNotZero();
        }
    }

    @Test
    void twoStartsOnTheSameDataKeepTheConsolePasswords() throws Exception {
        Map<String, String> first;
        try (ConfigurableApplicationContext app = start("demo-key-one", false)) {
            first = Map.copyOf(app.getBean(DemoUsers.class).passwords());
            assertThat(first.get("agency")).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(first.get("clerk"));
        }
        try (ConfigurableApplicationContext app = start("demo-key-one", false)) {
            assertThat(app.getBean(DemoUsers.class).passwords()).as("the same data, the same passwords").isEqualTo(first);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String basic = Base64.getEncoder().encodeToString(("agency:" + first.get("agency")).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/funds/440800/report?year=2018")).header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(report.statusCode()).as("the first start's password signs in: " + report.body()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext app = start("another-key", false)) {
            assertThat(app.getBean(DemoUsers.class).passwords().get("agency")).as("another server key, other passwords")
                    .isNotEqualTo(first.get("agency"));
        }
    }

    private ConfigurableApplicationContext start(String serverKey) {
        return start(serverKey, true);
    }

    private ConfigurableApplicationContext start(String serverKey, boolean fixedPassword) {
        return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + Migrations.h2FileUrl(data), "--yibao.demo.enabled=true", "--yibao.fsi.key=" + serverKey,
                "--yibao.fsi.cache-seconds=0", fixedPassword ? "--yibao.demo.password=demo-credentials-test" : "--yibao.demo.password=");
    }

    private static int signIn(ConfigurableApplicationContext app, String paasid, String secret) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        return new FsiTestClient(port, DemoRegion.HOSPITAL).xTif(paasid, secret).call("9001", FsiTestClient.json(SIGN_IN)).infcode();
    }
}
