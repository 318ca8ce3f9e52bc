-- A case's events are never updated or deleted (see the PostgreSQL twin of this migration).
CREATE TRIGGER case_review_event_append_only BEFORE UPDATE, DELETE ON case_review_event
    FOR EACH ROW CALL 'org.openyibao.platform.ledger.AppendOnlyTrigger';
