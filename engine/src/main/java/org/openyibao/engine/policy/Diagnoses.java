package org.openyibao.engine.policy;

import java.util.List;

/** ICD-10 code lists in packs match by prefix: "C91" matches "C91.0"; "I10" matches "I10". */
final class Diagnoses {
    private Diagnoses() {}

    static boolean anyMatches(List<String> codes, String[] diagnoses) {
        for (String d : diagnoses) {
            for (String c : codes) if (d.startsWith(c)) return true;
        }
        return false;
    }
}
