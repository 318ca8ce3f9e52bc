package org.openyibao.sim.population;

import static org.openyibao.sim.population.Condition.medical;
import static org.openyibao.sim.population.Condition.of;
import static org.openyibao.sim.population.Condition.with;

import java.util.List;

/**
 * DECISION (docs/decisions.md#sim-clinical-detail): the generated region's reasons for admission and their treatments.
 * Frequencies by age band are ours, shaped after the usual leading causes of admission (respiratory infection in
 * children and the old, circulatory disease and strokes from middle age, fractures in the very old, childbirth);
 * every principal diagnosis and procedure is one the illustrative DRG and DIP tables group
 * (policies/grouping/illustrative-drg-1, illustrative-dip-1). Relative costs are about the illustrative DRG weights.
 */
final class Conditions {
    private Conditions() {}

    /** Ordinary admissions (not childbirth, newborns or a serious illness), weighted by age band. */
    static final List<Condition> ORDINARY = List.of(
            of("pneumonia", "J18.9", new double[] {30, 8, 2, 3, 8, 14}, 0, medical(1, 0.8)),
            of("gastroenteritis", "A09.9", new double[] {15, 8, 3, 2, 2, 2}, 0, medical(1, 0.4)),
            of("asthma", "J45.9", new double[] {3, 3, 1, 1, 1, 1}, 0, medical(1, 0.6)),
            of("COPD exacerbation", "J44.1", new double[] {0, 0, 0, 1, 6, 8}, 0, medical(1, 0.85)),
            of("appendicitis", "K35.8", new double[] {0.5, 4, 4, 2, 1, 0.5}, 1,
                    with(0.6, 0.8, "47.01"), with(0.4, 0.7, "47.09")),
            of("acute myocardial infarction", "I21.9", new double[] {0, 0, 0.1, 1.5, 3, 3}, 2,
                    with(0.45, 3.2, "00.66", "36.07"), with(0.15, 0.9, "88.56"), medical(0.4, 1.1)),
            of("angina", "I20.0", new double[] {0, 0, 0, 2, 4, 3}, 1, with(0.5, 0.9, "88.56"), medical(0.5, 0.55)),
            of("heart failure", "I50.9", new double[] {0, 0, 0, 0.5, 3, 6}, 1, medical(1, 0.8)),
            of("hypertension", "I10", new double[] {0, 0, 0.2, 2, 3, 3}, 0, medical(1, 0.45)),
            of("cerebral infarction", "I63.9", new double[] {0, 0, 0.1, 2, 5, 6}, 1, medical(1, 1.0)),
            of("gallstones", "K80.2", new double[] {0, 0, 1, 2, 2, 1}, 1, with(1, 0.95, "51.23")),
            of("upper gastrointestinal bleeding", "K92.2", new double[] {0, 0, 0.3, 1, 2, 2}, 1,
                    with(0.5, 0.7, "45.13"), medical(0.5, 0.6)),
            of("type 2 diabetes", "E11.9", new double[] {0, 0.2, 0.3, 2, 3, 2}, 0, medical(1, 0.55)),
            of("urinary tract infection", "N39.0", new double[] {1, 1, 2, 1, 2, 3}, 0, medical(1, 0.5)),
            of("fracture of the neck of the femur", "S72.0", new double[] {0, 0.2, 0.3, 0.5, 1.5, 4}, 2,
                    with(0.5, 4.3, "81.52"), medical(0.5, 1.2)),
            of("knee osteoarthritis", "M17.1", new double[] {0, 0, 0, 0.5, 2, 1}, 2, with(1, 4.5, "81.54")),
            of("lumbar disc herniation", "M51.2", new double[] {0, 0, 1, 3, 2, 1}, 0, medical(1, 0.6)),
            of("senile cataract", "H25.9", new double[] {0, 0, 0, 0.5, 3, 3}, 1, with(1, 0.55, "13.41")),
            of("sepsis", "A41.9", new double[] {1, 0.2, 0.2, 0.5, 1.5, 2.5}, 2, medical(1, 1.2)),
            of("traumatic intracranial haemorrhage", "S06.5", new double[] {0.1, 0.2, 0.5, 0.5, 0.5, 0.5}, 2,
                    with(1, 4.9, "01.24")));

    /** Childbirth: a vaginal delivery, assisted half the time, or a caesarean section (DECISION: 40%). */
    static final List<Condition> CHILDBIRTH = List.of(
            of("vaginal delivery", "O80.0", new double[] {0, 0, 1, 1, 0, 0}, 0,
                    with(0.5, 0.45, "73.59"), medical(0.5, 0.4)),
            of("caesarean section", "O82.0", new double[] {0, 0, 0.67, 0.67, 0, 0}, 1, with(1, 0.8, "74.1")));

    /** A newborn's admission in its first 28 days: preterm (birth weight drawn by {@link Stay}) or jaundice. */
    static final List<Condition> NEWBORN = List.of(
            of("preterm newborn", "P07.3", new double[] {1, 0, 0, 0, 0, 0}, 2, medical(1, 2.0)),
            of("neonatal jaundice", "P59.9", new double[] {2, 0, 0, 0, 0, 0}, 0, medical(1, 0.5)));

    /** Chemotherapy, and the principal diagnosis of a stay for it (a solid cancer's; leukaemia keeps its own code). */
    static final List<String> CHEMOTHERAPY = List.of("99.25");
    static final String CHEMOTHERAPY_DX = "Z51.1";

    /**
     * The treatments of a serious illness's admissions (the diagnosis is drawn from the pack's serious-illness list,
     * Visits.SERIOUS_DX): a cancer's operation once in a while, else chemotherapy; a kidney failure's dialysis. The
     * cost of these stays is the region's serious-illness cost (Region.Care), not scaled.
     */
    static List<String> seriousProcedures(String dx, double u) {
        return switch (dx.substring(0, 3)) {
            case "C34" -> u < 0.3 ? List.of("32.41") : CHEMOTHERAPY;
            case "C18" -> u < 0.4 ? List.of("45.73") : CHEMOTHERAPY;
            case "C50" -> u < 0.4 ? List.of("85.41") : CHEMOTHERAPY;
            case "C16", "C22", "C91" -> CHEMOTHERAPY;
            case "N18" -> List.of("39.95");
            case "I61" -> u < 0.2 ? List.of("01.24") : List.of();
            default -> List.of();
        };
    }
}
