package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;

/** The insurer's case audit as pack data: which cases it reviews, per contract, and the reasons it may give. */
class CaseAuditTest {
    private static final LocalDate DAY = LocalDate.of(2018, 6, 1);
    private static final Path CONTRACTS = Packs.root().resolve("zhanjiang/contracts");

    @Test
    void zhanjiangsInsurerAuditsEveryCaseWithTheReasonsOfThePack() {
        CaseAudit a = CaseAudit.of(Packs.zhanjiang(), DAY);
        assertThat(a.sampling()).isEqualTo(CaseAudit.Sampling.ALL);
        assertThat(a.samplingCited().source()).startsWith("Luo 2020, §2.9.4 (4): serious illness reimbursement cases were audited one by one");
        assertThat(a.sampled("S1", 1)).isTrue();
        assertThat(a.reasonsFor("approve")).extracting(AuditReason::code).containsExactly("verified");
        assertThat(a.reasonsFor("reject")).extracting(AuditReason::code).contains("not_serious_illness", "out_of_catalogue")
                .doesNotContain("underpaid");
        assertThat(a.reason("unnecessary_stay").orElseThrow().zh()).isEqualTo("不必要的住院天数");
    }

    @Test
    void taicangReviewsTheCasesAboveTwentyThousandAndXiamenEvery() {
        CaseAudit t = CaseAudit.of(PackLoader.applyReform(Packs.zhanjiang(), CONTRACTS.resolve("taicang.yaml")), DAY);
        assertThat(t.sampling()).isEqualTo(CaseAudit.Sampling.ABOVE_AMOUNT);
        assertThat(t.sampled("S1", 2_000_000)).as("20,000.00 itself: not above").isFalse();
        assertThat(t.sampled("S1", 2_000_001)).isTrue();
        assertThat(t.reasons()).as("Zhanjiang's reasons, unchanged").hasSize(8);
        CaseAudit x = CaseAudit.of(PackLoader.applyReform(Packs.zhanjiang(), CONTRACTS.resolve("xiamen.yaml")), DAY);
        assertThat(x.sampling()).isEqualTo(CaseAudit.Sampling.ALL);
    }

    @Test
    void aShareIsChosenByTheSettlementsIdTheSameEveryTime() {
        CaseAudit m = CaseAudit.of(PackLoader.applyReform(Packs.zhanjiang(),
                Path.of("src/test/resources/insurer/made-up-contract.yaml")), DAY);
        assertThat(m.sampling()).isEqualTo(CaseAudit.Sampling.SHARE);
        assertThat(m.share()).isEqualTo(250_000);
        List<String> ids = IntStream.range(0, 4000).mapToObj(i -> "S" + i).toList();
        long picked = ids.stream().filter(id -> m.sampled(id, 100)).count();
        assertThat(picked).isBetween(900L, 1100L);   // a quarter of 4,000, give or take
        assertThat(ids.stream().filter(id -> m.sampled(id, 100)).count()).isEqualTo(picked);
        assertThat(CaseAudit.bucket("S0")).isEqualTo(CaseAudit.bucket("S0")).isBetween(0, 999_999);
    }

    @Test
    void aReasonWithADecisionThatIsNoneIsRefusedNamingThePath(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/insurer.yaml");
        Files.writeString(file, Files.readString(file).replace("decisions: [approve]}", "decisions: [pardon]}"));
        assertThat(PackLoader.check(root.resolve("zhanjiang"))).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("insurer.audit.reasons");
            assertThat(p.message()).contains("decisions is a list of [approve, adjust, reject]");
        });
    }

    @Test
    void aShareModeWithoutItsShareIsRefused(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/insurer.yaml");
        Files.writeString(file, Files.readString(file).replace("{value: all, source", "{value: share, source"));
        assertThat(PackLoader.check(root.resolve("zhanjiang"))).anySatisfy(p ->
                assertThat(p.path()).isEqualTo("insurer.contract.audit.sampling.share"));
    }

    @Test
    void aPackWithoutAnAuditHasNone() {
        assertThat(CaseAudit.of(PackLoader.load(Packs.root(), "beijing"), DAY)).isNull();
    }
}
