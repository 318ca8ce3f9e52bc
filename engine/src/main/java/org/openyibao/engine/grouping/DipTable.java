package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * A DIP table version's data (DIP 2020, §3): the core combinations of a diagnosis category and procedures, the
 * comprehensive groups by diagnosis range and procedure class, and the class of each procedure.
 */
final class DipTable {
    record Core(String code, String name, String diagnosis, ProcedureRule procedures, long scorePpm,
                long averageCostFen) {}

    /** A comprehensive group: principal diagnoses from {@code first} to {@code last} (three-character categories). */
    record Comprehensive(String code, String name, String first, String last, ProcedureClass procedureClass,
                         long scorePpm, long averageCostFen) {
        boolean takes(String principal) {
            String category = CodeIndex.normal(principal);
            category = category.length() > 3 ? category.substring(0, 3) : category;
            return category.compareTo(first) >= 0 && category.compareTo(last) <= 0;
        }
    }

    final String version;
    final List<Core> cores = new ArrayList<>();
    final List<Comprehensive> comprehensives = new ArrayList<>();
    final CodeIndex<ProcedureClass> classes = new CodeIndex<>();
    final List<String> procedureCodes = new ArrayList<>();

    DipTable(String version) {
        this.version = version;
    }

    static DipTable load(TableVersion v) {
        DipTable t = new DipTable(v.version());
        for (Csv.Row r : DrgTable.rows(v, "procedure_classes")) {
            ProcedureClass c = ProcedureClass.of(r.required("class"));
            if (c == null) throw Csv.invalid(r.file(), r.line(), "class must be conservative, diagnostic, "
                    + "therapeutic or surgical, not '" + r.get("class") + "'");
            t.classes.put(r.required("procedure"), c);
            t.procedureCodes.add(r.required("procedure"));
        }
        for (Csv.Row r : DrgTable.rows(v, "core")) {
            t.cores.add(new Core(r.required("group"), r.get("name"), CodeIndex.normal(r.required("diagnosis")),
                    ProcedureRule.parse(r.get("procedures")), r.ppm("score"), r.fen("average_cost")));
        }
        for (Csv.Row r : DrgTable.rows(v, "comprehensive")) {
            String[] range = r.required("diagnoses").split("-");
            ProcedureClass c = ProcedureClass.of(r.required("procedure_class"));
            if (range.length != 2 || c == null) throw Csv.invalid(r.file(), r.line(),
                    "diagnoses must be a range like A00-B99 and procedure_class a class");
            t.comprehensives.add(new Comprehensive(r.required("group"), r.get("name"), CodeIndex.normal(range[0]),
                    CodeIndex.normal(range[1]), c, r.ppm("score"), r.fen("average_cost")));
        }
        return t;
    }

    /** The highest class of the case's procedures; conservative when none is classed. */
    ProcedureClass highestClass(List<String> procedures) {
        ProcedureClass highest = ProcedureClass.CONSERVATIVE;
        for (String p : procedures) {
            ProcedureClass c = classes.find(p);
            if (c != null && c.compareTo(highest) > 0) highest = c;
        }
        return highest;
    }
}
