-- The agency's dashboard and the insurer's pages read a region's settlements of one year (issue 11). H2 has no
-- INCLUDE columns: the plain index (PostgreSQL's carries the summed columns, postgresql/V76).
CREATE INDEX settlement_region_day ON settlement (admdvs, visit_date);
