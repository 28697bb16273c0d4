-- Accounts (issue 14).
--
-- A password the administrator set (a new professional, or a new password
-- for one who forgot theirs) is initial: after logging in with it the
-- professional must choose their own before anything else. Until this
-- migration no professional could change their password, so every password
-- stored so far was set by an administrator: all are initial.
ALTER TABLE credentials ADD COLUMN initial INTEGER NOT NULL DEFAULT 0 CHECK (initial IN (0,1));
UPDATE credentials SET initial = 1;

-- A municipality ('gemeente') takes part only to monitor: it gives no
-- signals and never coordinates, so it is always a signaalgever, and the
-- use cases refuse its registrations. SQLite cannot change a CHECK
-- constraint in place, so the table is made again under its own name: the
-- tables that reference it name it, so they point at the new one. Dropping
-- the old one orphans their rows for a moment; with the foreign keys
-- deferred that is checked only at the end of the migration's transaction,
-- when every id is back.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE organisations_copy AS SELECT id, name, type, role, municipality, active, created_at FROM organisations;
DROP TABLE organisations;
CREATE TABLE organisations (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type         TEXT    NOT NULL CHECK (type IN ('onderwijs','kinderopvang','politie','leerplicht','jgz','amw','smw','wijkteam','jeugdhulp','ggz','verslavingszorg','volwassenenzorg','huisarts','veilig-thuis','gi','raad','gemeente')),
    role         TEXT    NOT NULL CHECK (role IN ('signaalgever','zorgaanbieder')),
    municipality TEXT    NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at   INTEGER NOT NULL,
    CHECK (type <> 'gemeente' OR role = 'signaalgever')
);
INSERT INTO organisations (id, name, type, role, municipality, active, created_at)
    SELECT id, name, type, role, municipality, active, created_at FROM organisations_copy;
DROP TABLE organisations_copy;
