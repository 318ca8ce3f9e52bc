package org.openyibao.engine.grouping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a DRG table version published in OpenDRG's layout (docs/grouping.md#opendrg), so that a region can group with a
 * full national or city version instead of the illustrative one. OpenDRG keeps each version's lists as {@code .dat}
 * files in a {@code DATA} directory, one entry a line, the code, a space, the value:
 * <ul>
 *   <li>{@code DRG.dat}: DRG code, name (the DRG's last character is its split, CHS-DRG 1.1, §3: 1 with MCC, 3 with
 *       CC, 5 without, 9 not split, 7 died);</li>
 *   <li>{@code MCC.dat}, {@code CC.dat}: diagnosis, the number of its exclusion table;</li>
 *   <li>{@code CCE.dat}: principal diagnosis, its exclusion table (a complication in the same table does not count).</li>
 * </ul>
 * OpenDRG writes the MDC and ADRG lists as code; for a loader they are data in the same one-entry-a-line layout:
 * {@code MDC.dat} (principal diagnosis, MDC), {@code ADRG.dat} (ADRG, MDC, name, in the order they are tried),
 * {@code ADRG_ZD.dat} (principal diagnosis, ADRG) and {@code ADRG_SS.dat} (procedure, ADRG): the ADRG detail. An ADRG's
 * kind is its second letter (CHS-DRG 1.1, §3: A–J surgical, K–Q non-operative, R–Z medical). A DRG whose last character
 * is none of the above (an age split such as CD1D) needs a line in {@code SPLIT.dat}: DRG, condition
 * ({@link SplitRule}). Weights are not part of OpenDRG's files: a region gives them in {@code weights.csv}
 * ({@code drg,weight,average_cost}); a DRG without one groups with weight 0, said in the trace.
 */
public final class OpenDrgLoader {
    private OpenDrgLoader() {}

    /** The grouper of the version in {@code dataDir} (the DATA directory), with the region's weights file or null. */
    public static DrgGrouper load(String version, Path dataDir, Path weightsCsv) {
        DrgTable t = new DrgTable(version);
        String at = version + "/DATA/";
        for (String[] e : dat(dataDir, "MDC.dat", at, true)) {
            mdc(t, e[1]);
            t.mdcByDiagnosis.put(e[0], mdcCode(e[1]));
            t.diagnosisCodes.add(e[0]);
        }
        Map<String, List<String>> zd = byValue(dat(dataDir, "ADRG_ZD.dat", at, false));
        Map<String, List<String>> ss = byValue(dat(dataDir, "ADRG_SS.dat", at, false));
        int rank = 0;
        for (String[] e : dat(dataDir, "ADRG.dat", at, true)) {
            String[] mdcAndName = e[1].split("\\s+", 2);
            DrgTable.Mdc mdc = mdc(t, mdcAndName[0]);
            DrgTable.Adrg a = new DrgTable.Adrg(e[0], mdc.code(), mdcAndName.length > 1 ? mdcAndName[1] : "",
                    kind(e[0]), ++rank, zd.getOrDefault(e[0], List.of()),
                    ProcedureRule.parse(String.join("/", ss.getOrDefault(e[0], List.of()))));
            t.adrgs.add(a);
            t.adrgsByMdc.computeIfAbsent(a.mdc(), k -> new ArrayList<>()).add(a);
        }
        drgs(t, dataDir, at, weights(weightsCsv, version));
        complications(t, dataDir, at);
        return new DrgGrouper(t);
    }

    private static void drgs(DrgTable t, Path dataDir, String at, Map<String, long[]> weights) {
        Map<String, String> overrides = new HashMap<>();
        for (String[] e : dat(dataDir, "SPLIT.dat", at, false)) overrides.put(e[0], e[1]);
        List<String[]> rows = new ArrayList<>(dat(dataDir, "DRG.dat", at, true));
        rows.sort(Comparator.comparing((String[] e) -> e[0].substring(0, Math.min(3, e[0].length())))
                .thenComparingInt(e -> order(e[0], overrides)));
        for (String[] e : rows) {
            String drg = e[0];
            if (drg.length() != 4) throw Csv.invalid(at + "DRG.dat", 0, "'" + drg + "' is not a four-character DRG");
            String adrg = drg.substring(0, 3);
            if (t.adrgs.stream().noneMatch(a -> a.code().equals(adrg))) continue; // an ADRG the detail does not list
            String split = overrides.containsKey(drg) ? overrides.get(drg) : splitOf(drg, at);
            long[] w = weights.getOrDefault(drg, new long[] {0, 0});
            t.drgsByAdrg.computeIfAbsent(adrg, k -> new ArrayList<>()).add(new DrgTable.Drg(drg, adrg, e[1],
                    SplitRule.parse(split, new Csv.Row(at + "SPLIT.dat", 0, Map.of())), w[0], w[1]));
        }
        for (DrgTable.Adrg a : t.adrgs) {
            if (!t.drgsByAdrg.containsKey(a.code())) throw Csv.invalid(at + "DRG.dat", 0, "ADRG " + a.code() + " has no DRG");
        }
    }

    /** Tried first: the region's own splits, then MCC, CC, died, and the unsplit or uncomplicated last. */
    private static int order(String drg, Map<String, String> overrides) {
        if (overrides.containsKey(drg)) return 0;
        return switch (drg.charAt(3)) {
            case '1' -> 1;
            case '3' -> 2;
            case '7' -> 3;
            default -> 4;
        };
    }

    private static String splitOf(String drg, String at) {
        return switch (drg.charAt(3)) {
            case '1' -> "mcc";
            case '3' -> "cc";
            case '7' -> "died";
            case '5', '9' -> "*";
            default -> throw Csv.invalid(at + "DRG.dat", 0, "DRG " + drg + ": its last character '" + drg.charAt(3)
                    + "' is not a CHS-DRG split (1, 3, 5, 7, 9); give its condition in SPLIT.dat");
        };
    }

    private static void complications(DrgTable t, Path dataDir, String at) {
        for (String[] e : dat(dataDir, "MCC.dat", at, true)) {
            t.complications.put(e[0], new DrgTable.Complication(e[0], DrgTable.Level.MCC, "", e[1]));
            t.diagnosisCodes.add(e[0]);
        }
        for (String[] e : dat(dataDir, "CC.dat", at, true)) {
            t.complications.put(e[0], new DrgTable.Complication(e[0], DrgTable.Level.CC, "", e[1]));
            t.diagnosisCodes.add(e[0]);
        }
        for (String[] e : dat(dataDir, "CCE.dat", at, false)) t.principalExclusionTable.put(e[0], e[1]);
    }

    private static DrgTable.Mdc mdc(DrgTable t, String name) {
        return t.mdcs.computeIfAbsent(mdcCode(name), c -> new DrgTable.Mdc(c, name, null, -1));
    }

    /** OpenDRG names an MDC {@code MDCF}; the tables and the results use the letter. */
    private static String mdcCode(String name) {
        return name.startsWith("MDC") ? name.substring(3) : name;
    }

    private static DrgTable.Kind kind(String adrg) {
        char second = adrg.length() > 1 ? adrg.charAt(1) : 'Z';
        if (second <= 'J') return DrgTable.Kind.SURGICAL;
        if (second <= 'Q') return DrgTable.Kind.NON_OPERATIVE;
        return DrgTable.Kind.MEDICAL;
    }

    private static Map<String, List<String>> byValue(List<String[]> entries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] e : entries) out.computeIfAbsent(e[1], k -> new ArrayList<>()).add(e[0]);
        return out;
    }

    private static Map<String, long[]> weights(Path csv, String version) {
        Map<String, long[]> out = new HashMap<>();
        if (csv == null || !Files.isRegularFile(csv)) return out;
        for (Csv.Row r : Csv.read(csv, version + "/" + csv.getFileName()))
            out.put(r.required("drg"), new long[] {r.ppm("weight"), r.fen("average_cost")});
        return out;
    }

    /** The entries of a .dat file: each line's code and the rest of the line (trimmed); blank lines skipped. */
    static List<String[]> dat(Path dir, String file, String at, boolean required) {
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            if (required) throw Csv.invalid(at + file, 0, "is missing");
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Csv.invalid(at + file, 0, "cannot be read");
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) throw Csv.invalid(at + file, i + 1, "needs a code and a value");
            out.add(new String[] {parts[0], parts[1].strip()});
        }
        return out;
    }
}
