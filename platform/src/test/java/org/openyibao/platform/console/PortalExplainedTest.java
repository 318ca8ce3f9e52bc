package org.openyibao.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import org.openyibao.platform.contribution.ContributionService;
import org.openyibao.platform.feedback.FeedbackService;
import org.openyibao.platform.portal.YearCaps;
import org.openyibao.platform.security.Activation;
import org.openyibao.platform.settlement.SettlementService;

/**
 * The portal's plain words against the real application and the demo's data: a settlement explained tier by tier in
 * Chinese and English from the engine's words as data, what is left of this year's caps, my contributions; and every
 * key the words are made from exists in both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:portalwords;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "yibao.demo.enabled=true",
        "yibao.demo.password=portal-words-password"})
class PortalExplainedTest {
    static final String WU = "44080000000003";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SettlementService settlements;
    @Autowired
    TraceInWords words;
    @Autowired
    YearCaps caps;
    @Autowired
    Activation activation;
    @Autowired
    FeedbackService feedback;

    String wusAdmission() {
        return jdbc.queryForObject("SELECT s.setl_id FROM settlement s JOIN person p ON p.id = s.person_id WHERE p.psn_no = ?"
                + " AND s.visit_date = DATE '2018-05-10'", String.class, WU);
    }

    ConsoleClient signedIn(String psnNo, String password) throws Exception {
        activation.activate(psnNo, activation.issue(psnNo).code(), password);
        ConsoleClient b = new ConsoleClient(port);
        assertThat(b.signIn(psnNo, password)).endsWith("/");
        return b;
    }

    /**
     * The demo's 2018-05-10 admission of Wu (resident, general, contribution level 1) at the level III hospital, one
     * class A line of 100,000 yuan, the 2018 Zhanjiang pack, nothing used before:
     * <pre>
     *   pooling:          (100,000 − 500) × 50% = 49,750.00; annual cap 200,000, 0 used → pays 49,750.00
     *   serious illness:  in-scope self-pay 100,000 − 49,750 = 50,250; bands 20,000–50,000 × 50% = 15,000
     *                     + 50,000–50,250 × 60% = 150 → 15,150.00; combined cap 600,000 (2017 notice), 49,750 used
     *   cash:             100,000 − funds (49,750 + 15,150 = 64,900) − account 0 = 35,100.00
     * </pre>
     */
    @Test
    void aSettlementIsExplainedTierByTierInChineseAndEnglish() throws Exception {
        JsonNode s = settlements.find(wusAdmission());
        List<String> zh = words.steps(s.path("trace"), Locale.SIMPLIFIED_CHINESE).stream().map(TraceInWords.Step::sentence).toList();
        List<String> en = words.steps(s.path("trace"), Locale.ENGLISH).stream().map(TraceInWords.Step::sentence).toList();
        assertThat(words.steps(s.path("trace"), Locale.ENGLISH)).allMatch(TraceInWords.Step::translated);
        assertThat(zh).contains(
                "统筹基金：(100,000.00 − 500.00) × 50% = 49,750.00 元（起付线 500.00 元，按每次住院计）；"
                        + "年度最高支付限额 200,000.00 元，已用 0.00 元，本次支付 49,750.00 元",
                "大病保险：累计合规自付 0.00 → 50,250.00 元，按分段比例计 15,150.00 元；"
                        + "基本医保与大病保险合计限额 600,000.00 元，已用 49,750.00 元，本次支付 15,150.00 元",
                "个人现金：100,000.00 元 − 基金 64,900.00 元 − 个人账户 0.00 元 = 35,100.00 元");
        assertThat(en).contains(
                "Pooling fund: (100,000.00 − 500.00) × 50% = 49,750.00 yuan (deductible 500.00 yuan, per admission);"
                        + " annual cap 200,000.00 yuan with 0.00 used, pays 49,750.00 yuan",
                "Serious-illness insurance: cumulative in-scope self-pay 0.00 → 50,250.00 yuan, the bands give 15,150.00 yuan;"
                        + " basic + serious-illness cap 600,000.00 yuan with 49,750.00 used, pays 15,150.00 yuan",
                "Cash: 100,000.00 yuan − funds 64,900.00 yuan − account 0.00 yuan = 35,100.00 yuan");

        // the same words on the person's own page, in each language
        ConsoleClient b = signedIn(WU, "wu's own password");
        String page = b.get("/portal/settlements/" + wusAdmission()).body();
        assertThat(page).contains("统筹基金：(100,000.00 − 500.00) × 50% = 49,750.00 元");
        String english = b.get("/portal/settlements/" + wusAdmission() + "?lang=en").body();
        assertThat(english).contains("Pooling fund: (100,000.00 − 500.00) × 50% = 49,750.00 yuan");
    }

    /**
     * Wu's 2018 under the rules of 2018-12-31 (the year is over): pooling cap 200,000 − 49,750 = 150,250.00 left;
     * township outpatient limit 300, none used; basic + serious-illness cap 600,000 − (49,750 + 15,150) = 535,100.00
     * left; serious-illness base 50,250.00, above the first band's 20,000 (nothing to go); deductible per admission,
     * 500.00 paid this year, 500 at level III.
     */
    @Test
    void whatIsLeftOfTheCapsForADemoPerson() throws Exception {
        YearCaps.Caps c = caps.latestYear(WU).orElseThrow();
        assertThat(c.year()).isEqualTo(2018);
        assertThat(c.rulesOn()).hasToString("2018-12-31");
        assertThat(c.caps()).containsExactly(
                new YearCaps.Cap("pooling", 20_000_000L, 4_975_000L, 15_025_000L),
                new YearCaps.Cap("township", 30_000L, 0L, 30_000L),
                new YearCaps.Cap("combined", 60_000_000L, 6_490_000L, 53_510_000L));
        assertThat(c.seriousIllnessBaseFen()).isEqualTo(5_025_000L);
        assertThat(c.seriousIllnessStartsFen()).isEqualTo(2_000_000L);
        assertThat(c.seriousIllnessToGoFen()).isZero();
        assertThat(c.deductibleBasis()).isEqualTo("admission");
        assertThat(c.deductiblePaidFen()).isEqualTo(50_000L);
        assertThat(c.deductibles()).contains(new YearCaps.Deductible("level3", 50_000L, null));

        ConsoleClient b = signedIn("44080000000004", "huang's own password");
        String zh = b.get("/portal/caps").body();
        assertThat(zh).contains("今年还剩多少", "统筹基金年度最高支付限额", "医疗救助年度限额");
        String en = b.get("/portal/caps?lang=en").body();
        assertThat(en).contains("Pooling fund annual cap", "Medical assistance yearly cap", "left");
        assertThat(b.get("/console/feedback").statusCode()).as("the agency's pages").isEqualTo(403);
    }

    @Test
    void myContributionsAreMineOnly() throws Exception {
        ConsoleClient b = signedIn("44080000000001", "chen's own password");
        String page = b.get("/portal/contributions").body();
        // Chen, in service: twelve months of 2018 paid on a 6,500-yuan wage
        assertThat(page).contains("我的缴费", "2018-12", "2018-01", "职工月缴费", "没有欠费");
        assertThat(page).doesNotContain("居民年度缴费");
        assertThat(b.get("/portal/contributions?lang=en").body()).contains("My contributions", "Nothing owed");
    }

    /** Keys made at run time (trace kinds, statuses, categories, contribution kinds) exist in both languages. */
    @Test
    void everyKindOfWordsHasASentenceInBothLanguages() throws Exception {
        Properties zh = ConsoleMessagesTest.bundle("");
        Properties en = ConsoleMessagesTest.bundle("_en");
        Set<String> kinds = new TreeSet<>();
        Pattern of = Pattern.compile("TraceWords\\.of\\((?:[^\"]*\\?\\s*)?\"([a-z_]+)\"(?:\\s*:\\s*\"([a-z_]+)\")?");
        Pattern pooling = Pattern.compile("\"(pooling_[a-z]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("../engine/src/main/java/org/openyibao/engine/settlement"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = of.matcher(text);
                while (m.find()) {
                    kinds.add(m.group(1));
                    if (m.group(2) != null) kinds.add(m.group(2));
                }
                Matcher p = pooling.matcher(text);
                while (p.find()) kinds.add(p.group(1));
            }
        }
        assertThat(kinds).hasSizeGreaterThan(20).contains("pooling_admission", "pooling_year", "cash", "serious_illness_own_cap");
        for (String k : kinds) {
            assertThat(zh).as("Chinese words for " + k).containsKey("portal.trace." + k);
            assertThat(en).as("English words for " + k).containsKey("portal.trace." + k);
        }
        for (String c : feedback.categories()) assertThat(zh).containsKey("feedback.category." + c);
        for (var s : org.openyibao.platform.feedback.FeedbackStatus.values()) assertThat(zh).containsKey("feedback.status." + s.key);
        for (String k : List.of(ContributionService.EMPLOYEE_MONTHLY, ContributionService.RESIDENT_ANNUAL,
                ContributionService.RETIREE_CREDIT)) {
            assertThat(zh).containsKey("portal.contrib.kind." + k);
        }
        for (String s : List.of("paid", "due", "credited")) assertThat(zh).containsKey("portal.contrib.status." + s);
    }
}
