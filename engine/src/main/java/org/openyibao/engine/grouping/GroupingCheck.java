package org.openyibao.engine.grouping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.error.DomainException;
import org.openyibao.engine.policy.Bibliography;
import org.openyibao.engine.policy.Citations;
import org.openyibao.engine.policy.Problem;

/**
 * What {@code yibao policy check} says of the grouping tables (docs/grouping.md#checking): every version loads, cites
 * its source, has conformance vectors and passes them; the region's grouping.yaml names known versions of the right
 * method, each line with a source a reader can check.
 */
public final class GroupingCheck {
    private GroupingCheck() {}

    /** The problems of the tables under {@code policiesDir} and of the region's selection; empty when all is well. */
    public static List<Problem> problems(Path policiesDir, Path regionDir) {
        List<Problem> out = new ArrayList<>();
        GroupingTables tables;
        try {
            tables = GroupingTables.load(policiesDir);
        } catch (DomainException e) {
            out.add(new Problem(null, 0, null, e.getMessage()));
            return out;
        }
        Bibliography bibliography = Bibliography.of(policiesDir);
        for (String name : tables.versions()) {
            String file = GroupingTables.DIR + "/" + name + "/version.yaml";
            for (String p : Citations.problems(tables.version(name).source(), bibliography))
                out.add(new Problem(file, 0, "source", p));
            out.addAll(vectorProblems(tables, name, file));
        }
        if (regionDir != null && Files.isRegularFile(regionDir.resolve(TableSelection.FILE))) {
            out.addAll(selectionProblems(tables, regionDir, bibliography));
        }
        return out;
    }

    private static List<Problem> vectorProblems(GroupingTables tables, String name, String file) {
        List<Problem> out = new ArrayList<>();
        Path vectors = tables.version(name).file("vectors");
        if (vectors == null || !Files.isRegularFile(vectors)) {
            out.add(new Problem(file, 0, "files.vectors", "the version has no conformance vectors file"));
            return out;
        }
        try {
            for (ConformanceVectors.Mismatch m : ConformanceVectors.check(tables.grouper(name), tables.vectors(name)))
                out.add(new Problem(m.vector().file(), m.vector().line(), null, m.what()));
        } catch (DomainException e) {
            out.add(new Problem(null, 0, null, e.getMessage()));
        }
        return out;
    }

    private static List<Problem> selectionProblems(GroupingTables tables, Path regionDir, Bibliography bibliography) {
        List<Problem> out = new ArrayList<>();
        String file = regionDir.getFileName() + "/" + TableSelection.FILE;
        TableSelection selection;
        try {
            selection = TableSelection.of(regionDir);
        } catch (DomainException e) {
            out.add(new Problem(null, 0, null, e.getMessage()));
            return out;
        }
        java.util.Set<String> dates = new java.util.HashSet<>();
        for (TableSelection.Entry e : selection.entries()) {
            String path = e.method().key + "." + e.version();
            if (!dates.add(e.method().key + " " + e.from()))
                out.add(new Problem(file, 0, path, "a second " + e.method().key + " version from " + e.from()
                        + ": one version a method a date"));
            if (!tables.versions().contains(e.version())) {
                out.add(new Problem(file, 0, path, "no grouping table version '" + e.version() + "' (known: "
                        + tables.versions() + ")"));
            } else if (tables.version(e.version()).method() != e.method()) {
                out.add(new Problem(file, 0, path, "is a " + tables.version(e.version()).method().key
                        + " table, listed under " + e.method().key));
            }
            for (String p : Citations.problems(e.source(), bibliography)) out.add(new Problem(file, 0, path, p));
        }
        return out;
    }
}
