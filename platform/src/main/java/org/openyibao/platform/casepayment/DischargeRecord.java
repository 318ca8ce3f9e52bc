package org.openyibao.platform.casepayment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openyibao.platform.fsi.FsiException;
import org.openyibao.platform.fsi.FsiFields;

/**
 * What a 2402 discharge tells the grouper (docs/hospital-payment.md#case-based-payment-on-the-platform): the principal
 * diagnosis ({@code diseinfo[]} with {@code maindiag_flag} = 1), the secondary diagnoses in {@code diag_srt_no} order,
 * the procedures ({@code dscginfo.oprn_oprt_code} and the settlement list's {@code oprninfo[]}, the main ones first),
 * the discharge way {@code dscg_way} and a newborn's birth weight {@code nwb_bir_wt} in grams.
 *
 * @param principal null when the discharge named no diagnosis (the case is then ungroupable, not refused)
 */
public record DischargeRecord(String principal, List<String> secondary, List<String> procedures, String dscgWay,
                              int birthWeightGrams) {
    /** The national 离院方式 codes (GB/T front page): ordered, transferred, to community, against advice, died, other. */
    static final String[] DSCG_WAYS = {"1", "2", "3", "4", "5", "9"};
    /** discharged_case keeps each list comma-separated in 400 characters. */
    static final int LIST_CHARACTERS = 400;

    public DischargeRecord {
        secondary = List.copyOf(secondary);
        procedures = List.copyOf(procedures);
    }

    /** Reads a 2402 input ({@code dscginfo}, {@code diseinfo[]}, optional {@code oprninfo[]}); names the field it refuses. */
    public static DischargeRecord read(FsiFields input) {
        FsiFields info = input.object("dscginfo");
        List<Coded> dx = new ArrayList<>();
        for (FsiFields f : input.optArray("diseinfo")) {
            String code = f.optText("diag_code", 20);
            if (code == null) throw FsiException.invalid(f.path("diag_code"), "required");
            if ("0".equals(f.optText("vali_flag"))) continue;
            dx.add(new Coded(code.toUpperCase(), "1".equals(f.optText("maindiag_flag")), order(f, "diag_srt_no")));
        }
        // the flagged main diagnosis first; without a flag, the lowest diag_srt_no is taken as the principal one
        dx.sort(Comparator.comparing((Coded c) -> !c.main).thenComparingLong(c -> c.order));
        String principal = dx.isEmpty() ? upper(info.optText("dise_codg", 20)) : dx.get(0).code;
        Set<String> secondary = new LinkedHashSet<>();
        for (int i = 1; i < dx.size(); i++) if (!dx.get(i).code.equals(principal)) secondary.add(dx.get(i).code);

        List<Coded> ops = new ArrayList<>();
        String main = upper(info.optText("oprn_oprt_code", 20));
        if (main != null) ops.add(new Coded(main, true, -1));
        for (FsiFields f : input.optArray("oprninfo")) {
            String code = f.optText("oprn_oprt_code", 20);
            if (code == null) throw FsiException.invalid(f.path("oprn_oprt_code"), "required");
            ops.add(new Coded(code.toUpperCase(), "1".equals(f.optText("main_oprn_flag")), ops.size()));
        }
        ops.sort(Comparator.comparing((Coded c) -> !c.main).thenComparingLong(c -> c.order));
        Set<String> procedures = new LinkedHashSet<>();
        for (Coded c : ops) procedures.add(c.code);

        checkLength(input, "diseinfo", secondary);
        checkLength(input, "oprninfo", procedures);
        String way = info.optCode("dscg_way", DSCG_WAYS);
        Long weight = info.optInteger("nwb_bir_wt");
        if (weight != null && (weight < 0 || weight > 9_999)) {
            throw FsiException.invalid(info.path("nwb_bir_wt"), "a birth weight in grams, 0 to 9999; got " + weight);
        }
        return new DischargeRecord(principal, List.copyOf(secondary), List.copyOf(procedures), way == null ? "9" : way,
                weight == null ? 0 : weight.intValue());
    }

    private record Coded(String code, boolean main, long order) {}

    private static long order(FsiFields f, String name) {
        String s = f.optText(name);
        if (s == null) return Long.MAX_VALUE;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // as the visit's diagnoses take it (VisitTransactions.diagnoses): not a number, last
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase();
    }

    private static void checkLength(FsiFields input, String list, Set<String> codes) {
        if (String.join(",", codes).length() > LIST_CHARACTERS) {
            throw FsiException.invalid(input.path(list), "too many codes: they take more than " + LIST_CHARACTERS + " characters");
        }
    }
}
