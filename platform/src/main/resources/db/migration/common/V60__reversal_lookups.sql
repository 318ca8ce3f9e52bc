-- Lookups a cancellation or reversal makes (Ledger.reverse*): whether an entry was already reversed, and the
-- individual-account movements of the entry it mirrors. Without these, every 2208/2305/2601 scanned the whole
-- journal and movement tables.
CREATE INDEX journal_entry_reverses ON journal_entry (reverses_entry_id);
CREATE INDEX individual_account_movement_entry ON individual_account_movement (entry_id);
