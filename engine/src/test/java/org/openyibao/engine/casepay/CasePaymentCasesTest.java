package org.openyibao.engine.casepay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.openyibao.engine.Packs;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Method;
import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.Level;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;

/**
 * Runs every hand-worked case payment: policies/&lt;region&gt;/case-payments/*.yaml. A case names its {@code region}, the
 * {@code date} whose rules apply, the {@code method}, the {@code group} (made by hand: code, weight or score, average
 * cost; or an outcome and reason), the {@code case}, its {@code arithmetic}, and the {@code expect}ed kind, payment
 * (yuan) or points; optionally a {@code review} and what is expected {@code after_review}. A {@code dip_year_end}
 * case gives the budgets and hospitals and expects each pool's distributable amount and point value and each
 * hospital's final, fund due and balance, to the fen.
 */
class CasePaymentCasesTest {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Set<String> KEYS = Set.of("name", "region", "date", "method", "group", "case", "arithmetic",
            "expect", "review", "after_review", "dip_year_end");

    @TestFactory
    Stream<DynamicTest> handWorkedCasePayments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Packs.root())) {
            s.filter(p -> p.getParent().getFileName().toString().equals("case-payments") && p.toString().endsWith(".yaml"))
                    .sorted().forEach(files::add);
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(14);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        JsonNode c = YAML.readTree(file.toFile());
        for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) assertThat(KEYS).contains(it.next());
        assertThat(c.path("arithmetic").asText()).as("every case shows its arithmetic").isNotBlank();
        PolicyPack pack = PackLoader.load(Packs.root().resolve(c.get("region").asText()));
        CasePaymentRules rules = CasePaymentRules.of(pack, LocalDate.parse(c.get("date").asText()));
        if (c.has("dip_year_end")) {
            yearEnd(c.get("dip_year_end"), c.get("expect"), rules);
            return;
        }
        Method method = Method.of(c.get("method").asText());
        CaseToPay toPay = caseOf(c.get("case"), group(c.get("group"), method));
        CasePayment p = method == Method.DRG ? DrgCasePayment.of(toPay, rules) : DipCaseScore.of(toPay, rules);
        check(p, c.get("expect"));
        if (c.has("review")) {
            JsonNode r = c.get("review");
            long reviewed = method == Method.DRG ? fen(r.get("amount")) : ppm(r.get("amount"));
            check(p.afterReview(reviewed, r.get("because").asText()), c.get("after_review"));
        }
    }

    private static void check(CasePayment p, JsonNode expect) {
        String trace = p.trace().toString();
        assertThat(p.kind().name()).as(trace).isEqualTo(expect.get("kind").asText());
        if (expect.has("payment")) assertThat(p.paymentFen()).as(trace).isEqualTo(fen(expect.get("payment")));
        if (expect.has("points")) assertThat(p.pointsPpm()).as(trace).isEqualTo(ppm(expect.get("points")));
        assertThat(p.pendingReview()).isEqualTo(expect.path("pending_review").asBoolean(false));
        assertThat(p.paymentFen()).isNotNegative();
        assertThat(p.pointsPpm()).isNotNegative();
        boolean ruleOfThePack = p.kind() != CasePayment.Kind.NO_GROUP
                && !(p.kind() == CasePayment.Kind.STANDARD && p.method() == Method.DIP);
        if (ruleOfThePack) {
            // the step that decided cites the pack values it used, each with its source
            assertThat(p.trace()).anySatisfy(step -> assertThat(step.parameters()).isNotEmpty()
                    .allSatisfy(cited -> assertThat(cited.source()).isNotBlank()));
        }
    }

    private static GroupResult group(JsonNode g, Method method) {
        if (g.has("outcome")) {
            return new GroupResult(GroupResult.Outcome.valueOf(g.get("outcome").asText()), method, "hand-made", null, null,
                    null, null, 0, 0, 0, g.path("reason").asText(null), List.of(), List.of());
        }
        String code = g.get("code").asText();
        long average = fen(g.get("average_cost"));
        return method == Method.DRG ? Cases.drg(code, ppm(g.get("weight")), average) : Cases.dip(code, ppm(g.get("score")), average);
    }

    private static CaseToPay caseOf(JsonNode c, GroupResult g) {
        return new CaseToPay("hand-worked", g, fen(c.get("cost")), Level.of(c.get("level").asText()),
                c.get("length_of_stay").asInt(), DischargeType.ORDERED, c.path("emergency").asBoolean(false),
                Scheme.of(c.path("scheme").asText("employee")));
    }

    private static void yearEnd(JsonNode y, JsonNode expect, CasePaymentRules rules) {
        Map<Scheme, Long> budget = new EnumMap<>(Scheme.class);
        y.get("budget").fields().forEachRemaining(e -> budget.put(Scheme.of(e.getKey()), fen(e.getValue())));
        List<DipHospitalYear> hospitals = new ArrayList<>();
        for (JsonNode h : y.get("hospitals")) {
            hospitals.add(new DipHospitalYear(h.get("hospital").asText(), Scheme.of(h.get("scheme").asText()),
                    ppm(h.get("points")), fen(h.get("patient_share")), fen(h.get("advanced"))));
        }
        DipYearEnd end = DipYearEnd.of(hospitals, budget, rules);
        expect.get("pools").fields().forEachRemaining(e -> {
            DipPool pool = end.pools().stream().filter(p -> p.scheme() == Scheme.of(e.getKey())).findFirst().orElseThrow();
            assertThat(pool.distributableFen()).isEqualTo(fen(e.getValue().get("distributable")));
            assertThat(pool.pointValueMicroFen()).isEqualTo(ppm(e.getValue().get("point_value_fen")));
            assertThat(pool.hospitals().stream().mapToLong(DipHospitalFinal::fundDueFen).sum()).isEqualTo(pool.budgetFen());
        });
        for (JsonNode h : expect.get("hospitals")) {
            DipHospitalFinal f = end.of(h.get("hospital").asText(), Scheme.of(h.get("scheme").asText()));
            assertThat(f.finalFen()).as(f.toString()).isEqualTo(fen(h.get("final")));
            assertThat(f.fundDueFen()).as(f.toString()).isEqualTo(fen(h.get("fund_due")));
            assertThat(f.balanceFen()).as(f.toString()).isEqualTo(fen(h.get("balance")));
        }
    }

    private static long fen(JsonNode yuan) {
        return new BigDecimal(yuan.asText()).movePointRight(2).longValueExact();
    }

    private static long ppm(JsonNode n) {
        return new BigDecimal(n.asText()).movePointRight(6).longValueExact();
    }
}
