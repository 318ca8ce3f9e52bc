-- The patient's scheme on the discharge date (employee or resident), as the case payment read it: the DIP year-end
-- values employees' and residents' points apart where the region does (hospital.case_payment.dip.separate_point_values).
ALTER TABLE discharged_case ADD COLUMN scheme VARCHAR(10);
