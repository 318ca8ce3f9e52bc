-- The local average wage per region and year (issue 3, contributions). The policy packs bound the
-- employees' payment base and set the single-pooling base as multiples of "the average wage"
-- (employee.contribution.payment_base_floor/ceiling, single_pooling_base_share; REFERENCE §2) but the
-- wage itself is a statistic published each year, not a policy: it lives here, with its source.
-- Contributions of year Y refer to the wage of year Y − 1 ("last year's average wage", seed 003 L1060).
CREATE TABLE region_average_wage (
    admdvs                    CHAR(6)      NOT NULL REFERENCES region,
    wage_year                 INTEGER      NOT NULL,
    average_monthly_wage_fen  BIGINT       NOT NULL CHECK (average_monthly_wage_fen > 0),
    source                    VARCHAR(300) NOT NULL,
    PRIMARY KEY (admdvs, wage_year)
);
