package org.openyibao.sim.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openyibao.engine.policy.Scheme;
import org.openyibao.engine.settlement.Settlement;

/**
 * The year's income and expenditure per fund, in fen, summed by one worker and merged at the end.
 * Keys are the ledger's fund names (docs/ledger.md) as the evaluation reads them from run.json.
 *
 * <p>Income: contributions by {@link Contributions}, none for a member in arrears (residents' individual
 * part and subsidy split 85/15 between pooling and serious illness; employees' employer + own share less
 * the account's part).
 * Expenditure: what the settlements paid from each fund, and for the employees' pooling fund also the
 * retirees' account credits. Medical assistance and the emergency cover are financed from the budget,
 * not from contributions (medical assistance from the civil-affairs budget; He 2020, §4: public finance pays the
 * emergency's share): their income is the fiscal transfer that covers what they paid, and their rows carry it
 * as {@code fiscal_transfer_fen} too, so that a reader of run.json sees a budget-funded row, not a fund
 * that spends without income (docs/sim.md#calibration, DECISION).
 */
public final class FundSums {
    public static final String RESIDENT_POOLING = "resident_pooling";
    public static final String EMPLOYEE_POOLING = "employee_pooling";
    public static final String EMPLOYEE_ACCOUNTS = "employee_accounts";
    public static final String SERIOUS_ILLNESS = "serious_illness";
    public static final String ASSISTANCE = "assistance";
    public static final String EMERGENCY = "emergency";

    long residentPoolingIn, residentPoolingOut, employeePoolingIn, employeePoolingOut, accountsIn, accountsOut,
            seriousIllnessIn, seriousIllnessOut, assistanceOut, emergencyOut, poolingOnVisits;
    long persons, insured, visits;

    void contribution(Scheme scheme, Contributions.Year y) {
        if (scheme == Scheme.RESIDENT) {
            residentPoolingIn += y.poolingFen();
            seriousIllnessIn += y.seriousIllnessFen();
        } else if (scheme == Scheme.EMPLOYEE) {
            employeePoolingIn += y.poolingFen();
            employeePoolingOut += y.retireeCreditFen();
            accountsIn += y.accountCreditsFen();
        }
    }

    void settlement(Scheme scheme, Settlement s) {
        long basic = s.hifpPay() + s.cvlservPay() + s.hifobPay();
        if (scheme == Scheme.EMPLOYEE) employeePoolingOut += basic;
        else residentPoolingOut += basic;
        poolingOnVisits += InstitutionSums.pooling(s);
        seriousIllnessOut += s.hifmiPay();
        assistanceOut += s.mafPay();
        emergencyOut += s.othPay();
        accountsOut += s.acctPay();
        visits++;
    }

    /** Adds another worker's (or sample's) sums into these. */
    public synchronized void add(FundSums o) {
        residentPoolingIn += o.residentPoolingIn;
        residentPoolingOut += o.residentPoolingOut;
        employeePoolingIn += o.employeePoolingIn;
        employeePoolingOut += o.employeePoolingOut;
        accountsIn += o.accountsIn;
        accountsOut += o.accountsOut;
        seriousIllnessIn += o.seriousIllnessIn;
        seriousIllnessOut += o.seriousIllnessOut;
        assistanceOut += o.assistanceOut;
        emergencyOut += o.emergencyOut;
        poolingOnVisits += o.poolingOnVisits;
        persons += o.persons;
        insured += o.insured;
        visits += o.visits;
    }

    /**
     * What both pooling funds paid on the year's visits (their expenditure less the retirees' account credits): what
     * the institutions' budgets cover ({@link InstitutionSums}).
     */
    public synchronized long poolingOnVisitsFen() {
        return poolingOnVisits;
    }

    /** The key of a budget-funded row's fiscal transfer (its whole income). */
    public static final String FISCAL_TRANSFER = "fiscal_transfer_fen";

    /**
     * fund → {income_fen, expenditure_fen, balance_fen}, in report order; the budget-funded rows (assistance,
     * emergency) also {@value #FISCAL_TRANSFER}, equal to their income.
     */
    public synchronized Map<String, Map<String, Long>> funds() {
        Map<String, Map<String, Long>> m = new LinkedHashMap<>();
        put(m, RESIDENT_POOLING, residentPoolingIn, residentPoolingOut);
        put(m, EMPLOYEE_POOLING, employeePoolingIn, employeePoolingOut);
        put(m, EMPLOYEE_ACCOUNTS, accountsIn, accountsOut);
        put(m, SERIOUS_ILLNESS, seriousIllnessIn, seriousIllnessOut);
        fiscal(m, ASSISTANCE, assistanceOut);
        fiscal(m, EMERGENCY, emergencyOut);
        return m;
    }

    /** A budget-funded row: the fiscal transfer is its income and covers what it paid, so it balances at 0. */
    private static void fiscal(Map<String, Map<String, Long>> m, String fund, long paid) {
        put(m, fund, paid, paid);
        m.get(fund).put(FISCAL_TRANSFER, paid);
    }

    private static void put(Map<String, Map<String, Long>> m, String fund, long in, long out) {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("income_fen", in);
        f.put("expenditure_fen", out);
        f.put("balance_fen", in - out);
        m.put(fund, f);
    }
}
