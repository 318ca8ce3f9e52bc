package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openyibao.sim.io.PopulationReader;
import picocli.CommandLine;

/** {@code yibao generate}: output, and errors that name the option (exit code 2). */
class GenerateCommandTest {

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new Yibao());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void writesAPopulationWithoutHadoop(@TempDir Path dir) throws Exception {
        Path pop = dir.resolve("pop");
        Result r = run("generate", "--region", "zhanjiang", "--persons", "2000", "--seed", "3", "--out", pop.toString(),
                "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("2000 persons").contains("out-of-pocket per capita")
                .containsPattern("employees. pooling \\d\\.\\d\\d, serious illness \\d\\.\\d\\d of its premium");
        assertThat(r.err()).contains("persons/s");
        assertThat(Files.readString(pop.resolve("region.json"))).contains("\"persons\" : 2000").contains("age_under_18_pct");
        assertThat(new PopulationReader(pop).parts()).isEqualTo(1);
        // again without --force: refused
        Result again = run("generate", "--region", "zhanjiang", "--persons", "10", "--out", pop.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--out").contains("--force");
        assertThat(run("generate", "--region", "zhanjiang", "--persons", "10", "--out", pop.toString(), "--force",
                "--format", "csv").code()).isZero();
        assertThat(pop.resolve("visit_lines/part-00000.csv")).exists();
    }

    @Test
    void errorsNameTheOption(@TempDir Path dir) {
        Result r = run("generate", "--region", "atlantis", "--persons", "10", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--region").contains("zhanjiang");
        r = run("generate", "--region", "zhanjiang", "--persons", "0", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--persons");
        r = run("generate", "--region", "zhanjiang", "--persons", "5", "--format", "xml", "--out", dir.resolve("x").toString());
        assertThat(r.err()).contains("--format");
        // far too many persons: refused at once, not hours of counting households first
        r = run("generate", "--region", "zhanjiang", "--persons", "99999999999", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--persons: at most 1,000,000,000");
        r = run("generate", "--region", "zhanjiang", "--persons", "5", "--year", "3000", "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--year: must be between 2009 and 2100, got 3000");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
