-- The keyed hash of a youth's address as the register gave it at the last
-- registration, so the youth's page can show that other children are
-- registered at the same address, and two coordinators in one household
-- can be told to agree (seed 002). NULL: the register gave no address.
ALTER TABLE youths ADD COLUMN address_hash BYTEA;
CREATE INDEX youths_address ON youths(address_hash);
