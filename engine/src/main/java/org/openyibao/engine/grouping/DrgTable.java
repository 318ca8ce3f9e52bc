package org.openyibao.engine.grouping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DRG table version's data (CHS-DRG 1.1, §3): MDCs with their sex and age limits, the principal diagnoses of each
 * MDC, the ADRGs, the DRGs that split them, the complication list and its exclusions. Read from the files named in
 * version.yaml; immutable once built.
 */
final class DrgTable {
    /** An MDC, with the sex it admits (null: any) and the oldest age in days it admits (-1: any). */
    record Mdc(String code, String name, Sex sex, int maxAgeDays) {}

    enum Kind {
        SURGICAL, NON_OPERATIVE, MEDICAL;

        static Kind of(String word, Csv.Row at) {
            return switch (word) {
                case "surgical" -> SURGICAL;
                case "non-operative" -> NON_OPERATIVE;
                case "medical" -> MEDICAL;
                default -> throw Csv.invalid(at.file(), at.line(),
                        "kind must be surgical, non-operative or medical, not '" + word + "'");
            };
        }

        String word() {
            return this == NON_OPERATIVE ? "non-operative" : name().toLowerCase();
        }
    }

    /** An ADRG: the principal diagnoses it takes (empty: any in its MDC) and the procedures it asks for. */
    record Adrg(String code, String mdc, String name, Kind kind, int rank, List<String> diagnoses,
                ProcedureRule procedures) {
        boolean takesPrincipal(String principal) {
            if (diagnoses.isEmpty()) return true;
            for (String d : diagnoses) if (CodeIndex.startsWith(principal, d)) return true;
            return false;
        }
    }

    record Drg(String code, String adrg, String name, SplitRule split, long weightPpm, long averageCostFen) {}

    enum Level { NONE, CC, MCC }

    /** A complication; {@code exclusionTable} is its exclusion table's number in a published layout, else null. */
    record Complication(String code, Level level, String name, String exclusionTable) {}

    record Exclusion(String complication, String principal, String note) {}

    final String version;
    final Map<String, Mdc> mdcs = new LinkedHashMap<>();
    final CodeIndex<String> mdcByDiagnosis = new CodeIndex<>();
    final List<Adrg> adrgs = new ArrayList<>();
    final Map<String, List<Adrg>> adrgsByMdc = new HashMap<>();
    final Map<String, List<Drg>> drgsByAdrg = new HashMap<>();
    final CodeIndex<Complication> complications = new CodeIndex<>();
    final Map<String, List<Exclusion>> exclusionsByComplication = new HashMap<>();
    /**
     * The exclusion table of each principal diagnosis, in layouts that number them (OpenDRG's CCE): a complication in
     * the same table as the principal diagnosis does not count.
     */
    final CodeIndex<String> principalExclusionTable = new CodeIndex<>();
    /** Every diagnosis code the table lists (for random cases). */
    final List<String> diagnosisCodes = new ArrayList<>();

    DrgTable(String version) {
        this.version = version;
    }

    static DrgTable load(TableVersion v) {
        DrgTable t = new DrgTable(v.version());
        for (Csv.Row r : rows(v, "mdc")) {
            String sex = r.get("sex");
            t.mdcs.put(r.required("mdc"), new Mdc(r.required("mdc"), r.get("name"),
                    sex.isEmpty() ? null : Sex.of(sex), r.integer("max_age_days", -1)));
        }
        for (Csv.Row r : rows(v, "mdc_diagnoses")) {
            String mdc = known(t, r.required("mdc"), r);
            t.mdcByDiagnosis.put(r.required("diagnosis"), mdc);
            t.diagnosisCodes.add(r.required("diagnosis"));
        }
        for (Csv.Row r : rows(v, "adrg")) {
            Adrg a = new Adrg(r.required("adrg"), known(t, r.required("mdc"), r), r.get("name"),
                    Kind.of(r.required("kind"), r), r.integer("rank", 1),
                    Arrays.stream(r.get("diagnoses").split("\\s+")).filter(s -> !s.isBlank()).toList(),
                    ProcedureRule.parse(r.get("procedures")));
            t.adrgs.add(a);
            t.adrgsByMdc.computeIfAbsent(a.mdc(), k -> new ArrayList<>()).add(a);
        }
        for (Csv.Row r : rows(v, "drg")) {
            String adrg = r.required("adrg");
            if (t.adrgs.stream().noneMatch(a -> a.code().equals(adrg)))
                throw Csv.invalid(r.file(), r.line(), "adrg '" + adrg + "' is not in the ADRG file");
            t.drgsByAdrg.computeIfAbsent(adrg, k -> new ArrayList<>()).add(new Drg(r.required("drg"), adrg,
                    r.get("name"), SplitRule.parse(r.required("split"), r), r.ppm("weight"), r.fen("average_cost")));
        }
        for (Csv.Row r : rows(v, "complications")) {
            String level = r.required("level");
            if (!level.equals("MCC") && !level.equals("CC"))
                throw Csv.invalid(r.file(), r.line(), "level must be MCC or CC, not '" + level + "'");
            t.complications.put(r.required("diagnosis"),
                    new Complication(r.required("diagnosis"), Level.valueOf(level), r.get("name"), null));
            t.diagnosisCodes.add(r.required("diagnosis"));
        }
        for (Csv.Row r : optionalRows(v, "exclusions")) {
            Exclusion e = new Exclusion(CodeIndex.normal(r.required("complication")), r.required("principal"),
                    r.get("note"));
            t.exclusionsByComplication.computeIfAbsent(e.complication(), k -> new ArrayList<>()).add(e);
        }
        for (Adrg a : t.adrgs) {
            if (!t.drgsByAdrg.containsKey(a.code()))
                throw Csv.invalid(shown(v, "drg"), 0, "ADRG " + a.code() + " has no DRG");
        }
        return t;
    }

    private static String known(DrgTable t, String mdc, Csv.Row r) {
        if (!t.mdcs.containsKey(mdc)) throw Csv.invalid(r.file(), r.line(), "mdc '" + mdc + "' is not in the MDC file");
        return mdc;
    }

    static List<Csv.Row> rows(TableVersion v, String role) {
        Path p = v.file(role);
        if (p == null) throw Csv.invalid(v.version() + "/version.yaml", 0, "files: has no '" + role + "'");
        return Csv.read(p, shown(v, role));
    }

    static List<Csv.Row> optionalRows(TableVersion v, String role) {
        Path p = v.file(role);
        return p == null || !Files.isRegularFile(p) ? List.of() : Csv.read(p, shown(v, role));
    }

    static String shown(TableVersion v, String role) {
        Path p = v.file(role);
        if (p == null) return v.version() + "/" + role;
        return "grouping/" + p.getParent().getFileName() + "/" + p.getFileName();
    }
}
