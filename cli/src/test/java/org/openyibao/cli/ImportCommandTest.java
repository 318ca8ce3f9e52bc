package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.openyibao.platform.Migrations;
import org.openyibao.platform.registry.ResidentId;

/** yibao import against an embedded database named by a server configuration file. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Yibao.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static String id(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    @Test
    void importsGoodLinesReportsBadOnesAndARerunChangesNothing() throws Exception {
        String url = "jdbc:h2:file:" + tmp.resolve("db").toAbsolutePath() + ";" + Migrations.H2_OPTIONS;
        DriverManagerDataSource ds = new DriverManagerDataSource(url, "sa", "");
        Migrations.migrate(ds);
        new JdbcTemplate(ds).update("INSERT INTO region (admdvs, name, policy_pack) VALUES ('440800', 'Zhanjiang', 'zhanjiang')");
        Path config = tmp.resolve("server.yaml");
        Files.writeString(config, "spring:\n  datasource:\n    url: \"" + url + "\"\n    username: sa\n    password: \"\"\n");
        String good = id("44080219800101123");
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        Path csv = tmp.resolve("persons.csv");
        Files.writeString(csv, "cert_no,name,admdvs,scheme,valid_from\n" + good + ",Lin Feng,440800,resident,2018-01-01\n"
                + bad + ",Lin Bad,440800,resident,2018-01-01\n" + id("44080219800102123") + ",Nowhere,440899,resident,2018-01-01\n");
        Path errors = tmp.resolve("errors.csv");

        Run r = run("import", "--config", config.toString(), csv.toString(), "--errors", errors.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("read 3, imported 1, unchanged 0, rejected 2 in ").contains("rows/s").contains(errors.toString());
        assertThat(Files.readString(errors)).isEqualTo("line,reason\n3,cert_no: the check digit (last character) does not match the other 17"
                + " (GB 11643)\n4,admdvs: no region 440899 (register it first: POST /api/regions)\n");
        assertThat(r.out() + r.err()).doesNotContain(good).doesNotContain(bad);
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM enrolment", Integer.class)).isEqualTo(1);

        r = run("import", "--config", config.toString(), csv.toString(), "--errors", errors.toString());
        assertThat(r.out()).startsWith("read 3, imported 0, unchanged 1, rejected 2 in ");
        assertThat(new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM enrolment", Integer.class)).isEqualTo(1);

        // a properties file works too, and the error file defaults to beside the CSV
        Path props = tmp.resolve("server.properties");
        Files.writeString(props, "spring.datasource.url=" + url + "\nspring.datasource.username=sa\n");
        r = run("import", "--config", props.toString(), csv.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tmp.resolve("persons.errors.csv")).exists();
    }

    @Test
    void mistakesAreOneLineWithExitCode2() throws Exception {
        Path csv = tmp.resolve("p.csv");
        Files.writeString(csv, "cert_no,name,admdvs,shoe_size\n");
        Path config = tmp.resolve("c.yaml");
        String url = "jdbc:h2:file:" + tmp.resolve("db2").toAbsolutePath() + ";" + Migrations.H2_OPTIONS;
        Files.writeString(config, "spring.datasource.url: \"" + url + "\"\nspring.datasource.username: sa\n");
        Run r = run("import", "--config", config.toString(), csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: ").contains("unknown column 'shoe_size'").doesNotContain("\n");
        r = run("import", "--config", config.toString(), tmp.resolve("missing.csv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not found");
        Files.writeString(config, "spring.datasource.username: sa\n");
        r = run("import", "--config", config.toString(), csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("has no spring.datasource.url");
        r = run("import", "--errors", tmp.toString(), csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --errors: ").contains("is a directory");
        r = run("import", "--errors", tmp.resolve("no/such/dir/e.csv").toString(), csv.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("error: --errors: ").contains("not found");
    }
}
