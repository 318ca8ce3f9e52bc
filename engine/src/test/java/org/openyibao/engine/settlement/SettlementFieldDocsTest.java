package org.openyibao.engine.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.policy.Scheme;

/**
 * The docs list every row of the table of national settlement fields: calc's field table (docs/calc.md), the
 * simulated year's settlements columns (docs/sim.md, in the table's order) and the interface's fund codes
 * (docs/fsi.md). A row added to {@link SettlementField} fails here until the docs have it.
 */
class SettlementFieldDocsTest {
    private static List<String> lines(String doc) throws IOException {
        // the engine module's tests run in engine/; the docs are beside it
        Path p = Path.of("..", "docs", doc);
        if (!Files.exists(p)) p = Path.of("docs", doc);
        return Files.readAllLines(p);
    }

    @Test
    void calcListsEveryField() throws IOException {
        List<String> doc = lines("calc.md");
        for (SettlementField f : SettlementField.values()) {
            assertThat(doc).as("docs/calc.md's field table has a row for %s", f.national())
                    .anyMatch(l -> l.startsWith("| `" + f.national() + "` |"));
        }
    }

    @Test
    void simListsEveryFieldAsASettlementsColumnInTheTablesOrder() throws IOException {
        String row = lines("sim.md").stream().filter(l -> l.startsWith("| `settlements/` |")).findFirst().orElseThrow();
        int at = 0;
        for (SettlementField f : SettlementField.values()) {
            int next = row.indexOf("`" + f.national() + "`", at);
            assertThat(next).as("docs/sim.md's settlements/ columns list %s after the fields before it", f.national())
                    .isGreaterThanOrEqualTo(0);
            at = next;
        }
    }

    @Test
    void fsiListsEveryFundsCodes() throws IOException {
        List<String> doc = lines("fsi.md");
        for (SettlementField f : SettlementField.values()) {
            if (!f.isFund()) continue;
            assertThat(doc).as("docs/fsi.md's fund codes have %s: %s / %s", f.national(), f.fundCode(Scheme.EMPLOYEE),
                    f.fundCode(Scheme.RESIDENT)).anyMatch(l -> l.startsWith("| `" + f.national() + "` |")
                    && l.contains(f.fundCode(Scheme.EMPLOYEE)) && l.contains(f.fundCode(Scheme.RESIDENT))
                    && l.contains(f.fundName(Scheme.EMPLOYEE)) && l.contains(f.fundName(Scheme.RESIDENT)));
        }
    }
}
