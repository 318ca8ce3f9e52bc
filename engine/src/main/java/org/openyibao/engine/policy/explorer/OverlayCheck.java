package org.openyibao.engine.policy.explorer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.openyibao.engine.policy.Bibliography;
import org.openyibao.engine.policy.PackLoader;
import org.openyibao.engine.policy.PolicyException;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Problem;

/**
 * The console's policy check of a reform overlay given as text (pasted or uploaded): each problem at its line with
 * the line as written, or what the overlay changes on a date. Pure: nothing is stored, the base pack is unchanged.
 * ({@code yibao policy check} checks files with {@link PackLoader#check} and {@link PackLoader#checkReform}.)
 */
public final class OverlayCheck {
    /** How much of an offending line is shown. */
    static final int LINE_SHOWN = 200;

    private OverlayCheck() {}

    /** The overlay {@code text} (named {@code fileName} in problems) checked on {@code base}, and what it changes on {@code date}. */
    public static OverlayReport check(PolicyPack base, String fileName, String text, LocalDate date) {
        PolicyPack reformed;
        try {
            reformed = PackLoader.applyReform(base, fileName, text);
        } catch (PolicyException e) {
            return new OverlayReport(null, date, atLines(e.problems(), fileName, text), List.of());
        }
        String name = reformed.reforms().get(reformed.reforms().size() - 1);
        return new OverlayReport(name, date, List.of(), PolicyDifference.between(base, reformed, date));
    }

    /**
     * As {@link #check(PolicyPack, String, String, LocalDate)}, refusing too every source a reader cannot check against
     * {@code bibliography}, as {@code yibao policy check --reform} does.
     */
    public static OverlayReport check(PolicyPack base, String fileName, String text, LocalDate date, Bibliography bibliography) {
        List<Problem> problems = PackLoader.checkReform(base, fileName, text, bibliography);
        if (!problems.isEmpty()) return new OverlayReport(null, date, atLines(problems, fileName, text), List.of());
        return check(base, fileName, text, date);
    }

    /** Each problem with its line of {@code text} when it is the overlay's (a problem of the base pack keeps its file). */
    static List<LineProblem> atLines(List<Problem> problems, String fileName, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<LineProblem> out = new ArrayList<>();
        for (Problem p : problems) {
            boolean ours = p.file() == null || p.file().equals(fileName);
            int line = ours && p.line() >= 1 && p.line() <= lines.length ? p.line() : 0;
            String shown = line == 0 ? "" : cut(lines[line - 1]);
            out.add(new LineProblem(ours ? line : p.line(), shown, p.path() == null ? "" : p.path(), p.message(),
                    ours ? fileName : p.file()));
        }
        return out;
    }

    private static String cut(String line) {
        return line.length() <= LINE_SHOWN ? line : line.substring(0, LINE_SHOWN) + "…";
    }
}
