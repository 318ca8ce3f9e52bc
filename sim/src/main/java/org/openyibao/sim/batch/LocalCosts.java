package org.openyibao.sim.batch;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.openyibao.engine.grouping.GroupResult;
import org.openyibao.engine.grouping.Grouper;
import org.openyibao.engine.grouping.GroupingTables;
import org.openyibao.sim.population.Generator;
import org.openyibao.sim.population.Household;
import org.openyibao.sim.population.Member;
import org.openyibao.sim.population.Region;
import org.openyibao.sim.population.VisitRecord;

/**
 * Each group's mean cost in a generated region's year, the data a region computes its local weights and scores from
 * (CHS-DRG 1.1 and DIP 2020: a group's weight or score is its average cost relative to a reference). Used once to
 * make the Zhanjiang table versions (docs/decisions.md#sim-case-payment):
 * {@code java -cp cli/target/yibao.jar org.openyibao.sim.batch.LocalCosts policies VERSION PERSONS SEED} prints
 * {@code group,cases,mean_fen} for every group the version gives the region's admissions.
 */
public final class LocalCosts {
    private LocalCosts() {}

    /** group code → {cases, Σ cost in fen}. */
    public static Map<String, long[]> of(Grouper grouper, Generator g) {
        Map<String, long[]> out = new TreeMap<>();
        for (Iterator<Household> it = g.households(); it.hasNext(); ) {
            for (Member m : it.next().members()) {
                for (VisitRecord v : m.visits()) {
                    if (!DischargedCases.isCase(v)) continue;
                    GroupResult r = grouper.group(DischargedCases.of(m, v));
                    if (!r.grouped()) continue;
                    long[] a = out.computeIfAbsent(r.code(), k -> new long[2]);
                    a[0]++;
                    a[1] += DischargedCases.costFen(v);
                }
            }
        }
        return out;
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: LocalCosts POLICIES VERSION PERSONS SEED");
            System.exit(2);
        }
        Grouper grouper = GroupingTables.load(Path.of(args[0])).grouper(args[1]);
        Generator g = new Generator(Region.KNOWN.get("zhanjiang"), 2018, Long.parseLong(args[3]), Long.parseLong(args[2]),
                Generator.DEFAULT_PART_HOUSEHOLDS);
        System.out.println("group,cases,mean_fen");
        of(grouper, g).forEach((code, a) -> System.out.println(code + "," + a[0] + "," + Math.round((double) a[1] / a[0])));
    }
}
