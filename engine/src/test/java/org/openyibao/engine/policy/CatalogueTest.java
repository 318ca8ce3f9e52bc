package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;

class CatalogueTest {
    @TempDir
    Path tmp;

    @Test
    void theSampleCatalogueLoads() {
        Catalogue c = Packs.zhanjiang().catalogue();
        assertThat(c.find("XB02")).satisfies(i -> {
            assertThat(i.lineClass()).isEqualTo(LineClass.B);
            assertThat(i.selfPayFirstPpm()).isEqualTo(150_000);
            assertThat(i.priceLimitFen()).isEqualTo(-1);
        });
        assertThat(c.find("F003").priceLimitFen()).isEqualTo(800_000);
        assertThat(c.find("nope")).isNull();
    }

    @Test
    void badRowsAreReportedWithTheirLine() throws IOException {
        Path csv = tmp.resolve("catalogue.csv");
        Files.writeString(csv, """
                code,name,class,self_pay_first_ratio,price_limit
                A1,ok,A,,
                A2,class D,D,,
                A3,ratio on class A,A,0.1,
                A4,ratio too big,B,1.5,
                A5,negative limit,A,,-3
                """);
        assertThatThrownBy(() -> Catalogue.load(csv)).isInstanceOfSatisfying(PolicyException.class, e -> {
            assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 4, 5, 6);
            assertThat(e.problems().get(0).message()).contains("class 'D' is not A, B or C");
            assertThat(e.problems().get(2).message()).contains("outside [0,1]");
        });
    }

    /** The national download (9102 zip's tab-separated .txt, INTERFACE §2 1301): columns named by position. */
    @Test
    void theNationalTabSeparatedFormatLoads() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(row("XJ01AA", "青霉素 penicillin", "01", "", ""));
        rows.add(row("XC09AA", "卡托普利 captopril", "02", "0.05", "12.50"));
        rows.add(row("T0001", "进口耗材 imported consumable", "03", "", ""));
        Path txt = tmp.resolve("1301.txt");
        Files.write(txt, rows);
        Catalogue c = Catalogue.loadNational(txt, 1, 2, 92, 93, 94);
        assertThat(c.size()).isEqualTo(3);
        assertThat(c.find("XJ01AA").lineClass()).isEqualTo(LineClass.A);
        assertThat(c.find("XC09AA").selfPayFirstPpm()).isEqualTo(50_000);
        assertThat(c.find("XC09AA").priceLimitFen()).isEqualTo(1_250);
        assertThat(c.find("T0001").lineClass()).isEqualTo(LineClass.C);
    }

    private static String row(String code, String name, String cls, String ratio, String limit) {
        List<String> cols = new ArrayList<>(Collections.nCopies(94, ""));
        cols.set(0, code);
        cols.set(1, name);
        cols.set(91, cls);
        cols.set(92, ratio);
        cols.set(93, limit);
        return String.join("\t", cols);
    }
}
