package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs a yibao command as {@link Yibao#run} does (the same exit codes), with stdout and stderr captured. */
final class Cli {
    record Result(int code, String out, String err) {
        /** A user error: exit code 2, one "error:" line that contains every fragment, no stack trace. */
        Result userError(String... fragments) {
            assertThat(code).as("exit code; stderr: %s", err).isEqualTo(2);
            assertThat(err).contains("error: ").doesNotContain("internal error").doesNotContain("\tat ")
                    .doesNotContain("Exception");
            for (String f : fragments) assertThat(err).contains(f);
            return this;
        }

        Result ok() {
            assertThat(code).as("exit code; stderr: %s", err).isZero();
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
            return this;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new Yibao());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // as Yibao.run
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a coded refusal (unknown region, invalid pack or request, no rules that day) is the user's to fix
            if (e instanceof UserError || e instanceof org.openyibao.engine.error.DomainException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            e.printStackTrace(cmd.getErr()); // shown by the failing assertion
            cmd.getErr().println("internal error: " + e + " (please report it; input was not changed)");
            return 1;
        });
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
