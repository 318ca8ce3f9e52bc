package org.openyibao.engine.contribution;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.Parameter;
import org.openyibao.engine.policy.PolicyPack;

/**
 * The contribution arithmetic, a pure function of the policy pack (as of the period) and the amounts
 * given: no I/O, so the service, tests and simulations compute the same. Money is integer fen; every
 * amount is rounded half-up once, from the exact product (REFERENCE §3).
 */
public final class ContributionCalculator {
    private ContributionCalculator() {}

    /** Paths of the policy parameters used (policies/&lt;pack&gt;/employee.yaml and resident.yaml, {@code contribution:}). */
    static final String EMPLOYER_RATE = "employee.contribution.employer_rate";
    static final String EMPLOYEE_RATE = "employee.contribution.employee_rate";
    static final String SINGLE_POOLING_RATE = "employee.contribution.single_pooling_rate";
    static final String SINGLE_POOLING_BASE_SHARE = "employee.contribution.single_pooling_base_share";
    static final String ACCOUNT_SHARE = "employee.contribution.account_share_of_employee";
    static final String RETIREE_CREDIT = "employee.contribution.retiree_account_monthly_credit";
    static final String BASE_FLOOR = "employee.contribution.payment_base_floor";
    static final String BASE_CEILING = "employee.contribution.payment_base_ceiling";
    static final String RESIDENT_INDIVIDUAL = "resident.contribution.individual.";
    static final String RESIDENT_SUBSIDY = "resident.contribution.fiscal_subsidy";
    static final String SERIOUS_ILLNESS_SHARE = "resident.contribution.serious_illness_share";

    /**
     * One employee's month. {@code baseFen} is the payment base after the floor and ceiling (combined
     * payment) or the single-pooling base (share × average wage); {@code accountFen} is credited to the
     * individual account, the rest of employer + employee goes to the pooling fund.
     */
    public record EmployeeMonth(long wageFen, long averageWageFen, long floorFen, long ceilingFen, long baseFen,
                                long employerFen, long employeeFen, long accountFen) {
        public long dueFen() {
            return employerFen + employeeFen;
        }

        public long poolingFen() {
            return employerFen + employeeFen - accountFen;
        }
    }

    /**
     * An employee's month of contributions (seed 003 L1060, Table 2-8).
     *
     * @param paymentMode   combined (employer + employee rates on the bounded payment base) or single_pooling
     *                      (the single-pooling rate on share × the average wage; no individual account)
     * @param wageFen       the declared monthly wage; unused for single pooling
     * @param averageWageFen the local average monthly wage the bounds and the single-pooling base refer to
     */
    public static EmployeeMonth employee(PolicyPack pack, YearMonth period, String paymentMode, long wageFen,
                                         long averageWageFen) {
        LocalDate on = period.atDay(1);
        if ("single_pooling".equals(paymentMode)) {
            int share = ppm(pack, SINGLE_POOLING_BASE_SHARE, on), rate = ppm(pack, SINGLE_POOLING_RATE, on);
            long base = halfUp(averageWageFen, share);
            // seed 003 L1060: "4.8% of 80% of the average salary": one rounding, from the exact product
            long employer = halfUp(averageWageFen, share, rate);
            // no floor or ceiling: the base is fixed
            return new EmployeeMonth(wageFen, averageWageFen, 0, 0, base, employer, 0, 0);
        }
        if (!"combined".equals(paymentMode)) throw new IllegalArgumentException("payment mode " + paymentMode);
        long floor = halfUp(averageWageFen, ppm(pack, BASE_FLOOR, on));
        long ceiling = halfUp(averageWageFen, ppm(pack, BASE_CEILING, on));
        long base = Math.max(floor, Math.min(ceiling, wageFen));
        long employer = halfUp(base, ppm(pack, EMPLOYER_RATE, on));
        long employee = halfUp(base, ppm(pack, EMPLOYEE_RATE, on));
        long account = halfUp(employee, ppm(pack, ACCOUNT_SHARE, on));
        return new EmployeeMonth(wageFen, averageWageFen, floor, ceiling, base, employer, employee, account);
    }

    /** A retiree's monthly individual-account credit (paid by the pooling fund; retirees pay no contribution). */
    public static long retireeCredit(PolicyPack pack, YearMonth period) {
        return fen(pack, RETIREE_CREDIT, period.atDay(1));
    }

    /**
     * A resident's year: the individual contribution by level plus the fiscal subsidy, each split into the
     * serious-illness share (seed 003 L1176: 15%) and the rest for the pooling fund.
     */
    public record ResidentYear(long individualFen, long subsidyFen, long individualSeriousIllnessFen,
                               long subsidySeriousIllnessFen) {
        public long dueFen() {
            return individualFen + subsidyFen;
        }

        public long seriousIllnessFen() {
            return individualSeriousIllnessFen + subsidySeriousIllnessFen;
        }

        public long poolingFen() {
            return dueFen() - seriousIllnessFen();
        }

        public long individualPoolingFen() {
            return individualFen - individualSeriousIllnessFen;
        }

        public long subsidyPoolingFen() {
            return subsidyFen - subsidySeriousIllnessFen;
        }
    }

    public static ResidentYear resident(PolicyPack pack, int year, Contribution level) {
        LocalDate on = LocalDate.of(year, 1, 1);
        long individual = fen(pack, RESIDENT_INDIVIDUAL + level.key, on);
        long subsidy = fen(pack, RESIDENT_SUBSIDY, on);
        int share = ppm(pack, SERIOUS_ILLNESS_SHARE, on);
        // the split is rounded once per amount (individual, subsidy), so each journal line is an exact share
        return new ResidentYear(individual, subsidy, halfUp(individual, share), halfUp(subsidy, share));
    }

    /** Whether arrears suspend benefits in the scheme ({@code <scheme>.eligibility.arrears_suspend}); false if unset. */
    public static boolean arrearsSuspend(PolicyPack pack, String scheme, LocalDate on) {
        Parameter p = pack.parameters().get(scheme + ".eligibility.arrears_suspend");
        Dated d = p == null ? null : p.at(on);
        return d != null && Boolean.TRUE.equals(d.value());
    }

    /** fen × ppm₁ × ppm₂ … / 10^(6k), rounded half-up once (amounts are non-negative). */
    static long halfUp(long fen, int... ppms) {
        if (fen < 0) throw new IllegalArgumentException("negative amount " + fen);
        if (ppms.length == 1 && ppms[0] >= 0 && (ppms[0] == 0 || fen <= (Long.MAX_VALUE - Money.PPM / 2) / ppms[0])) {
            // the usual case: one ratio, and the exact product (rounding included) fits in a long
            return Money.roundMicro(fen * ppms[0]);
        }
        BigInteger n = BigInteger.valueOf(fen), d = BigInteger.ONE;
        for (int p : ppms) {
            n = n.multiply(BigInteger.valueOf(p));
            d = d.multiply(BigInteger.valueOf(1_000_000));
        }
        BigInteger[] qr = n.divideAndRemainder(d);
        long q = qr[0].longValueExact();
        return qr[1].shiftLeft(1).compareTo(d) >= 0 ? q + 1 : q;
    }

    private static Dated value(PolicyPack pack, String path, LocalDate on) {
        Parameter p = pack.parameters().get(path);
        if (p == null) throw new NoPolicyException("policy " + pack.region() + " has no " + path);
        Dated d = p.at(on);
        if (d == null || d.value() == null) {
            throw new NoPolicyException("policy " + pack.region() + " has no " + path + " on " + on);
        }
        return d;
    }

    private static int ppm(PolicyPack pack, String path, LocalDate on) {
        return ((Number) value(pack, path, on).value()).intValue();
    }

    private static long fen(PolicyPack pack, String path, LocalDate on) {
        return ((Number) value(pack, path, on).value()).longValue();
    }
}
