package org.openyibao.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openyibao.engine.grouping.ConformanceVectors;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;

/**
 * Throughput of the groupers on one core (docs/benchmarks.md#grouping). Target (issue 14): at least 50,000 cases/s per
 * core, against OpenDRG's ~5,000 records/s and mz-drg's 7,000–11,000 claims/s.
 *
 * <p>The state loads the shipped tables once and takes the cases of their conformance vectors (92 DRG cases, 63 DIP
 * cases: every split rule, exclusions, pre-MDC, ungroupable and ambiguous cases, each with its full trace). The methods
 * walk through them in turn so the JIT cannot fold one case to a constant; the result is returned so JMH consumes it.
 *
 * <p>How to run, from the repository root:
 * <pre>
 *   mvn -B -q -o package -pl bench -am -DskipTests
 *   java -jar bench/target/benchmarks.jar GroupingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1
 * </pre>
 * The tables are read from {@code -Dyibao.policies=DIR}, else {@code policies} or {@code ../policies}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class GroupingBenchmark {
    private Grouper drg;
    private Grouper dip;
    private DischargedCase[] drgCases;
    private DischargedCase[] dipCases;
    private int i;
    private int j;

    @Setup(Level.Trial)
    public void load() {
        Path root = SettlementBenchmark.packDir().getParent();
        GroupingTables tables = GroupingTables.load(root);
        drg = tables.grouper("illustrative-drg-1");
        dip = tables.grouper("illustrative-dip-1");
        drgCases = cases(tables.vectors("illustrative-drg-1"));
        dipCases = cases(tables.vectors("illustrative-dip-1"));
    }

    private static DischargedCase[] cases(List<ConformanceVectors.Vector> vectors) {
        return vectors.stream().map(ConformanceVectors.Vector::c).toArray(DischargedCase[]::new);
    }

    @Benchmark
    public GroupResult groupDrg() {
        DischargedCase c = drgCases[i];
        i = i + 1 == drgCases.length ? 0 : i + 1;
        return drg.group(c);
    }

    @Benchmark
    public GroupResult groupDip() {
        DischargedCase c = dipCases[j];
        j = j + 1 == dipCases.length ? 0 : j + 1;
        return dip.group(c);
    }
}
