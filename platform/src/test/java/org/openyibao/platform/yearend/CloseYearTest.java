package org.openyibao.platform.yearend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;

import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.platform.contribution.ContributionService.ResidentYearRequest;
import org.openyibao.platform.hospital.Budgets;
import org.openyibao.platform.hospital.ClearingDecisions;
import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.hospital.PaymentRuns;
import org.openyibao.platform.hospital.Prepayments;
import org.openyibao.platform.insurer.SeriousIllnessCases;
import org.openyibao.platform.ledger.ClaimsPaidByInsurer;
import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.ledger.MonthlyInstalment;
import org.openyibao.platform.ledger.PremiumFromContributions;
import org.openyibao.platform.ledger.RegionFixture;
import org.openyibao.platform.ledger.ReserveWithheld;
import org.openyibao.platform.ledger.YearEndClose;
import org.openyibao.platform.policy.PolicyPacks;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiErrors;
import org.openyibao.platform.web.ApiException;

/**
 * {@code yibao close-year}'s service, worked by hand. A resident's 2018 is 180.00 of their own plus the subsidy;
 * 15% of their 560.00 is the serious-illness premium, 84.00 (Luo 2020, §2.9.5).
 * <pre>
 * Taicang's contract (reserve 5%, corridor 4.5%, 50% of the excess either way; Luo 2020, §3.4.1), two residents:
 *   premium          2 × 84.00 = 168.00; reserve 168.00 × 5% = 8.40; instalments 159.60
 *   claims           reimbursed 150.00 (03-05) − recovered by the case audit 20.00 (06-10) = 130.00
 *   result before    168.00 − 130.00 − administration cost 5.00 = 33.00
 *   corridor         168.00 × 4.5% = 7.56; above it 33.00 − 7.56 = 25.44; returned 25.44 × 50% = 12.72
 *   reserve          8.40 refunded (evaluation passed)
 *   result after     33.00 − 12.72 = 20.28
 *   entries          recoveries 20.00: Dr insurer_claims / Cr premium_due
 *                    corridor_return 12.72: Dr premium_due / Cr insurer_premium
 *                    reserve_refunded 8.40: Dr insurer_reserve / Cr premium_due
 *   owed to insurer  168.00 − 8.40 − 159.60 + 20.00 − 12.72 + 8.40 = 15.68
 *   insurer's cash   159.60 + 15.68 − claims it reimbursed 150.00 = 25.28 = result 20.28 + its cost 5.00
 *   regulator        loss ratio 130 ÷ 168 = 0.7738; cost ratio 5 ÷ 168 = 0.0298; profit rate 20.28 ÷ 168 = 0.1207;
 *                    beneficiaries 2 (three settlements, one cancelled); average 130.00 ÷ 2 = 65.00
 * Zhanjiang's contract (3% either way, the whole excess; a policy-caused loss compensated in full), one resident:
 *   premium 84.00, nothing withheld; claims 120.00; policy-caused loss 10.00
 *   result before    84.00 − 120.00 = −36.00; policy change: min(10.00, 36.00) = 10.00 → −26.00
 *   corridor         84.00 × 3% = 2.52; beyond it 26.00 − 2.52 = 23.48 compensated → result after −2.52
 *   owed to insurer  84.00 − 0 − 84.00 + 10.00 + 23.48 = 33.48; its cash 84.00 + 33.48 − 120.00 = −2.52
 * </pre>
 */
class CloseYearTest {
    static final String ADMDVS = "440800";
    static final Clock TODAY = Clock.fixed(LocalDate.of(2020, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final PolicyPack TAICANG = PackLoader.applyReform(RegionFixture.PACKS.pack("zhanjiang"),
            RegionFixture.PACKS.root().resolve(Path.of("zhanjiang", "contracts", "taicang.yaml")));

    static PolicyPacks packs(PolicyPack pack) {
        return new PolicyPacks(RegionFixture.PACKS.root().toString()) {
            @Override
            public PolicyPack pack(String name) {
                return pack;
            }
        };
    }

    static InsurerPremium premium(RegionFixture f, PolicyPacks packs) {
        return new InsurerPremium(f.db.jdbc, f.db.tx, f.ledger, packs, List.of(new PremiumFromContributions(),
                new ReserveWithheld(), new MonthlyInstalment(), new ClaimsPaidByInsurer()), TODAY);
    }

    static CloseYear closeYear(RegionFixture f, InsurerPremium premium, PolicyPacks packs) {
        SeriousIllnessCases cases = new SeriousIllnessCases(f.db.jdbc, f.db.tx, f.ledger, packs, TODAY);
        HospitalRegions regions = new HospitalRegions(f.db.jdbc, packs);
        Budgets budgets = new Budgets(f.db.jdbc, f.db.tx, regions, TODAY);
        InstitutionYearEnds institutions = new InstitutionYearEnds(f.db.jdbc, f.db.tx, f.ledger, regions, budgets,
                new Prepayments(f.db.jdbc, f.db.tx, f.ledger, regions, budgets, TODAY),
                new PaymentRuns(f.db.jdbc, f.db.tx, f.ledger, regions, TODAY), TODAY);
        org.openyibao.platform.casepayment.CaseYearEndEntries caseEntries = new org.openyibao.platform.casepayment.CaseYearEndEntries(
                f.db.jdbc, f.ledger, new org.openyibao.platform.casepayment.CaseYearEnds(f.db.jdbc, regions),
                new org.openyibao.platform.casepayment.DipBudgets(f.db.jdbc, f.db.tx, regions, TODAY));
        return new CloseYear(f.db.jdbc, f.db.tx, f.ledger, premium, institutions, caseEntries,
                new YearEndClose(f.db.jdbc, f.db.tx, f.ledger, TODAY),
                YearEndConfig.works(f.db.jdbc, premium, cases, institutions, caseEntries), TODAY);
    }

    /**
     * The institutions' side of the year done as the agency does it: the settlements made outside the interface filed
     * for clearing, each application accepted, and a payment run in January paying them.
     */
    static void clearAndPay(RegionFixture f, PolicyPacks packs) {
        HospitalRegions regions = new HospitalRegions(f.db.jdbc, packs);
        ClearingDecisions clearing = new ClearingDecisions(f.db.jdbc, f.db.tx, regions, TODAY);
        for (String id : clearing.fileOutsideInterface(ADMDVS, 2018)) clearing.accept(ADMDVS, id, "agency");
        assertThat(clearing.fileOutsideInterface(ADMDVS, 2018)).as("nothing new to file").isEmpty();
        new PaymentRuns(f.db.jdbc, f.db.tx, f.ledger, regions, TODAY).create(ADMDVS, "R2019-01", LocalDate.of(2019, 1, 15), "agency");
    }

    static long resident(RegionFixture f) {
        long person = f.person();
        f.contributions.payResident(new ResidentYearRequest(f.resident(person, 1, LocalDate.of(2018, 1, 1)), 2018,
                LocalDate.of(2018, 1, 10)));
        return person;
    }

    /** A settled visit paying {@code fen} of serious-illness cover, its money on the ledger as settlements post it. */
    static void settlement(RegionFixture f, long person, LocalDate on, long fen, String status) {
        String setl = "S" + person + "-" + on + "-" + fen;
        f.db.jdbc.update("INSERT INTO institution (code, name, level, type, admdvs, designated_from) SELECT 'H001', 'Hospital',"
                + " 'level2', 'hospital', ?, DATE '2010-01-01' WHERE NOT EXISTS (SELECT 1 FROM institution WHERE code = 'H001')", ADMDVS);
        f.db.jdbc.update("INSERT INTO settlement (setl_id, person_id, institution_code, admdvs, visit_date, visit_type,"
                + " medfee_sumamt, fulamt_ownpay_amt, overlmt_selfpay, preselfpay_amt, inscp_scp_amt, act_pay_dedc, hifp_pay,"
                + " pool_prop_selfpay, cvlserv_pay, hifmi_pay, hifob_pay, maf_pay, oth_pay, fund_pay_sumamt, acct_pay, psn_cash_pay,"
                + " psn_part_amt, hosp_part_amt, balc, eligible, trace, status) VALUES (?, ?, 'H001', ?, ?, 'inpatient', ?, 0, 0,"
                + " 0, ?, 0, 0, 0, 0, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, TRUE, '{}', ?)",
                setl, person, ADMDVS, on, fen, fen, fen, fen, status);
        if (status.equals("settled")) {
            f.post(f.entry(on, "settlement", setl).move("serious_illness:benefits", "serious_illness:payable_institutions", fen)
                    .build());
        }
    }

    static void postYear(InsurerPremium premium) {
        for (int m = 1; m <= 12; m++) premium.post(ADMDVS, 2018, m);
    }

    static long entries(TestDatabase db) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void taicangsProfitAboveTheCorridorWithRecoveriesByHandThenTheSameCloseAgainChangesNothing(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, ADMDVS);
            InsurerPremium premium = premium(f, packs(TAICANG));
            long a = resident(f), b = resident(f);
            settlement(f, a, LocalDate.of(2018, 3, 5), 10_000, "settled");
            settlement(f, b, LocalDate.of(2018, 3, 5), 5_000, "settled");
            settlement(f, b, LocalDate.of(2018, 4, 1), 7_000, "cancelled");
            f.post(f.entry(LocalDate.of(2018, 6, 10), "si_case", "1").move("serious_illness:payable_institutions",
                    "serious_illness:recoveries", 2_000).build());
            postYear(premium);
            clearAndPay(f, packs(TAICANG));
            CloseYear close = closeYear(f, premium, packs(TAICANG));
            YearEndInputs inputs = new YearEndInputs(500, 0, true, Set.of());

            ClosedYear y = close.close(ADMDVS, 2018, inputs);
            ClosedYear.Insurer i = y.insurer();
            assertThat(i.figures().premium().fen()).isEqualTo(16_800);
            assertThat(i.figures().reserve().fen()).isEqualTo(840);
            assertThat(i.figures().instalments().fen()).isEqualTo(15_960);
            assertThat(i.figures().claimsReimbursed().fen()).isEqualTo(15_000);
            assertThat(i.figures().recoveries().fen()).isEqualTo(2_000);
            assertThat(i.yearEnd().resultBeforeFen()).isEqualTo(3_300);
            assertThat(i.yearEnd().returnedFen()).isEqualTo(1_272);
            assertThat(i.yearEnd().resultAfterFen()).isEqualTo(2_028);
            assertThat(i.steps()).extracting(s -> s.step() + " " + s.fen() + " " + s.debit() + "/" + s.credit()).containsExactly(
                    "recoveries 2000 insurer_claims/premium_due", "corridor_return 1272 premium_due/insurer_premium",
                    "reserve_refunded 840 insurer_reserve/premium_due");
            assertThat(i.entryIds()).hasSize(3);
            assertThat(i.owedToInsurerFen()).isEqualTo(1_568);
            assertThat(i.owedToInsurerFen() + i.figures().instalments().fen() - i.figures().claimsReimbursed().fen())
                    .as("the insurer's cash is its result and its cost").isEqualTo(2_028 + 500);
            assertThat(f.balance("serious_illness:premium_due")).isEqualTo(-1_568);
            assertThat(f.balance("serious_illness:insurer_reserve")).isZero();
            RegulatorFigures r = i.regulator();
            assertThat(r.lossRatio()).isEqualByComparingTo("0.7738");
            assertThat(r.administrationCostRatio()).isEqualByComparingTo("0.0298");
            assertThat(r.profitRate()).isEqualByComparingTo("0.1207");
            assertThat(r.beneficiaries()).isEqualTo(2);
            assertThat(r.averageBenefitFen()).isEqualTo(6_500);
            assertThat(y.ledgerClose().entryId()).isPositive();
            assertThat(f.balance("serious_illness:insurer_premium")).as("closed into the fund balance").isZero();
            assertThat(f.check.run().violations()).isEmpty();

            String csv = CloseYearReport.csv(y);
            assertThat(csv).contains("insurer: entries,the profit above the corridor returns to the fund,12.72,Dr 440800:"
                    + "serious_illness:premium_due / Cr 440800:serious_illness:insurer_premium,440800:serious_illness:insurer_premium,"
                    + i.entryIds().get(1));
            assertThat(csv).contains("regulator,average benefit per beneficiary,65.00,");
            assertThat(CloseYearReport.html(y)).contains("Closed on").contains("Luo 2020, §3.4.1");

            long before = entries(db);
            ClosedYear again = close.close(ADMDVS, 2018, inputs);
            assertThat(again.alreadyClosed()).isTrue();
            assertThat(entries(db)).as("a second run posts nothing").isEqualTo(before);
            assertThat(again.insurer().entryIds()).isEqualTo(i.entryIds());
            assertThat(CloseYearReport.csv(again)).as("the same report").isEqualTo(csv);
            refused(() -> close.close(ADMDVS, 2018, new YearEndInputs(600, 0, true, Set.of())), HttpStatus.CONFLICT,
                    "insurer_admin_cost", "was closed on");
            refused(() -> close.close(ADMDVS, 2018, new YearEndInputs(500, 0, false, Set.of())), HttpStatus.CONFLICT,
                    "insurer_evaluation", "with insurer_evaluation passed, not failed");
            assertThat(entries(db)).isEqualTo(before);

            // what the year-end left owed, 15.68, is paid to the insurer in February; once
            InsurerYearEndPayment payment = new InsurerYearEndPayment(db.jdbc, db.tx, f.ledger);
            refused(() -> payment.pay(ADMDVS, 2018, LocalDate.of(2018, 12, 31)), HttpStatus.BAD_REQUEST, "paid_on", "is in 2018");
            InsurerYearEndPayment.Paid paid = payment.pay(ADMDVS, 2018, LocalDate.of(2019, 2, 1));
            assertThat(paid.amount()).isEqualByComparingTo("15.68");
            assertThat(paid.direction()).isEqualTo("to_insurer");
            assertThat(f.balance("serious_illness:premium_due")).isZero();
            assertThat(payment.pay(ADMDVS, 2018, LocalDate.of(2019, 3, 1)).paidBefore()).isTrue();
            assertThat(f.balance("serious_illness:premium_due")).isZero();
            refused(() -> payment.pay(ADMDVS, 2019, LocalDate.of(2020, 2, 1)), HttpStatus.CONFLICT, "year", "is not closed");
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void zhanjiangsPolicyCausedLossAndTheLossBeyondTheCorridorAreCompensated(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, ADMDVS);
            InsurerPremium premium = premium(f, RegionFixture.PACKS);
            long a = resident(f);
            settlement(f, a, LocalDate.of(2018, 8, 1), 12_000, "settled");
            postYear(premium);
            clearAndPay(f, RegionFixture.PACKS);
            CloseYear close = closeYear(f, premium, RegionFixture.PACKS);
            assertThat(close.unfinished(ADMDVS, 2018)).as("Zhanjiang's insurer audits every case").containsOnlyKeys(
                    "serious-illness cases not decided");
            SeriousIllnessCases cases = new SeriousIllnessCases(db.jdbc, db.tx, f.ledger, RegionFixture.PACKS, TODAY);
            for (String line : cases.unfinished(ADMDVS, 2018)) {
                long id = Long.parseLong(line.substring("case ".length(), line.indexOf(' ', "case ".length())));
                cases.decide(ADMDVS, id, new SeriousIllnessCases.DecisionRequest("approve", null, "verified", null), "insurer");
            }

            ClosedYear preview = close.preview(ADMDVS, 2018, new YearEndInputs(0, 1_000, true, Set.of()));
            assertThat(preview.closedAt()).isNull();
            assertThat(f.ledger.closingEntry(ADMDVS, 2018)).isEmpty();

            ClosedYear.Insurer i = close.close(ADMDVS, 2018, new YearEndInputs(0, 1_000, true, Set.of())).insurer();
            assertThat(i.yearEnd().resultBeforeFen()).isEqualTo(-3_600);
            assertThat(i.steps()).extracting(s -> s.step() + " " + s.fen()).containsExactly("policy_change 1000",
                    "corridor_compensation 2348");
            assertThat(i.yearEnd().resultAfterFen()).isEqualTo(-252);
            assertThat(i.owedToInsurerFen()).isEqualTo(3_348);
            assertThat(i.owedToInsurerFen() + i.figures().instalments().fen() - i.figures().claimsReimbursed().fen())
                    .isEqualTo(-252);
            assertThat(i.steps()).extracting(InsurerYearEndEntries.Step::step).isEqualTo(preview.insurer().steps().stream()
                    .map(InsurerYearEndEntries.Step::step).toList());
            assertThat(f.check.run().violations()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUnfinishedYearIsRefusedWithEverythingLeftAndNothingPosted(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            RegionFixture f = RegionFixture.open(db, ADMDVS);
            InsurerPremium premium = premium(f, RegionFixture.PACKS);
            long a = resident(f);
            settlement(f, a, LocalDate.of(2018, 8, 1), 12_000, "settled");
            for (int m = 1; m <= 7; m++) premium.post(ADMDVS, 2018, m);
            db.jdbc.update("INSERT INTO fsi_visit (mdtrt_id, fixmedins_code, person_id, psn_no, kind, begntime, status)"
                    + " VALUES ('M1', 'H001', ?, 'P1', 'inpatient', TIMESTAMP '2018-12-20 09:00:00', 'discharged')", a);
            db.jdbc.update("INSERT INTO fsi_visit (mdtrt_id, fixmedins_code, person_id, psn_no, kind, begntime, status)"
                    + " VALUES ('M2', 'H001', ?, 'P1', 'inpatient', TIMESTAMP '2018-12-28 09:00:00', 'open')", a); // still in hospital
            CloseYear close = closeYear(f, premium, RegionFixture.PACKS);
            long before = entries(db);

            assertThatThrownBy(() -> close.close(ADMDVS, 2018, YearEndInputs.none())).isInstanceOfSatisfying(
                    YearNotFinished.class, e -> {
                        assertThat(ApiErrors.status(e.kind())).isEqualTo(HttpStatus.CONFLICT);
                        assertThat(e.unfinished().get("visits not settled")).containsExactly(
                                "visit M1 (inpatient at H001, from 2018-12-20) is discharged, not settled");
                        // August's claims 120.00 and December's year-to-date instalments 84.00 − 7 × 7.00 = 35.00
                        assertThat(e.unfinished().get("the insurer's months not posted")).containsExactly(
                                "2018-08 claims paid by the insurer: 120.00 not posted; POST /api/funds/440800/insurer-premium?year=2018&month=8",
                                "2018-12 monthly instalment to the insurer: 35.00 not posted; POST /api/funds/440800/insurer-premium?year=2018&month=12");
                        assertThat(e.unfinished().get("institutions' prepayments, clearing and payments not done")).containsExactly(
                                "H001 (Hospital): 1 settled visits of 2018 not covered by a clearing application");
                        assertThat(e.getMessage()).startsWith("year: 2018 of region 440800 is not finished; left to do:");
                    });
            assertThat(entries(db)).isEqualTo(before);
            refused(() -> close.close(ADMDVS, 2020, YearEndInputs.none()), HttpStatus.CONFLICT, "year", "2020 is not over");
            refused(() -> close.close("999999", 2018, YearEndInputs.none()), HttpStatus.NOT_FOUND, "region", "no region");
            refused(() -> close.close("44", 2018, YearEndInputs.none()), HttpStatus.BAD_REQUEST, "region", "6-digit");
            refused(() -> new YearEndInputs(-1, 0, true, Set.of()), HttpStatus.BAD_REQUEST, "insurer_admin_cost", "negative");
            refused(() -> new YearEndInputs(0, 0, true, Set.of("H 1")), HttpStatus.BAD_REQUEST, "failed_evaluation",
                    "not an institution code");
        }
    }

    static void refused(Runnable r, HttpStatus status, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(ApiErrors.status(e.kind())).isEqualTo(status);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ":").contains(message);
        });
    }
}
