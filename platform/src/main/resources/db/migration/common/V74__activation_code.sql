-- Issue 11: how an insured person first gets a password. The agency issues a one-time activation code at enrolment
-- (printed on the enrolment receipt or sent by text message); the person activates the portal with their psn_no, the
-- code and a password of their own. Only the code's hash is kept; a code expires, is used once, and dies after five
-- wrong tries.
CREATE TABLE activation_code (
    psn_no       VARCHAR(30)  PRIMARY KEY REFERENCES person (psn_no),
    code_hash    VARCHAR(200) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    wrong_tries  INT          NOT NULL DEFAULT 0,
    used_at      TIMESTAMP WITH TIME ZONE
);
