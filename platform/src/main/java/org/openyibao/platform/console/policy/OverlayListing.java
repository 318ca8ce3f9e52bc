package org.openyibao.platform.console.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openyibao.engine.policy.explorer.LineProblem;
import org.openyibao.engine.policy.explorer.OverlayReport;

/** An overlay's text line by line, numbered, with the lines a problem names marked: what the check page lists. */
public record OverlayListing(List<Line> lines) {
    public record Line(int number, String text, boolean bad) {}

    public static OverlayListing of(String text, OverlayReport report) {
        Set<Integer> bad = new HashSet<>();
        for (LineProblem p : report.problems()) if (p.line() > 0) bad.add(p.line());
        String[] split = text.split("\r\n|\r|\n", -1);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < split.length; i++) lines.add(new Line(i + 1, split[i], bad.contains(i + 1)));
        return new OverlayListing(lines);
    }
}
