-- A loaded national DIP catalogue names combinations with longer codes than the illustrative tables
-- (diagnosis and procedure codes joined); the case keeps them whole. Longer values are still cut to the column rather
-- than fail the patient's settlement (CaseSettlement).
ALTER TABLE discharged_case ALTER COLUMN group_code SET DATA TYPE VARCHAR(100);
ALTER TABLE discharged_case ALTER COLUMN mdc SET DATA TYPE VARCHAR(20);
ALTER TABLE discharged_case ALTER COLUMN adrg SET DATA TYPE VARCHAR(20);
