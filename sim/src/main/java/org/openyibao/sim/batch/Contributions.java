package org.openyibao.sim.batch;

import java.time.LocalDate;
import java.time.YearMonth;

import org.openyibao.engine.contribution.ContributionCalculator;
import org.openyibao.engine.contribution.ContributionCalculator.EmployeeMonth;
import org.openyibao.engine.contribution.ContributionCalculator.ResidentYear;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.Employment;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;

/**
 * What one insured person brings into the funds in a year, by the arithmetic the contribution service
 * uses ({@link ContributionCalculator}: seed 003 L1060 for employees, L1129 for residents): the fund side
 * of the batch year. An employee enrolled during the year contributes from the month of enrolment; a
 * resident's contribution is annual (seed 003 L1129) and counts whole.
 */
public final class Contributions {
    /**
     * One person's year, in fen. {@code householdFen} is what the person paid (a resident's individual
     * contribution, an employee's own 2%); {@code employerFen} and {@code subsidyFen} what the employer and
     * the government paid. {@code poolingFen} and {@code seriousIllnessFen} are the funds' income from them;
     * {@code accountCreditFen[m]} is credited to the individual account in month m (1–12), by the
     * employee's share or, for a retiree, by the pooling fund ({@code retireeCreditFen} in all).
     */
    public record Year(long poolingFen, long seriousIllnessFen, long householdFen, long employerFen, long subsidyFen,
                       long retireeCreditFen, long[] accountCreditFen) {
        static final Year NONE = new Year(0, 0, 0, 0, 0, 0, new long[13]);

        public long accountCreditsFen() {
            long sum = 0;
            for (long c : accountCreditFen) sum += c;
            return sum;
        }
    }

    private final PolicyPack pack;
    private final int year;
    private final long averageWageFen;
    private final ResidentYear[] residents = new ResidentYear[Contribution.values().length];

    /**
     * @param averageWageFen the local average monthly wage that bounds an employee's payment base
     *                       (60–300%, employee.contribution.payment_base_floor/ceiling)
     */
    public Contributions(PolicyPack pack, int year, long averageWageFen) {
        this.pack = pack;
        this.year = year;
        this.averageWageFen = averageWageFen;
    }

    /** @param wageFen an employee's declared monthly wage (bounded to the payment base here); unused for residents */
    public Year of(boolean insured, Scheme scheme, Employment employment, Contribution level, LocalDate enrolledSince,
                   long wageFen) {
        if (!insured || scheme == null) return Year.NONE;
        if (scheme == Scheme.RESIDENT) {
            Contribution l = level == null ? Contribution.CONTRIBUTION_1 : level;
            ResidentYear y = residents[l.ordinal()];
            if (y == null) y = residents[l.ordinal()] = ContributionCalculator.resident(pack, year, l);
            return new Year(y.poolingFen(), y.seriousIllnessFen(), y.individualFen(), 0, y.subsidyFen(), 0, new long[13]);
        }
        int first = enrolledSince == null || enrolledSince.getYear() < year ? 1
                : enrolledSince.getYear() > year ? 13 : enrolledSince.getMonthValue();
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
}
