package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.openyibao.engine.policy.VisitType;
import org.openyibao.engine.settlement.Accumulator;
import org.openyibao.engine.settlement.SettlementField;
import org.openyibao.platform.enrolment.PersonCategory;
import org.openyibao.platform.ledger.Accounts;
import org.openyibao.platform.security.Role;

/**
 * Every string of the console is in both languages (issue 11): the two bundles have the same keys, every key a
 * template names is in them, and so is every key made from a table: roles, funds, kinds of visit, accumulators,
 * settlement fields, categories.
 */
class ConsoleMessagesTest {
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern KEY = Pattern.compile("#\\{([a-z][a-z0-9_.]*)[}(]");

    static final Path BUNDLES = Path.of("src/main/resources");

    /** The base names spring.messages.basename lists: messages and one bundle per area under i18n/. */
    static List<String> baseNames() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES.resolve("i18n"))) {
            List<String> areas = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> "i18n/" + n.substring(0, n.length() - ".properties".length())).sorted().toList();
            return Stream.concat(Stream.of("messages"), areas.stream()).toList();
        }
    }

    static Properties file(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(BUNDLES.resolve(name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Every bundle of one language merged; a key in two bundles fails (which one would win depends on their order). */
    static Properties bundle(String suffix) throws IOException {
        Properties all = new Properties();
        for (String base : baseNames()) {
            Properties p = file(base + suffix + ".properties");
            for (String k : p.stringPropertyNames()) {
                assertThat(all).as("key " + k + " of " + base + suffix + " is in another bundle too").doesNotContainKey(k);
                all.setProperty(k, p.getProperty(k));
            }
        }
        return all;
    }

    @Test
    void theApplicationReadsEveryBundle() throws IOException {
        String yaml = Files.readString(BUNDLES.resolve("application.yaml"));
        for (String base : baseNames()) assertThat(yaml).as("spring.messages.basename lists " + base).containsPattern("basename: .*\\b" + base + "\\b");
    }

    @Test
    void everyKeyHasBothLanguages() throws IOException {
        Set<String> zh = new TreeSet<>(bundle("").stringPropertyNames());
        Set<String> en = new TreeSet<>(bundle("_en").stringPropertyNames());
        assertThat(en).as("keys with no English").containsAll(zh);
        assertThat(zh).as("keys with no Chinese").containsAll(en);
        bundle("").forEach((k, v) -> assertThat((String) v).as("Chinese of " + k).isNotBlank());
        bundle("_en").forEach((k, v) -> assertThat((String) v).as("English of " + k).isNotBlank());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) used.add(m.group(1));
            }
        }
        assertThat(used).as("the templates name keys").hasSizeGreaterThan(40);
        assertThat(keys).containsAll(used);
    }

    @Test
    void keysMadeFromRolesFundsAndVisitsExist() throws IOException {
        Set<String> keys = bundle("").stringPropertyNames();
        for (Role r : Role.values()) {
            assertThat(keys).contains(r.messageKey(), "home." + r.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Accounts.Fund f : Accounts.Fund.values()) assertThat(keys).contains("fund." + f.key);
        for (VisitType v : VisitType.values()) assertThat(keys).contains("visit." + v.key);
        assertThat(keys).contains("gender.1", "gender.2", "scheme.resident", "scheme.employee");
        for (Accumulator a : Accumulator.values()) assertThat(keys).contains("acc." + a.column());
        for (SettlementField f : SettlementField.values()) assertThat(keys).contains("field." + f.national());
        for (String c : PersonCategory.CATEGORIES) assertThat(keys).contains("category." + c);
    }
}
