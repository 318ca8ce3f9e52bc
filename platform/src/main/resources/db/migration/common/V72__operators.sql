-- Issue 11: the people who sign in to the web console and the insured's portal. A password is kept only as its
-- hash ({argon2}, {bcrypt}); an account is bound to what its role may see: an institution, a region or a person.
CREATE TABLE operator (
    username         VARCHAR(64)  PRIMARY KEY,
    password_hash    VARCHAR(200) NOT NULL,
    role             VARCHAR(20)  NOT NULL CHECK (role IN ('ADMIN', 'AGENCY', 'AUDITOR', 'INSTITUTION', 'INSURER',
                                                           'INSURED', 'MONITOR')),
    fixmedins_code   VARCHAR(30)  REFERENCES institution (code),
    admdvs           CHAR(6)      REFERENCES region (admdvs),
    psn_no           VARCHAR(30)  REFERENCES person (psn_no),
    enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_sign_ins  INT          NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CHECK (role <> 'INSTITUTION' OR fixmedins_code IS NOT NULL),
    CHECK (role <> 'INSURER' OR admdvs IS NOT NULL),
    CHECK (role <> 'INSURED' OR psn_no IS NOT NULL)
);
