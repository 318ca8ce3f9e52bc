-- Person numbers (issue 11): one numbering for persons registered through the API, imported, or in the demo:
-- the region's 6-digit code and an 8-digit serial from this sequence, 14 digits (the demo's 44080000000001).
-- psn_no_seq (V10, 14-digit serials, 20 characters) is no longer used; numbers it gave stay valid.
-- MAXVALUE: the serial never wraps into fewer digits nor repeats; the 100,000,000th number is refused.
CREATE SEQUENCE person_number_seq START WITH 1 MAXVALUE 99999999 NO CYCLE;
