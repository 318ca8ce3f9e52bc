package org.openyibao.engine.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openyibao.engine.money.Money;

/**
 * How the serious-illness insurer audits the cases it pays (docs/insurer.md#audit), compiled from the pack's values
 * in force on a day: which cases it reviews ({@code insurer.contract.audit.sampling.*}: every case, a share of them
 * or those above an amount) and the reasons it may give ({@code insurer.audit.reasons}). Zhanjiang's insurer audits
 * every case (Luo 2020, §2.9.4 (4)); other contracts are other data.
 *
 * @param share the share of cases reviewed, in millionths (mode {@code share}; else 0)
 * @param aboveFen cases whose serious-illness amount is above this are reviewed (mode {@code above_amount}; else 0)
 */
public record CaseAudit(Sampling sampling, int share, long aboveFen, Cited samplingCited, List<AuditReason> reasons,
                        Cited reasonsCited) {

    static final String SAMPLING = "insurer.contract.audit.sampling.";
    static final String REASONS = "insurer.audit.reasons";

    /** Which cases the insurer reviews; the others pass without review ("not sampled"). */
    public enum Sampling {
        ALL("all"), SHARE("share"), ABOVE_AMOUNT("above_amount");

        public final String key;

        Sampling(String key) {
            this.key = key;
        }

        static Sampling of(String key) {
            for (Sampling s : values()) if (s.key.equals(key)) return s;
            return null;
        }
    }

    public CaseAudit {
        reasons = List.copyOf(reasons);
    }

    /** Whether the pack defines the audit at all. */
    public static boolean defined(PolicyPack pack) {
        return pack.parameters().keySet().stream().anyMatch(p -> p.startsWith(SAMPLING) || p.equals(REASONS));
    }

    /** The audit in force on {@code date}, or null when the pack has none; incomplete: refused naming the paths. */
    public static CaseAudit of(PolicyPack pack, LocalDate date) {
        if (!defined(pack)) return null;
        List<Problem> problems = new ArrayList<>();
        CaseAudit a = compile(pack, date, problems);
        if (!problems.isEmpty()) throw new PolicyException(problems);
        return a;
    }

    @SuppressWarnings("unchecked")
    static CaseAudit compile(PolicyPack pack, LocalDate date, List<Problem> problems) {
        ValuesOnDay r = new ValuesOnDay(pack, date, problems, "the insurer's case audit");
        Dated mode = r.dated(SAMPLING + "mode");
        Dated reasons = r.dated(REASONS);
        Sampling sampling = mode == null ? null : Sampling.of((String) mode.value());
        int share = 0;
        long above = 0;
        if (sampling == Sampling.SHARE) {
            Ratio s = r.ratio(SAMPLING + "share");
            share = s == null ? 0 : s.ppm();
        } else if (sampling == Sampling.ABOVE_AMOUNT) {
            Object a = r.value(SAMPLING + "above");
            above = a == null ? 0 : (Long) a;
        }
        if (!problems.isEmpty()) return null;
        String shown = switch (sampling) {
            case ALL -> "all";
            case SHARE -> "share " + Money.formatRatio(share);
            case ABOVE_AMOUNT -> "above " + Money.format(above);
        };
        List<AuditReason> list = (List<AuditReason>) reasons.value();
        return new CaseAudit(sampling, share, above, r.cite(SAMPLING + "mode", mode, shown), list,
                r.cite(REASONS, reasons, list.size() + " reasons"));
    }

    /**
     * Whether the case of settlement {@code setlId} with serious-illness amount {@code hifmiPayFen} is reviewed. A
     * share is chosen by a hash of the settlement's id, so a rerun picks the same cases.
     */
    public boolean sampled(String setlId, long hifmiPayFen) {
        return switch (sampling) {
            case ALL -> true;
            case SHARE -> bucket(setlId) < share;
            case ABOVE_AMOUNT -> hifmiPayFen > aboveFen;
        };
    }

    /** Where {@code setlId} falls in [0, 1,000,000): the first 8 bytes of its SHA-256, unsigned, modulo a million. */
    static int bucket(String setlId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(setlId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
            return (int) Long.remainderUnsigned(v, 1_000_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The reason {@code code}, if the pack lists it. */
    public Optional<AuditReason> reason(String code) {
        return reasons.stream().filter(x -> x.code().equals(code)).findFirst();
    }

    /** The reasons that may go with {@code decision}. */
    public List<AuditReason> reasonsFor(String decision) {
        return reasons.stream().filter(x -> x.allows(decision)).toList();
    }
}
