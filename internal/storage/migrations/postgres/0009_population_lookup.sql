-- National scale (issue 8). Brothers and sisters are found through a shared
-- parent, which searches population_parents by parent_hash; without an index
-- of its own that was a scan of the whole table on every registration.
-- (SQLite also rebuilds the register as WITHOUT ROWID tables; PostgreSQL
-- has no rowid to drop.)
CREATE INDEX population_parents_parent ON population_parents(parent_hash, child_hash);

-- A youth's page lists every coordination and escalation of the youth; the
-- existing indexes cover only the current ones.
CREATE INDEX coordinations_youth ON coordinations(youth_id, started_at);
CREATE INDEX escalations_youth ON escalations(youth_id, started_at);

-- The inbox shows the newest unread messages first, then the newest read
-- ones; each from an index of its own, however many a professional has.
CREATE INDEX messages_unread ON messages(professional_id, created_at) WHERE read_at IS NULL;
CREATE INDEX messages_read ON messages(professional_id, created_at) WHERE read_at IS NOT NULL;
