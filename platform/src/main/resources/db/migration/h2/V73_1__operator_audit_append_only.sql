-- The operator audit log's rows are never updated or deleted (see the PostgreSQL twin of this migration).
CREATE TRIGGER operator_audit_append_only BEFORE UPDATE, DELETE ON operator_audit
    FOR EACH ROW CALL 'org.openyibao.platform.ledger.AppendOnlyTrigger';
