-- The DIP budget of a region's year and scheme, stored by the agency (docs/hospital-payment.md#dip-budgets): the
-- pooling fund's total for the year's DIP-scored cases, which the year-end divides by the year's points (point value).
CREATE TABLE case_dip_budget (
    admdvs      VARCHAR(6)  NOT NULL,
    fiscal_year INT         NOT NULL,
    scheme      VARCHAR(20) NOT NULL,
    budget_fen  BIGINT      NOT NULL CHECK (budget_fen >= 0),
    set_by      VARCHAR(100) NOT NULL,
    set_at      TIMESTAMP   NOT NULL,
    PRIMARY KEY (admdvs, fiscal_year, scheme)
);
