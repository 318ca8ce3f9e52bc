-- Paying hospitals (issue 13, docs/hospital-payment.md): budgets, monthly prepayments, clearing decisions, payment
-- runs and the institutions' year-end.
--
-- The pooling fund gets one account of its own (Accounts.POOLING_TEMPLATES):
--   prepaid_institutions  asset  prepayments paid to institutions, not yet set against their cleared spending
-- Regions opened before this migration get it here; Ledger.openRegion adds it to new ones.
INSERT INTO ledger_account (code, admdvs, fund, kind, name)
SELECT SUBSTRING(code, 1, CHAR_LENGTH(code) - CHAR_LENGTH(':bank')) || ':prepaid_institutions', admdvs, fund, 'asset',
       SUBSTRING(name, 1, CHAR_LENGTH(name) - CHAR_LENGTH(': fund bank account'))
           || ': prepaid to institutions, not yet set against their spending'
FROM ledger_account
WHERE code LIKE '%:pooling:bank' AND name LIKE '%: fund bank account';

-- An institution's annual budget (总额控制) for a year: from last year's pooling-fund spending at it, or set by hand by
-- the agency. The months (12 amounts in fen, January first, comma-separated) add up to the year; steps is the
-- engine's BudgetStep list as JSON, for display; rules_date the day the budget rules were read (1 January).
CREATE TABLE institution_budget (
    admdvs                  CHAR(6)      NOT NULL REFERENCES region,
    institution_code        VARCHAR(30)  NOT NULL REFERENCES institution,
    budget_year             INTEGER      NOT NULL,
    basis                   VARCHAR(20)  NOT NULL CHECK (basis IN ('last_year_spending', 'set_by_hand')),
    last_year_spending_fen  BIGINT       NOT NULL CHECK (last_year_spending_fen >= 0),
    annual_fen              BIGINT       NOT NULL CHECK (annual_fen >= 0),
    monthly_fen             VARCHAR(400) NOT NULL,
    rules_date              DATE         NOT NULL,
    steps                   TEXT         NOT NULL,
    reason                  VARCHAR(200),
    set_by                  VARCHAR(64)  NOT NULL,
    set_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (admdvs, institution_code, budget_year)
);

-- A month's prepayment to an institution: the prepayment, the quality deposit withheld from it and what was paid
-- (Dr pooling:prepaid_institutions / Cr pooling:bank). One row per institution and month: a second run finds it.
CREATE TABLE institution_prepayment (
    admdvs            CHAR(6)      NOT NULL REFERENCES region,
    institution_code  VARCHAR(30)  NOT NULL REFERENCES institution,
    period            CHAR(7)      NOT NULL,                    -- YYYY-MM
    budget_fen        BIGINT       NOT NULL CHECK (budget_fen >= 0),
    prepayment_fen    BIGINT       NOT NULL CHECK (prepayment_fen >= 0),
    deposit_fen       BIGINT       NOT NULL CHECK (deposit_fen >= 0),
    paid_fen          BIGINT       NOT NULL CHECK (paid_fen >= 0),
    entry_id          BIGINT       REFERENCES journal_entry,     -- null when nothing was paid
    CHECK (paid_fen = prepayment_fen - deposit_fen),
    PRIMARY KEY (admdvs, institution_code, period)
);

-- The settlements a 3203 clearing application covers (recorded when it is made).
CREATE TABLE clearing_settlement (
    clr_appy_evt_id  VARCHAR(40) NOT NULL REFERENCES fsi_clearing,
    setl_id          VARCHAR(40) NOT NULL,
    PRIMARY KEY (clr_appy_evt_id, setl_id)
);
CREATE INDEX clearing_settlement_setl ON clearing_settlement (setl_id);

-- The agency's decision on a clearing application: accepted (a payable cleared against the budget, paid by a payment
-- run) or rejected with a reason. One decision per application; 3204 cancels only an undecided one.
CREATE TABLE clearing_decision (
    clr_appy_evt_id  VARCHAR(40)  PRIMARY KEY REFERENCES fsi_clearing,
    admdvs           CHAR(6)      NOT NULL REFERENCES region,
    decision         VARCHAR(10)  NOT NULL CHECK (decision IN ('accepted', 'rejected')),
    reason           VARCHAR(200),
    budget_year      INTEGER      NOT NULL,
    decided_by       VARCHAR(64)  NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (decision = 'accepted' OR reason IS NOT NULL)
);

-- A payment run: pays a region's accepted clearing applications not yet paid, in one transaction, idempotent by id.
CREATE TABLE payment_run (
    run_id      VARCHAR(40)  PRIMARY KEY,
    admdvs      CHAR(6)      NOT NULL REFERENCES region,
    run_date    DATE         NOT NULL,
    total_fen   BIGINT       NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A line of a run: an application's fund part; offset_fen set against the prepayments (pooling only), bank_fen paid.
CREATE TABLE payment_run_line (
    run_id            VARCHAR(40)  NOT NULL REFERENCES payment_run,
    clr_appy_evt_id   VARCHAR(40)  NOT NULL REFERENCES fsi_clearing,
    institution_code  VARCHAR(30)  NOT NULL,
    fund              VARCHAR(30)  NOT NULL,
    budget_year       INTEGER      NOT NULL,
    amount_fen        BIGINT       NOT NULL CHECK (amount_fen >= 0),
    offset_fen        BIGINT       NOT NULL CHECK (offset_fen >= 0),
    bank_fen          BIGINT       NOT NULL CHECK (bank_fen >= 0),
    held_fen          BIGINT       NOT NULL CHECK (held_fen >= 0),   -- pooling beyond the prepayments: the year-end's
    entry_id          BIGINT       REFERENCES journal_entry,
    CHECK (amount_fen = offset_fen + bank_fen + held_fen),
    PRIMARY KEY (clr_appy_evt_id, fund)
);
CREATE INDEX payment_run_line_run ON payment_run_line (run_id);

-- An institution's year-end against its budget: the figures it was computed from (recomputed for display with the
-- rules of rules_date), the balance and the entry posted.
CREATE TABLE institution_year_end (
    admdvs                 CHAR(6)      NOT NULL REFERENCES region,
    institution_code       VARCHAR(30)  NOT NULL REFERENCES institution,
    budget_year            INTEGER      NOT NULL,
    budget_fen             BIGINT       NOT NULL,
    in_budget_spending_fen BIGINT       NOT NULL,
    emergency_spending_fen BIGINT       NOT NULL,
    prepaid_fen            BIGINT       NOT NULL,
    deposit_fen            BIGINT       NOT NULL,
    evaluation_passed      BOOLEAN      NOT NULL,
    rules_date             DATE         NOT NULL,
    balance_fen            BIGINT       NOT NULL,
    entry_id               BIGINT       REFERENCES journal_entry,
    PRIMARY KEY (admdvs, institution_code, budget_year)
);
