-- Issue 11: the operator audit log. Who did what, when, from where: every change made through the console or the REST
-- API and every view of a person's unmasked data. Append-only (V73_1) and hash-chained: each row carries the SHA-256 of
-- the row before and of itself, and the head row the last id and hash, so that `yibao audit-log verify` finds a row
-- changed, removed from the middle or cut from the end.
CREATE TABLE operator_audit (
    id          BIGINT       PRIMARY KEY,                -- 1, 2, 3… without gaps (taken from the head row)
    at_ms       BIGINT       NOT NULL,                   -- epoch milliseconds
    username    VARCHAR(64)  NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    address     VARCHAR(64)  NOT NULL,                   -- the client's IP address
    action      VARCHAR(60)  NOT NULL,                   -- sign_in, sign_in_refused, person_viewed, POST /api/persons…
    subject     VARCHAR(120) NOT NULL,                   -- what it was done to: a psn_no, a path; never an ID number
    outcome     VARCHAR(40)  NOT NULL,                   -- HTTP status, or ok / refused
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL
);
CREATE INDEX operator_audit_subject ON operator_audit (subject);

CREATE TABLE operator_audit_head (
    id         SMALLINT  PRIMARY KEY CHECK (id = 1),
    last_id    BIGINT    NOT NULL,
    last_hash  CHAR(64)  NOT NULL
);
INSERT INTO operator_audit_head (id, last_id, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
