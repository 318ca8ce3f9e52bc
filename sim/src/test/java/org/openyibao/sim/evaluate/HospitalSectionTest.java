package org.openyibao.sim.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.policy.BudgetRules;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;

/**
 * "Hospitals' budgets and year-ends" worked by hand under Zhanjiang's rules (growth 5%, prepaid 90% of each month,
 * 5% of it withheld, half of a saving kept, the fund pays half of an over-spend up to 110% and nothing beyond,
 * emergency cases outside the budget; policies/zhanjiang/hospital_budget.yaml), all in yuan:
 *
 * <pre>
 * baseline spending      A (level2) 1,000.00 a month = 12,000.00   B (level1) 500.00 a month = 6,000.00   C (village) 0
 * budgets                A 12,000.00 × 1.05 = 12,600.00 (1,050.00 a month)   B 6,300.00 (525.00 a month)   C 0
 * prepaid                A 1,050.00 × 0.9 = 945.00, deposit × 0.05 = 47.25, paid 897.75 × 12 = 10,773.00
 *                        B 525.00 × 0.9 = 472.50, deposit 23.625 → 23.63, paid 448.87 × 12 = 5,386.44
 * baseline year-end      A 600.00 under, keeps 300.00, due 12,300.00, balance 12,300.00 − 10,773.00 = 1,527.00
 *                        B 300.00 under, keeps 150.00, due 6,150.00, balance 6,150.00 − 5,386.44 = 763.56
 *                        (C has no spending in either: left out)     total balance 2,290.56, due 18,450.00
 * reform year-end        A spends 13,500.00: 900.00 over, bound 12,600.00 × 1.1 = 13,860.00, within it: the fund pays
 *                          900.00 × 0.5 = 450.00, A bears 450.00; due 13,050.00, balance 13,050.00 − 10,773.00 = 2,277.00
 *                        B spends 6,000.00 and 50.00 on an emergency's cases: 300.00 under, keeps 150.00, the 50.00 paid
 *                          outside the budget; due 6,200.00, balance 6,200.00 − 5,386.44 = 813.56
 *                        C spends 100.00 on a budget of 0: all of it beyond the bound 0, borne by C; due 0, balance 0
 *                        totals: spending 19,600.00 (+1,600.00), over +700.00, fund pays 450.00 of it, borne 550.00,
 *                          due 19,250.00 (+800.00), prepaid 16,159.44, balance 3,090.56 (+800.00);
 *                          under 1 (B), over within the bound 1 (A), beyond 1 (C)
 * </pre>
 */
class HospitalSectionTest {
    static final PolicyPack PACK = PackLoader.load(Path.of(System.getProperty("yibao.policies", "../policies")).resolve("zhanjiang"));
    static final BudgetRules RULES = BudgetRules.of(PACK, LocalDate.of(2018, 12, 31));

    static InstitutionYear monthly(String code, String level, long monthFen, long emergencyFen) {
        return new InstitutionYear(code, "Hospital " + code, level, "hospital", 10, monthFen * 12, emergencyFen,
                Collections.nCopies(12, monthFen));
    }

    static InstitutionYear once(String code, String level, long yearFen) {
        List<Long> months = new ArrayList<>(Collections.nCopies(12, 0L));
        months.set(5, yearFen);
        return new InstitutionYear(code, "Station " + code, level, "village_station", 1, yearFen, 0, months);
    }

    static final HospitalFigures BASELINE = new HospitalFigures(RULES, List.of(monthly("A", "level2", 100_000, 0),
            monthly("B", "level1", 50_000, 0), once("C", "village", 0)));
    static final HospitalFigures REFORM = new HospitalFigures(RULES, List.of(monthly("A", "level2", 112_500, 0),
            monthly("B", "level1", 50_000, 5_000), once("C", "village", 10_000)));

    static List<RunInput> runs() {
        List<RunInput> base = ReportTest.runs();
        HospitalFigures[] h = {BASELINE, REFORM};
        List<RunInput> out = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            RunInput r = base.get(k);
            out.add(new RunInput(r.label(), r.households(), r.settlements(), r.funds().withHospitals(h[k])));
        }
        return out;
    }

    @Test
    void theBaselineEndsUnderEveryBudgetByTheGrowthRate() {
        HospitalOutcome o = HospitalBudgets.outcome("baseline", BASELINE, BASELINE);
        HospitalOutcome.Totals t = o.total();
        assertThat(t.institutions()).as("C, without spending, left out").isEqualTo(2);
        assertThat(t.budgetFen()).isEqualTo(1_890_000);
        assertThat(t.spendingFen()).isEqualTo(1_800_000);
        assertThat(t.savingKeptFen()).isEqualTo(45_000);
        assertThat(t.prepaidFen()).isEqualTo(1_077_300 + 538_644);
        assertThat(t.totalDueFen()).isEqualTo(1_845_000);
        assertThat(t.balanceFen()).isEqualTo(152_700 + 76_356);
        assertThat(t.under()).isEqualTo(2);
        assertThat(t.over()).isZero();
    }

    @Test
    void aReformThatSpendsMoreMovesInstitutionsOverTheirBudgets() {
        HospitalOutcome o = HospitalBudgets.outcome("reform", BASELINE, REFORM);
        HospitalOutcome.Totals t = o.total();
        assertThat(t.institutions()).isEqualTo(3);
        assertThat(t.budgetFen()).isEqualTo(1_890_000);
        assertThat(t.spendingFen()).isEqualTo(1_960_000);
        assertThat(t.overUnderFen()).isEqualTo(70_000);
        assertThat(t.overspendFen()).isEqualTo(90_000 + 10_000);
        assertThat(t.savingFen()).isEqualTo(30_000);
        assertThat(t.fundOverFen()).isEqualTo(45_000);
        assertThat(t.borneFen()).isEqualTo(45_000 + 10_000);
        assertThat(t.savingKeptFen()).isEqualTo(15_000);
        assertThat(t.emergencyOutsideFen()).isEqualTo(5_000);
        assertThat(t.totalDueFen()).isEqualTo(1_925_000);
        assertThat(t.prepaidFen()).isEqualTo(1_615_944);
        assertThat(t.balanceFen()).isEqualTo(309_056);
        assertThat(t.balanceFen()).as("the fund's payments are conserved").isEqualTo(t.totalDueFen() - t.prepaidFen());
        assertThat(List.of(t.under(), t.overWithinBound(), t.beyondBound())).containsExactly(1, 1, 1);
        assertThat(o.byLevel()).extracting(HospitalOutcome.Totals::group).containsExactly("village", "level1", "level2");
        HospitalOutcome.Totals village = o.byLevel().get(0);
        assertThat(village.budgetFen()).isZero();
        assertThat(village.borneFen()).isEqualTo(10_000);
        assertThat(village.spendingShare()).isNaN();
        assertThat(o.byLevel().get(2).spendingShare()).isEqualTo(13_500.0 / 12_600);
    }

    @Test
    void theSectionInBothLanguagesTheCsvAndTheJson(@TempDir Path out) throws Exception {
        Set<Locale> langs = new LinkedHashSet<>(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        EvaluationResult r = Evaluation.run(runs(), out, langs, new Evaluation.Options(0, 1, 1));
        assertThat(r.hospitals()).extracting(HospitalOutcome::run).containsExactly("baseline", "si-50");
        String en = Files.readString(out.resolve("report.en.html"));
        String zh = Files.readString(out.resolve("report.zh.html"));
        int at = en.indexOf(Html.escape("Hospitals' budgets and year-ends"));
        assertThat(at).isPositive();
        String section = en.substring(at, en.indexOf("</section>", at));
        assertThat(section).contains("<svg", "Institution level", "Spending ÷ budget (%)", "Level 2 hospital", "Village station",
                "18,900.00", "19,600.00", "+700.00", "450.00", "550.00", "3,090.56", "2,290.56", "Change from",
                "+1,600.00", "+800.00", "107.14%", "19,250.00", "18,450.00");
        assertThat(en).contains("Luo Liming (2020)", "He Wei, Liu Huan, Hu Tiantian (2020)");
        assertThat(zh).contains("医疗机构总额预算与年终清算", "年终清算余额（元）", "二级医院", "支出占预算（%）");

        List<String> csv = Files.readAllLines(out.resolve(Evaluation.HOSPITALS_CSV));
        assertThat(csv.get(0)).isEqualTo(HospitalFiles.CSV_HEADER);
        int columns = HospitalFiles.CSV_HEADER.split(",", -1).length;
        assertThat(csv).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(columns));
        assertThat(csv).contains("baseline,total,2,18900.00,18000.00,95.24,-900.00,0.00,900.00,0.00,0.00,450.00,0.00,0.00,"
                + "18450.00,16159.44,2290.56,2,0,0,,,,,");
        assertThat(csv).contains("si-50,total,3,18900.00,19600.00,103.70,700.00,1000.00,300.00,450.00,550.00,150.00,0.00,50.00,"
                + "19250.00,16159.44,3090.56,1,1,1,1600.00,800.00,550.00,800.00,2");

        JsonNode json = new ObjectMapper().readTree(out.resolve("indicators.json").toFile());
        assertThat(json.at("/hospitals/budgets_from").asText()).isEqualTo("baseline");
        assertThat(json.at("/hospitals/runs/1/total/balance_fen").asLong()).isEqualTo(309_056);
        assertThat(json.at("/hospitals/runs/1/change/over").asInt()).isEqualTo(2);
        assertThat(json.at("/hospitals/runs/1/by_level/2/group").asText()).isEqualTo("level2");
    }

    @Test
    void noSectionWithoutInstitutions(@TempDir Path out) throws Exception {
        EvaluationResult r = Evaluation.run(ReportTest.runs(), out, Set.of(Locale.ENGLISH), new Evaluation.Options(0, 1, 1));
        assertThat(r.hospitals()).isEmpty();
        assertThat(Files.readString(out.resolve("report.en.html"))).doesNotContain(Html.escape("Hospitals' budgets"));
        assertThat(out.resolve(Evaluation.HOSPITALS_CSV)).doesNotExist();
    }
}
