package org.openyibao.platform.fsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** Every handler reads fields the same way, and a bad one is -1 naming it. */
class FsiFieldsTest {
    private static FsiFields data(String json) {
        return FsiFields.of(FsiJson.parse("{\"data\":" + json + "}", "test"), "input").object("data");
    }

    private static void refused(Runnable r, String errMsg) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(FsiException.class, e -> {
            assertThat(e.infcode()).isEqualTo(-1);
            assertThat(e.errMsg()).isEqualTo(errMsg);
        });
    }

    @Test
    void amountsFromNumbersAndStringsToFenExactly() {
        FsiFields d = data("{\"a\":12.3,\"b\":\"12.30\",\"c\":100,\"d\":\" 0.01 \",\"e\":\"1234.500\",\"f\":0.1,\"g\":\"-5.5\","
                + "\"h\":99999999999999.99,\"i\":\"\",\"j\":null,\"k\":1E+2}");
        assertThat(d.amount("a")).isEqualTo(1230);
        assertThat(d.amount("b")).isEqualTo(1230);
        assertThat(d.amount("c")).isEqualTo(10000);
        assertThat(d.amount("d")).isEqualTo(1);
        assertThat(d.amount("e")).isEqualTo(123450);
        assertThat(d.amount("f")).isEqualTo(10);
        assertThat(d.signedAmount("g")).isEqualTo(-550);
        assertThat(d.amount("h")).isEqualTo(9999999999999999L);
        assertThat(d.amount("k")).isEqualTo(10000);
        assertThat(d.optAmount("i")).isNull();
        assertThat(d.optAmount("j")).isNull();
        assertThat(d.optAmount("absent")).isNull();
        refused(() -> d.amount("i"), "input.data.i: required");
        refused(() -> d.amount("absent"), "input.data.absent: required");
        refused(() -> d.amount("g"), "input.data.g: must not be negative, got -5.5");
    }

    @Test
    void badAmountsNameTheField() {
        FsiFields d = data("{\"a\":12.345,\"b\":\"12.345\",\"c\":\"12,30\",\"d\":\"abc\",\"e\":true,\"f\":{},\"g\":100000000000000,"
                + "\"h\":\"1e3\"}");
        refused(() -> d.amount("a"), "input.data.a: at most 2 decimals, got 12.345");
        refused(() -> d.amount("b"), "input.data.b: at most 2 decimals, got 12.345");
        refused(() -> d.amount("c"), "input.data.c: must be an amount (a number or a string such as \"12.30\"), got \"12,30\"");
        refused(() -> d.amount("d"), "input.data.d: must be an amount (a number or a string such as \"12.30\"), got \"abc\"");
        refused(() -> d.amount("e"), "input.data.e: must be an amount (a number or a string such as \"12.30\"), got boolean");
        refused(() -> d.amount("f"), "input.data.f: must be an amount (a number or a string such as \"12.30\"), got object");
        refused(() -> d.amount("g"), "input.data.g: too large for numeric(16,2): 100000000000000");
        refused(() -> d.amount("h"), "input.data.h: must be an amount (a number or a string such as \"12.30\"), got \"1e3\"");
    }

    @Test
    void aPlainJacksonTreeWithDoublesReadsTheSame() throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"a\":0.1,\"b\":12.35}");
        FsiFields f = FsiFields.of(tree, "input");
        assertThat(f.amount("a")).isEqualTo(10);
        assertThat(f.amount("b")).isEqualTo(1235);
        assertThat(FsiFields.yuan(1235).toPlainString()).isEqualTo("12.35");
        assertThat(FsiFields.yuan(0).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void textCodesAndNumbers() {
        FsiFields d = data("{\"psn_no\":\" P001 \",\"n\":123,\"blank\":\"  \",\"obj\":{},\"med_type\":\"99\",\"cnt\":\"2.5000\","
                + "\"qty\":\"1.23456\",\"whole\":\"42\",\"notwhole\":4.5,\"long\":\"" + "x".repeat(31) + "\"}");
        assertThat(d.text("psn_no")).isEqualTo("P001");
        assertThat(d.text("n")).isEqualTo("123");
        assertThat(d.optText("blank")).isNull();
        refused(() -> d.text("blank"), "input.data.blank: required");
        refused(() -> d.text("obj"), "input.data.obj: must be text");
        refused(() -> d.code("med_type", "11", "12", "13"), "input.data.med_type: must be one of 11, 12, 13; got \"99\"");
        assertThat(d.decimal("cnt", 4)).isEqualByComparingTo("2.5");
        refused(() -> d.decimal("qty", 4), "input.data.qty: at most 4 decimals, got 1.23456");
        assertThat(d.integer("whole")).isEqualTo(42);
        assertThat(d.integer("n")).isEqualTo(123);
        refused(() -> d.integer("notwhole"), "input.data.notwhole: must be a whole number, got 4.5");
        refused(() -> d.text("long", 30), "input.data.long: at most 30 characters, got 31");
    }

    @Test
    void datesAndTimes() {
        FsiFields d = data("{\"begndate\":\"2023-01-31\",\"begntime\":\"2023-01-31 08:30:00\",\"iso\":\"2023-01-31T08:30:00\","
                + "\"bad\":\"2023/01/31\",\"feb30\":\"2023-02-30\",\"late\":\"2023-01-31 25:00:00\"}");
        assertThat(d.date("begndate")).isEqualTo(LocalDate.of(2023, 1, 31));
        assertThat(d.date("begntime")).isEqualTo(LocalDate.of(2023, 1, 31));
        assertThat(d.dateTime("begntime")).isEqualTo(LocalDateTime.of(2023, 1, 31, 8, 30));
        assertThat(d.dateTime("iso")).isEqualTo(LocalDateTime.of(2023, 1, 31, 8, 30));
        assertThat(d.dateTime("begndate")).isEqualTo(LocalDateTime.of(2023, 1, 31, 0, 0));
        refused(() -> d.date("bad"), "input.data.bad: must be a date yyyy-MM-dd, got \"2023/01/31\"");
        refused(() -> d.date("feb30"), "input.data.feb30: must be a date yyyy-MM-dd, got \"2023-02-30\"");
        refused(() -> d.dateTime("late"), "input.data.late: must be a date-time yyyy-MM-dd HH:mm:ss, got \"2023-01-31 25:00:00\"");
        refused(() -> d.date("absent"), "input.data.absent: required (yyyy-MM-dd)");
        refused(() -> d.dateTime("absent"), "input.data.absent: required (yyyy-MM-dd HH:mm:ss)");
    }

    @Test
    void listsAndObjects() {
        FsiFields in = FsiFields.of(FsiJson.parse("{\"feedetail\":[{\"a\":\"1.00\"},{\"a\":\"x\"}],\"one\":{\"a\":1},\"bad\":[1],"
                + "\"empty\":[]}", "t"), "input");
        assertThat(in.array("feedetail")).hasSize(2);
        refused(() -> in.array("feedetail").get(1).amount("a"),
                "input.feedetail[1].a: must be an amount (a number or a string such as \"12.30\"), got \"x\"");
        assertThat(in.array("one")).singleElement().extracting(f -> f.amount("a")).isEqualTo(100L);
        refused(() -> in.array("bad"), "input.bad[0]: must be an object");
        refused(() -> in.array("empty"), "input.empty: required (a non-empty list)");
        assertThat(in.optArray("absent")).isEmpty();
        refused(() -> in.object("feedetail"), "input.feedetail: must be an object");
        refused(() -> in.object("data"), "input.data: required");
    }

    @Test
    void theEnvelopeReadsWithoutAPrefix() {
        FsiFields e = FsiFields.of(FsiJson.parse("{\"msgid\":\"\"}", "t"), "");
        refused(() -> e.text("msgid"), "msgid: required");
    }

    @Test
    void exceptionsCarryTheirCode() {
        assertThat(FsiException.business("no").infcode()).isEqualTo(-2);
        assertThat(FsiException.invalid("input.x", "required").errMsg()).isEqualTo("input.x: required");
        assertThatThrownBy(() -> new FsiException(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
