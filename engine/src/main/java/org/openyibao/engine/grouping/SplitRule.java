package org.openyibao.engine.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * A DRG's split condition, the drg.csv {@code split} column (CHS-DRG 1.1, §3: an ADRG splits into DRGs by
 * complications, age, birth weight and the like). The rows of an ADRG are tried in the file's order and the first whose
 * condition holds is the DRG, so {@code *} (always) comes last. Conditions: {@code mcc} (an MCC), {@code cc} (a CC or
 * an MCC), {@code age<18}, {@code age>=65} (whole years), {@code age_days<29} (age in days), {@code birth_weight<1500}
 * (grams), {@code los<3} (days), {@code died}, {@code sex=F}; several joined by {@code &} must all hold.
 */
final class SplitRule {
    private interface Test {
        boolean holds(DischargedCase c, DrgTable.Level level);
    }

    private final String text;
    private final List<Test> tests;

    private SplitRule(String text, List<Test> tests) {
        this.text = text;
        this.tests = tests;
    }

    static SplitRule parse(String text, Csv.Row at) {
        List<Test> tests = new ArrayList<>();
        for (String part : text.split("&")) tests.add(term(part.trim(), at));
        return new SplitRule(text.trim(), List.copyOf(tests));
    }

    boolean holds(DischargedCase c, DrgTable.Level level) {
        for (Test t : tests) if (!t.holds(c, level)) return false;
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Test term(String term, Csv.Row at) {
        switch (term) {
            case "*": return (c, l) -> true;
            case "mcc": return (c, l) -> l == DrgTable.Level.MCC;
            case "cc": return (c, l) -> l != DrgTable.Level.NONE;
            case "died": return (c, l) -> c.dischargeType() == DischargeType.DIED;
            case "sex=F": return (c, l) -> c.sex() == Sex.FEMALE;
            case "sex=M": return (c, l) -> c.sex() == Sex.MALE;
            default: return comparison(term, at);
        }
    }

    private static Test comparison(String term, Csv.Row at) {
        String[] ops = {"<=", ">=", "<", ">", "="};
        for (String op : ops) {
            int i = term.indexOf(op);
            if (i <= 0) continue;
            String field = term.substring(0, i).trim();
            long bound;
            try {
                bound = Long.parseLong(term.substring(i + op.length()).trim());
            } catch (NumberFormatException e) {
                break;
            }
            Field f = Field.of(field);
            if (f == null) break;
            // an unrecorded birth weight (0) is not under any bound: the case takes a later row
            if (f == Field.BIRTH_WEIGHT) return (c, l) -> c.birthWeightGrams() > 0 && compare(f.of(c), op, bound);
            return (c, l) -> compare(f.of(c), op, bound);
        }
        throw Csv.invalid(at.file(), at.line(), "split '" + term + "' is not a known condition"
                + " (mcc, cc, age<N, age>=N, age_days<N, birth_weight<N, los<N, died, sex=F, *)");
    }

    private static boolean compare(long v, String op, long bound) {
        return switch (op) {
            case "<=" -> v <= bound;
            case ">=" -> v >= bound;
            case "<" -> v < bound;
            case ">" -> v > bound;
            default -> v == bound;
        };
    }

    private enum Field {
        AGE, AGE_DAYS, BIRTH_WEIGHT, LOS;

        static Field of(String name) {
            return switch (name) {
                case "age" -> AGE;
                case "age_days" -> AGE_DAYS;
                case "birth_weight" -> BIRTH_WEIGHT;
                case "los" -> LOS;
                default -> null;
            };
        }

        long of(DischargedCase c) {
            return switch (this) {
                case AGE -> c.ageYears();
                case AGE_DAYS -> CaseCheck.ageInDays(c);
                case BIRTH_WEIGHT -> c.birthWeightGrams();
                case LOS -> c.lengthOfStay();
            };
        }
    }
}
