package org.openyibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.policy.Level;

class PeerComparisonTest {
    private static InstitutionFigures f(String id, Level level, long costFen, long admissions) {
        // 100 cases each, 60% of cost reimbursed everywhere (so that ratio has no spread)
        return new InstitutionFigures(id, "440800", level, 100, costFen, costFen * 6 / 10, admissions);
    }

    @Test
    void robustZScoresAgainstPeersOfTheSameLevel() {
        // level2 peers, cost per case (fen) 100,000 110,000 120,000 130,000 300,000: median 120,000;
        // |deviations| 20,000 10,000 0 10,000 180,000 → MAD 10,000. H5: 0.6745 × 180,000 / 10,000 = 12.141
        // admission rates 8% 10% 12% 10% 30% (ppm 80,000 … 300,000): median 100,000; |dev| 20,000 0 20,000 0
        // 200,000 → MAD 20,000. H5: 0.6745 × 200,000 / 20,000 = 6.745. Ratio: all 60% → MAD 0 → z 0.
        List<PeerComparison.Risk> risks = PeerComparison.risks(List.of(
                f("H1", Level.LEVEL2, 10_000_000, 8), f("H2", Level.LEVEL2, 11_000_000, 10),
                f("H3", Level.LEVEL2, 12_000_000, 12), f("H4", Level.LEVEL2, 13_000_000, 10),
                f("H5", Level.LEVEL2, 30_000_000, 30), f("H9", Level.LEVEL3, 90_000_000, 90)), 3);
        assertThat(risks).extracting(PeerComparison.Risk::id).containsExactly("H5", "H3", "H4", "H1", "H2", "H9");
        PeerComparison.Risk h5 = risks.get(0);
        assertThat(h5.costPerCaseZ()).isEqualTo(12_141_000);
        assertThat(h5.admissionRateZ()).isEqualTo(6_745_000);
        assertThat(h5.reimbursementRatioZ()).isZero();
        assertThat(h5.score()).isEqualTo(18_886_000);
        // H1 is below its peers: negative z-scores (−1.349, −0.6745), a risk of 0
        PeerComparison.Risk h1 = risks.get(3);
        assertThat(h1.costPerCaseZ()).isEqualTo(-1_349_000);
        assertThat(h1.admissionRateZ()).isEqualTo(-674_500);
        assertThat(h1.score()).isZero();
        // H3 (admission z 0.6745) and H4 (cost z 0.6745) tie, by id
        assertThat(risks.get(1).score()).isEqualTo(674_500);
        assertThat(risks.get(2).score()).isEqualTo(674_500);
        // H9 is alone at level3: fewer than 3 peers, not judged
        assertThat(risks.get(5).peers()).isEqualTo(1);
        assertThat(risks.get(5).score()).isZero();
    }

    @Test
    void figuresRoundHalfUp() {
        // 3 cases costing 1,000 fen: 333.33 → 333; 2 cases costing 1,001: 500.5 → 501
        assertThat(new InstitutionFigures("A", "440800", Level.LEVEL1, 3, 1_000, 0, 0).costPerCaseFen()).isEqualTo(333);
        assertThat(new InstitutionFigures("A", "440800", Level.LEVEL1, 2, 1_001, 0, 0).costPerCaseFen()).isEqualTo(501);
        // 1 of 8 cases admitted: 125,000 ppm; 2 of 3: 666,666.67 → 666,667
        assertThat(new InstitutionFigures("A", "440800", Level.LEVEL1, 8, 1, 0, 1).admissionRatePpm()).isEqualTo(125_000);
        assertThat(new InstitutionFigures("A", "440800", Level.LEVEL1, 3, 1, 0, 2).admissionRatePpm()).isEqualTo(666_667);
    }
}
