-- The insurer's case decisions are never updated or deleted (see the PostgreSQL twin of this migration).
CREATE TRIGGER si_case_decision_append_only BEFORE UPDATE, DELETE ON si_case_decision
    FOR EACH ROW CALL 'org.openyibao.platform.ledger.AppendOnlyTrigger';
