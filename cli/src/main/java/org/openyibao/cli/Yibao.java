package org.openyibao.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code yibao} command. */
@Command(name = "yibao", mixinStandardHelpOptions = true, version = "OpenYibao 0.1.0",
        description = "OpenYibao: a multi-tier public medical insurance platform.",
        subcommands = {DemoCommand.class, ServeCommand.class, CalcCommand.class, ExamplesCommand.class, PolicyCommand.class,
                LedgerCommand.class, AuditLogCommand.class, ImportCommand.class, CallCommand.class, GenerateCommand.class, SimulateCommand.class,
                EvaluateCommand.class, CloseYearCommand.class, GroupCommand.class, CommandLine.HelpCommand.class})
public final class Yibao {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Yibao());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a coded refusal (unknown region, invalid pack or request, no rules that day) is the user's to fix
            if (e instanceof UserError || e instanceof org.openyibao.engine.error.DomainException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("internal error: " + e + " (please report it; input was not changed)");
            return 1;
        });
        return cl.execute(args);
    }
}
