package org.openyibao.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** yibao import (issue 3): being written. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Bulk import of persons and enrolments from CSV.")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("import: not available yet");
    }
}
