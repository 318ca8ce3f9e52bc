-- Issue 11: the demo's interface credential kept with the demo's data, so that a saved `yibao call` configuration
-- still works after `./yibao demo` restarts on the same data directory. Only which credential it is: its x-tif secret
-- stays sealed under the server key in fsi_credential, as every credential's is.
CREATE TABLE demo_credential (
    fixmedins_code  VARCHAR(30)  PRIMARY KEY REFERENCES institution,
    credential_id   BIGINT       NOT NULL REFERENCES fsi_credential
);
