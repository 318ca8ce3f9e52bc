package org.openyibao.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.openyibao.platform.contribution.ContributionService.EmployeeMonthRequest;
import org.openyibao.platform.support.TestDatabase;
import org.openyibao.platform.web.ApiException;

/**
 * On PostgreSQL, with concurrent transactions: every month is paid once however often it is sent, and
 * a year-end close racing the year's payments either sums a payment or sees it refused: after it, the
 * year's income and expense accounts are exactly emptied into the fund balance.
 */
class LedgerConcurrencyTest {
    @Test
    void paymentsRacingEachOtherAndTheYearEndClose() throws Exception {
        try (TestDatabase db = TestDatabase.fresh(TestDatabase.Kind.POSTGRES)) {
            RegionFixture f = RegionFixture.open(db, "440800");
            List<Long> enrolments = new ArrayList<>();
            for (int i = 0; i < 6; i++) enrolments.add(f.employee(f.person(), "combined", "in_service", LocalDate.of(2018, 1, 1)));
            List<Callable<String>> tasks = new ArrayList<>();
            for (long e : enrolments) {
                for (int m = 1; m <= 6; m++) {
                    String period = String.format("2018-%02d", m);
                    LocalDate paid = LocalDate.of(2018, m, 20);
                    for (int twice = 0; twice < 2; twice++) {
                        tasks.add(() -> {
                            f.contributions.payEmployee(new EmployeeMonthRequest(e, period, new BigDecimal("5000"), paid));
                            return "paid " + e + " " + period;
                        });
                    }
                }
            }
            Collections.shuffle(tasks, new Random(7));
            tasks.add(tasks.size() / 2, () -> "closed " + f.close.close("440800", 2018).entryId());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<String> outcomes = new ArrayList<>();
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (Callable<String> t : tasks) futures.add(pool.submit(t));
                for (Future<String> fu : futures) {
                    try {
                        outcomes.add(fu.get());
                    } catch (java.util.concurrent.ExecutionException ex) {
                        assertThat(ex.getCause()).isInstanceOf(ApiException.class);
                        ApiException refused = (ApiException) ex.getCause();
                        assertThat(refused.getMessage()).containsAnyOf("already paid", "has closed", "nothing");
                        outcomes.add("refused " + refused.field());
                    }
                }
            } finally {
                pool.shutdown();
            }
            List<String> paid = outcomes.stream().filter(o -> o.startsWith("paid")).toList();
            assertThat(paid).doesNotHaveDuplicates();
            assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM contribution", Integer.class)).isEqualTo(paid.size());
            assertThat(outcomes).anyMatch(o -> o.startsWith("closed"));
            // every 2018 line of an income or expense account, the closing entry's included, sums to zero
            assertThat(db.jdbc.queryForList("SELECT a.code, SUM(l.debit_fen - l.credit_fen) AS net FROM journal_line l"
                    + " JOIN journal_entry e ON e.id = l.entry_id JOIN ledger_account a ON a.id = l.account_id"
                    + " WHERE a.kind IN ('income', 'expense') AND e.entry_date < DATE '2019-01-01'"
                    + " GROUP BY a.code HAVING SUM(l.debit_fen - l.credit_fen) <> 0")).isEmpty();
            assertThat(f.balance("pooling:fund_balance")).isEqualTo(-31_000L * paid.size());
            assertThat(f.check.run().violations()).isEmpty();
        }
    }
}
