package org.openyibao.platform.yearend;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.openyibao.platform.casepayment.CaseYearEndEntries;
import org.openyibao.platform.casepayment.CaseYearEnds;
import org.openyibao.platform.casepayment.DipBudgets;
import org.openyibao.platform.hospital.Budgets;
import org.openyibao.platform.hospital.HospitalRegions;
import org.openyibao.platform.hospital.InstitutionYearEnds;
import org.openyibao.platform.hospital.PaymentRuns;
import org.openyibao.platform.hospital.Prepayments;
import org.openyibao.platform.insurer.SeriousIllnessCases;
import org.openyibao.platform.ledger.ClaimsPaidByInsurer;
import org.openyibao.platform.ledger.InsurerPremium;
import org.openyibao.platform.ledger.Ledger;
import org.openyibao.platform.ledger.MonthlyInstalment;
import org.openyibao.platform.ledger.PremiumFromContributions;
import org.openyibao.platform.ledger.ReserveWithheld;
import org.openyibao.platform.ledger.YearEndClose;
import org.openyibao.platform.policy.PolicyPacks;

/**
 * The year's close and the work it checks, wired once for the server ({@link #closeYear}) and once for the command
 * line without a server ({@link #on}): the same parts either way.
 */
@Configuration
public class YearEndConfig {
    @Bean
    public CloseYear closeYear(JdbcTemplate jdbc, TransactionTemplate tx, Ledger ledger, InsurerPremium premium,
                               SeriousIllnessCases cases, InstitutionYearEnds institutions, YearEndClose ledgerClose,
                               CaseYearEnds caseYearEnds, DipBudgets dipBudgets, Clock clock) {
        CaseYearEndEntries caseEntries = new CaseYearEndEntries(jdbc, ledger, caseYearEnds, dipBudgets);
        return new CloseYear(jdbc, tx, ledger, premium, institutions, caseEntries, ledgerClose,
                works(jdbc, premium, cases, institutions, caseEntries), clock);
    }

    /** The close on a database without the server (yibao close-year). */
    public static CloseYear on(DataSource ds, PolicyPacks packs, Clock clock) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        Ledger ledger = new Ledger(jdbc);
        InsurerPremium premium = new InsurerPremium(jdbc, tx, ledger, packs, List.of(new PremiumFromContributions(),
                new ReserveWithheld(), new MonthlyInstalment(), new ClaimsPaidByInsurer()), clock);
        SeriousIllnessCases cases = new SeriousIllnessCases(jdbc, tx, ledger, packs, clock);
        HospitalRegions regions = new HospitalRegions(jdbc, packs);
        Budgets budgets = new Budgets(jdbc, tx, regions, clock);
        InstitutionYearEnds institutions = new InstitutionYearEnds(jdbc, tx, ledger, regions, budgets,
                new Prepayments(jdbc, tx, ledger, regions, budgets, clock), new PaymentRuns(jdbc, tx, ledger, regions, clock), clock);
        CaseYearEndEntries caseEntries = new CaseYearEndEntries(jdbc, ledger, new CaseYearEnds(jdbc, regions),
                new DipBudgets(jdbc, tx, regions, clock));
        return new CloseYear(jdbc, tx, ledger, premium, institutions, caseEntries, new YearEndClose(jdbc, tx, ledger, clock),
                works(jdbc, premium, cases, institutions, caseEntries), clock);
    }

    /** What a year must have finished, in the order the refusal lists it. */
    static List<UnfinishedWork> works(JdbcTemplate jdbc, InsurerPremium premium, SeriousIllnessCases cases,
                                      InstitutionYearEnds institutions, CaseYearEndEntries caseEntries) {
        return List.of(new UnsettledVisits(jdbc), new InsurerMonths(premium), new CasesNotDecided(cases),
                new SpecialCasesNotDecided(jdbc), new InstitutionsNotSettled(institutions), new DipBudgetsNotStored(caseEntries),
                new BudgetedCaseHospitals(jdbc));
    }
}
