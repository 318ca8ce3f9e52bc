-- Issue 10: the x-tif nonces used inside the timestamp window, kept across restarts and shared by every server on
-- the database, so that captured headers cannot be replayed with another body after a restart.
CREATE TABLE fsi_nonce (
    paasid       VARCHAR(128) NOT NULL,
    nonce        VARCHAR(128) NOT NULL,
    valid_until  BIGINT       NOT NULL,              -- epoch seconds: the timestamp's window ends
    PRIMARY KEY (paasid, nonce)
);
CREATE INDEX fsi_nonce_valid_until ON fsi_nonce (valid_until);
