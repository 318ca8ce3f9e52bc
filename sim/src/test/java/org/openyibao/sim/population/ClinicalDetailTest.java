package org.openyibao.sim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.grouping.DischargeType;
import org.openyibao.engine.policy.VisitType;

/** Generator 3's clinical detail (docs/sim.md#clinical-detail): codes the tables know, costs that follow the condition. */
class ClinicalDetailTest {
    static final Path GROUPING = Path.of(System.getProperty("yibao.policies", "../policies")).resolve("grouping");

    static Set<String> firstColumn(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet());
    }

    static boolean known(Set<String> prefixes, String code) {
        for (String p : prefixes) if (code.startsWith(p)) return true;
        return false;
    }

    @Test
    void everyAdmissionHasCodesTheIllustrativeTablesKnow() throws IOException {
        Set<String> diagnoses = firstColumn(GROUPING.resolve("illustrative-drg-1/mdc_diagnoses.csv"));
        Set<String> procedures = firstColumn(GROUPING.resolve("illustrative-dip-1/procedure_classes.csv"));
        Set<String> complications = firstColumn(GROUPING.resolve("illustrative-drg-1/complications.csv"));
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 7, 30_000, Generator.DEFAULT_PART_HOUSEHOLDS);
        int admissions = 0, unknownPrincipal = 0, withProcedure = 0, withComplication = 0, died = 0;
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            for (Member m : it.next().members()) {
                for (VisitRecord v : m.visits()) {
                    if (v.type() != VisitType.INPATIENT) {
                        assertThat(v.clinical()).isEqualTo(Clinical.NONE);
                        continue;
                    }
                    admissions++;
                    Clinical c = v.clinical();
                    if (!known(diagnoses, v.diagnosis())) {
                        // only the serious illnesses the illustrative DRG table has no MDC for (leukaemia, congenital
                        // heart disease; a stomach or liver cancer's chemotherapy is coded Z51.1)
                        assertThat(v.diagnosis()).matches("C91.*|Q2.*");
                        unknownPrincipal++;
                    }
                    for (String p : c.procedures()) assertThat(known(procedures, p)).as(p).isTrue();
                    if (!c.procedures().isEmpty()) withProcedure++;
                    if (c.secondaryDiagnoses().stream().anyMatch(complications::contains)) withComplication++;
                    assertThat(c.secondaryDiagnoses()).doesNotContain(v.diagnosis()).doesNotHaveDuplicates();
                    if (c.dischargeType() == DischargeType.DIED) died++;
                    if (v.diagnosis().startsWith("P")) {
                        assertThat(c.ageDays()).isBetween(0, 28);
                        assertThat(c.birthWeightGrams()).isBetween(600, 4_500);
                    } else {
                        assertThat(c.birthWeightGrams()).isZero();
                    }
                }
            }
        }
        System.out.printf("admissions %d, principal unknown to the DRG table %d, with a procedure %d, with a CC/MCC %d,"
                + " died %d%n", admissions, unknownPrincipal, withProcedure, withComplication, died);
        assertThat(admissions).isGreaterThan(2_500);
        assertThat((double) unknownPrincipal / admissions).isLessThan(0.03);
        assertThat((double) withProcedure / admissions).isBetween(0.15, 0.6);
        assertThat((double) withComplication / admissions).isBetween(0.1, 0.6);
        assertThat((double) died / admissions).isBetween(0.002, 0.03);
    }

    /**
     * The mix keeps the calibrated mean: drawn as Visits draws it, an admission's relative cost (treatment ×
     * complications ÷ the mix's mean) averages 1 for every age, sex and level, so the level's calibrated mean cost holds.
     */
    @Test
    void theRelativeCostAveragesOneSoTheCalibratedMeanHolds() {
        AdmissionMix mix = new AdmissionMix(new double[] {0, 0.7, 0.8, 0.9, 1.0});
        SplittableRandom r = new SplittableRandom(11);
        for (int age : new int[] {2, 10, 25, 37, 50, 68, 85}) {
            for (boolean female : new boolean[] {false, true}) {
                for (int level = 1; level <= 4; level++) {
                    double sum = 0;
                    int n = 200_000;
                    for (int i = 0; i < n; i++) {
                        Condition c = AdmissionMix.condition(r, age, female, level);
                        Condition.Treatment t = AdmissionMix.treatment(r, c);
                        Complications.Drawn d = Complications.draw(r, Visits.band(age), c.principal());
                        sum += t.relativeCost() * Complications.FACTOR[d.severity()] / mix.mean(age, female, level);
                    }
                    assertThat(sum / n).as("age %d female %s level %d", age, female, level).isCloseTo(1.0, within(0.015));
                }
            }
        }
    }

    @Test
    void aCostlyConditionCostsMore() {
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 5, 60_000, Generator.DEFAULT_PART_HOUSEHOLDS);
        Map<String, double[]> byDiagnosis = new HashMap<>();
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            for (Member m : it.next().members()) {
                for (VisitRecord v : m.visits()) {
                    if (v.type() != VisitType.INPATIENT) continue;
                    double[] s = byDiagnosis.computeIfAbsent(v.diagnosis(), k -> new double[2]);
                    s[0] += v.lines().stream().mapToLong(LineRecord::amountFen).sum();
                    s[1]++;
                }
            }
        }
        double knee = byDiagnosis.get("M17.1")[0] / byDiagnosis.get("M17.1")[1];
        double gastroenteritis = byDiagnosis.get("A09.9")[0] / byDiagnosis.get("A09.9")[1];
        assertThat(knee).isGreaterThan(4 * gastroenteritis);
    }
}
