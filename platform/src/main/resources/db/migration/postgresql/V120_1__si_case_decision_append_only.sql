-- The insurer's case decisions are never updated or deleted.
CREATE FUNCTION refuse_si_decision_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the insurer''s case decisions are append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER si_case_decision_append_only BEFORE UPDATE OR DELETE ON si_case_decision
    FOR EACH ROW EXECUTE FUNCTION refuse_si_decision_change();
