-- Files of the national interface (INTERFACE §1.7): uploaded by institutions (9101), or produced by
-- the platform (1301/1305 catalogue downloads, 3202 result files, fixmedins_code 'plc') and fetched with 9102.
CREATE TABLE fsi_file (
    file_qury_no    VARCHAR(64)  PRIMARY KEY,
    fixmedins_code  VARCHAR(30)  NOT NULL,               -- the owner; 'plc' for platform files
    readable_by     VARCHAR(30),                         -- the institution a platform file was made for, or null for all
    filename        VARCHAR(200) NOT NULL,
    content         BYTEA        NOT NULL,               -- a zip holding one tab-separated .txt
    dld_endtime     TIMESTAMP    NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
