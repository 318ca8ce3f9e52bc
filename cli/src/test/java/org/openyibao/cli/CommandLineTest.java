package org.openyibao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The yibao commands as a user runs them: output, exit codes, and one clear line for every mistake. */
class CommandLineTest {
    record Run(int exit, String out, String err) {}

    @TempDir
    Path tmp;

    static Path repo() {
        return Paths.get(System.getProperty("yibao.policies", "../policies")).getParent();
    }

    static Run run(String stdin, String... args) {
        PrintStream out = System.out, err = System.err;
        InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            if (stdin != null) System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            int code = Yibao.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
            System.setIn(in);
        }
    }

    private static final String PERSON = "\"person\": {\"scheme\": \"resident\", \"enrolled_since\": \"2009-01-01\"}";

    private static String request(String person, String visit) {
        return "{\"region\": \"zhanjiang\", " + person + ", \"visits\": [" + visit + "]}";
    }

    private static final String VISIT = "{\"date\": \"2018-03-10\", \"type\": \"inpatient\", \"institution_level\": \"level3\","
            + " \"lines\": [{\"class\": \"A\", \"amount\": 100000.00}]}";

    /** A mistake: exit 2, nothing on stdout, exactly one line on stderr naming the field. */
    private static void refused(Run r, String expected) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).singleElement().satisfies(l -> {
            assertThat(l).startsWith("error: ").contains(expected);
            assertThat(l).doesNotContain("Exception").doesNotContain("\tat ");
        });
    }

    @Test
    void calcSettlesTheShippedExample() throws IOException {
        Run r = run(null, "calc", repo().resolve("examples/01-resident-2018-level3-admission.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("settlements").get(0);
        assertThat(s.get("hifp_pay").decimalValue()).isEqualByComparingTo("49750.00");
        assertThat(s.get("hifmi_pay").decimalValue()).isEqualByComparingTo("15150.00");
        assertThat(s.get("psn_cash_pay").decimalValue()).isEqualByComparingTo("35100.00");
        assertThat(s.get("trace").size()).isGreaterThan(3);
        assertThat(r.out()).as("amounts keep two decimals").contains("\"hifp_pay\" : 49750.00,");
    }

    @Test
    void calcReadsStdinAndCanLeaveTheTraceOut() throws IOException {
        Run r = run(request(PERSON, VISIT), "calc", "--no-trace", "--compact");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(r.out()).get("settlements").get(0);
        assertThat(s.get("trace").size()).isZero();
        assertThat(s.get("fund_pay_sumamt").decimalValue()).isEqualByComparingTo("64900.00");
    }

    @Test
    void malformedJsonIsOneLine() {
        refused(run("{\"region\": \"zhanjiang\",", "calc"), "malformed JSON: the JSON ends before its value is complete (line 1");
    }

    @Test
    void unknownRegion() {
        refused(run(request(PERSON, VISIT).replace("zhanjiang", "atlantis"), "calc"), "region: unknown region 'atlantis'");
    }

    @Test
    void unknownFieldValue() {
        refused(run(request(PERSON.replace("resident", "farmer"), VISIT), "calc"),
                "person.scheme: unknown value \"farmer\" (expected resident|employee)");
        refused(run(request(PERSON, VISIT.replace("level3", "level4")), "calc"), "visits[0].institution_level: unknown value");
    }

    @Test
    void unknownFieldName() {
        refused(run(request(PERSON.replace("enrolled_since", "enroled_since"), VISIT), "calc"),
                "person.enroled_since: unknown field");
    }

    @Test
    void negativeAmount() {
        refused(run(request(PERSON, VISIT.replace("100000.00", "-5")), "calc"),
                "visits[0].lines[0].amount: must not be negative");
    }

    @Test
    void moreThanTwoDecimals() {
        refused(run(request(PERSON, VISIT.replace("100000.00", "1.005")), "calc"),
                "visits[0].lines[0].amount: 1.005 has more than two decimals");
    }

    @Test
    void aDateNoPolicyCovers() {
        String employee = "\"person\": {\"scheme\": \"employee\"}";
        refused(run(request(employee, VISIT.replace("2018", "2015")), "calc"),
                "visits[0].date: policy zhanjiang has no employee rules on 2015-03-10");
        refused(run(request(PERSON, VISIT.replace("2018", "2008")), "calc"),
                "visits[0].date: policy zhanjiang has no rules on 2008-03-10 (its first date is 2009-01-01)");
    }

    @Test
    void missingFileIsAClearError() {
        refused(run(null, "calc", tmp.resolve("nope.json").toString()), "not found");
    }

    @Test
    void policyCheckPassesTheShippedPack() {
        Run r = run(null, "policy", "check", repo().resolve("policies/zhanjiang").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ok: zhanjiang");
    }

    @Test
    void policyCheckListsProblemsWithFileLineAndExits2() throws IOException {
        Path pack = tmp.resolve("bad");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("pack.yaml"), "region: bad\nname: Bad\n");
        Files.writeString(pack.resolve("resident.yaml"), """
                resident:
                  inpatient:
                    ratio:
                      unit: ratio
                      level3:
                        values:
                          2018-01-01: {value: 50, source: "Luo 2020, Table 2-6"}
                    colour: {unit: ratio, values: {2018-01-01: 1}}
                """);
        Run r = run(null, "policy", "check", pack.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("resident.yaml:7: resident.inpatient.ratio.level3: ratio 50 outside [0,1]")
                .contains("resident.yaml:8: resident.inpatient.colour: unknown key 'colour'")
                .contains("2 problems in");
    }

    @Test
    void policyShowListsValuesInForceWithSources() {
        Run r = run(null, "policy", "show", "zhanjiang", "--date", "2018-06-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("resident.inpatient.ratio.level3 = 0.5  (since 2018-01-01, zhanjiang/resident.yaml:"
                        + lineOf("zhanjiang/resident.yaml", "2018-01-01: {value: 0.50, source: \"Luo 2020, Table 2-6\"}")
                        + "; Luo 2020, Table 2-6)")
                .contains("employee.basic.annual_cap = 100000.00  (since 2018-01-01, zhanjiang/employee.yaml:")
                .doesNotContain("emergency.declarations") // covid19 is declared from 2020
                .contains("serious_illness.bands.general = above 20000.00: 0.5, above 50000.00: 0.6, above 80000.00: 0.8, above 100000.00: 0.8");
        Run before = run(null, "policy", "show", "zhanjiang", "--date", "2001-01-01");
        refused(before, "no rules on 2001-01-01");
    }

    @Test
    void policyShowSaysWhichFileEachValueComesFromInherited() {
        Run r = run(null, "policy", "show", "beijing", "--date", "2020-06-01");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("beijing (Beijing (北京)) on 2020-06-01, extending provinces-base → national-base")
                .contains("resident.inpatient.ratio.level3 = 0.5  (since 2015-01-01, provinces-base/resident.yaml:"
                        + lineOf("provinces-base/resident.yaml", "{value: 0.50, source:") + "; DECISION: illustrative basic tier")
                .contains("serious_illness.bands.general.brackets[1] = above 50000.00: 0.6  (since 2015-01-01, beijing/serious_illness.yaml:")
                .contains("emergency.declarations.covid19 = confirmed [U07.1], suspected [U07.2], 2020-01-01 to until revoked"
                        + "  (national-base/emergency.yaml:" + lineOf("national-base/emergency.yaml", "- name: covid19") + "; He 2020, §4, §4.1")
                .contains("catalogue = 9 items  (provinces-base/catalogue.csv)");
    }

    @Test
    void aBasePackChecksButIsNotARegion() {
        Run r = run(null, "policy", "check", repo().resolve("policies/provinces-base").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ok: base pack provinces-base (").contains("extends national-base").contains("not a region");
        Run beijing = run(null, "policy", "check", repo().resolve("policies/beijing").toString());
        assertThat(beijing.out()).startsWith("ok: beijing (Beijing (北京)) (extends provinces-base → national-base)");
        Run show = run(null, "policy", "show", "provinces-base", "--date", "2018-06-01");
        assertThat(show.exit()).isEqualTo(2);
        assertThat(show.err()).contains("error: region: 'provinces-base' is a base pack, not a region (known: beijing, hubei,");
    }

    private static int lineOf(String file, String text) {
        try {
            java.util.List<String> lines = Files.readAllLines(repo().resolve("policies").resolve(file));
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void examplesAreSettled() {
        System.setProperty("yibao.examples", repo().resolve("examples").toString());
        Run r = run(null, "examples");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("01-resident-2018-level3-admission").contains("35100.00").contains("basic_pooling:");
    }
}
