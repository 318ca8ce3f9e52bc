package org.openyibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openyibao.engine.Packs;

/** The insurer's contract in the Zhanjiang pack and its what-if overlays (Taicang, Xiamen): values, sources, gaps. */
class InsurerContractTest {
    private static final LocalDate DAY = LocalDate.of(2018, 12, 31);
    private static final Path CONTRACTS = Packs.root().resolve("zhanjiang/contracts");

    @Test
    void zhanjiangsContractIsThreePerCentEachWayPaidInTwelveInstalmentsOfFifteenPerCentOfContributions() {
        InsurerContract c = InsurerContract.of(Packs.zhanjiang(), DAY);
        assertThat(c.premiumBasis()).isEqualTo("resident_contributions");
        assertThat(c.premiumShare().ppm()).isEqualTo(150_000);
        assertThat(c.instalments()).isEqualTo(12);
        assertThat(c.profitRate().ppm()).isEqualTo(30_000);
        assertThat(c.lossRate().ppm()).isEqualTo(30_000);
        assertThat(c.profitRate().cited().source()).startsWith("Luo 2020, §2.9.4 (5)");
        assertThat(c.reserveWithheld().ppm()).isZero();
    }

    @Test
    void taicangAndXiamenAreDataOverTheSamePack() {
        InsurerContract t = InsurerContract.of(PackLoader.applyReform(Packs.zhanjiang(), CONTRACTS.resolve("taicang.yaml")), DAY);
        assertThat(List.of(t.profitRate().ppm(), t.lossRate().ppm(), t.profitAboveReturned().ppm(),
                t.lossBeyondCompensated().ppm(), t.reserveWithheld().ppm())).containsExactly(45_000, 45_000, 500_000, 500_000, 50_000);
        assertThat(t.instalments()).as("Zhanjiang's, unchanged").isEqualTo(12);
        InsurerContract x = InsurerContract.of(PackLoader.applyReform(Packs.zhanjiang(), CONTRACTS.resolve("xiamen.yaml")), DAY);
        assertThat(List.of(x.profitRate().ppm(), x.lossRate().ppm(), x.profitAboveReturned().ppm(), x.lossBeyondCompensated().ppm()))
                .containsExactly(30_000, 0, 1_000_000, 1_000_000);
    }

    /** What {@code yibao policy check policies/zhanjiang --reform policies/zhanjiang/contracts/X.yaml} checks. */
    @Test
    void theShippedContractOverlaysCheckCleanAndCitePublishedWorks() throws IOException {
        try (Stream<Path> s = Files.list(CONTRACTS)) {
            List<Path> overlays = s.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(overlays).hasSize(2);
            for (Path o : overlays) {
                assertThat(PackLoader.checkReform(Packs.zhanjiang(), o, Bibliography.of(Packs.root()))).as(o.toString()).isEmpty();
            }
        }
    }

    @Test
    void noContractBeforeTheInsurerWasBought() {
        assertThat(catchThrowableOfType(() -> InsurerContract.of(Packs.zhanjiang(), LocalDate.of(2012, 6, 1)),
                PolicyException.class).problems()).isNotEmpty().allSatisfy(p -> assertThat(p.path()).startsWith("insurer.contract."));
    }

    @Test
    void aContractWithAValueMissingIsRefusedNamingThePath(@TempDir Path tmp) throws IOException {
        Path root = PackValidationTest.copyOfPolicies(tmp);
        Path file = root.resolve("zhanjiang/insurer.yaml");
        String text = Files.readString(file);
        int from = text.indexOf("      loss_rate:");
        int to = text.indexOf("      profit_above_returned:");
        Files.writeString(file, text.substring(0, from) + text.substring(to));
        List<Problem> problems = PackLoader.check(root.resolve("zhanjiang"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo("insurer.contract.corridor.loss_rate");
            assertThat(p.message()).contains("needed by the insurer's contract");
        });
    }

    @Test
    void aPackWithoutAContractHasNone() {
        assertThat(InsurerContract.of(PackLoader.load(Packs.root(), "beijing"), DAY)).isNull();
    }
}
