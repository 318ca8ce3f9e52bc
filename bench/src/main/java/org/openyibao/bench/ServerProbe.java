package org.openyibao.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's and the database's size, sampled once per report interval, each only when asked for:
 * <ul>
 *   <li>{@code rss_mb}: the server process's resident set (VmRSS of /proc/PID/status, {@code --server-pid});</li>
 *   <li>{@code heap_after_gc_mb} and {@code gcs}: the heap in use after the last collection of the interval, and how
 *   many there were, from the server's GC log ({@code --gc-log FILE}, the server started with
 *   {@code -Xlog:gc:file=FILE}: lines such as {@code Pause Young (Normal) (G1 Evacuation Pause) 150M->41M(256M)});</li>
 *   <li>{@code db_mb}: {@code pg_database_size} through psql ({@code --pg-database HOST:PORT/NAME}, user postgres).</li>
 * </ul>
 * A sample that fails is left out (null), never an error of the load.
 */
final class ServerProbe {
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private final LoadOptions o;
    private int gcLinesSeen;

    ServerProbe(LoadOptions o) {
        this.o = o;
    }

    Map<String, Object> sample() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rss_mb", o.serverPid > 0 ? rssMb(o.serverPid) : null);
        if (o.gcLog != null) gcSince(m);
        m.put("db_mb", o.pgDatabase != null ? databaseMb(o.pgDatabase) : null);
        return m;
    }

    static BigDecimal rssMb(long pid) {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) return mb(Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024);
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or no /proc
        }
        return null;
    }

    /** The collections logged since the last sample: how many, and the heap after the last of them. */
    private void gcSince(Map<String, Object> m) {
        Integer after = null;
        int count = 0;
        try {
            List<String> lines = Files.readAllLines(o.gcLog, StandardCharsets.UTF_8);
            for (int i = gcLinesSeen; i < lines.size(); i++) {
                Matcher g = GC.matcher(lines.get(i));
                if (!g.find()) continue;
                count++;
                after = Integer.parseInt(g.group(2));
            }
            gcLinesSeen = lines.size();
        } catch (IOException | RuntimeException e) {
            // no log (yet)
        }
        m.put("heap_after_gc_mb", after);
        m.put("gcs", count);
    }

    static BigDecimal databaseMb(String hostPortDb) {
        int slash = hostPortDb.indexOf('/'), colon = hostPortDb.indexOf(':');
        if (slash < 0 || colon < 0 || colon > slash) return null;
        List<String> cmd = List.of("psql", "-h", hostPortDb.substring(0, colon), "-p", hostPortDb.substring(colon + 1, slash), "-U", "postgres",
                "-d", hostPortDb.substring(slash + 1), "-At", "-c", "SELECT pg_database_size(current_database())");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return mb(Long.parseLong(out));
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static BigDecimal mb(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP);
    }
}
