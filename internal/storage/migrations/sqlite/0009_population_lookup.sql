-- National scale (issue 8). The population register holds millions of rows
-- keyed by a keyed hash of the BSN. As WITHOUT ROWID tables each is one
-- B-tree on that key instead of a table plus a unique index beside it: half
-- the writes when the register is loaded, one search instead of two when a
-- registration looks a youth up.
--
-- Brothers and sisters are found through a shared parent, which searches
-- population_parents by parent_hash; without an index of its own that was a
-- scan of the whole table on every registration.
CREATE TABLE population_new (
    bsn_hash     BLOB    PRIMARY KEY,
    person       BLOB    NOT NULL,
    municipality TEXT    NOT NULL,
    address_hash BLOB,
    updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO population_new (bsn_hash, person, municipality, address_hash, updated_at)
    SELECT bsn_hash, person, municipality, address_hash, updated_at FROM population;
DROP TABLE population;
ALTER TABLE population_new RENAME TO population;
CREATE INDEX population_address ON population(address_hash);

CREATE TABLE population_parents_new (
    child_hash  BLOB NOT NULL,
    parent_hash BLOB NOT NULL,
    PRIMARY KEY (child_hash, parent_hash)
) WITHOUT ROWID;
INSERT INTO population_parents_new (child_hash, parent_hash)
    SELECT child_hash, parent_hash FROM population_parents;
DROP TABLE population_parents;
ALTER TABLE population_parents_new RENAME TO population_parents;
CREATE INDEX population_parents_parent ON population_parents(parent_hash, child_hash);

-- A youth's page lists every coordination and escalation of the youth; the
-- existing indexes cover only the current ones.
CREATE INDEX coordinations_youth ON coordinations(youth_id, started_at);
CREATE INDEX escalations_youth ON escalations(youth_id, started_at);

-- The inbox shows the newest unread messages first, then the newest read
-- ones; each from an index of its own, however many a professional has.
CREATE INDEX messages_unread ON messages(professional_id, created_at) WHERE read_at IS NULL;
CREATE INDEX messages_read ON messages(professional_id, created_at) WHERE read_at IS NOT NULL;
