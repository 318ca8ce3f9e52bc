package org.openyibao.platform.fsi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.openyibao.platform.fsi.FsiDispatcher;

/**
 * The national interface under fuzzing (issue 10): every transaction's valid input, and the envelope around it,
 * mutated (values, types, keys, nesting, duplicate keys, encodings, multipart, paths, methods, versions, headers,
 * credentials). Every reply is a bounded envelope, never a 5xx, never a class name; afterwards the server is UP and
 * the ledger balanced. {@code -Dyibao.fuzz.cases} sets the budget (docs/fsi.md, "Fuzzing").
 */
class FsiFuzzTest extends FuzzServer {
    /** The interface's share of {@code yibao.fuzz.cases}. */
    static final double SHARE = 0.6;

    @Autowired
    FsiDispatcher dispatcher;

    @Test
    void everyMutatedRequestIsAnsweredWithABoundedEnvelopeAndTheServerStaysWhole() throws Exception {
        FsiCorpus corpus = FsiCorpus.build(port);
        TreeSet<String> covered = new TreeSet<>();
        corpus.seeds.forEach(s -> covered.add(s.infno()));
        assertThat(covered).as("the corpus has an input for every transaction served")
                .containsAll(FsiCorpus.TRANSACTIONS)
                .containsAll(dispatcher.infnos());

        FuzzRun.Result r = new FuzzRun("fsi", port, corpus::fuzzCase).run(FuzzRun.budget(SHARE));
        healthyAndBalanced();
        assertThat(r.failures()).as(r.summary() + "\n" + String.join("\n", r.firstFailures())).isZero();
    }
}
