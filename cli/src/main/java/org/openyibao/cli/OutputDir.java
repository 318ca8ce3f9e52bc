package org.openyibao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** The output directory of generate, simulate and evaluate: created, or replaced only with --force. */
final class OutputDir {
    private OutputDir() {}

    static void prepare(Path out, boolean force) {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new UserError("--out: " + out + " is a file, not a directory");
        if (Files.isDirectory(out) && !empty(out)) {
            if (!force) throw new UserError("--out: " + out + " is not empty (use --force to replace it)");
            delete(out);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserError("--out: cannot create " + out + ": " + e.getMessage());
        }
    }

    /**
     * Refuses an {@code out} that is one of the inputs or contains one: with --force, preparing it would
     * delete the input before it is read.
     */
    static void notAnInput(Path out, String what, Iterable<Path> inputs) {
        Path o = canonical(out);
        for (Path in : inputs) {
            if (canonical(in).startsWith(o)) {
                throw new UserError("--out: " + out + " is or contains the " + what + " " + in + "; write to another directory");
            }
        }
    }

    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** 4.2 s, 17 s, 2 min 1 s. */
    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        return s >= 60 ? (s / 60) + " min " + (s % 60) + " s"
                : nanos / 1e9 < 10 ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9) : s + " s";
    }

    private static boolean empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UserError("--out: cannot list " + dir + ": " + e.getMessage());
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
        } catch (IOException e) {
            throw new UserError("--out: cannot clear " + dir + ": " + e.getMessage());
        }
    }
}
