package org.openyibao.sim.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulators;
import org.openyibao.engine.settlement.Person;
import org.openyibao.engine.settlement.Settlement;
import org.openyibao.engine.settlement.SettlementEngine;
import org.openyibao.engine.settlement.SettlementException;
import org.openyibao.engine.policy.NoPolicyException;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.VisitRecord;

/**
 * Settles a household's year: each member's visits in date order through the engine, one person's
 * accumulators carried from visit to visit (ARCHITECTURE: the same {@code settle} as real time). No state
 * outlives a call except the funds' sums the caller hands in: this object and the {@link Contributions} it
 * reads are immutable, and the pack's compiled rules are cached atomically (PolicyPack.asOf), so one instance
 * of each serves all the threads of a {@link Simulation} and households can be settled on any thread (and,
 * later, any machine) in any order.
 */
public final class HouseholdYear {
    /** Receives each settled visit. */
    public interface Sink {
        void settled(Member member, VisitRecord visit, Settlement settlement);
    }

    private static final Comparator<VisitRecord> DATE_ORDER =
            Comparator.comparing(VisitRecord::date).thenComparingLong(VisitRecord::visitId);

    private final PolicyPack pack;
    private final int year;
    private final Contributions contributions;

    public HouseholdYear(PolicyPack pack, int year, Contributions contributions) {
        this.pack = pack;
        this.year = year;
        this.contributions = contributions;
    }

    public HouseholdTotals settle(Household h, Sink sink, FundSums funds) {
        int visits = 0, inpatient = 0;
        long medfee = 0, basic = 0, si = 0, ma = 0, other = 0, account = 0, cash = 0, oop = 0, contribution = 0;
        for (Member m : h.members()) {
            // in arrears: the year's contribution was not paid (benefits suspended), so nothing comes into the
            // funds and nothing is credited to the account
            Contributions.Year c = m.arrears() ? Contributions.Year.NONE : contributions.of(m.insured(), m.scheme(),
                    m.employment(), m.contribution(), m.enrolledSince(), m.wageBaseFen());
            funds.contribution(m.scheme(), c);
            funds.persons++;
            if (m.insured()) funds.insured++;
            contribution += c.householdFen();
            Person person = m.person();
            Accumulators acc = Accumulators.start(year, m.accountBalanceFen());
            int credited = 0; // the individual account is credited month by month, before the month's visits
            for (VisitRecord v : inDateOrder(m.visits())) {
                if (v.date().getYear() != year) {
                    throw new IllegalArgumentException("visit " + v.visitId() + ": date " + v.date() + " is outside the year "
                            + year + " of the population (region.json)");
                }
                int month = v.date().getMonthValue();
                long credit = 0;
                while (credited < month) credit += c.accountCreditFen(++credited);
                if (credit != 0) acc = withAccount(acc, acc.accountBalance() + credit);
                Settlement s;
                try {
                    s = SettlementEngine.settle(pack.asOf(v.date()), person, v.visit(), acc, false);
                } catch (SettlementException | NoPolicyException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("visit " + v.visitId() + " of person " + m.personId() + ": "
                            + e.getMessage(), e);
                }
                acc = s.after();
                sink.settled(m, v, s);
                funds.settlement(m.scheme(), s);
                visits++;
                if (v.type() == VisitType.INPATIENT) inpatient++;
                medfee += s.medfeeSumamt();
                basic += s.hifpPay() + s.cvlservPay() + s.hifobPay();
                si += s.hifmiPay();
                ma += s.mafPay();
                other += s.othPay();
                account += s.acctPay();
                cash += s.psnCashPay();
                oop += s.psnPartAmt();
            }
        }
        return new HouseholdTotals(h, visits, inpatient, medfee, basic, si, ma, other, account, cash, oop, contribution);
    }

    private static List<VisitRecord> inDateOrder(List<VisitRecord> visits) {
        for (int i = 1; i < visits.size(); i++) {
            if (DATE_ORDER.compare(visits.get(i - 1), visits.get(i)) > 0) {
                List<VisitRecord> sorted = new ArrayList<>(visits);
                sorted.sort(DATE_ORDER);
                return sorted;
            }
        }
        return visits;
    }

    private static Accumulators withAccount(Accumulators a, long balance) {
        return a.toBuilder().set(org.openyibao.engine.settlement.Accumulator.ACCOUNT_BALANCE, balance).build();
    }
}
