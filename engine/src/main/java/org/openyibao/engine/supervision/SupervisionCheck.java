package org.openyibao.engine.supervision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.policy.Bibliography;
import org.openyibao.engine.policy.Citations;
import org.openyibao.engine.policy.Problem;

/**
 * What {@code yibao policy check} says of the supervision rule sets (docs/supervision.md#checking): every version
 * loads (every rule well formed, naming a check class that exists, with the parameters it reads), every source of the
 * set, of its rules and of its knowledge rows cites a published work or gives our reason; the region's
 * supervision.yaml names known versions, one a date, each line with a source.
 */
public final class SupervisionCheck {
    private SupervisionCheck() {}

    /** The problems of the rule sets under {@code policiesDir} and of the region's selection; empty when all is well. */
    public static List<Problem> problems(Path policiesDir, Path regionDir) {
        List<Problem> out = new ArrayList<>();
        RuleSets sets;
        try {
            sets = RuleSets.load(policiesDir);
        } catch (DomainException e) {
            out.add(new Problem(null, 0, null, e.getMessage()));
            return out;
        }
        Bibliography bibliography = Bibliography.of(policiesDir);
        for (String name : sets.versions()) out.addAll(sourceProblems(sets.version(name), bibliography));
        if (regionDir != null && Files.isRegularFile(regionDir.resolve(RuleSelection.FILE)))
            out.addAll(selectionProblems(sets, regionDir, bibliography));
        return out;
    }

    private static List<Problem> sourceProblems(RuleSet set, Bibliography bibliography) {
        List<Problem> out = new ArrayList<>();
        String file = RuleSets.DIR + "/" + set.version() + "/rules.yaml";
        for (String p : Citations.problems(set.source(), bibliography)) out.add(new Problem(file, 0, "source", p));
        for (Rule r : set.rules())
            for (String p : Citations.problems(r.source(), bibliography))
                out.add(new Problem(r.file(), r.line(), r.id() + ".source", p));
        Knowledge k = set.knowledge();
        List<Knowledge.Origin> origins = new ArrayList<>();
        k.items().values().forEach(i -> origins.add(i.origin()));
        k.exclusive().forEach(x -> origins.add(x.origin()));
        k.dependent().forEach(x -> origins.add(x.origin()));
        k.swaps().forEach(x -> origins.add(x.origin()));
        k.stayNorms().forEach(x -> origins.add(x.origin()));
        for (Knowledge.Origin o : origins)
            for (String p : Citations.problems(o.source(), bibliography)) out.add(new Problem(o.file(), o.line(), "source", p));
        return out;
    }

    private static List<Problem> selectionProblems(RuleSets sets, Path regionDir, Bibliography bibliography) {
        List<Problem> out = new ArrayList<>();
        String file = regionDir.getFileName() + "/" + RuleSelection.FILE;
        RuleSelection selection;
        try {
            selection = RuleSelection.of(regionDir);
        } catch (DomainException e) {
            out.add(new Problem(null, 0, null, e.getMessage()));
            return out;
        }
        Set<String> dates = new HashSet<>();
        for (RuleSelection.Entry e : selection.entries()) {
            if (!dates.add(e.from().toString()))
                out.add(new Problem(file, e.line(), e.version(), "a second version from " + e.from() + ": one version a date"));
            if (!sets.versions().contains(e.version()))
                out.add(new Problem(file, e.line(), e.version(), "no supervision rule set '" + e.version() + "' (known: "
                        + sets.versions() + ")"));
            for (String p : Citations.problems(e.source(), bibliography)) out.add(new Problem(file, e.line(), e.version(), p));
        }
        return out;
    }
}
