-- Registry (issue 3): person numbers generated for persons registered or imported without one:
-- the region code followed by this sequence, zero-padded to 14 digits (20 characters).
CREATE SEQUENCE psn_no_seq START WITH 1;
