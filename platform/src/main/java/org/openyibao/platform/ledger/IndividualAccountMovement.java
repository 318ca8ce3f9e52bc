package org.openyibao.platform.ledger;

/**
 * One movement of a person's individual account (个人账户), carried by the journal entry that moves
 * the region's {@link Accounts#HOLDERS} account by the same amount: {@code amountFen} positive
 * credits the holder, negative spends.
 */
public record IndividualAccountMovement(long personId, long amountFen) {
    public IndividualAccountMovement {
        if (amountFen == 0) throw new IllegalArgumentException("an individual-account movement of zero for person " + personId);
    }
}
