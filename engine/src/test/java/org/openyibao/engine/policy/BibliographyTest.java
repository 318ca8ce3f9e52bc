package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.Packs;

/** policies/bibliography.yaml, docs/bibliography.md and what the packs cite agree. */
class BibliographyTest {
    static final Bibliography BIBLIOGRAPHY = Bibliography.of(Packs.root());
    static final Path DOCS = Packs.root().resolveSibling("docs");

    /** docs/bibliography.md's entries: "- **KEY**: text" and its indented continuation lines, joined. */
    private static Map<String, String> documented() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String key = null;
        StringBuilder text = new StringBuilder();
        Pattern item = Pattern.compile("^- \\*\\*(.+?)\\*\\*: (.*)$");
        for (String line : Files.readAllLines(DOCS.resolve("bibliography.md"))) {
            Matcher m = item.matcher(line);
            if (m.matches() || !line.startsWith("  ")) {
                if (key != null) out.put(key, text.toString().trim());
                key = null;
                text.setLength(0);
            }
            if (m.matches()) {
                key = m.group(1);
                text.append(m.group(2));
            } else if (key != null) {
                text.append(' ').append(line.trim());
            }
        }
        if (key != null) out.put(key, text.toString().trim());
        return out;
    }

    @Test
    void theDocListsTheSameWorksAsTheFileInTheSameWords() throws IOException {
        Map<String, String> doc = documented();
        assertThat(doc.keySet()).containsExactlyElementsOf(BIBLIOGRAPHY.works().stream().map(Bibliography.Work::key).toList());
        for (Bibliography.Work w : BIBLIOGRAPHY.works()) {
            assertThat(doc.get(w.key())).as(w.key()).startsWith(w.reference());
            if (w.note() != null) assertThat(doc.get(w.key())).as(w.key()).contains(w.note());
        }
    }

    @Test
    void everyWorkThePacksCiteIsInTheFileAndTheDocAndEveryDecisionTheyPointToIsExplained() throws IOException {
        List<String> sources = new ArrayList<>();
        Set<String> anchors = new LinkedHashSet<>();
        Pattern anchor = Pattern.compile("docs/decisions\\.md#([a-z0-9-]+)");
        try (Stream<Path> s = Files.walk(Packs.root())) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(f);
                Matcher m = Pattern.compile("source: (.*)").matcher(text);
                while (m.find()) sources.add(m.group(1));
                Matcher a = anchor.matcher(text);
                while (a.find()) anchors.add(a.group(1));
            }
        }
        List<Bibliography.Work> cited = BIBLIOGRAPHY.cited(sources);
        assertThat(cited).extracting(Bibliography.Work::key)
                .contains("Luo 2020", "He 2020", "Zhang", "人社部发〔2009〕67号", "Zhanjiang [2016] No.514");
        Map<String, String> doc = documented();
        for (Bibliography.Work w : cited) assertThat(doc).as(w.key()).containsKey(w.key());
        String decisions = Files.readString(DOCS.resolve("decisions.md"));
        assertThat(anchors).hasSizeGreaterThanOrEqualTo(10);
        for (String a : anchors) assertThat(decisions).as("docs/decisions.md#" + a).contains("<a id=\"" + a + "\"></a>");
    }

    @Test
    void theJarCarriesTheSameBibliographyAsThePoliciesDirectory() {
        assertThat(Bibliography.standard().works()).isEqualTo(Bibliography.load(Packs.root().resolve(Bibliography.FILE)).works());
    }

    @Test
    void aSourceCitesItsWorksInTheOrderItNamesThemWithTheirFullReferences() {
        List<Bibliography.Work> cited = BIBLIOGRAPHY.cited("Zhanjiang [2016] No.514, item 3, in force 2017-01-01 (Luo 2020, Appendix 1)");
        assertThat(cited).extracting(Bibliography.Work::key).containsExactly("Zhanjiang [2016] No.514", "Luo 2020");
        assertThat(cited.get(1).reference()).isEqualTo("Luo Liming (2020). The Security Effect and Operating Mechanism of the "
                + "\"Zhanjiang Model\" of the Serious Illnesses Medical Insurance System. Thesis (Doctor of Management), "
                + "ISCTE – University Institute of Lisbon. https://iscte-iul.pt/tese/11431");
        assertThat(BIBLIOGRAPHY.find("He 2020").reference()).endsWith("Preprint, Research Square. https://doi.org/10.21203/rs.3.rs-76722/v1");
        assertThat(BIBLIOGRAPHY.find("Zhang").reference()).startsWith("Zhang Gaotong (n.d.). ");
        assertThat(BIBLIOGRAPHY.cited("DECISION: township centres as level I")).isEmpty();
        assertThat(BIBLIOGRAPHY.cited("Zhanjiang 2018 value")).as("a place is not the notice").isEmpty();
    }

    @Test
    void aBadBibliographyIsRefusedNamingTheEntry() {
        String text = """
                works:
                  - {key: Luo 2020, authors: [Luo Liming], year: 2020, title: T, kind: thesis}
                  - {key: Luo 2020, authors: [Luo Liming], year: 2020, title: T, kind: thesis}
                  - {key: X 2001, authors: [X], year: around 2001, title: T, kind: blog, colour: red}
                """;
        assertThatThrownBy(() -> Bibliography.parse(new StringReader(text), "bibliography.yaml"))
                .isInstanceOf(PolicyException.class)
                .satisfies(e -> assertThat(((PolicyException) e).problems()).extracting(Problem::toString).containsExactly(
                        "bibliography.yaml: works[1]: key 'Luo 2020' given twice",
                        "bibliography.yaml: works[2]: unknown key 'colour' (expected one of: key, authors, year, title, kind, degree, "
                                + "institution, publisher, doi, address, note)",
                        "bibliography.yaml: works[2] (X 2001): kind 'blog' is not one of: thesis, preprint, article, government document",
                        "bibliography.yaml: works[2] (X 2001): year 'around 2001' is not a year"));
    }
}
