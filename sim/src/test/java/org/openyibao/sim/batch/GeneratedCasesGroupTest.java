package org.openyibao.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * Generator 3's admissions group with the illustrative tables (docs/sim.md#clinical-detail): all but a small, named
 * share (leukaemia and congenital heart disease, which the tables have no group for) get a group, and none is ambiguous.
 */
class GeneratedCasesGroupTest {
    static final Path POLICIES = Path.of(System.getProperty("yibao.policies", "../policies"));

    @Test
    void generatedAdmissionsGroupWithTheIllustrativeTables() {
        GroupingTables tables = GroupingTables.load(POLICIES);
        for (String version : new String[] {"illustrative-drg-1", "illustrative-dip-1"}) {
            Grouper g = tables.grouper(version);
            Generator gen = new Generator(Region.KNOWN.get("zhanjiang"), 2018, 3, 20_000, Generator.DEFAULT_PART_HOUSEHOLDS);
            Map<String, Integer> reasons = new TreeMap<>();
            int cases = 0, grouped = 0;
            long weight = 0, cost = 0;
            for (Iterator<Household> it = gen.households(); it.hasNext(); ) {
                for (Member m : it.next().members()) {
                    for (VisitRecord v : m.visits()) {
                        if (!DischargedCases.isCase(v)) continue;
                        cases++;
                        GroupResult r = g.group(DischargedCases.of(m, v));
                        assertThat(r.outcome()).as("%s %s", version, r).isNotEqualTo(GroupResult.Outcome.AMBIGUOUS);
                        if (r.grouped()) {
                            grouped++;
                            weight += r.weightPpm() + r.scorePpm();
                            cost += DischargedCases.costFen(v);
                        } else {
                            reasons.merge(r.reason() + " " + v.diagnosis(), 1, Integer::sum);
                        }
                    }
                }
            }
            System.out.printf("%s: %d cases, %d grouped, mean cost %.0f yuan per unit of weight/score; not grouped %s%n",
                    version, cases, grouped, cost / 100.0 / (weight / 1e6), reasons);
            assertThat(cases).isGreaterThan(1_500);
            assertThat((double) (cases - grouped) / cases).as(version).isLessThan(0.05);
            // only serious illnesses fail to group (docs/decisions.md#sim-clinical-detail)
            reasons.keySet().forEach(k -> assertThat(k).matches(".* (C91|Q2).*"));
        }
    }
}
