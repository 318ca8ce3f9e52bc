package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.openyibao.engine.calc.CalcReader;
import org.openyibao.engine.calc.CalcRequest;
import org.openyibao.engine.calc.CalcWriter;
import org.openyibao.engine.calc.Calculator;
import org.openyibao.engine.settlement.Settlement;

/**
 * Runs every hand-worked case under policies/<region>/cases/*.yaml: the request is calc JSON
 * (written as YAML), {@code expect} lists, per visit in date order, the fields that must match
 * to the fen, and {@code arithmetic} shows the working. A case may instead expect an {@code error}.
 */
class HandWorkedCasesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static Path policies() {
        return Paths.get(System.getProperty("yibao.policies", "../policies"));
    }

    @TestFactory
    Stream<DynamicTest> handWorkedCases() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(policies())) {
            files = s.filter(p -> p.getParent().getFileName().toString().equals("cases") && p.toString().endsWith(".yaml"))
                    .sorted().toList();
        }
        assertThat(files).as("hand-worked cases").hasSizeGreaterThanOrEqualTo(10);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            JsonNode doc = YAML.readTree(f.toFile());
            String name = policies().relativize(f) + ": " + doc.path("name").asText();
            tests.add(DynamicTest.dynamicTest(name, () -> run(f, doc)));
        }
        return tests.stream();
    }

    private void run(Path file, JsonNode doc) {
        assertThat(doc.path("arithmetic").asText()).as(file + " shows its arithmetic").isNotBlank();
        CalcReader reader = new CalcReader(region -> new Policies(policies()).pack(region, reformOf(file, doc)));
        if (doc.has("error")) {
            assertThatThrownBy(() -> Calculator.settle(reader.read(doc.get("request"), false)))
                    .isInstanceOfAny(UserError.class, org.openyibao.engine.calc.CalcInputException.class)
                    .hasMessageContaining(doc.get("error").asText());
            return;
        }
        CalcRequest request = reader.read(doc.get("request"), true);
        List<Settlement> out = Calculator.settle(request);
        JsonNode actual = new ObjectMapper().valueToTree(CalcWriter.write(request, out)).get("settlements");
        JsonNode expect = doc.get("expect");
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

    private static Path reformOf(Path file, JsonNode doc) {
        return doc.has("reform") ? file.getParent().getParent().resolve(doc.get("reform").asText()) : null;
    }
}
