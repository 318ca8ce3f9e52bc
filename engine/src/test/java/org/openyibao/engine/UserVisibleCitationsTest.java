package org.openyibao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.settlement.Ineligibility;

/**
 * What the engine says to people (its string literals: trace reasons, refusals, the reasons a visit is not
 * insured) cites published works, never the project's working files (issue 12): no "seed 003", no line number
 * "L1060", no "REFERENCE §3". Code comments may; the policy check's own pattern and message, which name what it
 * refuses, are exempt.
 */
class UserVisibleCitationsTest {
    static final Pattern UNPUBLISHED = Pattern.compile("seed 00\\d|\\bREFERENCE\\b|\\bL\\d{3,4}\\b");
    static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    /** Citations.java is the check that refuses these citations: its pattern and message name them. */
    static final String EXEMPT = "Citations.java";

    /** The string literals (and text-block lines) of one source file that cite an unpublished text, as "line: text". */
    static List<String> unpublished(List<String> source) {
        List<String> found = new ArrayList<>();
        boolean textBlock = false;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            String s = line.strip();
            int blocks = countOf(line, "\"\"\"");
            if (textBlock || blocks > 0) {
                if (UNPUBLISHED.matcher(line).find()) found.add((i + 1) + ": " + s);
                if (blocks % 2 == 1) textBlock = !textBlock;
                continue;
            }
            if (s.startsWith("//") || s.startsWith("*") || s.startsWith("/*")) continue;
            Matcher m = LITERAL.matcher(line);
            while (m.find()) {
                if (UNPUBLISHED.matcher(m.group()).find()) found.add((i + 1) + ": " + m.group());
            }
        }
        return found;
    }

    private static int countOf(String line, String what) {
        int n = 0;
        for (int at = line.indexOf(what); at >= 0; at = line.indexOf(what, at + what.length())) n++;
        return n;
    }

    @Test
    void theScanFindsACitedSeedLineInAStringButNotInAComment() {
        assertThat(unpublished(List.of(
                "    /** seed 003 L1060: benefits from the seventh month (REFERENCE §3). */",
                "    // seed 003 L1060",
                "    String ok = \"Luo 2020, §2.9.2\";",
                "    String bad = \"(seed 003 L1060)\";",
                "    String digest = \"see REFERENCE §3\", line = \"Table 2-6 at L1039\";")))
                .containsExactly("4: \"(seed 003 L1060)\"", "5: \"see REFERENCE §3\"", "5: \"Table 2-6 at L1039\"");
        assertThat(unpublished(List.of("String t = \"\"\"", "  cited: seed 003 L1039", "  \"\"\";"))).containsExactly("2: cited: seed 003 L1039");
    }

    @Test
    void theEnginesStringsCitePublishedWorks() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (f.getFileName().toString().equals(EXEMPT)) continue;
                for (String hit : unpublished(Files.readAllLines(f))) found.add(f + ":" + hit);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theReasonsAVisitIsNotInsuredCiteNoWorkingFile() {
        for (Ineligibility.Reason r : Ineligibility.Reason.values()) {
            assertThat(r.rule()).as(r.code()).isNotBlank().doesNotContainPattern(UNPUBLISHED);
        }
    }
}
