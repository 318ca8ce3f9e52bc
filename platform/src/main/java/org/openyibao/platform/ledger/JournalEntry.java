package org.openyibao.platform.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A balanced journal entry: every money movement is one, naming what caused it
 * ({@code causeType}, {@code causeRef}). Build with {@link #builder}; zero amounts are skipped.
 * Asserted on construction: debits = credits, each fund's lines balance on their own (fund
 * accounting), every account is in the entry's region.
 *
 * <p>An entry that credits or spends individual accounts carries the {@link IndividualAccountMovement}s:
 * {@link Ledger#post} applies them to the sub-ledger in the same transaction, and they must add up to
 * the entry's net credit to the region's {@link Accounts#HOLDERS} account (asserted here).
 */
public record JournalEntry(String admdvs, LocalDate date, String causeType, String causeRef, String description,
                           Long reversesEntryId, List<Posting> postings, List<IndividualAccountMovement> movements) {

    public JournalEntry {
        postings = List.copyOf(postings);
        movements = List.copyOf(movements);
        if (admdvs == null || date == null || causeType == null || causeRef == null || description == null) {
            throw new IllegalArgumentException("an entry needs its region, date, cause and description");
        }
        long debits = 0, credits = 0, holders = 0;
        String holdersCode = Accounts.code(admdvs, Accounts.HOLDERS);
        for (Posting p : postings) {
            debits = Math.addExact(debits, p.debitFen());
            credits = Math.addExact(credits, p.creditFen());
            if (!p.accountCode().startsWith(admdvs + ":")) {
                throw new IllegalArgumentException("entry for " + causeType + " " + causeRef + " in region " + admdvs
                        + " posts to another region's account " + p.accountCode());
            }
            if (p.accountCode().equals(holdersCode)) holders += p.creditFen() - p.debitFen();
        }
        if (postings.isEmpty() || debits != credits) {
            throw new IllegalArgumentException("unbalanced entry for " + causeType + " " + causeRef + ": debits "
                    + debits + " ≠ credits " + credits);
        }
        // fund accounting: each fund is a self-balancing set of accounts, so it balances within every entry
        Map<String, Long> perFund = new TreeMap<>();
        for (Posting p : postings) {
            String rest = p.accountCode().substring(admdvs.length() + 1);
            int colon = rest.indexOf(':');
            perFund.merge(colon < 0 ? rest : rest.substring(0, colon), p.debitFen() - p.creditFen(), Long::sum);
        }
        perFund.forEach((fund, net) -> {
            if (net != 0) {
                throw new IllegalArgumentException("entry for " + causeType + " " + causeRef + ": the " + fund
                        + " fund's lines do not balance (debits − credits = " + net + "); move money between funds"
                        + " with transfers_out and transfers_in");
            }
        });
        if (!movements.isEmpty()) {
            long moved = 0;
            for (IndividualAccountMovement m : movements) moved = Math.addExact(moved, m.amountFen());
            if (moved != holders) {
                throw new IllegalArgumentException("entry for " + causeType + " " + causeRef + ": individual-account movements "
                        + moved + " ≠ net credit " + holders + " to " + holdersCode);
            }
        }
    }

    /** An entry whose individual-account sub-ledger, if any, is kept by the caller. */
    public JournalEntry(String admdvs, LocalDate date, String causeType, String causeRef, String description,
                        Long reversesEntryId, List<Posting> postings) {
        this(admdvs, date, causeType, causeRef, description, reversesEntryId, postings, List.of());
    }

    public static Builder builder(String admdvs, LocalDate date, String causeType, String causeRef, String description) {
        return new Builder(admdvs, date, causeType, causeRef, description);
    }

    public static final class Builder {
        private final String admdvs, causeType, causeRef, description;
        private final LocalDate date;
        private Long reverses;
        private final List<Posting> postings = new ArrayList<>();
        private final List<IndividualAccountMovement> movements = new ArrayList<>();

        private Builder(String admdvs, LocalDate date, String causeType, String causeRef, String description) {
            this.admdvs = admdvs;
            this.date = date;
            this.causeType = causeType;
            this.causeRef = causeRef;
            this.description = description;
        }

        /** Debit {@code debitAccount}, credit {@code creditAccount}, both within this entry's region. */
        public Builder move(String debitAccount, String creditAccount, long fen) {
            if (fen < 0) throw new IllegalArgumentException("negative amount " + fen);
            if (fen == 0) return this;
            postings.add(Posting.debit(Accounts.code(admdvs, debitAccount), fen));
            postings.add(Posting.credit(Accounts.code(admdvs, creditAccount), fen));
            return this;
        }

        /**
         * Credits the person's individual account: Dr {@code debitAccount} (e.g. individual_accounts:bank),
         * Cr individual_accounts:holders, and the sub-ledger +fen.
         */
        public Builder creditIndividualAccount(long personId, String debitAccount, long fen) {
            if (fen < 0) throw new IllegalArgumentException("negative amount " + fen);
            if (fen == 0) return this;
            move(debitAccount, Accounts.HOLDERS, fen);
            movements.add(new IndividualAccountMovement(personId, fen));
            return this;
        }

        /**
         * Spends from the person's individual account: Dr individual_accounts:holders, Cr {@code creditAccount}
         * (e.g. individual_accounts:payable_institutions), and the sub-ledger −fen. Refused at posting when
         * the account holds less.
         */
        public Builder payFromIndividualAccount(long personId, String creditAccount, long fen) {
            if (fen < 0) throw new IllegalArgumentException("negative amount " + fen);
            if (fen == 0) return this;
            move(Accounts.HOLDERS, creditAccount, fen);
            movements.add(new IndividualAccountMovement(personId, -fen));
            return this;
        }

        public Builder reverses(long entryId) {
            this.reverses = entryId;
            return this;
        }

        public boolean isEmpty() {
            return postings.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(admdvs, date, causeType, causeRef, description, reverses, postings, movements);
        }
    }
}
