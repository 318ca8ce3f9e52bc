-- What a settlement changed in the person's year-to-date accumulators, so a cancellation restores them.
ALTER TABLE settlement ADD COLUMN acc_delta TEXT;
ALTER TABLE settlement ADD COLUMN fiscal_year INTEGER;
ALTER TABLE settlement ADD COLUMN level VARCHAR(10);
