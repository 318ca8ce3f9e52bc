package org.openyibao.sim.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something that makes a comparison empty or misleading, said loudly on the terminal and at the top of the report
 * (issue 12: a reform in force only after the simulated year drew an empty comparison without a word).
 *
 * @param kind {@link #NO_DIFFERENCES}, {@link #IDENTICAL} or {@link #OTHER_PACK}
 * @param args the runs (and versions) it names
 */
public record Warning(String kind, List<String> args) {

    /** A further run whose recorded differences from the base pack are empty: it is the base pack again. */
    public static final String NO_DIFFERENCES = "noDifferences";
    /** Two runs with identical household results and insurer's year: their comparison shows nothing. */
    public static final String IDENTICAL = "identical";
    /** A run settled with another version of the policy pack than the baseline's. */
    public static final String OTHER_PACK = "otherPack";

    public Warning {
        args = List.copyOf(args);
    }

    /** The warning in English, for the terminal. */
    public String english() {
        return switch (kind) {
            case NO_DIFFERENCES -> "run " + args.get(0) + " records no difference from the base pack in its year: it settles"
                    + " the year with the baseline's rules, and its comparison with the baseline shows nothing of a reform";
            case IDENTICAL -> "runs " + args.get(0) + " and " + args.get(1) + " give identical household results: their"
                    + " comparison is empty";
            case OTHER_PACK -> "run " + args.get(0) + " was settled with policy pack version " + args.get(1) + ", the baseline"
                    + " with " + args.get(2) + ": their difference is not only the reform";
            default -> kind + " " + args;
        };
    }

    /** The warnings of {@code runs} (the first the baseline) under their {@code labels}. */
    static List<Warning> of(List<String> labels, List<RunInput> runs) {
        List<Warning> out = new ArrayList<>();
        RunContext base = runs.get(0).context();
        for (int k = 1; k < runs.size(); k++) {
            RunContext c = runs.get(k).context();
            // a run paying hospitals by another method than the baseline compares that, not a reform of the pack
            if (c.differences() != null && c.differences().isEmpty() && !otherPayment(runs.get(0), runs.get(k))) out.add(new Warning(NO_DIFFERENCES, List.of(labels.get(k))));
            if (c.packVersion() != null && base.packVersion() != null && !Objects.equals(c.packVersion(), base.packVersion()))
                out.add(new Warning(OTHER_PACK, List.of(labels.get(k), c.packVersion(), base.packVersion())));
        }
        for (int a = 0; a < runs.size(); a++)
            for (int b = a + 1; b < runs.size(); b++)
                if (runs.get(a).households().sameResults(runs.get(b).households()) && sameInsurer(runs.get(a), runs.get(b))
                        && !otherPayment(runs.get(a), runs.get(b)))
                    out.add(new Warning(IDENTICAL, List.of(labels.get(a), labels.get(b))));
        return out;
    }

    /**
     * Whether the two runs paid hospitals for inpatient cases by different methods (docs/sim.md#case-payment): the
     * households' results are the same by design (the patient's share does not change), the hospitals' are not.
     */
    private static boolean otherPayment(RunInput a, RunInput b) {
        return a.payment() != null && b.payment() != null && !a.payment().method().equals(b.payment().method());
    }

    /** Whether the insurer's year is the same in both runs: a contract overlay changes it and not the households. */
    private static boolean sameInsurer(RunInput a, RunInput b) {
        return Objects.equals(a.funds() == null ? null : a.funds().insurer(), b.funds() == null ? null : b.funds().insurer());
    }
}
