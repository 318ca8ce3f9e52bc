package org.openyibao.sim.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.openyibao.engine.money.Money;
import org.openyibao.engine.policy.Dated;
import org.openyibao.engine.policy.Declaration;
import org.openyibao.engine.policy.Parameter;
import org.openyibao.engine.policy.PolicyPack;
import org.openyibao.engine.policy.Scale;
import org.openyibao.engine.policy.Unit;
import org.openyibao.engine.policy.explorer.PolicyChange;
import org.openyibao.engine.policy.explorer.PolicyDifference;

/**
 * What a run compared (run.json {@code pack}, {@code differences}, {@code reform_dates}; docs/sim.md "A simulated year"):
 * the pack's version, and a reform described by what it changes in the base pack during the simulated year, not by
 * its file name. Pure apart from {@link #version}, which reads the pack's files.
 */
public final class PackComparison {

    /**
     * One parameter the reform changes during the year: its value in the base pack and under the reform (as the pack
     * writes it: yuan, a ratio, a list; null for "no value"), the date the reform's value takes effect and its source,
     * and the part of the year the difference holds ({@code from} … {@code until}, both inclusive).
     */
    public record Difference(String path, String unit, String oldValue, String newValue, LocalDate effective, String source,
                             LocalDate from, LocalDate until) {}

    private PackComparison() {
    }

    /**
     * The differences of {@code reformed} from {@code base} during {@code year}. Exact: both packs' values change only on
     * their change dates, so comparing them on 1 January and on every change date of either pack within the year sees
     * every difference; one that holds over several such dates is one entry.
     */
    public static List<Difference> inYear(PolicyPack base, PolicyPack reformed, int year) {
        LocalDate first = LocalDate.of(year, 1, 1), last = LocalDate.of(year, 12, 31);
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(first);
        for (PolicyPack p : List.of(base, reformed))
            for (LocalDate d : p.changeDates()) if (d.isAfter(first) && !d.isAfter(last)) dates.add(d);
        List<Difference> out = new ArrayList<>();
        Map<String, Difference> open = new LinkedHashMap<>();
        for (LocalDate d : dates) {
            Map<String, Difference> now = new LinkedHashMap<>();
            for (PolicyChange c : PolicyDifference.between(base, reformed, d)) {
                Difference x = difference(c, d);
                Difference before = open.get(c.path());
                now.put(c.path(), before != null && sameChange(before, x) ? before : x);
            }
            for (Map.Entry<String, Difference> e : open.entrySet())
                if (now.get(e.getKey()) != e.getValue()) out.add(until(e.getValue(), d.minusDays(1)));
            open = now;
        }
        for (Difference x : open.values()) out.add(until(x, last));
        out.sort((a, b) -> a.path().equals(b.path()) ? a.from().compareTo(b.from()) : a.path().compareTo(b.path()));
        return out;
    }

    private static boolean sameChange(Difference a, Difference b) {
        return Objects.equals(a.oldValue(), b.oldValue()) && Objects.equals(a.newValue(), b.newValue())
                && Objects.equals(a.source(), b.source());
    }

    private static Difference until(Difference x, LocalDate until) {
        return new Difference(x.path(), x.unit(), x.oldValue(), x.newValue(), x.effective(), x.source(), x.from(), until);
    }

    private static Difference difference(PolicyChange c, LocalDate on) {
        Dated after = c.after(), before = c.before();
        String source = after != null && after.value() != null ? after.source()
                : "no value under the reform" + (after != null && after.source() != null ? " (" + after.source() + ")" : "");
        return new Difference(c.path(), c.unit() == null ? null : c.unit().yamlName, show(c.unit(), c.oldValue()),
                show(c.unit(), c.newValue()), after == null ? null : after.from(), source, on, null);
    }

    /** A value as the pack writes it: yuan with two decimals (or {@code unlimited}), a ratio, a list; null for none. */
    static String show(Unit unit, Object value) {
        if (value == null) return null;
        if (unit == Unit.CURRENCY && value instanceof Long fen) return Money.format(fen);
        if ((unit == Unit.RATIO || unit == Unit.MULTIPLE) && value instanceof Integer ppm) return Money.formatRatio(ppm);
        if (value instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return value.toString();
    }

    /**
     * The dates a reform's own values take effect: every dated value of {@code reformed} (parameters, scale brackets,
     * emergency declarations) that {@code base} does not have, by its first day. A bracket the reform repeals counts
     * from the day it ends.
     */
    public static List<LocalDate> reformDates(PolicyPack base, PolicyPack reformed) {
        Set<Dated> had = dated(base);
        TreeSet<LocalDate> out = new TreeSet<>();
        for (Dated d : dated(reformed)) if (!had.contains(d)) out.add(d.from());
        for (Declaration d : reformed.declarations()) if (!base.declarations().contains(d)) out.add(d.from());
        return new ArrayList<>(out);
    }

    private static Set<Dated> dated(PolicyPack p) {
        Set<Dated> out = new HashSet<>();
        for (Parameter x : p.parameters().values()) out.addAll(x.history());
        for (Scale s : p.scales().values())
            for (Scale.Bracket b : s.brackets()) {
                out.addAll(b.threshold().history());
                out.addAll(b.rate().history());
            }
        return out;
    }

    /**
     * The version of pack {@code id} under {@code policies}: a SHA-256 digest of its files and its bases' (each
     * directory's {@code *.yaml} and {@code *.csv}, by name and content; cases, reforms and scenarios are not the
     * pack), written {@code sha256:} and 16 hex digits. Two runs with the same version used the same rules.
     */
    public static String version(Path policies, String id, PolicyPack pack) {
        List<String> packs = new ArrayList<>();
        packs.add(id);
        packs.addAll(pack.bases());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : packs) {
                Path dir = policies.resolve(name);
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(f -> Files.isRegularFile(f)
                            && (f.toString().endsWith(".yaml") || f.toString().endsWith(".csv"))).sorted().toList();
                }
                for (Path f : files) {
                    sha.update((name + "/" + f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(f));
                }
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files of policy pack " + id, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 digest of one file (a reform's), written as {@link #version}'s. */
    public static String digest(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file))).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Why a reform is refused for {@code year}, in words naming its dates, or null when it changes something that
     * year: {@code differences} is {@link #inYear}'s.
     */
    public static String nothingChanged(List<Difference> differences, List<LocalDate> reformDates, int year) {
        if (!differences.isEmpty()) return null;
        String dates = reformDates.isEmpty() ? "no dated value of its own"
                : "values from " + String.join(", ", reformDates.stream().map(LocalDate::toString).toList());
        boolean allAfter = !reformDates.isEmpty() && reformDates.stream().allMatch(d -> d.getYear() > year);
        return "changes nothing in " + year + ", the population's year: it has " + dates
                + (allAfter ? ", all after " + year : ", and in " + year + " every value it sets equals the base pack's")
                + "; a comparison would show no difference (generate a population of a year the reform is in force)";
    }
}
