-- Issue 9: a settlement keeps its ineligibility reason as a code (settlement.reason, e.g. waiting_period)
-- and its words; the village outpatient card's credit and what the card paid are kept with it, so a
-- cancellation gives the card back only what it paid (defect 1) and the record says why.
ALTER TABLE settlement ADD COLUMN reason_words VARCHAR(400);
ALTER TABLE settlement ADD COLUMN outpatient_card_credit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE settlement ADD COLUMN outpatient_card_paid BIGINT NOT NULL DEFAULT 0;
