-- A municipality's monitoring account (gemeentelijk monitor) sees only
-- aggregated figures of the index, never a youth, and cannot register.
ALTER TABLE professionals ADD COLUMN monitoring SMALLINT NOT NULL DEFAULT 0 CHECK (monitoring IN (0,1));
