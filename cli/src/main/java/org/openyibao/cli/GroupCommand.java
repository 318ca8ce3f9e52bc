package org.openyibao.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openyibao.engine.grouping.CaseCsv;
import org.openyibao.engine.grouping.ConformanceVectors;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.GroupStep;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.grouping.Sex;
import org.openyibao.engine.grouping.TableSelection;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.Scheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code yibao group}: groups discharged cases with a table version and explains each (docs/grouping.md#cli). */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "Group discharged cases (JSON or CSV) with a DRG or DIP table version and explain each; "
                + "--check runs a version's conformance vectors (docs/grouping.md).")
public final class GroupCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "cases as .json (an array) or .csv (CaseCsv columns)")
    Path file;

    @Option(names = "--version", paramLabel = "V", description = "the table version, e.g. illustrative-drg-1")
    String version;

    @Option(names = "--region", paramLabel = "R", description = "the region whose grouping.yaml chooses the version")
    String region;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = PolicyCommand.Show.Day.class,
            description = "the discharge date the region's version is chosen for")
    LocalDate date;

    @Option(names = "--method", paramLabel = "drg|dip", defaultValue = "drg",
            description = "with --region: the method whose version is chosen (default drg)")
    String method;

    @Option(names = "--level", paramLabel = "L", defaultValue = "level2",
            description = "with --region: the hospital's level the payment is for (village, township, level1, level2, "
                    + "level3; default level2)")
    String level;

    @Option(names = "--scheme", paramLabel = "S", defaultValue = "resident",
            description = "with --region: the patients' scheme, resident or employee (default resident)")
    String scheme;

    @Option(names = "--emergency", description = "with --region: the cases are emergency or epidemic cases")
    boolean emergency;

    @Option(names = "--check", description = "run the version's conformance vectors (every version's without "
            + "--version) and exit 2 naming each case that does not match")
    boolean check;

    @Override
    public Integer call() {
        GroupingTables tables = GroupingTables.load(Policies.standard().root());
        if (check) return check(tables);
        if (file == null) throw new UserError("FILE: give a file of cases (or --check)");
        Grouper grouper = tables.grouper(chosenVersion());
        CasePricing pricing = pricing();
        for (DischargedCase c : read(file)) {
            GroupResult r = grouper.group(c);
            print(c, r);
            for (String line : pricing.lines(c, r)) System.out.println("    " + line);
        }
        return 0;
    }

    /** How the cases are paid: with --region, by the region's case-payment rules on --date; else not at all. */
    private CasePricing pricing() {
        if (region == null) return CasePricing.NONE;
        Level l = Level.of(level);
        if (l == null) throw new UserError("--level: '" + level + "' is not village, township, level1, level2 or level3");
        Scheme s = Scheme.of(scheme);
        if (s == null) throw new UserError("--scheme: '" + scheme + "' is not resident or employee");
        CasePaymentRules rules = CasePaymentRules.of(Policies.standard().pack(region), date);
        if (rules == null) return CasePricing.NONE;
        return new CasePricing(rules, l, s, emergency);
    }

    private String chosenVersion() {
        if (version != null && region != null) throw new UserError("--version and --region: give one, not both");
        if (version != null) return version;
        if (region == null || date == null) throw new UserError("--version V, or --region R with --date D, is needed");
        Method m = Method.of(method);
        if (m == null) throw new UserError("--method: '" + method + "' is not drg or dip");
        Path dir = Policies.standard().root().resolve(region);
        if (!Files.isDirectory(dir)) throw new UserError("--region: no region '" + region + "' under the policies");
        return TableSelection.of(dir).require(m, date);
    }

    private int check(GroupingTables tables) {
        List<String> versions = version == null ? List.copyOf(tables.versions()) : List.of(version);
        int bad = 0;
        for (String v : versions) {
            List<ConformanceVectors.Vector> vectors = tables.vectors(v);
            List<ConformanceVectors.Mismatch> mismatches = ConformanceVectors.check(tables.grouper(v), vectors);
            for (ConformanceVectors.Mismatch m : mismatches) System.err.println(m);
            bad += mismatches.size();
            System.out.println((mismatches.isEmpty() ? "ok: " : "FAILED: ") + v + ": " + (vectors.size() - mismatches.size())
                    + " of " + vectors.size() + " conformance vectors pass");
        }
        return bad == 0 ? 0 : 2;
    }

    private static void print(DischargedCase c, GroupResult r) {
        StringBuilder head = new StringBuilder(c.caseId() == null || c.caseId().isEmpty() ? "-" : c.caseId());
        head.append("  ").append(r.outcome());
        if (r.grouped()) {
            head.append("  ").append(r.code()).append(" ").append(r.name());
            if (r.method() == Method.DRG) head.append("  (MDC ").append(r.mdc()).append(", ADRG ").append(r.adrg())
                    .append(", weight ").append(decimal(r.weightPpm(), 6));
            else head.append("  (score ").append(decimal(r.scorePpm(), 6));
            head.append(", average cost ").append(BigDecimal.valueOf(r.averageCostFen(), 2).toPlainString()).append(" yuan)");
        } else {
            head.append("  ").append(r.reason());
            if (!r.candidates().isEmpty()) head.append(" ").append(r.candidates());
        }
        System.out.println(head.append("  [").append(r.version()).append("]"));
        for (GroupStep s : r.trace()) System.out.println("    " + s.step() + ": " + s.chose() + " - " + s.because());
    }

    private static String decimal(long units, int scale) {
        return BigDecimal.valueOf(units, scale).stripTrailingZeros().toPlainString();
    }

    static List<DischargedCase> read(Path file) {
        if (!Files.isRegularFile(file)) throw new UserError("FILE: " + file + " not found");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("FILE: " + file + " cannot be read");
        }
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".csv")) return CaseCsv.parse(text, file.getFileName().toString());
        if (name.endsWith(".json")) return json(text);
        throw new UserError("FILE: " + file + " is neither .json nor .csv");
    }

    private static List<DischargedCase> json(String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError("FILE: not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (root != null && root.has("cases")) root = root.get("cases");
        if (root == null || !root.isArray()) throw new UserError("FILE: a JSON array of cases (or {\"cases\": [...]}) is needed");
        List<DischargedCase> cases = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) cases.add(jsonCase(root.get(i), "cases[" + i + "]"));
        return cases;
    }

    private static DischargedCase jsonCase(JsonNode n, String at) {
        if (!n.isObject()) throw new UserError(at + ": a case must be an object");
        return new DischargedCase(n.path("case").asText(""), n.path("principal").asText(""), codes(n, "secondary", at),
                codes(n, "procedures", at), whole(n, "age_years", 0, at), whole(n, "age_days", 0, at),
                Sex.of(n.path("sex").asText("")), whole(n, "los", 1, at),
                DischargeType.of(n.path("discharge").asText("1")), whole(n, "birth_weight", 0, at), fen(n, at));
    }

    private static List<String> codes(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return List.of();
        if (v.isTextual()) return List.of(v.asText().trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
        if (!v.isArray()) throw new UserError(at + "." + field + ": a list of codes is needed");
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static int whole(JsonNode n, String field, int absent, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return absent;
        if (v.isIntegralNumber() && v.canConvertToInt()) return v.asInt();
        if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) return Integer.parseInt(v.asText().trim());
        throw new UserError(at + "." + field + ": a whole number is needed, not " + v);
    }

    private static long fen(JsonNode n, String at) {
        JsonNode v = n.get("cost");
        if (v == null || v.isNull()) return 0;
        try {
            return Money.fen(v.asText()); // more than two decimals is refused, not rounded
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UserError(at + ".cost: an amount in yuan with at most two decimals is needed, not " + v);
        }
    }
}
