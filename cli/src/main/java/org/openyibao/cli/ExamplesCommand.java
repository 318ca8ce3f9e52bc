package org.openyibao.cli;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.openyibao.engine.calc.CalcReader;
import org.openyibao.engine.calc.CalcRequest;
import org.openyibao.engine.calc.Calculator;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.TraceEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Settles the shipped examples and shows who pays what, with the first example's trace. */
@Command(name = "examples", mixinStandardHelpOptions = true,
        description = "Settle the shipped example visits (examples/*.json) and show who pays what and why.")
public final class ExamplesCommand implements Callable<Integer> {
    @Option(names = "--examples", paramLabel = "DIR", description = "directory of calc JSON examples (default: examples)")
    Path examples;

    @Override
    public Integer call() throws Exception {
        Path dir = examples != null ? examples : Paths.get(System.getProperty("yibao.examples", "examples"));
        if (!Files.isDirectory(dir)) throw new UserError("--examples: " + dir + " is not a directory");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        System.out.println("OpenYibao settlement engine: one-stop settlement of the shipped examples");
        System.out.println("(amounts in yuan; fund = pooling + serious illness + large amount + assistance + emergency)");
        System.out.println();
        System.out.printf("%-38s %-10s %11s %10s %10s %10s %10s %10s %10s %10s%n", "example / visit", "date", "total",
                "pooling", "ser.ill.", "large", "assist.", "emergency", "account", "cash");
        boolean first = true;
        for (Path f : files) {
            CalcRequest request;
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                request = new CalcReader(region -> Policies.standard().pack(region, null)).read(in, true);
            }
            List<Settlement> out = Calculator.settle(request);
            String name = f.getFileName().toString().replace(".json", "");
            for (int i = 0; i < out.size(); i++) {
                Settlement s = out.get(i);
                String label = out.size() == 1 ? name : name + " #" + (i + 1);
                System.out.printf("%-38s %-10s %11s %10s %10s %10s %10s %10s %10s %10s%s%n", cut(label, 38),
                        request.visits().get(i).date(), Money.format(s.medfeeSumamt()), Money.format(s.hifpPay()),
                        Money.format(s.hifmiPay()), Money.format(s.hifobPay()), Money.format(s.mafPay()),
                        Money.format(s.othPay()), Money.format(s.acctPay()), Money.format(s.psnCashPay()),
                        s.eligible() ? "" : "  (" + s.ineligibleReason() + ")");
            }
            if (first && !out.isEmpty()) {
                first = false;
                System.out.println();
                System.out.println("Why, for " + name + " (the trace every settlement carries):");
                for (TraceEntry t : out.get(0).trace()) {
                    System.out.println("  " + t.rule() + ": " + t.explanation());
                    t.parameters().forEach(c -> System.out.println("      " + c));
                }
                System.out.println();
            }
        }
        System.out.println();
        System.out.println("Try one yourself:  ./yibao calc " + dir.resolve(files.isEmpty() ? "x.json" : files.get(0).getFileName().toString()));
        System.out.println("Rules in force:    ./yibao policy show zhanjiang --date 2018-06-01");
        return 0;
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
