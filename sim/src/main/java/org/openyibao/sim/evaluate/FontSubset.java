package org.openyibao.sim.evaluate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The report's Chinese glyphs, embedded so that the page reads the same on a machine without a CJK font: a subset of
 * a CJK font holding exactly the CJK characters the page uses, as an {@code @font-face} with a {@code data:} URL and
 * a {@code unicode-range} of those characters (Latin text keeps the reader's own font). Subset with Apache FontBox's
 * {@link TTFSubsetter}; the font is found at report time where its Debian package puts it (.ci/run installs it).
 *
 * <p><b>DECISION</b> (docs/sim.md#the-report-page): WenQuanYi Zen Hei, whose licence (GPL-2 with a font embedding
 * exception) lets a document embed the font or unaltered portions of it without the document falling under the GPL;
 * no artifact on Maven Central carries a CJK font, and the fonts-wqy-zenhei package is one the project installs
 * already for its screenshots.
 */
final class FontSubset {

    /** The CSS family name of the embedded subset. */
    static final String FAMILY = "Report CJK";

    /** A font the report may embed: where it lies, which face of a collection, its licence and its Debian package. */
    record Source(String name, String chineseName, String postScriptName, String licence, String chineseLicence,
                  String debianPackage, Path file) {
    }

    static final Source WQY_ZEN_HEI = new Source("WenQuanYi Zen Hei", "文泉驿正黑", "WenQuanYiZenHei",
            "GPL-2 with font embedding exception", "GPL-2（附字体嵌入例外）", "fonts-wqy-zenhei",
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

    /** Looked for in this order. */
    static final List<Source> SOURCES = List.of(WQY_ZEN_HEI);

    /** The tables kept: the glyphs, their metrics and mapping, the names (with the font's copyright), the hinting. */
    private static final List<String> TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "glyf", "loca", "cmap", "hmtx",
            "post", "cvt ", "prep", "fpgm", "gasp");

    /** The warnings given: each once in a process (a report writes several pages, a server many reports). */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    /** The fonts opened, by file (guarded by the class: {@link #subset(Source, String)} is synchronized). */
    private static final Map<Path, TrueTypeFont> OPEN = new HashMap<>();

    /** A font subset: the font it comes from, the subset as a TrueType file, and the code points it maps. */
    record Embedded(Source source, byte[] ttf, SortedSet<Integer> codePoints) {

        /** The {@code @font-face} rule of the subset. */
        String fontFace() {
            return "@font-face{font-family:\"" + FAMILY + "\";src:url(data:font/ttf;base64,"
                    + Base64.getEncoder().encodeToString(ttf) + ") format(\"truetype\");unicode-range:" + unicodeRange(codePoints) + "}";
        }
    }

    private FontSubset() {
    }

    /** Characters the subset is for: CJK ideographs, their punctuation, full-width forms (from U+2E80 on). */
    static boolean isCjk(int codePoint) {
        return codePoint >= 0x2E80;
    }

    /** The first of {@link #SOURCES} present on this machine. */
    static Optional<Source> find(List<Source> sources) {
        return sources.stream().filter(s -> Files.isReadable(s.file())).findFirst();
    }

    /**
     * The subset for the CJK characters of {@code text} from the first font of {@code sources} found, or none (with a
     * warning on the terminal, once, naming the package to install) when no font is found or it cannot be read.
     */
    static Optional<Embedded> forText(String text, List<Source> sources) {
        Optional<Source> s = find(sources);
        if (s.isEmpty()) {
            warnOnce("no CJK font found for the report (looked for " + sources.stream().map(x -> x.file().toString()).toList()
                    + "): its Chinese shows only where the reader has a Chinese font. Install one: apt-get install "
                    + sources.get(0).debianPackage());
            return Optional.empty();
        }
        try {
            return Optional.of(subset(s.get(), text));
        } catch (IOException | RuntimeException | LinkageError e) {   // a broken font or font library: the page without it
            warnOnce("the report's CJK font " + s.get().file() + " could not be read (" + e.getMessage()
                    + "): the report is written without it. Reinstall it: apt-get install --reinstall " + s.get().debianPackage());
            return Optional.empty();
        }
    }

    /**
     * The subset of {@code source} holding the CJK characters of {@code text} that the font has. The font is opened
     * once in a process and kept open (finding the face in the collection takes about 0.3 s, a subset a few ms);
     * one subset at a time, as FontBox's font reads its glyphs from one open file.
     */
    static synchronized Embedded subset(Source source, String text) throws IOException {
        TrueTypeFont f = OPEN.get(source.file());
        if (f == null) {
            f = open(source);
            OPEN.put(source.file(), f);
        }
        return subset(source, f, text);
    }

    /** The face of a collection (.ttc) or the font of a .ttf; left open for later subsets. */
    @SuppressWarnings("resource")
    private static TrueTypeFont open(Source source) throws IOException {
        if (!source.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc"))
            return new TTFParser().parse(new RandomAccessReadBufferedFile(source.file().toFile()));
        TrueTypeCollection c = new TrueTypeCollection(source.file().toFile());
        TrueTypeFont f = c.getFontByName(source.postScriptName());
        if (f == null) {
            c.close();
            throw new IOException("no face " + source.postScriptName() + " in it");
        }
        return f;
    }

    private static Embedded subset(Source source, TrueTypeFont font, String text) throws IOException {
        CmapLookup cmap = font.getUnicodeCmapLookup();
        SortedSet<Integer> used = new TreeSet<>();
        text.codePoints().filter(FontSubset::isCjk).filter(cp -> cmap.getGlyphId(cp) != 0).forEach(used::add);
        TTFSubsetter s = new TTFSubsetter(font, TABLES);
        s.addAll(used);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.writeToStream(out);
        return new Embedded(source, out.toByteArray(), used);
    }

    /** CSS {@code unicode-range} of the code points, runs joined: U+4E00-4E02,U+4E0A. */
    static String unicodeRange(SortedSet<Integer> codePoints) {
        StringBuilder b = new StringBuilder();
        Integer start = null, prev = null;
        for (int cp : codePoints) {
            if (prev != null && cp == prev + 1) {
                prev = cp;
                continue;
            }
            if (start != null) range(b, start, prev);
            start = cp;
            prev = cp;
        }
        if (start != null) range(b, start, prev);
        return b.length() == 0 ? "U+2E80" : b.toString();
    }

    private static void range(StringBuilder b, int from, int to) {
        if (b.length() > 0) b.append(',');
        b.append("U+").append(Integer.toHexString(from).toUpperCase(java.util.Locale.ROOT));
        if (to != from) b.append('-').append(Integer.toHexString(to).toUpperCase(java.util.Locale.ROOT));
    }

    private static void warnOnce(String message) {
        if (WARNED.add(message)) System.err.println("warning: " + message);
    }
}
