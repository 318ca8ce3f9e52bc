package org.openyibao.platform;

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

/**
 * What the platform shows people cites published works, never the project's working files (issue 12): its string
 * literals (replies, refusals, the API's descriptions), its templates' text (a template's placeholder text is what
 * a designer opening the file sees) and its message bundles name no "seed 003", no line number "L1060" and no
 * "REFERENCE §3". Code comments may, and so may the SQL migrations (comments, and a migration never changes).
 */
class UserVisibleCitationsTest {
    static final Pattern UNPUBLISHED = Pattern.compile("seed 00\\d|\\bREFERENCE\\b|\\bL\\d{3,4}\\b");
    static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** A Java file's string literals (and text-block lines) that cite an unpublished text, as "line: text". */
    static List<String> inStrings(List<String> source) {
        List<String> found = new ArrayList<>();
        boolean textBlock = false;
        for (int i = 0; i < source.size(); i++) {
            String line = source.get(i);
            String s = line.strip();
            int blocks = line.split("\"\"\"", -1).length - 1;
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

    /** A template's or bundle's lines that cite an unpublished text. */
    static List<String> inText(List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (UNPUBLISHED.matcher(lines.get(i)).find()) found.add((i + 1) + ": " + lines.get(i).strip());
        }
        return found;
    }

    static List<String> scan(Path dir, String suffix, boolean java) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                for (String hit : java ? inStrings(lines) : inText(lines)) found.add(f + ":" + hit);
            }
        }
        return found;
    }

    @Test
    void theScanFindsACitedSeedLineInAStringOrTemplateButNotInAComment() {
        assertThat(inStrings(List.of(
                "    // seed 003 L1060: the re-insured",
                "     * (REFERENCE §3)",
                "    @Operation(description = \"restored (Luo 2020, §2.9.2)\"",
                "            + \" says so (seed 003 L1060: the re-insured)\")")))
                .containsExactly("4: \" says so (seed 003 L1060: the re-insured)\"");
        assertThat(inText(List.of("<td th:text=\"${v.source()}\">Luo 2020, Table 2-6</td>", "<td th:text=\"${s}\">seed 003</td>")))
                .containsExactly("2: <td th:text=\"${s}\">seed 003</td>");
    }

    @Test
    void thePlatformsStringsCitePublishedWorks() throws IOException {
        assertThat(scan(Path.of("src/main/java"), ".java", true)).isEmpty();
    }

    @Test
    void theTemplatesAndMessagesCitePublishedWorks() throws IOException {
        List<String> found = new ArrayList<>(scan(Path.of("src/main/resources/templates"), ".html", false));
        found.addAll(scan(Path.of("src/main/resources"), ".properties", false));
        assertThat(found).isEmpty();
    }
}
