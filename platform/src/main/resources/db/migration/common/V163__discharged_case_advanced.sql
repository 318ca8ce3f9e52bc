-- What the funds advanced for a case when a payment run paid its settlement (docs/hospital-payment.md#monthly-advance-of-drg-and-dip-cases):
-- the settlement's fund payment moved to the case's advance (MonthlyCaseAdvance), and the run that paid it. The
-- DRG/DIP year-end sets the final against it.
ALTER TABLE discharged_case ADD COLUMN advanced_fen BIGINT;
ALTER TABLE discharged_case ADD COLUMN advance_run_id VARCHAR(40);
