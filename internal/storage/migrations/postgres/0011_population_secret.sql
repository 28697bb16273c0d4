-- Secret addresses (issue 19). The population register marks some persons'
-- data secret: indicatie geheim (07.70.10) in the GBA, geheimhoudingPersoons-
-- gegevens in the BRP API. The local register keeps the indicator beside the
-- sealed person, so that its queries can leave such a person out of a
-- household without opening anyone: a secret person is never a housemate, and
-- gets no address hash (storage.PersonAddressKey). Persons imported before
-- this migration count as not secret until the next import.
ALTER TABLE population ADD COLUMN secret SMALLINT NOT NULL DEFAULT 0 CHECK (secret IN (0,1));
