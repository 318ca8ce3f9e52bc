-- yibao close-year (issue 13): a region's year closed as a whole — the insurer's year-end under its contract, each
-- institution's year-end against its budget, then the ledger's closing entry (fund_year_close). One row per region
-- and year, with the inputs the close was run with: a second run with the same inputs changes nothing, with other
-- inputs it is refused naming the one that differs (CloseYear).
CREATE TABLE year_close (
    admdvs                     CHAR(6)       NOT NULL REFERENCES region,
    fiscal_year                INTEGER       NOT NULL,
    insurer_admin_cost_fen     BIGINT        NOT NULL CHECK (insurer_admin_cost_fen >= 0),
    policy_change_loss_fen     BIGINT        NOT NULL CHECK (policy_change_loss_fen >= 0),
    insurer_evaluation_passed  BOOLEAN       NOT NULL,
    failed_institutions        VARCHAR(2000) NOT NULL DEFAULT '',   -- fixmedins codes, sorted, comma-separated
    closing_entry_id           BIGINT        NOT NULL REFERENCES journal_entry,
    closed_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (admdvs, fiscal_year)
);
