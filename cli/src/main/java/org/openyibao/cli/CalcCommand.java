package org.openyibao.cli;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.openyibao.engine.calc.CalcReader;
import org.openyibao.engine.calc.CalcRequest;
import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.engine.calc.Calculator;
import org.openyibao.engine.settlement.Settlement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "calc", mixinStandardHelpOptions = true,
        description = "Settle visits: reads calc JSON from FILE or stdin, prints settlements as JSON (docs/calc.md).")
public final class CalcCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "request JSON; stdin when absent or '-'")
    Path file;

    @Option(names = "--reform", paramLabel = "FILE", description = "a reform overlay applied to the region's pack")
    Path reform;

    @Option(names = "--no-trace", description = "leave out the step-by-step trace")
    boolean noTrace;

    @Option(names = "--compact", description = "one line of JSON instead of indented")
    boolean compact;

    @Override
    public Integer call() throws Exception {
        CalcRequest request;
        try (Reader in = file == null || file.toString().equals("-")
                ? new InputStreamReader(System.in, StandardCharsets.UTF_8) : open(file)) {
            request = new CalcReader(region -> Policies.standard().pack(region, reform)).read(in, !noTrace);
        }
        List<Settlement> settlements = Calculator.settle(request);
        ObjectMapper json = new ObjectMapper();
        if (!compact) json.enable(SerializationFeature.INDENT_OUTPUT);
        System.out.println(json.writeValueAsString(CalcWriter.write(request, settlements)));
        return 0;
    }

    private static Reader open(Path file) throws java.io.IOException {
        if (!Files.isRegularFile(file)) throw new UserError("FILE: " + file + " not found");
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
