-- A case's events are never updated or deleted.
CREATE FUNCTION refuse_case_event_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a case''s events are append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER case_review_event_append_only BEFORE UPDATE OR DELETE ON case_review_event
    FOR EACH ROW EXECUTE FUNCTION refuse_case_event_change();
