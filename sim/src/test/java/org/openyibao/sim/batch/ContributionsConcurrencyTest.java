package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openyibao.engine.contribution.ContributionCalculator;
import org.openyibao.engine.policy.Contribution;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scheme;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;

/**
 * One {@link Contributions} is shared by every thread of a simulation (Simulation.run): asked from several
 * threads at once it answers what it answers on one, and holds nothing a call could change.
 */
class ContributionsConcurrencyTest {
    static final PolicyPack PACK = ContributionsTest.PACK;
    static final long AVERAGE_WAGE = ContributionsTest.AVERAGE_WAGE;
    static final LocalDate LONG_AGO = ContributionsTest.LONG_AGO;
    static final int THREADS = 8;

    final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    static Contributions.Year of(Contributions c, Member m) {
        return c.of(m.insured(), m.scheme(), m.employment(), m.contribution(), m.enrolledSince(), m.wageBaseFen());
    }

    /**
     * Eight threads ask for both residents' levels at the same instant, the calculator slowed down to hold
     * open the window a cache filled without synchronisation would leave: each level is computed once
     * (not once per thread that found it missing), and every thread gets the single-threaded answer.
     */
    @Test
    void eachResidentLevelIsComputedOnceHoweverManyThreadsAsk() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Contributions c = new Contributions(PACK, 2018, AVERAGE_WAGE, (pack, year, level) -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ContributionCalculator.resident(pack, year, level);
        });
        Contributions alone = new Contributions(PACK, 2018, AVERAGE_WAGE);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<List<Contributions.Year>>> answers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            answers.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                List<Contributions.Year> mine = new ArrayList<>();
                for (Contribution level : Contribution.values()) {
                    mine.add(c.of(true, Scheme.RESIDENT, null, level, LONG_AGO, 0));
                }
                return mine;
            }));
        }
        List<Contributions.Year> expected = new ArrayList<>();
        for (Contribution level : Contribution.values()) expected.add(alone.of(true, Scheme.RESIDENT, null, level, LONG_AGO, 0));
        List<List<Contributions.Year>> got = new ArrayList<>();
        for (Future<List<Contributions.Year>> f : answers) got.add(f.get(30, TimeUnit.SECONDS));
        assertThat(calls.get()).as("calculator calls").isEqualTo(Contribution.values().length);
        for (List<Contributions.Year> mine : got) assertThat(mine).isEqualTo(expected);
    }

    /**
     * The year of every member of a generated population (residents, employees in service, retirees, the
     * uninsured, enrolled before and during the year), asked by eight threads at once in shuffled orders,
     * equals the year asked on one thread of a fresh instance.
     */
    @Test
    void manyThreadsGetTheSingleThreadedYears() throws Exception {
        List<Member> members = new ArrayList<>();
        for (Iterator<Household> it = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 11, 3_000, 200).households();
             it.hasNext(); ) {
            members.addAll(it.next().members());
        }
        Contributions alone = new Contributions(PACK, 2018, AVERAGE_WAGE);
        List<Contributions.Year> expected = members.stream().map(m -> of(alone, m)).toList();
        assertThat(expected.stream().map(Contributions.Year::employerFen).filter(e -> e > 0)).isNotEmpty();
        assertThat(expected.stream().map(Contributions.Year::retireeCreditFen).filter(e -> e > 0)).isNotEmpty();
        assertThat(expected.stream().map(Contributions.Year::subsidyFen).filter(e -> e > 0)).isNotEmpty();

        Contributions shared = new Contributions(PACK, 2018, AVERAGE_WAGE);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<Contributions.Year[]>> answers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            answers.add(pool.submit(() -> {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) order.add(i);
                Collections.shuffle(order, new Random(seed));
                Contributions.Year[] got = new Contributions.Year[members.size()];
                start.await(10, TimeUnit.SECONDS);
                for (int i : order) got[i] = of(shared, members.get(i));
                return got;
            }));
        }
        for (Future<Contributions.Year[]> f : answers) assertThat(f.get(60, TimeUnit.SECONDS)).containsExactlyElementsOf(expected);
    }

    /** A caller that writes into a year's credits changes neither that year nor anyone else's. */
    @Test
    void aYearCannotBeChangedByItsReader() {
        Contributions c = new Contributions(PACK, 2018, AVERAGE_WAGE);
        Contributions.Year none = c.of(false, null, null, null, null, 0);
        none.accountCreditFen()[5] = 1_000;
        assertThat(none.accountCreditsFen()).isZero();
        assertThat(Contributions.Year.NONE.accountCreditsFen()).isZero();
        assertThat(c.of(true, Scheme.RESIDENT, null, Contribution.CONTRIBUTION_1, LONG_AGO, 0).accountCreditsFen()).isZero();
        Contributions.Year employee = c.of(true, Scheme.EMPLOYEE, org.openyibao.engine.policy.Employment.IN_SERVICE, null,
                LONG_AGO, 500_000);
        employee.accountCreditFen()[1] = 0;
        assertThat(employee.accountCreditsFen()).isEqualTo(120_000);
    }
}
