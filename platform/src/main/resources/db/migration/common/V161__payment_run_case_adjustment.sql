-- The monthly advance of DRG cases (docs/hospital-payment.md#monthly-advance-of-drg-and-dip-cases): a payment run
-- pays the pooling fund's part of a DRG case as the case's payment less what the patient and the other funds paid,
-- never below nothing: the line keeps how far that moved the pooling amount from the settlements' hifp_pay.
ALTER TABLE payment_run_line ADD COLUMN case_adjustment_fen BIGINT NOT NULL DEFAULT 0;
