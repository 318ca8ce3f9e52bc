-- The agency's dashboard and the insurer's pages read a region's settlements of one year (issue 11): by region and
-- visit date, with the columns they sum carried in the index so that PostgreSQL answers from the index alone
-- (bench/console-million.sh: 1,000,000 settlements).
CREATE INDEX settlement_region_day ON settlement (admdvs, visit_date)
    INCLUDE (institution_code, level, visit_type, status, medfee_sumamt, fund_pay_sumamt, hifmi_pay);
