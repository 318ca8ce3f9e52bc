package org.openyibao.engine.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.error.DomainException;

/** The small parts the table files are read into: codes by prefix, procedure rules, split conditions, CSV. */
class TablePartsTest {
    @Test
    void codeIndexFindsTheLongestListedPrefix() {
        CodeIndex<String> i = new CodeIndex<>();
        i.put("K35", "appendicitis");
        i.put("K35.8", "other appendicitis");
        i.put("o", "pregnancy");
        assertThat(i.find("K35.800")).isEqualTo("other appendicitis");
        assertThat(i.matchedCode("K35.800")).isEqualTo("K35.8");
        assertThat(i.find("k35.1")).isEqualTo("appendicitis");
        assertThat(i.find("O80.0")).isEqualTo("pregnancy");
        assertThat(i.find("K3")).isNull();
        assertThat(i.find(null)).isNull();
    }

    @Test
    void aProcedureRuleNeedsEveryPlusTermAndAnyOneSlashCode() {
        ProcedureRule pci = ProcedureRule.parse("00.66+36.06/36.07");
        assertThat(pci.size()).isEqualTo(2);
        assertThat(pci.matches(List.of("00.66", "36.0701"))).isTrue();
        assertThat(pci.matches(List.of("36.07", "00.66"))).isTrue();
        assertThat(pci.matches(List.of("00.66"))).isFalse();
        assertThat(pci.matches(List.of("36.06"))).isFalse();
        assertThat(pci.codes()).containsExactly("00.66", "36.06", "36.07");
        assertThat(ProcedureRule.parse("").matches(List.of())).isTrue();
        assertThat(ProcedureRule.parse(" ").isEmpty()).isTrue();
    }

    @Test
    void splitConditionsReadTheCaseAndTheComplicationLevel() {
        Csv.Row at = new Csv.Row("drg.csv", 7, Map.of());
        DischargedCase c = Cases.adult("J18.9", "", "", 70, "F", 1000);
        assertThat(SplitRule.parse("cc", at).holds(c, DrgTable.Level.MCC)).isTrue();
        assertThat(SplitRule.parse("mcc", at).holds(c, DrgTable.Level.CC)).isFalse();
        assertThat(SplitRule.parse("age>=65 & sex=F", at).holds(c, DrgTable.Level.NONE)).isTrue();
        assertThat(SplitRule.parse("age>=65 & sex=M", at).holds(c, DrgTable.Level.NONE)).isFalse();
        assertThat(SplitRule.parse("los<3", at).holds(c, DrgTable.Level.NONE)).isFalse(); // stay 5
        assertThat(SplitRule.parse("died", at).holds(c, DrgTable.Level.NONE)).isFalse();
        assertThat(SplitRule.parse("age_days<29", at).holds(Cases.newborn("P07.1", 3, 1200), DrgTable.Level.NONE))
                .isTrue();
        assertThatThrownBy(() -> SplitRule.parse("weight<3", at)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).startsWith("drg.csv:7: split 'weight<3' is not a known condition"));
    }

    @Test
    void csvReadsQuotedCellsAndNamesTheLineOfAnError() {
        List<Csv.Row> rows = Csv.parse("# a comment\ndrg,name,weight\nES31,\"Infections, with \"\"MCC\"\"\",1.45\n", "t.csv");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name")).isEqualTo("Infections, with \"MCC\"");
        assertThat(rows.get(0).ppm("weight")).isEqualTo(1_450_000);
        assertThat(rows.get(0).line()).isEqualTo(3);
        assertThatThrownBy(() -> Csv.parse("a,b\n\"x,1\n", "t.csv").get(0))
                .hasMessage("t.csv:2: a quote is not closed");
        assertThatThrownBy(() -> CaseCsv.parse("case,principal,age_years\nc1,J18.9,forty\n", "cases.csv"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(GroupingError.INVALID_CASE);
                    assertThat(e.getMessage()).isEqualTo("cases.csv:2: age_years is not a whole number: 'forty'");
                });
    }
}
