package org.openyibao.platform.fsi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The REST API under fuzzing (issue 10): every endpoint's valid request, signed in as agency staff, the auditor, the
 * monitor, nobody or with a wrong password, mutated (body values, types, keys, nesting, duplicate keys, encodings,
 * path variables and query values, methods, versions, headers, content types, Accept). Every reply is below 500, a
 * JSON error {error, message} from 400 on, bounded and without class names; afterwards the server is UP and the
 * ledger balanced. {@code -Dyibao.fuzz.cases} sets the budget (docs/fsi.md, "Fuzzing").
 */
class RestFuzzTest extends FuzzServer {
    /** The REST API's share of {@code yibao.fuzz.cases}. */
    static final double SHARE = 0.4;

    @Test
    void everyMutatedRequestIsAnsweredBelow500WithABoundedJsonErrorAndTheServerStaysWhole() throws Exception {
        RestCorpus corpus = RestCorpus.build(port, jdbc);
        FuzzRun.Result r = new FuzzRun("rest", port, corpus::fuzzCase).run(FuzzRun.budget(SHARE));
        healthyAndBalanced();
        assertThat(r.failures()).as(r.summary() + "\n" + String.join("\n", r.firstFailures())).isZero();
    }
}
