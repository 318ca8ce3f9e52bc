package org.openyibao.platform.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A balanced journal entry: every money movement is one, naming what caused it
 * ({@code causeType}, {@code causeRef}). Build with {@link #builder}; zero amounts are skipped.
 */
public record JournalEntry(String admdvs, LocalDate date, String causeType, String causeRef, String description,
                           Long reversesEntryId, List<Posting> postings) {

    public JournalEntry {
        postings = List.copyOf(postings);
        long debits = 0, credits = 0;
        for (Posting p : postings) {
            debits = Math.addExact(debits, p.debitFen());
            credits = Math.addExact(credits, p.creditFen());
        }
        if (postings.isEmpty() || debits != credits) {
            throw new IllegalArgumentException("unbalanced entry for " + causeType + " " + causeRef + ": debits "
                    + debits + " ≠ credits " + credits);
        }
    }

    public static Builder builder(String admdvs, LocalDate date, String causeType, String causeRef, String description) {
        return new Builder(admdvs, date, causeType, causeRef, description);
    }

    public static final class Builder {
        private final String admdvs, causeType, causeRef, description;
        private final LocalDate date;
        private Long reverses;
        private final List<Posting> postings = new ArrayList<>();

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

        public Builder reverses(long entryId) {
            this.reverses = entryId;
            return this;
        }

        public boolean isEmpty() {
            return postings.isEmpty();
        }

        public JournalEntry build() {
            return new JournalEntry(admdvs, date, causeType, causeRef, description, reverses, postings);
        }
    }
}
