package org.openyibao.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** yibao ledger check (issue 3): being written. */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Fund ledger: check.")
public final class LedgerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("ledger: not available yet");
    }
}
