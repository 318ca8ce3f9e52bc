package org.openyibao.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import org.openyibao.platform.Migrations;
import org.openyibao.platform.ledger.LedgerCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code yibao ledger check}: re-derives the fund ledger from its journal and verifies every invariant
 * (docs/ledger.md). Plain JDBC, no server: it reads the database named in the same configuration file
 * as {@code yibao serve}, or by default the demo's embedded database. Exit 0: all hold (a summary is
 * printed); 1: a violation (the first is printed, every one with --all); 2: the database cannot be read.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Fund ledger: check.",
        subcommands = {LedgerCommand.Check.class})
public final class LedgerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("ledger: say what to do: yibao ledger check [--config FILE]");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Verify the ledger: debits = credits, account balances = Σ lines, individual accounts never"
                    + " negative and equal to the holders' accounts, ≥ 2 lines per entry, each fund balanced, nothing"
                    + " posted into a closed year.",
                    "Exit 0 with a summary; 1 with the first violation; 2 when the database cannot be read."})
    static final class Check implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE",
                description = "the server's configuration (YAML or .properties: spring.datasource.url, username, password);"
                        + " default: the demo's embedded database in data/demo")
        Path config;

        @Option(names = "--all", description = "print every violation, not only the first")
        boolean all;

        @Override
        public Integer call() {
            Database db = config == null ? Database.demo() : Database.from(config);
            DriverManagerDataSource ds = new DriverManagerDataSource(db.url(), db.username(), db.password());
            try (Connection c = ds.getConnection()) {
                c.isValid(2);
            } catch (SQLException e) {
                throw new UserError(db.unreachable(e));
            }
            LedgerCheck.Result r;
            try {
                r = new LedgerCheck(new JdbcTemplate(ds)).run();
            } catch (DataAccessException e) {
                throw new UserError("cannot read the ledger in " + db.shown() + ": "
                        + firstLine(e.getMostSpecificCause().getMessage()) + " (has the server ever started on it?)");
            }
            if (r.ok()) {
                System.out.println("ledger check: OK (" + db.shown() + ")");
                r.summary().forEach(l -> System.out.println("  " + l));
                return 0;
            }
            int n = r.violations().size();
            System.out.println("ledger check: FAILED (" + db.shown() + "), " + n + " violation" + (n == 1 ? "" : "s")
                    + (all ? ":" : "; the first:"));
            for (LedgerCheck.Violation v : all ? r.violations() : r.violations().subList(0, 1)) {
                System.out.println("  " + v);
            }
            r.summary().forEach(l -> System.out.println("  " + l));
            return 1;
        }
    }

    /** Where the ledger is: a JDBC URL and credentials. */
    record Database(String url, String username, String password, String what) {
        /** The demo's embedded database (as {@code yibao demo} opens it), never created here if absent. */
        static Database demo() {
            Path dir = Paths.get(System.getProperty("yibao.home", ".")).resolve("data/demo").toAbsolutePath().normalize();
            return new Database(Migrations.h2FileUrl(dir) + ";IFEXISTS=TRUE",
                    "sa", "", "the demo database in " + dir);
        }

        /** spring.datasource.* from the file, as Spring reads it: ${NAME} and ${NAME:default} from the environment. */
        static Database from(Path file) {
            if (!Files.isRegularFile(file)) throw new UserError("--config: " + file + " not found");
            Map<String, String> props = read(file);
            String url = override("SPRING_DATASOURCE_URL", resolve(props.get("spring.datasource.url")));
            if (url == null || url.isBlank()) {
                throw new UserError("--config: " + file + " has no spring.datasource.url");
            }
            return new Database(url, override("SPRING_DATASOURCE_USERNAME", resolve(props.get("spring.datasource.username"))),
                    override("SPRING_DATASOURCE_PASSWORD", resolve(props.get("spring.datasource.password"))), null);
        }

        String shown() {
            return what != null ? what : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
        }

        String unreachable(SQLException e) {
            String m = firstLine(e.getMessage());
            if (what != null && m.contains("not found")) {
                return "no demo database in " + url.substring("jdbc:h2:file:".length(), url.indexOf(';'))
                        + ".mv.db: start ./yibao demo once, or give --config FILE";
            }
            if (m.contains("already in use") || m.contains("locked by another process")) {
                return "the database is in use by a running server (" + shown() + "): stop it first, or ask the server:"
                        + " GET /api/ledger/check";
            }
            return "cannot open " + shown() + ": " + m;
        }
    }

    static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(file)) {
            if (file.getFileName().toString().endsWith(".properties")) {
                Properties p = new Properties();
                p.load(in);
                p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
            } else {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
                if (root != null) flatten("", root, out);
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError("--config: cannot read " + file + ": " + firstLine(e.getMessage()));
        }
        // placeholders are resolved only in the settings used (Database.from): as in Spring, an unused one may be unset
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (!node.isArray() && !node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private static String resolve(String value) {
        if (value == null) return null;
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = System.getenv(m.group(1));
            if (v == null) v = System.getProperty(m.group(1));
            if (v == null) v = m.group(2);
            if (v == null) throw new UserError("--config: ${" + m.group(1) + "} is not set");
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The environment wins over the file, as in Spring Boot. */
    private static String override(String env, String value) {
        String v = System.getenv(env);
        return v != null ? v : value;
    }

    static String firstLine(String s) {
        if (s == null) return "unknown error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
