package org.openyibao.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code source:} must be for a reader to check it: it names a published work by its key in the
 * {@link Bibliography} ("Luo 2020, Table 2-7"), or marks a choice of ours (DECISION, SCENARIO, REFORM) and says
 * why; it never points at texts a reader does not have (the project's seed files and their line numbers, the
 * REFERENCE digest). {@code yibao policy check} reports each broken rule with the file, line and path.
 */
public final class Citations {
    /** Words marking a value that is ours, not a published figure. */
    public static final List<String> MARKERS = List.of("DECISION", "SCENARIO", "REFORM");

    private static final Pattern SEED = Pattern.compile("(?i)(?<![\\p{L}])seeds?(?![\\p{L}])");
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\p{L}])REFERENCE(?![\\p{L}])");
    private static final Pattern LINE = Pattern.compile("(?<![\\p{L}\\p{N}])L\\d{3,4}(?![\\p{N}])");
    /** Something cited like a work: "Name 2020, Table …", "Name, §…" (a table, section, appendix, chapter, page or item). */
    private static final Pattern CITATION = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}'-]+(?: et al\\.)?(?: (?:19|20)\\d{2}[a-z]?)?),"
            + "\\s+(?:Tables?\\s|§|Appendix\\s|ch\\.\\s|pp?\\.\\s|items?\\s)");
    private static final Pattern MARKER = Pattern.compile("(?<![\\p{L}])(?:DECISION|SCENARIO|REFORM)(?![\\p{L}])");
    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** A reason given by pointing at the in-repository document that explains the choice. */
    private static final Pattern DOC = Pattern.compile("docs/[\\w./-]+");

    private Citations() {}

    /** Each rule {@code source} breaks, in words; empty when a reader can check it. */
    public static List<String> problems(String source, Bibliography bibliography) {
        List<String> out = new ArrayList<>();
        if (source == null || source.isBlank()) return out;
        if (SEED.matcher(source).find()) {
            out.add("names the project's seed files, which are not published: cite the published work by its key"
                    + " (e.g. \"Luo 2020, Table 2-7\"; the keys are in policies/bibliography.yaml)");
        }
        if (REFERENCE.matcher(source).find()) {
            out.add("cites REFERENCE, a digest that is not published: cite the document behind it, or mark a choice"
                    + " DECISION with the document that explains it (docs/decisions.md#…)");
        }
        Matcher line = LINE.matcher(source);
        if (line.find()) {
            out.add("cites a line number (" + line.group() + ") of a text a reader does not have: cite the table or"
                    + " section instead (e.g. \"Luo 2020, §2.9.2\")");
        }
        boolean unknown = false;
        Matcher c = CITATION.matcher(source);
        while (c.find()) {
            String key = c.group(1);
            if (bibliography.find(key) == null && !key.startsWith("Table") && !key.equals("Appendix") && !MARKERS.contains(key)) {
                out.add("unknown bibliography key '" + key + "' (known: " + bibliography.keys() + ")");
                unknown = true;
            }
        }
        boolean cites = !bibliography.cited(source).isEmpty();
        boolean marked = MARKER.matcher(source).find();
        if (unknown) return out;
        if (!cites && !marked) {
            out.add("cites no published work: name one by its key in policies/bibliography.yaml (e.g. \"Luo 2020,"
                    + " Table 2-6\"), or mark a choice of ours DECISION, SCENARIO or REFORM and say why");
        } else if (!cites && !saysWhy(source)) {
            out.add("a DECISION, SCENARIO or REFORM says why: give the reason in a few words or name the document"
                    + " that explains it (docs/decisions.md#…)");
        }
        return out;
    }

    /** At least three words besides the markers, or a pointer to a document in docs/. */
    private static boolean saysWhy(String source) {
        if (DOC.matcher(source).find()) return true;
        Matcher w = WORD.matcher(MARKER.matcher(source).replaceAll(" "));
        int words = 0;
        while (w.find()) words++;
        return words >= 3;
    }
}
