package org.openyibao.engine.grouping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table version's conformance vectors (docs/grouping.md#conformance-vectors): cases with the outcome a correct
 * grouper gives them, published beside the table so any implementation can check itself against it. The CSV has the
 * {@link CaseCsv} columns, then {@code outcome} (grouped, ungroupable, ambiguous), {@code code} (the group; for an
 * ambiguous case the candidates, space-separated), {@code reason}, an optional {@code weight} (DRG) or {@code score}
 * (DIP) checked when present, and a {@code comment} saying why.
 */
public final class ConformanceVectors {
    /** One vector: the case and what it must group to. */
    public record Vector(String file, int line, DischargedCase c, GroupResult.Outcome outcome, String code,
                         String reason, String weightOrScore, String comment) {}

    /** A vector the grouper disagrees with, in words naming the case; {@link #toString} adds the file and line. */
    public record Mismatch(Vector vector, GroupResult result, String what) {
        @Override
        public String toString() {
            return vector.file() + ":" + vector.line() + ": " + what;
        }
    }

    private ConformanceVectors() {}

    static List<Vector> read(Path path, String shown) {
        List<Vector> vectors = new ArrayList<>();
        for (Csv.Row r : Csv.read(path, shown)) {
            String outcome = r.required("outcome");
            GroupResult.Outcome o;
            try {
                o = GroupResult.Outcome.valueOf(outcome.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw Csv.invalid(r.file(), r.line(), "outcome must be grouped, ungroupable or ambiguous");
            }
            String ws = r.get("weight").isEmpty() ? r.get("score") : r.get("weight");
            vectors.add(new Vector(r.file(), r.line(), CaseCsv.of(r), o, r.get("code"), r.get("reason"), ws,
                    r.get("comment")));
        }
        return vectors;
    }

    /** The vectors the grouper disagrees with; empty when it conforms. */
    public static List<Mismatch> check(Grouper g, List<Vector> vectors) {
        List<Mismatch> out = new ArrayList<>();
        for (Vector v : vectors) {
            GroupResult r = g.group(v.c());
            String what = mismatch(v, r);
            if (what != null) out.add(new Mismatch(v, r, what));
        }
        return out;
    }

    static String mismatch(Vector v, GroupResult r) {
        String got = r.outcome() == GroupResult.Outcome.AMBIGUOUS ? String.join(" ", r.candidates())
                : r.code() == null ? "" : r.code();
        String head = "case " + v.c().caseId() + ": ";
        if (r.outcome() != v.outcome()) return head + "expected " + v.outcome() + " " + v.code() + v.reason()
                + ", got " + r.outcome() + " " + got + (r.reason() == null ? "" : " (" + r.reason() + ")");
        if (!v.code().equals(got)) return head + "expected group " + v.code() + ", got " + got;
        if (!v.reason().isEmpty() && !v.reason().equals(r.reason()))
            return head + "expected reason " + v.reason() + ", got " + r.reason();
        if (!v.weightOrScore().isEmpty() && r.grouped()) {
            long expected = new java.math.BigDecimal(v.weightOrScore()).movePointRight(6).longValue();
            long actual = r.method() == Method.DRG ? r.weightPpm() : r.scorePpm();
            if (expected != actual) return head + "expected " + (r.method() == Method.DRG ? "weight " : "score ")
                    + v.weightOrScore() + ", got " + Ppm.show(actual);
        }
        return null;
    }
}
