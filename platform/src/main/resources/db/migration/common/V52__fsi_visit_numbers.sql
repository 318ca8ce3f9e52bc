-- Visit IDs (mdtrt_id) are the region, the visit time and a serial from this sequence: unique across restarts.
CREATE SEQUENCE fsi_mdtrt_seq START WITH 1;

-- msgids up to 64 characters, as the dispatcher and fsi_message accept them
ALTER TABLE fsi_settlement ALTER COLUMN msgid SET DATA TYPE VARCHAR(64);
