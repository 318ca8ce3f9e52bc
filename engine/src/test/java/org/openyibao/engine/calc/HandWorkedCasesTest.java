package org.openyibao.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.openyibao.engine.Packs;
import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.settlement.Settlement;

/**
 * Runs every hand-worked case under policies/&lt;region&gt;/cases/*.yaml: the request is calc JSON
 * (written as YAML), {@code expect} lists, per visit in date order, the fields that must match to the
 * fen, and {@code arithmetic} shows the working. A case may carry {@code reform: reforms/FILE.yaml}, or,
 * instead of {@code expect}, name the refusal by its code (and field, when given):
 * {@code error: {code: no_policy_on_date, field: visits[0].date}}.
 */
class HandWorkedCasesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> CASE_KEYS = Set.of("name", "arithmetic", "request", "expect", "error", "reform");
    /** The shipped packs, each loaded once (its compiled rules are cached in it). */
    private static final Map<String, PolicyPack> PACKS = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> handWorkedCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Packs.root())) {
            files = s.filter(p -> p.getParent().getFileName().toString().equals("cases") && p.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
        assertThat(files).as("hand-worked cases").hasSizeGreaterThanOrEqualTo(50);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            JsonNode doc = YAML.readTree(f.toFile());
            String name = Packs.root().relativize(f) + ": " + doc.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> run(f, doc)));
        }
        return tests.stream();
    }

    /** The region's pack as calc finds it (PackLoader.load: unknown_policy when none), with the case's reform. */
    private static PolicyPack pack(String region, Path reform) {
        PolicyPack pack = PACKS.get(region);
        if (pack == null) {
            pack = PackLoader.load(Packs.root(), region);
            PACKS.put(region, pack);
        }
        return reform == null ? pack : PackLoader.applyReform(pack, reform);
    }

    private void run(Path file, JsonNode doc) {
        doc.fieldNames().forEachRemaining(k -> assertThat(CASE_KEYS).as(file + ": key " + k).contains(k));
        assertThat(doc.path("arithmetic").asText()).as(file + " shows its arithmetic").isNotBlank();
        Path reform = doc.has("reform") ? file.getParent().getParent().resolve(doc.get("reform").asText()) : null;
        CalcReader reader = new CalcReader(region -> pack(region, reform));
        if (doc.has("error")) {
            assertThat(doc.has("expect")).as(file + ": a refused request expects no settlements").isFalse();
            refused(file, doc.get("error"), catchThrowable(() -> Calculator.settle(reader.read(doc.get("request"), false))));
            return;
        }
        CalcRequest request = reader.read(doc.get("request"), true);
        List<Settlement> out = Calculator.settle(request);
        JsonNode actual = new ObjectMapper().valueToTree(CalcWriter.write(request, out)).get("settlements");
        JsonNode expect = doc.get("expect");
        assertThat(expect).as(file + ": expect, one entry per visit").isNotNull();
        assertThat(expect.size()).as(file + ": one expectation per visit").isEqualTo(out.size());
        for (int i = 0; i < expect.size(); i++) {
            Iterator<Map.Entry<String, JsonNode>> fields = expect.get(i).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                JsonNode got = actual.get(i).get(e.getKey());
                if (got == null) fail(file + ": visit " + i + " has no field " + e.getKey());
                if (e.getValue().isNumber()) {
                    assertThat(new BigDecimal(got.asText())).as(file + " visit " + i + " " + e.getKey())
                            .isEqualByComparingTo(e.getValue().decimalValue());
                } else {
                    assertThat(got.asText()).as(file + " visit " + i + " " + e.getKey()).isEqualTo(e.getValue().asText());
                }
            }
        }
    }

    /** {@code error: {code: CODE, field: PATH}}: refused with that code, and that field when the case names one. */
    private static void refused(Path file, JsonNode error, Throwable thrown) {
        assertThat(error.isObject() && error.hasNonNull("code"))
                .as(file + ": error names a code, e.g. error: {code: no_policy_on_date, field: visits[0].date}").isTrue();
        error.fieldNames().forEachRemaining(k -> assertThat(Set.of("code", "field")).as(file + ": error." + k).contains(k));
        assertThat(thrown).as(file + ": refused with a coded error").isInstanceOf(DomainException.class);
        DomainException e = (DomainException) thrown;
        assertThat(e.code().code()).as(file + ": code of \"" + e.getMessage() + "\"").isEqualTo(error.get("code").asText());
        if (error.has("field")) {
            assertThat(e.field()).as(file + ": field of \"" + e.getMessage() + "\"").isEqualTo(error.get("field").asText());
        }
    }
}
