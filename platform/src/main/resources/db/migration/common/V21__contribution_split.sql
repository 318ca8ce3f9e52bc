-- Contributions (issue 3): where each contribution's money goes, and the entry that accrued it when it
-- was recorded as due before being paid (arrears).
--   pooling_fen          to the pooling fund (employees: employer + employee − account; residents: 85%)
--   serious_illness_fen  to the serious-illness fund (residents: 15%, seed 003 L1176)
--   due_entry_id         Dr contributions_receivable / Cr contributions, posted when recorded as due;
--                        entry_id (V3) is then the payment's entry (Dr bank / Cr contributions_receivable)
ALTER TABLE contribution ADD COLUMN pooling_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN serious_illness_fen BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contribution ADD COLUMN due_entry_id BIGINT REFERENCES journal_entry;
-- every fen due goes to a fund or an account; contributions are paid in full or not at all
ALTER TABLE contribution ADD CONSTRAINT contribution_split_whole
    CHECK (kind = 'retiree_credit' OR pooling_fen + serious_illness_fen + account_fen = due_fen);
ALTER TABLE contribution ADD CONSTRAINT contribution_paid_in_full CHECK (paid_fen = 0 OR paid_fen = due_fen);
