package org.openyibao.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdTest {
    @Test
    void acceptsTheStandardsOwnExampleAndReadsBirthDateAndGender() {
        // GB 11643-1999 annex: 11010519491231002X, a woman born 31 December 1949 in Chaoyang, Beijing
        ResidentId id = ResidentId.parse("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.gender()).isEqualTo("2");
        assertThat(id.regionCode()).isEqualTo("110105");
        assertThat(ResidentId.parse("11010519491231002x")).as("lower-case x").isEqualTo(id);
        assertThat(ResidentId.parse("11010519491231002x").value()).endsWith("X");
        // the much-copied sample 440524188001010014 has a good check digit but a birth year (1880) no living person has
        assertThatThrownBy(() -> ResidentId.parse("440524188001010014")).hasMessage(ResidentId.Rule.BIRTH_DATE.reason);
    }

    /**
     * "Today" is the server's clock, passed in (issue 9: the check used the system zone's date while the
     * interface used its own). Born on the 5th: refused on the 4th, accepted on the 5th; looking a number up
     * does not ask.
     */
    @Test
    void aBirthDateAfterTodayIsRefusedByTheDayTheCallerGives() {
        String raw = RegistryFixture.id("440802", LocalDate.of(2026, 12, 5), true);
        assertThatThrownBy(() -> ResidentId.parse(raw, LocalDate.of(2026, 12, 4)))
                .isInstanceOfSatisfying(ResidentId.Invalid.class, e -> assertThat(e.rule()).isEqualTo(ResidentId.Rule.BORN_LATER))
                .hasMessageNotContaining(raw);
        assertThat(ResidentId.parse(raw, LocalDate.of(2026, 12, 5)).birthDate()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(ResidentId.parse(raw).value()).isEqualTo(raw);
    }

    @Test
    void generatedNumbersWithTheirCheckDigitAreValid() {
        for (int i = 0; i < 200; i++) {
            LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(i * 131L);
            String raw = RegistryFixture.id("440802", birth, i % 2 == 0);
            ResidentId id = ResidentId.parse(raw);
            assertThat(id.birthDate()).isEqualTo(birth);
            assertThat(id.gender()).isEqualTo(i % 2 == 0 ? "1" : "2");
        }
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
            "11010519491231002, LENGTH",
            "11010519491231002XX, LENGTH",
            "'', LENGTH",
            "1101051949123100AX, CHARACTERS",
            "11010519491231002Y, CHARACTERS",
            "99010519491231002X, REGION",
            "00010519491231002X, REGION",
            "110105194902300021, BIRTH_DATE",
            "110105189912310021, BIRTH_DATE",
            "110105299912310021, BORN_LATER",
            "110105194912310021, CHECK_DIGIT",
            "110105194912310020, CHECK_DIGIT",
    })
    void refusesEachKindOfBadNumberWithTheRuleAndWithoutRepeatingIt(String raw, ResidentId.Rule rule) {
        assertThatThrownBy(() -> ResidentId.parse(raw, LocalDate.of(2026, 12, 5)))
                .isInstanceOfSatisfying(ResidentId.Invalid.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessage(rule.reason)
                .satisfies(e -> {
                    if (!raw.isEmpty()) assertThat(e.getMessage()).doesNotContain(raw);
                });
    }

    @Test
    void aSingleWrongDigitIsCaughtByTheCheckDigit() {
        String good = RegistryFixture.id(LocalDate.of(1990, 5, 17));
        for (int pos = 14; pos < 17; pos++) { // the sequence digits: changing them keeps the date valid
            char d = good.charAt(pos);
            String bad = good.substring(0, pos) + (char) ('0' + (d - '0' + 1) % 10) + good.substring(pos + 1);
            assertThatThrownBy(() -> ResidentId.parse(bad)).isInstanceOfSatisfying(ResidentId.Invalid.class,
                    e -> assertThat(e.rule()).isEqualTo(ResidentId.Rule.CHECK_DIGIT));
        }
    }

    @Test
    void masksKeepRegionAndLastFourOnly() {
        ResidentId id = ResidentId.parse("44080219900517123X".substring(0, 17) + ResidentId.checkDigit("44080219900517123"));
        assertThat(id.masked()).matches("440802\\*{8}123[0-9X]");
        assertThat(id.toString()).isEqualTo(id.masked());
        assertThat(ResidentId.mask("12345")).isEqualTo("*****");
        String text = "Key (cert_no)=(" + id.value() + ") already exists; psn 44080000000000000001 unchanged";
        assertThat(ResidentId.redact(text)).doesNotContain(id.value()).contains(id.masked()).contains("44080000000000000001");
    }
}
