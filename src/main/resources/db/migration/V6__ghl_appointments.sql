-- The id GoHighLevel gave an appointment Jorge booked on the configured GHL calendar (null until
-- the CRM task that creates it there succeeds, and for contacts that did not come from GHL).
ALTER TABLE appointments ADD COLUMN ghl_appointment_id VARCHAR(128);
