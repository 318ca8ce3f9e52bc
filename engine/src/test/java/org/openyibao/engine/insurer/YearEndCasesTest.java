package org.openyibao.engine.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.openyibao.engine.Packs;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.InsurerContract;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/**
 * Runs every hand-worked insurer year-end: policies/&lt;region&gt;/contracts/year-ends/*.yaml (the shipped contracts)
 * and src/test/resources/insurer/year-ends/*.yaml (a made-up contract: a new kind of contract is data). A case names
 * its {@code region}, optionally a {@code contract} overlay (relative to the case's directory), the {@code date} whose
 * contract applies, the year's {@code figures} (yuan), its {@code arithmetic}, and the {@code expect}ed figures (yuan),
 * each checked to the fen; money is checked to be conserved in every case.
 */
class YearEndCasesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> KEYS = Set.of("name", "region", "contract", "date", "figures", "arithmetic", "expect");
    private static final Map<String, ToLongFunction<YearEnd>> FIELDS = Map.ofEntries(
            Map.entry("reserve_withheld", YearEnd::reserveWithheldFen),
            Map.entry("instalment", y -> y.instalmentsFen().get(0)),
            Map.entry("last_instalment", y -> y.instalmentsFen().get(y.instalmentsFen().size() - 1)),
            Map.entry("administration_cost", YearEnd::administrationCostFen),
            Map.entry("result_before", YearEnd::resultBeforeFen),
            Map.entry("policy_change_compensation", YearEnd::policyChangeCompensationFen),
            Map.entry("profit_corridor", YearEnd::profitCorridorFen),
            Map.entry("loss_corridor", YearEnd::lossCorridorFen),
            Map.entry("returned", YearEnd::returnedFen),
            Map.entry("compensated", YearEnd::corridorCompensationFen),
            Map.entry("reserve_refunded", YearEnd::reserveRefundedFen),
            Map.entry("reserve_kept", YearEnd::reserveKeptFen),
            Map.entry("result_after", YearEnd::resultAfterFen));

    @TestFactory
    Stream<DynamicTest> handWorkedYearEnds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Packs.root())) {
            s.filter(p -> p.getParent().getFileName().toString().equals("year-ends") && p.toString().endsWith(".yaml"))
                    .forEach(files::add);
        }
        try (Stream<Path> s = Files.list(Paths.get("src/test/resources/insurer/year-ends"))) {
            s.forEach(files::add);
        }
        files.sort(null);
        // four per shipped contract (profit inside, above, a loss, a policy-caused loss) and the made-up one's
        assertThat(files).as("hand-worked year-ends").hasSizeGreaterThanOrEqualTo(14);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            JsonNode doc = YAML.readTree(f.toFile());
            tests.add(DynamicTest.dynamicTest(f.getFileName() + ": " + doc.path("name").asText(), () -> run(f, doc)));
        }
        return tests.stream();
    }

    private static void run(Path file, JsonNode doc) {
        doc.fieldNames().forEachRemaining(k -> assertThat(KEYS).as(file + ": key " + k).contains(k));
        assertThat(doc.path("arithmetic").asText()).as(file + " shows its arithmetic").isNotBlank();
        PolicyPack pack = PackLoader.load(Packs.root(), doc.path("region").asText());
        if (doc.has("contract")) pack = PackLoader.applyReform(pack, file.getParent().resolve(doc.get("contract").asText()));
        InsurerContract contract = InsurerContract.of(pack, LocalDate.parse(doc.path("date").asText()));
        JsonNode f = doc.path("figures");
        YearEnd y = InsurerYearEnd.of(new YearEndFigures(fen(f, "premium"), fen(f, "claims"), fen(f, "administration_cost"),
                fen(f, "policy_change_loss"), f.path("evaluation_passed").asBoolean(true)), contract);
        doc.path("expect").fields().forEachRemaining(e -> {
            assertThat(FIELDS).as(file + ": expect." + e.getKey() + " is a figure of the year-end").containsKey(e.getKey());
            assertThat(Money.format(FIELDS.get(e.getKey()).applyAsLong(y)))
                    .as(file + ": " + e.getKey() + "\n" + steps(y)).isEqualTo(Money.format(Money.fen(e.getValue().decimalValue())));
        });
        assertThat(y.premiumFen()).as(file + ": money conserved").isEqualTo(y.claimsFen() + y.administrationCostFen()
                + y.resultAfterFen() + y.toFundFen() - y.compensatedFen());
    }

    private static long fen(JsonNode figures, String field) {
        JsonNode v = figures.path(field);
        return v.isMissingNode() ? 0 : Money.fen(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText()));
    }

    private static String steps(YearEnd y) {
        StringBuilder b = new StringBuilder();
        for (YearEndStep s : y.steps()) b.append("  ").append(s.rule()).append(": ").append(s.explanation()).append('\n');
        return b.toString();
    }
}
