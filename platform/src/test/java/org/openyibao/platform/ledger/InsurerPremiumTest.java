package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openyibao.platform.ledger.FiscalTransfersTest.refused;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;

/**
 * The serious-illness money accounted separately (issue 13), worked by hand on the Zhanjiang pack under Taicang's
 * contract (5% withheld, 12 instalments; Luo 2020, §3.4.1). A resident's 2018 is 180.00 of their own plus the fiscal
 * subsidy 380.00, 2019's 220.00 + 520.00; 15% of it is the serious-illness premium (Luo 2020, §2.9.5): 84.00, 111.00.
 * <pre>
 * 2018-01   residents A (01-10) and B (01-20): premium 2 × 84.00 = 168.00
 *           reserve 168.00 × 5% = 8.40; to pay 159.60 ÷ 12 = 13.30 → instalment 1 = 13.30
 *           claims: hifmi_pay 500.00 (01-15) − a 100.00 reversal (01-30) = 400.00
 * 2018-02   resident C (02-03): premium to date 252.00 (+84.00)
 *           reserve 252.00 × 5% = 12.60 (+4.20); to pay 239.40 ÷ 12 = 19.95
 *           instalments 1–2 = 39.90, paid before 13.30 → February 26.60; no claims: no entry
 * 2018-03   claims 250.00 (03-05); then 50.00 dated 03-31 posted after the run: the next run posts a top-up 50.00
 * Apr–Dec   19.95 each (239.40 − 11 × 19.95 = 19.95: no remainder)
 * 2018      premium 252.00 = instalments 239.40 + reserve 12.60; premium_due 0; claims 400.00 + 300.00 = 700.00
 * 2019-01   resident D: premium 111.00; reserve 111.00 × 5% = 5.55; to pay 105.45 ÷ 12 = 8.7875 → 8.78
 * 2019-12   the remainder 105.45 − 11 × 8.78 = 105.45 − 96.58 = 8.87
 * </pre>
 */
class InsurerPremiumTest {
    static final String ADMDVS = "440800";

    /** The region's pack with Taicang's contract overlay applied (contributions are Zhanjiang's either way). */
    static PolicyPacks taicang() {
        return new PolicyPacks(RegionFixture.PACKS.root().toString()) {
            @Override
            public PolicyPack pack(String name) {
                return InsurerPremiumRulesTest.TAICANG;
            }
        };
    }

    static void pay(RegionFixture f, int level, LocalDate on) {
        f.contributions.payResident(new ResidentYearRequest(f.resident(f.person(), level, LocalDate.of(2018, 1, 1)), 2018, on));
    }

    static void claim(RegionFixture f, LocalDate on, long fen) {
        f.post(f.entry(on, "settlement", "si-" + on + "-" + fen)
                .move("serious_illness:benefits", "serious_illness:payable_institutions", fen).build());
    }

    static long entries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE cause_type = 'insurer_premium'", Long.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aYearOfInstalmentsByHandWithTheReserveTheClaimsAndTheirTopUp(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, ADMDVS);
            InsurerPremium premium = f.insurerPremium(taicang());
            pay(f, 1, LocalDate.of(2018, 1, 10));
            pay(f, 1, LocalDate.of(2018, 1, 20));
            claim(f, LocalDate.of(2018, 1, 15), 50_000);
            f.post(f.entry(LocalDate.of(2018, 1, 30), "reversal", "si-rev")
                    .move("serious_illness:payable_institutions", "serious_illness:benefits", 10_000).build());

            InsurerPremium.Result jan = premium.post(ADMDVS, 2018, 1);
            assertThat(jan.posted()).isEqualTo(4);
            assertThat(jan.steps()).extracting(s -> s.step() + " " + s.postedNow()).containsExactly(
                    "premium 168.00", "reserve 8.40", "instalment 13.30", "claims 400.00");
            assertThat(jan.steps().get(2).basis()).isEqualTo("instalment 1 of 12 of 159.60 (premium less reserve): 1 × 13.30"
                    + " = 13.30 (Luo 2020, §2.9.4 (4))");
            assertThat(f.balance("serious_illness:insurer_premium")).isEqualTo(16_800);
            assertThat(f.balance("serious_illness:premium_due")).isEqualTo(-(16_800 - 840 - 1_330));
            assertThat(f.balance("serious_illness:insurer_reserve")).isEqualTo(-840);
            assertThat(f.balance("serious_illness:insurer_claims")).isEqualTo(-40_000);
            // bank: the residents' own parts 2 × 27.00, less instalment 13.30, plus the claims reimbursed 400.00
            assertThat(f.balance("serious_illness:bank")).isEqualTo(2 * 2_700 - 1_330 + 40_000);
            assertThat(db.jdbc.queryForObject("SELECT entry_date FROM journal_entry WHERE id = ?", LocalDate.class,
                    jan.steps().get(2).entryId())).isEqualTo(LocalDate.of(2018, 1, 31));
            assertThat(premium.post(ADMDVS, 2018, 1).posted()).as("again: nothing new").isZero();
            assertThat(entries(db)).isEqualTo(4);

            pay(f, 1, LocalDate.of(2018, 2, 3));
            InsurerPremium.Result feb = premium.post(ADMDVS, 2018, 2);
            assertThat(feb.steps()).extracting(s -> s.step() + " " + s.postedNow()).containsExactly(
                    "premium 84.00", "reserve 4.20", "instalment 26.60", "claims 0.00");
            assertThat(feb.steps().get(3).entryId()).as("no claims: no entry").isNull();

            claim(f, LocalDate.of(2018, 3, 5), 25_000);
            assertThat(premium.post(ADMDVS, 2018, 3).steps().get(3).postedNow()).isEqualByComparingTo("250.00");
            claim(f, LocalDate.of(2018, 3, 31), 5_000);
            InsurerPremium.Result topUp = premium.post(ADMDVS, 2018, 3);
            assertThat(topUp.posted()).isEqualTo(1);
            assertThat(topUp.steps().get(3).postedNow()).isEqualByComparingTo("50.00");
            assertThat(db.jdbc.queryForObject("SELECT cause_ref FROM journal_entry WHERE id = ?", String.class,
                    topUp.steps().get(3).entryId())).isEqualTo("2018-03:claims-2");

            List<String> paid = new ArrayList<>();
            for (int m = 4; m <= 12; m++) paid.add(premium.post(ADMDVS, 2018, m).steps().get(2).postedNow().toPlainString());
            assertThat(paid).containsExactly("19.95", "19.95", "19.95", "19.95", "19.95", "19.95", "19.95", "19.95", "19.95");
            InsurerPremium.Result dec = premium.post(ADMDVS, 2018, 12);
            assertThat(dec.premium()).isEqualByComparingTo("252.00");
            assertThat(dec.reserve()).isEqualByComparingTo("12.60");
            assertThat(dec.instalmentsPaid()).isEqualByComparingTo("239.40");
            assertThat(dec.premiumDue()).isEqualByComparingTo("0");
            assertThat(dec.claims()).isEqualByComparingTo("700.00");
            assertThat(f.balance("serious_illness:premium_due")).isZero();

            FundReport.FundYear si = FundReportTest.fund(f.report.report(ADMDVS, 2018), "serious_illness");
            assertThat(si.months().get(0).insurerPremium()).isEqualByComparingTo("168.00");
            assertThat(si.months().get(0).instalmentsPaid()).isEqualByComparingTo("13.30");
            assertThat(si.months().get(0).premiumDue()).isEqualByComparingTo("146.30"); // 168.00 − 8.40 − 13.30
            assertThat(si.months().get(1).instalmentsPaid()).isEqualByComparingTo("26.60");
            assertThat(si.year().insurerPremium()).isEqualByComparingTo("252.00");
            assertThat(si.year().instalmentsPaid()).isEqualByComparingTo("239.40");
            assertThat(si.year().insurerClaims()).isEqualByComparingTo("700.00");
            assertThat(si.year().insurerReserve()).isEqualByComparingTo("12.60");
            assertThat(si.year().premiumDue()).isEqualByComparingTo("0");
            assertThat(si.year().recoveries()).isEqualByComparingTo("0");
            // the fund's expenditure is benefits + premium, its income contributions + claims reimbursed (no subsidy
            // requested here): 700.00 + 252.00 against 3 × 27.00 + 700.00
            assertThat(si.year().expenditure()).isEqualByComparingTo("952.00");
            assertThat(si.year().income()).isEqualByComparingTo("781.00");
            assertThat(FundReportTest.fund(f.report.report(ADMDVS, 2018), "pooling").year().instalmentsPaid()).isZero();
            assertThat(f.check.run().violations()).isEmpty();

            // the year closes with the contract's accounts in it, and the close refuses a later run
            f.close.close(ADMDVS, 2018);
            assertThat(f.balance("serious_illness:insurer_premium")).isZero();
            refused(() -> premium.post(ADMDVS, 2018, 12), HttpStatus.CONFLICT, "month", "which region 440800 has closed");

            // 2019 starts its own premium; December pays the remainder
            f.contributions.payResident(new ResidentYearRequest(f.resident(f.person(), 1, LocalDate.of(2019, 1, 1)), 2019,
                    LocalDate.of(2019, 1, 15)));
            assertThat(premium.post(ADMDVS, 2019, 1).steps()).extracting(s -> s.step() + " " + s.postedNow()).containsExactly(
                    "premium 111.00", "reserve 5.55", "instalment 8.78", "claims 0.00");
            paid.clear();
            for (int m = 2; m <= 12; m++) paid.add(premium.post(ADMDVS, 2019, m).steps().get(2).postedNow().toPlainString());
            assertThat(paid.subList(0, 10)).containsOnly("8.78");
            assertThat(paid.get(10)).isEqualTo("8.87");
            assertThat(f.balance("serious_illness:premium_due")).isZero();
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void zhanjiangWithholdsNothingAndRefusalsNameTheirField(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, ADMDVS);
            pay(f, 1, LocalDate.of(2018, 1, 10));
            refused(() -> f.insurerPremium.post(ADMDVS, null, 1), HttpStatus.BAD_REQUEST, "year", "required");
            refused(() -> f.insurerPremium.post(ADMDVS, 2018, null), HttpStatus.BAD_REQUEST, "month", "required");
            refused(() -> f.insurerPremium.post(ADMDVS, 2018, 0), HttpStatus.BAD_REQUEST, "month", "1 to 12, got 0");
            refused(() -> f.insurerPremium.post(ADMDVS, 2020, 6), HttpStatus.CONFLICT, "month", "2020-06 is not over");
            refused(() -> f.insurerPremium.post("999999", 2018, 1), HttpStatus.NOT_FOUND, "admdvs", "no ledger");
            assertThat(entries(db)).isZero();

            // Zhanjiang: 84.00 ÷ 12 = 7.00, nothing withheld (Luo 2020, §2.9.4 (4)): two entries, no reserve
            InsurerPremium.Result jan = f.insurerPremium.post(ADMDVS, 2018, 1);
            assertThat(jan.steps()).extracting(s -> s.step() + " " + s.postedNow()).containsExactly(
                    "premium 84.00", "reserve 0.00", "instalment 7.00", "claims 0.00");
            assertThat(jan.posted()).isEqualTo(2);

            // December run before the months between: it pays instalments 2–12 at once, 84.00 − 7.00 = 77.00; a month
            // run after it (March) finds the year's postings and posts nothing twice
            InsurerPremium.Result dec = f.insurerPremium.post(ADMDVS, 2018, 12);
            assertThat(dec.steps().get(2).postedNow()).isEqualByComparingTo("77.00");
            assertThat(dec.posted()).isEqualTo(1);
            assertThat(f.insurerPremium.post(ADMDVS, 2018, 3).posted()).isZero();
            assertThat(f.insurerPremium.post(ADMDVS, 2018, 1).posted()).isZero();
            assertThat(f.balance("serious_illness:premium_due")).isZero();
            assertThat(entries(db)).isEqualTo(3);
            assertThat(f.check.run().violations()).isEmpty();
        }
    }
}
