package org.openyibao.platform.fsi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.openyibao.platform.support.TestDatabase;

/**
 * Found 6 of issue 10: used nonces lived only in memory, so captured x-tif headers replayed (with another body)
 * after a restart were accepted. A nonce is refused for its whole window by any server on the database, restarted
 * or not, and free again once the window has passed.
 */
class NonceStoreTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aNonceIsUsedOnceInItsWindowAcrossRestarts(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            long now = 1_800_000_000L;
            NonceStore before = new NonceStore(db.jdbc);
            assertThat(before.firstUse("paas-h", "n1", now + 300, now)).isTrue();
            assertThat(before.firstUse("paas-h", "n1", now + 300, now + 1)).as("replayed").isFalse();
            assertThat(before.firstUse("paas-other", "n1", now + 300, now)).as("another paasid's nonce").isTrue();

            NonceStore restarted = new NonceStore(db.jdbc);
            assertThat(restarted.firstUse("paas-h", "n1", now + 400, now + 100)).as("replayed after a restart").isFalse();
            assertThat(restarted.firstUse("paas-h", "n1", now + 700, now + 301)).as("after its window").isTrue();
            assertThat(restarted.firstUse("paas-h", "n1", now + 700, now + 302)).isFalse();
        }
    }

    /** Two servers (or threads) given the same captured headers at once: exactly one is let through. */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void racingReplaysLetExactlyOneThrough(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            long now = 1_800_000_000L;
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Boolean>> tries = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    NonceStore server = new NonceStore(db.jdbc);
                    tries.add(() -> server.firstUse("paas-h", "raced", now + 300, now));
                }
                int through = 0;
                for (Future<Boolean> f : pool.invokeAll(tries)) if (f.get()) through++;
                assertThat(through).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
