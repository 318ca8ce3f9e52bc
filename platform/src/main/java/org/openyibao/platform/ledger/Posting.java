package org.openyibao.platform.ledger;

/** One line of a journal entry: an account and a debit or a credit in fen (exactly one of them positive). */
public record Posting(String accountCode, long debitFen, long creditFen) {
    public Posting {
        if (debitFen < 0 || creditFen < 0 || (debitFen == 0) == (creditFen == 0)) {
            throw new IllegalArgumentException("a posting is a positive debit or a positive credit: " + accountCode);
        }
    }

    public static Posting debit(String account, long fen) {
        return new Posting(account, fen, 0);
    }

    public static Posting credit(String account, long fen) {
        return new Posting(account, 0, fen);
    }
}
