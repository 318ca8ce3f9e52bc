package org.openyibao.sim.batch;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.openyibao.engine.casepay.CaseToPay;
import org.openyibao.engine.casepay.DipCaseScore;
import org.openyibao.engine.casepay.DrgCasePayment;
import org.openyibao.engine.grouping.DischargedCase;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.engine.policy.CasePaymentRules;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * One thread's grouping and case payment of generated admissions, in memory (docs/benchmarks.md, issue 14): the part
 * of the batch year's payment step that is the engine's. Run like EvaluationBenchmark:
 * java -cp sim/target/test-classes:sim/target/classes:engine/target/classes:$(cat /tmp/sim.cp) \
 *   org.openyibao.sim.batch.GeneratedCasesBenchmark [PERSONS]
 */
public final class GeneratedCasesBenchmark {
    private GeneratedCasesBenchmark() {}

    public static void main(String[] args) {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 300_000;
        Path policies = Path.of("policies");
        PolicyPack pack = PackLoader.load(policies.resolve("zhanjiang"));
        GroupingTables tables = GroupingTables.load(policies);
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 1, persons, Generator.DEFAULT_PART_HOUSEHOLDS);
        List<Member> members = new ArrayList<>();
        List<VisitRecord> visits = new ArrayList<>();
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            for (Member m : it.next().members()) {
                if (m.scheme() == null) continue;
                for (VisitRecord v : m.visits()) if (DischargedCases.isCase(v)) {
                    members.add(m);
                    visits.add(v);
                }
            }
        }
        CasePaymentRules rules = CasePaymentRules.of(pack, LocalDate.of(2018, 6, 30));
        for (String version : new String[] {"zhanjiang-drg-1", "zhanjiang-dip-1"}) {
            Grouper grouper = tables.grouper(version);
            boolean drg = version.contains("drg");
            for (int round = 0; round < 4; round++) {
                long t0 = System.nanoTime(), sink = 0;
                List<GroupResult> results = new ArrayList<>(visits.size());
                for (int i = 0; i < visits.size(); i++) {
                    DischargedCase c = DischargedCases.of(members.get(i), visits.get(i));
                    results.add(grouper.group(c));
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < visits.size(); i++) {
                    VisitRecord v = visits.get(i);
                    CaseToPay p = new CaseToPay(Long.toString(v.visitId()), results.get(i), DischargedCases.costFen(v),
                            v.level(), v.days(), v.clinical().dischargeType(), false, members.get(i).scheme());
                    sink += drg ? DrgCasePayment.of(p, rules).paymentFen() : DipCaseScore.of(p, rules).pointsPpm();
                }
                long t2 = System.nanoTime();
                System.out.printf("%s round %d: %,d cases; grouping %,.0f cases/s, payment %,.0f cases/s (%d)%n", version,
                        round, visits.size(), visits.size() / ((t1 - t0) / 1e9), visits.size() / ((t2 - t1) / 1e9), sink % 10);
            }
        }
    }
}
