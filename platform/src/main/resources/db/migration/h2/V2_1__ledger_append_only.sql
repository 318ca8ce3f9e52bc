-- Journal entries and lines are never updated or deleted (see the PostgreSQL twin of this migration).
CREATE TRIGGER journal_entry_append_only BEFORE UPDATE, DELETE ON journal_entry
    FOR EACH ROW CALL 'org.openyibao.platform.ledger.AppendOnlyTrigger';
CREATE TRIGGER journal_line_append_only BEFORE UPDATE, DELETE ON journal_line
    FOR EACH ROW CALL 'org.openyibao.platform.ledger.AppendOnlyTrigger';
