-- The serious-illness money accounted separately (单独核算, issue 13): the insurer's contract on the ledger.
--
-- The serious-illness fund of every region gets five accounts of its own (Accounts.SERIOUS_ILLNESS_TEMPLATES):
--   insurer_premium  expense    the premium of the insurer's contract, from residents' contributions
--   premium_due      liability  premium owed to the contract, not yet paid in instalments nor withheld
--   insurer_reserve  liability  premium withheld as the contract's reserve until the year-end evaluation
--   insurer_claims   income     claims paid by the insurer (the settlements' hifmi_pay it reimbursed)
--   recoveries       income     recovered from institutions after the insurer's case audit (a later slice fills it)
-- Regions opened before this migration get them here; Ledger.openRegion adds them to new ones.
INSERT INTO ledger_account (code, admdvs, fund, kind, name)
SELECT a.admdvs || ':serious_illness:' || t.account, a.admdvs, 'serious_illness', t.kind,
       SUBSTRING(a.name, 1, CHAR_LENGTH(a.name) - CHAR_LENGTH(': fund bank account')) || ': ' || t.title
FROM ledger_account a,
     (SELECT 'insurer_premium' AS account, 'expense' AS kind,
             'premium of the insurer''s contract, from contributions' AS title
      UNION ALL SELECT 'premium_due', 'liability', 'premium owed to the insurer''s contract, not yet paid or withheld'
      UNION ALL SELECT 'insurer_reserve', 'liability', 'premium withheld as the contract''s reserve until the evaluation'
      UNION ALL SELECT 'insurer_claims', 'income', 'claims paid by the insurer (the settlements'' hifmi_pay it reimbursed)'
      UNION ALL SELECT 'recoveries', 'income', 'recovered from institutions after the insurer''s case audit') t
WHERE a.code LIKE '%:serious_illness:bank' AND a.name LIKE '%: fund bank account';

-- One row per entry of a region's month, per step (InsurerPremiumRule): the premium from contributions (due), the
-- reserve withheld, the instalment paid, the claims the insurer reimbursed. seq 1 is the month's entry of the step,
-- seq 2, 3... a top-up when more became due after it. A second run with nothing new finds the rows and posts nothing.
CREATE TABLE insurer_premium (
    admdvs      CHAR(6)     NOT NULL REFERENCES region,
    period      CHAR(7)     NOT NULL,                    -- YYYY-MM: the month posted
    step        VARCHAR(20) NOT NULL CHECK (step IN ('premium', 'reserve', 'instalment', 'claims')),
    seq         SMALLINT    NOT NULL CHECK (seq >= 1),
    amount_fen  BIGINT      NOT NULL CHECK (amount_fen > 0),
    entry_id    BIGINT      NOT NULL REFERENCES journal_entry,
    PRIMARY KEY (admdvs, period, step, seq)
);
