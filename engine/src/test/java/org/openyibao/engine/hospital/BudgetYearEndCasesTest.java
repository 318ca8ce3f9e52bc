package org.openyibao.engine.hospital;

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
import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/**
 * Runs every hand-worked hospital year-end: policies/&lt;region&gt;/budget-year-ends/*.yaml (the shipped rules) and
 * src/test/resources/hospital/budget-year-ends/*.yaml (a made-up rule set: other rules are data). A case names its
 * {@code region}, optionally a {@code rules} overlay (relative to the case's directory), the {@code date} whose rules
 * apply, the {@code institution}'s basis for its budget and its {@code year} (yuan), its {@code arithmetic}, and the
 * {@code expect}ed figures (yuan), each checked to the fen; money is checked to be conserved in every case.
 */
class BudgetYearEndCasesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> KEYS = Set.of("name", "region", "rules", "date", "institution", "year", "arithmetic", "expect");

    /** The budget, its prepayments and the year-end of one case. */
    private record Outcome(AnnualBudget budget, PrepaymentSchedule prepayments, BudgetYearEnd yearEnd) {}

    private static final Map<String, ToLongFunction<Outcome>> FIELDS = Map.ofEntries(
            Map.entry("budget", o -> o.budget.annualFen()),
            Map.entry("january_budget", o -> o.budget.monthlyFen().get(0)),
            Map.entry("february_budget", o -> o.budget.monthlyFen().get(1)),
            Map.entry("december_budget", o -> o.budget.monthlyFen().get(11)),
            Map.entry("january_prepayment", o -> o.prepayments.months().get(0).prepaymentFen()),
            Map.entry("january_deposit", o -> o.prepayments.months().get(0).depositFen()),
            Map.entry("december_deposit", o -> o.prepayments.months().get(11).depositFen()),
            Map.entry("prepayments", o -> o.prepayments.prepaymentFen()),
            Map.entry("deposit", o -> o.prepayments.depositFen()),
            Map.entry("prepaid", o -> o.prepayments.paidFen()),
            Map.entry("spending_counted", o -> o.yearEnd.spendingCountedFen()),
            Map.entry("emergency_outside", o -> o.yearEnd.emergencyOutsideFen()),
            Map.entry("saving", o -> o.yearEnd.savingFen()),
            Map.entry("saving_kept", o -> o.yearEnd.savingKeptFen()),
            Map.entry("overspend", o -> o.yearEnd.overspendFen()),
            Map.entry("bound", o -> o.yearEnd.boundFen()),
            Map.entry("fund_within_bound", o -> o.yearEnd.fundWithinBoundFen()),
            Map.entry("fund_beyond_bound", o -> o.yearEnd.fundBeyondBoundFen()),
            Map.entry("borne", o -> o.yearEnd.borneFen()),
            Map.entry("in_budget_due", o -> o.yearEnd.inBudgetDueFen()),
            Map.entry("deposit_returned", o -> o.yearEnd.depositReturnedFen()),
            Map.entry("deposit_kept", o -> o.yearEnd.depositKeptFen()),
            Map.entry("total_due", o -> o.yearEnd.totalDueFen()),
            Map.entry("balance", o -> o.yearEnd.balanceFen()));

    @TestFactory
    Stream<DynamicTest> handWorkedYearEnds() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Packs.root())) {
            s.filter(p -> p.getParent().getFileName().toString().equals("budget-year-ends") && p.toString().endsWith(".yaml"))
                    .forEach(files::add);
        }
        try (Stream<Path> s = Files.list(Paths.get("src/test/resources/hospital/budget-year-ends"))) {
            s.forEach(files::add);
        }
        files.sort(null);
        // Zhanjiang: under, over within, beyond, emergency, failed evaluation, set by hand; and the made-up rules'
        assertThat(files).as("hand-worked hospital year-ends").hasSizeGreaterThanOrEqualTo(8);
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
        if (doc.has("rules")) pack = PackLoader.applyReform(pack, file.getParent().resolve(doc.get("rules").asText()));
        BudgetRules rules = BudgetRules.of(pack, LocalDate.parse(doc.path("date").asText()));
        AnnualBudget budget = AnnualBudget.of(rules, basis(doc.path("institution")));
        PrepaymentSchedule prepayments = PrepaymentSchedule.of(rules, budget);
        JsonNode y = doc.path("year");
        BudgetYearEnd end = BudgetYearEnd.of(BudgetYearFigures.of(budget, prepayments, fen(y, "in_budget_spending"),
                fen(y, "emergency_spending"), y.path("evaluation_passed").asBoolean(true)), rules);
        Outcome o = new Outcome(budget, prepayments, end);
        assertThat(doc.path("expect").size()).as(file + " expects something").isPositive();
        doc.path("expect").fields().forEachRemaining(e -> {
            assertThat(FIELDS).as(file + ": expect." + e.getKey() + " is a figure of the year").containsKey(e.getKey());
            assertThat(Money.format(FIELDS.get(e.getKey()).applyAsLong(o))).as(file + ": " + e.getKey() + "\n" + steps(o))
                    .isEqualTo(Money.format(Money.fen(e.getValue().decimalValue())));
        });
        assertThat(end.prepaidFen() + end.balanceFen()).as(file + ": money conserved").isEqualTo(end.spendingCountedFen()
                - end.borneFen() + end.savingKeptFen() + end.emergencyOutsideFen() - end.depositKeptFen());
    }

    private static BudgetBasis basis(JsonNode inst) {
        List<Long> months = new ArrayList<>();
        inst.path("last_year_monthly").forEach(m -> months.add(Money.fen(m.decimalValue())));
        long lastYear = inst.has("last_year_spending") ? fen(inst, "last_year_spending")
                : months.stream().mapToLong(Long::longValue).sum();
        Long byHand = inst.has("set_by_hand") ? fen(inst, "set_by_hand") : null;
        return new BudgetBasis(lastYear, byHand, months);
    }

    private static long fen(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() ? 0 : Money.fen(v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText()));
    }

    private static String steps(Outcome o) {
        StringBuilder b = new StringBuilder();
        for (List<BudgetStep> list : List.of(o.budget.steps(), o.prepayments.steps(), o.yearEnd.steps())) {
            for (BudgetStep s : list) b.append("  ").append(s.rule()).append(": ").append(s.explanation()).append('\n');
        }
        return b.toString();
    }
}
