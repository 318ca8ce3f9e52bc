package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import org.openyibao.engine.contribution.ContributionCalculator;
import org.openyibao.engine.contribution.ContributionCalculator.EmployeeMonth;
import org.openyibao.engine.contribution.ContributionCalculator.ResidentYear;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;

/**
 * What one insured person brings into the funds in a year, by the arithmetic the contribution service
 * uses ({@link ContributionCalculator}: seed 003 L1060 for employees, L1129 for residents): the fund side
 * of the batch year. An employee enrolled during the year contributes from the month of enrolment; a
 * resident's contribution is annual (seed 003 L1129) and counts whole.
 *
 * <p>Immutable, so one instance serves every thread of a simulation: the residents' annual amounts (the
 * same for every resident of a level) are computed once, in the constructor, and nothing changes after.
 */
public final class Contributions {
    /**
     * One person's year, in fen. {@code householdFen} is what the person paid (a resident's individual
     * contribution, an employee's own 2%); {@code employerFen} and {@code subsidyFen} what the employer and
     * the government paid. {@code poolingFen} and {@code seriousIllnessFen} are the funds' income from them;
     * {@code accountCreditFen[m]} is credited to the individual account in month m (1–12, index 0 unused),
     * by the employee's share or, for a retiree, by the pooling fund ({@code retireeCreditFen} in all).
     * Immutable: the credits are copied in and out, and years compare by value.
     */
    public record Year(long poolingFen, long seriousIllnessFen, long householdFen, long employerFen, long subsidyFen,
                       long retireeCreditFen, long[] accountCreditFen) {
        private static final long[] NO_CREDITS = new long[13];
        static final Year NONE = new Year(0, 0, 0, 0, 0, 0, NO_CREDITS);

        public Year {
            if (accountCreditFen.length != 13) {
                throw new IllegalArgumentException("account credits for months 1-12 at indices 1-12, not "
                        + accountCreditFen.length + " values");
            }
            accountCreditFen = accountCreditFen.clone();
        }

        /** A copy: writing into it changes nothing. */
        @Override public long[] accountCreditFen() {
            return accountCreditFen.clone();
        }

        /** The credit to the individual account in {@code month} (1–12). */
        public long accountCreditFen(int month) {
            if (month < 1 || month > 12) throw new IllegalArgumentException("month " + month);
            return accountCreditFen[month];
        }

        public long accountCreditsFen() {
            long sum = 0;
            for (long c : accountCreditFen) sum += c;
            return sum;
        }

        @Override public boolean equals(Object o) {
            return o instanceof Year y && poolingFen == y.poolingFen && seriousIllnessFen == y.seriousIllnessFen
                    && householdFen == y.householdFen && employerFen == y.employerFen && subsidyFen == y.subsidyFen
                    && retireeCreditFen == y.retireeCreditFen && Arrays.equals(accountCreditFen, y.accountCreditFen);
        }

        @Override public int hashCode() {
            int h = Long.hashCode(poolingFen);
            for (long v : new long[] {seriousIllnessFen, householdFen, employerFen, subsidyFen, retireeCreditFen}) {
                h = 31 * h + Long.hashCode(v);
            }
            return 31 * h + Arrays.hashCode(accountCreditFen);
        }

        @Override public String toString() {
            return "Year[poolingFen=" + poolingFen + ", seriousIllnessFen=" + seriousIllnessFen + ", householdFen="
                    + householdFen + ", employerFen=" + employerFen + ", subsidyFen=" + subsidyFen + ", retireeCreditFen="
                    + retireeCreditFen + ", accountCreditFen=" + Arrays.toString(accountCreditFen) + "]";
        }
    }

    /** How a resident's year is computed (ContributionCalculator's; a test counts the calls). */
    interface ResidentCalculator {
        ResidentYear of(PolicyPack pack, int year, Contribution level);
    }

    private final PolicyPack pack;
    private final int year;
    private final long averageWageFen;
    /** the residents' year by level, all computed up front; read only after the constructor */
    private final Map<Contribution, Year> residents;
    /** the levels the pack does not price in this year, with why: refused when asked for, as before */
    private final Map<Contribution, String> unpriced;

    /**
     * @param averageWageFen the local average monthly wage that bounds an employee's payment base
     *                       (60–300%, employee.contribution.payment_base_floor/ceiling)
     */
    public Contributions(PolicyPack pack, int year, long averageWageFen) {
        this(pack, year, averageWageFen, ContributionCalculator::resident);
    }

    Contributions(PolicyPack pack, int year, long averageWageFen, ResidentCalculator calculator) {
        this.pack = pack;
        this.year = year;
        this.averageWageFen = averageWageFen;
        Map<Contribution, Year> priced = new EnumMap<>(Contribution.class);
        Map<Contribution, String> missing = new EnumMap<>(Contribution.class);
        for (Contribution level : Contribution.values()) {
            try {
                ResidentYear y = calculator.of(pack, year, level);
                priced.put(level, new Year(y.poolingFen(), y.seriousIllnessFen(), y.individualFen(), 0, y.subsidyFen(), 0,
                        Year.NO_CREDITS));
            } catch (NoPolicyException e) {
                // a pack without residents, or without this level in this year: an error only for whom needs it
                missing.put(level, e.getMessage());
            }
        }
        this.residents = Map.copyOf(priced);
        this.unpriced = Map.copyOf(missing);
    }

    /** @param wageFen an employee's declared monthly wage (bounded to the payment base here); unused for residents */
    public Year of(boolean insured, Scheme scheme, Employment employment, Contribution level, LocalDate enrolledSince,
                   long wageFen) {
        if (!insured || scheme == null) return Year.NONE;
        // enrolled after the year: nothing this year, whatever the scheme
        if (enrolledSince != null && enrolledSince.getYear() > year) return Year.NONE;
        if (scheme == Scheme.RESIDENT) return resident(level == null ? Contribution.CONTRIBUTION_1 : level);
        int first = enrolledSince == null || enrolledSince.getYear() < year ? 1 : enrolledSince.getMonthValue();
        long pooling = 0, own = 0, employer = 0, retiree = 0;
        long[] credits = new long[13];
        for (int month = first; month <= 12; month++) {
            YearMonth period = YearMonth.of(year, month);
            if (employment == Employment.RETIRED) {
                // retirees pay nothing; the pooling fund credits their account (employee.yaml, DECISION)
                credits[month] = ContributionCalculator.retireeCredit(pack, period);
                retiree += credits[month];
            } else {
                EmployeeMonth m = ContributionCalculator.employee(pack, period, "combined", wageFen, averageWageFen);
                pooling += m.poolingFen();
                credits[month] = m.accountFen();
                own += m.employeeFen();
                employer += m.employerFen();
            }
        }
        return new Year(pooling, 0, own, employer, 0, retiree, credits);
    }

    private Year resident(Contribution level) {
        Year y = residents.get(level);
        if (y == null) throw new NoPolicyException(unpriced.get(level));
        return y;
    }
}
