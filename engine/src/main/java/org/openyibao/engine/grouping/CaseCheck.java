package org.openyibao.engine.grouping;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The first step of both groupers: is the case groupable at all? A missing or malformed principal diagnosis, an
 * impossible age or a length of stay under one day makes it ungroupable (CHS-DRG 1.1, §3: such cases go to 0000, QY),
 * with a reason naming the field.
 */
final class CaseCheck {
    /**
     * An ICD-10 code as China's national clinical version writes it: a letter, two digits, an optional dot and
     * extension ({@code I21.000x001}, {@code A33.x00}), and an optional dagger-asterisk pair ({@code A01.000x005+J17.0*}).
     */
    private static final Pattern ICD10 = Pattern.compile(
            "[A-Za-z][0-9]{2}[0-9A-Za-z]?(\\.[0-9A-Za-z]{0,12})?\\*?(\\+[A-Za-z][0-9]{2}(\\.[0-9A-Za-z]{0,12})?\\*?)?");
    /** The oldest age a case can state (years); anything above is a data error. */
    static final int OLDEST = 150;

    private CaseCheck() {}

    static Choice<DischargedCase> check(DischargedCase c, List<GroupStep> trace) {
        String reason = problem(c);
        if (reason != null) {
            trace.add(new GroupStep("case check", "ungroupable", because(reason, c)));
            return Choice.none(reason);
        }
        trace.add(new GroupStep("case check", "groupable",
                "principal diagnosis " + c.principalDiagnosis() + ", age " + c.ageYears() + " years"
                        + (c.ageYears() == 0 ? " " + c.ageDays() + " days" : "") + ", stay " + c.lengthOfStay()
                        + " days"));
        return Choice.of(c);
    }

    static String problem(DischargedCase c) {
        String p = c.principalDiagnosis();
        if (p == null || p.isBlank()) return "missing-principal";
        if (!ICD10.matcher(p.trim()).matches()) return "invalid-principal";
        if (c.ageYears() < 0 || c.ageYears() > OLDEST || c.ageDays() < 0 || c.ageDays() > 365) return "invalid-age";
        if (c.lengthOfStay() < 1) return "invalid-los";
        if (c.birthWeightGrams() < 0) return "invalid-birth-weight";
        return null;
    }

    private static String because(String reason, DischargedCase c) {
        return switch (reason) {
            case "missing-principal" -> "the case has no principal diagnosis";
            case "invalid-principal" -> "the principal diagnosis '" + c.principalDiagnosis()
                    + "' is not an ICD-10 code";
            case "invalid-age" -> "the age (" + c.ageYears() + " years, " + c.ageDays()
                    + " days) is not possible: years 0 to " + OLDEST + ", days 0 to 365";
            case "invalid-los" -> "the length of stay (" + c.lengthOfStay() + " days) is under one day";
            default -> "the birth weight (" + c.birthWeightGrams() + " g) is negative";
        };
    }

    /** The age in days: the days when under one year, else the whole years as 365 days each. */
    static long ageInDays(DischargedCase c) {
        return c.ageYears() == 0 ? c.ageDays() : c.ageYears() * 365L + c.ageDays();
    }
}
