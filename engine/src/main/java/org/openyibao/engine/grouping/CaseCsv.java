package org.openyibao.engine.grouping;

import java.util.Arrays;
import java.util.List;

import org.openyibao.engine.error.DomainException;

/**
 * Discharged cases as CSV rows, the layout of the conformance vectors and of {@code yibao group FILE.csv}:
 * {@code case,principal,secondary,procedures,age_years,age_days,sex,los,discharge,birth_weight,cost}; secondary
 * diagnoses and procedures are separated by spaces, sex is M/F (or 1/2), discharge the national 离院方式 code (1 to 9),
 * cost in yuan.
 */
public final class CaseCsv {
    public static final List<String> COLUMNS = List.of("case", "principal", "secondary", "procedures", "age_years",
            "age_days", "sex", "los", "discharge", "birth_weight", "cost");

    private CaseCsv() {}

    static DischargedCase of(Csv.Row r) {
        return new DischargedCase(r.get("case"), r.get("principal"), codes(r.get("secondary")),
                codes(r.get("procedures")), r.integer("age_years", 0), r.integer("age_days", 0), Sex.of(r.get("sex")),
                r.integer("los", 1), DischargeType.of(r.get("discharge").isEmpty() ? "1" : r.get("discharge")),
                r.integer("birth_weight", 0), r.get("cost").isEmpty() ? 0 : r.fen("cost"));
    }

    /** The cases of a CSV text; an error (INVALID_CASE) names the line and column. */
    public static List<DischargedCase> parse(String text, String file) {
        try {
            return Csv.parse(text, file).stream().map(CaseCsv::of).toList();
        } catch (DomainException e) {
            throw new DomainException(GroupingError.INVALID_CASE, e.field(), e.getMessage());
        }
    }

    static List<String> codes(String cell) {
        return Arrays.stream(cell.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
