package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Hand-worked DRG cases against illustrative-drg-1 (policies/grouping/illustrative-drg-1), one per step and rule. */
class DrgGrouperTest {
    static final Grouper DRG = GroupingTablesTest.TABLES.grouper("illustrative-drg-1");

    private static GroupResult group(DischargedCase c) {
        return DRG.group(c);
    }

    @Test
    void caseCheckRefusesAMissingOrMalformedPrincipalAnImpossibleAgeAndAStayUnderADay() {
        assertThat(group(Cases.adult("", "", "", 40, "M", 1000)).reason()).isEqualTo("missing-principal");
        assertThat(group(Cases.adult("12345", "", "", 40, "M", 1000)).reason()).isEqualTo("invalid-principal");
        assertThat(group(Cases.adult("J18.9", "", "", 151, "M", 1000)).reason()).isEqualTo("invalid-age");
        // the national clinical version's codes are well formed: an extension, a dagger-asterisk pair
        assertThat(group(Cases.adult("J18.900x001", "", "", 40, "M", 1000)).code()).isEqualTo("ES35");
        assertThat(group(Cases.adult("A41.900+J17.0*", "", "", 40, "M", 1000)).code()).isEqualTo("SR15");
        assertThat(group(Cases.adult("J18", "", "", 40, "M", 1000)).code()).isEqualTo("ES35");
        assertThat(group(Cases.adult("J1", "", "", 40, "M", 1000)).reason()).isEqualTo("invalid-principal");
        DischargedCase noStay = new DischargedCase("t", "J18.9", List.of(), List.of(), 40, 0, Sex.MALE, 0,
                DischargeType.ORDERED, 0, 100_000);
        GroupResult r = group(noStay);
        assertThat(r.outcome()).isEqualTo(GroupResult.Outcome.UNGROUPABLE);
        assertThat(r.reason()).isEqualTo("invalid-los");
        assertThat(r.trace()).extracting(GroupStep::step).containsExactly("case check");
    }

    @Test
    void preMdcTakesTheCaseByProcedureWhateverThePrincipalDiagnosis() {
        // J96.0 is in no MDC of the table, but tracheostomy 31.1 + ventilation >= 96 h 96.72 is AH1 (pre-MDC A);
        // R57.0 cardiogenic shock is an MCC, so the first split row 'mcc' holds: AH11, weight 12.4
        GroupResult r = group(Cases.adult("J96.0", "R57.0", "31.1 96.72", 60, "M", 150_000));
        assertThat(r.mdc()).isEqualTo("A");
        assertThat(r.adrg()).isEqualTo("AH1");
        assertThat(r.code()).isEqualTo("AH11");
        assertThat(r.weightPpm()).isEqualTo(12_400_000);
        assertThat(r.averageCostFen()).isEqualTo(14_632_000);
        // the tracheostomy alone does not satisfy '31.1+96.72': the principal diagnosis decides, and J96 has no MDC
        assertThat(group(Cases.adult("J96.0", "", "31.1", 60, "M", 1000)).reason()).isEqualTo("unknown-principal");
    }

    @Test
    void theMdcChecksItsSexAndAgeLimits() {
        // O80 is in MDC O, which admits women only
        GroupResult man = group(Cases.adult("O80.0", "", "73.59", 30, "M", 4000));
        assertThat(man.reason()).isEqualTo("mdc-sex-conflict");
        assertThat(man.trace().get(1).because()).contains("admits sex F only");
        assertThat(group(Cases.adult("O80.0", "", "73.59", 30, "F", 4000)).code()).isEqualTo("OC15");
        // MDC P admits ages up to 28 days: 40 days old is too old
        assertThat(group(Cases.newborn("P07.3", 40, 1800)).reason()).isEqualTo("mdc-age-conflict");
    }

    @Test
    void theAdrgPrefersSurgicalThenNonOperativeThenMedical() {
        // I21 (AMI) is taken by FM1 (surgical, PCI + stent), FM3 (non-operative, angiography) and FR1 (medical)
        assertThat(group(Cases.adult("I21.0", "", "00.66 36.07 88.56", 60, "M", 40_000)).adrg()).isEqualTo("FM1");
        assertThat(group(Cases.adult("I21.0", "", "88.56", 60, "M", 10_000)).adrg()).isEqualTo("FM3");
        assertThat(group(Cases.adult("I21.0", "", "", 60, "M", 10_000)).adrg()).isEqualTo("FR1");
        // then by rank: a preterm newborn is PR1 (rank 1), not the catch-all PU1 (rank 9)
        assertThat(group(Cases.newborn("P07.3", 5, 1800)).adrg()).isEqualTo("PR1");
        assertThat(group(Cases.newborn("P59.9", 5, 3200)).adrg()).isEqualTo("PU1");
    }

    @Test
    void equalRankWithDifferentAdrgsIsAmbiguousWithTheCandidates() {
        // colectomy 45.7 (GB1, rank 1) with an incidental laparoscopic appendectomy 47.01 (GD1, rank 1)
        GroupResult r = group(Cases.adult("C18.2", "", "45.7 47.01", 66, "F", 50_000));
        assertThat(r.outcome()).isEqualTo(GroupResult.Outcome.AMBIGUOUS);
        assertThat(r.reason()).isEqualTo("ambiguous-adrg");
        assertThat(r.candidates()).containsExactly("GB1", "GD1");
        assertThat(r.mdc()).isEqualTo("G");
        assertThat(r.code()).isNull();
    }

    @Test
    void anMdcWithNoAdrgForTheCaseIsUngroupable() {
        // appendicitis without an operation: MDC G has only surgical ADRGs for K35
        GroupResult r = group(Cases.adult("K35.8", "", "", 20, "M", 5000));
        assertThat(r.outcome()).isEqualTo(GroupResult.Outcome.UNGROUPABLE);
        assertThat(r.reason()).isEqualTo("no-adrg");
        assertThat(r.mdc()).isEqualTo("G");
        assertThat(group(Cases.adult("Z00.0", "", "", 20, "M", 5000)).reason()).isEqualTo("unknown-principal");
    }

    @Test
    void complicationsCountTheHighestLevelAfterTheExclusions() {
        // N18.5 principal: N17.9 (MCC) is excluded (kidney failure does not complicate kidney failure) -> LR15
        GroupResult excluded = group(Cases.adult("N18.5", "N17.9", "", 70, "M", 10_000));
        assertThat(excluded.code()).isEqualTo("LR15");
        assertThat(excluded.trace()).anySatisfy(s -> assertThat(s.because()).contains("excluded N17.9"));
        // A41.9 sepsis is an MCC not excluded for N18 -> LR11
        assertThat(group(Cases.adult("N18.5", "A41.9", "", 70, "M", 10_000)).code()).isEqualTo("LR11");
        // an MCC takes a 'cc' row when the ADRG has no 'mcc' row: asthma ET1 has only ET13 (cc) and ET15
        assertThat(group(Cases.adult("J45.9", "R57.0", "", 30, "F", 9000)).code()).isEqualTo("ET13");
        // codes are found by longest prefix: E87.100 is E87.1 (CC)
        assertThat(group(Cases.adult("J45.9", "E87.100", "", 30, "F", 9000)).code()).isEqualTo("ET13");
    }

    @Test
    void theSplitIsTheFirstRowWhoseConditionHolds() {
        // ES3 respiratory infections: mcc, age<18, cc, age>=65, *
        assertThat(group(Cases.adult("J18.9", "J96.0", "", 10, "M", 9000)).code()).isEqualTo("ES31");
        assertThat(group(Cases.adult("J18.9", "E87.1", "", 10, "M", 9000)).code()).isEqualTo("ES32");
        assertThat(group(Cases.adult("J18.9", "E87.1", "", 40, "M", 9000)).code()).isEqualTo("ES33");
        assertThat(group(Cases.adult("J18.9", "", "", 70, "M", 9000)).code()).isEqualTo("ES34");
        assertThat(group(Cases.adult("J18.9", "", "", 40, "M", 9000)).code()).isEqualTo("ES35");
        // J18.9 as a secondary is excluded under a respiratory principal: still ES34, not ES33
        assertThat(group(Cases.adult("J44.1", "J18.9", "", 70, "M", 9000)).code()).isEqualTo("ET25");
        // birth weight: < 1500 -> PR11, < 2000 -> PR13, else PR15; unrecorded (0) falls to the last row
        assertThat(group(Cases.newborn("P07.1", 3, 1200)).code()).isEqualTo("PR11");
        assertThat(group(Cases.newborn("P07.1", 3, 1500)).code()).isEqualTo("PR13");
        assertThat(group(Cases.newborn("P07.1", 3, 2000)).code()).isEqualTo("PR15");
        assertThat(group(Cases.newborn("P07.1", 3, 0)).code()).isEqualTo("PR15");
    }

    @Test
    void theTraceExplainsEveryStep() {
        GroupResult r = group(Cases.adult("I63.9", "D64.9", "", 72, "F", 12_000));
        assertThat(r.code()).isEqualTo("BR23");
        assertThat(r.weightPpm()).isEqualTo(1_180_000);
        assertThat(r.trace()).extracting(GroupStep::step)
                .containsExactly("case check", "MDC", "ADRG", "complications", "DRG");
        assertThat(r.trace()).extracting(GroupStep::chose).containsExactly("groupable", "B", "BR2", "CC", "BR23");
        assertThat(r.trace().get(1).because()).contains("listed under I63");
        assertThat(r.trace().get(3).because()).contains("counted D64.9 CC");
    }
}
