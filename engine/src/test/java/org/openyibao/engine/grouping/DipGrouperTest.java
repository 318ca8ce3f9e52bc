package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Hand-worked DIP cases against illustrative-dip-1 (policies/grouping/illustrative-dip-1). */
class DipGrouperTest {
    static final Grouper DIP = GroupingTablesTest.TABLES.grouper("illustrative-dip-1");

    private static GroupResult group(DischargedCase c) {
        return DIP.group(c);
    }

    @Test
    void aCoreCombinationNeedsEveryPlusTermAndAnyOneSlashCode() {
        // I21-01 is 00.66+36.06/36.07: a PCI and a stent of either kind
        GroupResult pci = group(Cases.adult("I21.0", "", "00.66 36.06", 60, "M", 30_000));
        assertThat(pci.code()).isEqualTo("I21-01");
        assertThat(pci.scorePpm()).isEqualTo(320_000_000);
        assertThat(pci.averageCostFen()).isEqualTo(3_200_000);
        assertThat(pci.weightPpm()).isZero();
        // a stent alone is I21-02; a PCI alone satisfies neither, and being therapeutic it is not conservative either:
        // comprehensive I00-I99 therapeutic, Z-I00-3
        assertThat(group(Cases.adult("I21.0", "", "36.07", 60, "M", 30_000)).code()).isEqualTo("I21-02");
        assertThat(group(Cases.adult("I21.0", "", "00.66", 60, "M", 30_000)).code()).isEqualTo("Z-I00-3");
        // any one of 81.51/81.52
        assertThat(group(Cases.adult("S72.0", "", "81.52", 80, "F", 40_000)).code()).isEqualTo("S72-01");
    }

    @Test
    void theCombinationListingMostProceduresWins() {
        // 00.66 and 36.07 satisfy both I21-01 (two procedures listed) and I21-02 (one): I21-01
        GroupResult r = group(Cases.adult("I21.0", "", "36.07 00.66", 60, "M", 30_000));
        assertThat(r.code()).isEqualTo("I21-01");
        assertThat(r.trace().get(2).because()).contains("lists the most procedures (2)");
    }

    @Test
    void thenTheClosestAverageCostAndAnExactTieIsAmbiguous() {
        // K35 with both appendectomies: K35-01 (avg 7,800) and K35-02 (avg 7,000) list one procedure each
        // cost 7,500: |7800-7500| = 300 < |7000-7500| = 500 -> K35-01
        assertThat(group(Cases.adult("K35.8", "", "47.01 47.09", 20, "M", 7500)).code()).isEqualTo("K35-01");
        // cost 7,300: 500 > 300 -> K35-02
        assertThat(group(Cases.adult("K35.8", "", "47.01 47.09", 20, "M", 7300)).code()).isEqualTo("K35-02");
        // cost 7,400: 400 = 400 -> ambiguous
        GroupResult tie = group(Cases.adult("K35.8", "", "47.01 47.09", 20, "M", 7400));
        assertThat(tie.outcome()).isEqualTo(GroupResult.Outcome.AMBIGUOUS);
        assertThat(tie.reason()).isEqualTo("ambiguous-dip");
        assertThat(tie.candidates()).containsExactly("K35-01", "K35-02");
    }

    @Test
    void aConservativeCombinationTakesOnlyCasesWithNothingAboveConservative() {
        assertThat(group(Cases.adult("I21.0", "", "", 60, "M", 11_000)).code()).isEqualTo("I21-03");
        // oxygen 93.96 is conservative: still I21-03
        assertThat(group(Cases.adult("I21.0", "", "93.96", 60, "M", 11_000)).code()).isEqualTo("I21-03");
        // a chest x-ray 87.44 is diagnostic: comprehensive I00-I99 diagnostic
        assertThat(group(Cases.adult("I21.0", "", "87.44", 60, "M", 11_000)).code()).isEqualTo("Z-I00-2");
        // an unclassed procedure counts as nothing: conservative
        assertThat(group(Cases.adult("I21.0", "", "99.99", 60, "M", 11_000)).code()).isEqualTo("I21-03");
    }

    @Test
    void comprehensiveGroupsByRangeAndHighestClassThenClosestCost() {
        // C61 prostate cancer has no core combination; colectomy 45.7 is surgical; C00-D48 surgical has 4A (40,000)
        // and 4B (80,000): cost 50,000 is 10,000 from 4A, 30,000 from 4B -> 4A; 70,000 -> 4B; 60,000 is a tie
        assertThat(group(Cases.adult("C61", "", "45.7", 70, "M", 50_000)).code()).isEqualTo("Z-C00-4A");
        assertThat(group(Cases.adult("C61", "", "45.7", 70, "M", 70_000)).code()).isEqualTo("Z-C00-4B");
        GroupResult tie = group(Cases.adult("C61", "", "45.7", 70, "M", 60_000));
        assertThat(tie.outcome()).isEqualTo(GroupResult.Outcome.AMBIGUOUS);
        assertThat(tie.candidates()).containsExactly("Z-C00-4A", "Z-C00-4B");
        // D48 is the range's last category, D50 the next range's first
        assertThat(group(Cases.adult("D48.5", "", "", 50, "F", 10_000)).code()).isEqualTo("Z-C00-1");
        assertThat(group(Cases.adult("D50.0", "", "", 50, "F", 10_000)).code()).isEqualTo("Z-D50-1");
    }

    @Test
    void aDiagnosisOutsideEveryRangeIsUngroupable() {
        GroupResult r = group(Cases.adult("R50.9", "", "", 50, "F", 3000));
        assertThat(r.outcome()).isEqualTo(GroupResult.Outcome.UNGROUPABLE);
        assertThat(r.reason()).isEqualTo("no-dip-group");
        assertThat(r.trace()).extracting(GroupStep::step)
                .containsExactly("case check", "procedure class", "DIP core", "DIP comprehensive");
        assertThat(group(Cases.adult("", "", "", 50, "F", 3000)).reason()).isEqualTo("missing-principal");
    }
}
