-- Budget-funded money (issue 13): fiscal transfers from public finance, per region, fund and month.
--
-- Every fund gets a fiscal_receivable account (asset): what was requested from finance and not yet received.
-- Regions opened before this migration get it here; Ledger.openRegion adds it to new ones (Accounts.TEMPLATES).
INSERT INTO ledger_account (code, admdvs, fund, kind, name)
SELECT SUBSTRING(code, 1, CHAR_LENGTH(code) - CHAR_LENGTH(':bank')) || ':fiscal_receivable', admdvs, fund, 'asset',
       SUBSTRING(name, 1, CHAR_LENGTH(name) - CHAR_LENGTH(': fund bank account'))
           || ': requested from public finance, not yet received'
FROM ledger_account
WHERE code LIKE '%:bank' AND name LIKE '%: fund bank account';

-- One row per entry: requested (Dr fiscal_receivable / Cr fiscal_income, dated the month's last day) and received
-- (Dr bank / Cr fiscal_receivable, dated the day finance paid), per region, fund and month. seq 1 is the month's
-- request (or receipt); seq 2, 3... a top-up when spending dated in the month was posted after its request. A
-- second run with nothing new finds the rows and posts nothing.
CREATE TABLE fiscal_transfer (
    admdvs      CHAR(6)     NOT NULL REFERENCES region,
    fund        VARCHAR(30) NOT NULL,
    period      CHAR(7)     NOT NULL,                    -- YYYY-MM: the month whose spending or subsidies it funds
    step        VARCHAR(10) NOT NULL CHECK (step IN ('requested', 'received')),
    seq         SMALLINT    NOT NULL CHECK (seq >= 1),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen > 0),
    entry_id    BIGINT      NOT NULL REFERENCES journal_entry,
    PRIMARY KEY (admdvs, fund, period, step, seq)
);
