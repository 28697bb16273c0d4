-- Jeugdketen schema, SQLite. Times are UTC milliseconds since 1970 (columns
-- ending in _at); calendar days are 'YYYY-MM-DD' text (columns ending in _on).
-- "That"-information only: no column can hold case content, reasons or notes
-- about a youth. Identifying data of youths is stored as a keyed hash (for
-- matching) and sealed with AES-GCM (for display); the keys are not here.

CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type         TEXT    NOT NULL CHECK (type IN ('onderwijs','kinderopvang','politie','leerplicht','jgz','amw','smw','wijkteam','jeugdhulp','ggz','verslavingszorg','volwassenenzorg','huisarts','veilig-thuis','gi','raad')),
    role         TEXT    NOT NULL CHECK (role IN ('signaalgever','zorgaanbieder')),
    municipality TEXT    NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at   INTEGER NOT NULL
);

CREATE TABLE professionals (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email           TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    phone           TEXT    NOT NULL,
    admin           INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0,1)),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
    created_at      INTEGER NOT NULL
);
CREATE INDEX professionals_organisation ON professionals(organisation_id);

-- A token belongs to a professional or to an organisation's client system.
CREATE TABLE api_tokens (
    id              INTEGER PRIMARY KEY,
    token_hash      BLOB    NOT NULL UNIQUE,
    professional_id INTEGER REFERENCES professionals(id),
    organisation_id INTEGER REFERENCES organisations(id),
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER,
    revoked_at      INTEGER,
    CHECK ((professional_id IS NULL) <> (organisation_id IS NULL))
);

-- The local population register (BRP copy). person is sealed JSON.
CREATE TABLE population (
    bsn_hash     BLOB    PRIMARY KEY,
    person       BLOB    NOT NULL,
    municipality TEXT    NOT NULL,
    address_hash BLOB,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX population_address ON population(address_hash);

CREATE TABLE population_parents (
    child_hash  BLOB NOT NULL,
    parent_hash BLOB NOT NULL,
    PRIMARY KEY (child_hash, parent_hash)
);

-- A youth someone registered. reference is the random public name used in
-- e-mails and links; person is a sealed snapshot of the register entry.
CREATE TABLE youths (
    id           INTEGER PRIMARY KEY,
    bsn_hash     BLOB    NOT NULL UNIQUE,
    reference    TEXT    NOT NULL UNIQUE,
    person       BLOB    NOT NULL,
    municipality TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);

CREATE TABLE registrations (
    id              INTEGER PRIMARY KEY,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    kind            TEXT    NOT NULL CHECK (kind IN ('signaal','ketenregistratie')),
    urgent          INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0,1)),
    created_at      INTEGER NOT NULL,
    end_on          TEXT    CHECK (end_on IS NULL OR end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ended_at        INTEGER,
    end_reason      TEXT    CHECK (end_reason IN ('organisatie','einddatum','leeftijdsgrens')),
    ended_by        INTEGER REFERENCES professionals(id),
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
-- One active registration per youth, organisation and kind: a resend finds it.
CREATE UNIQUE INDEX registrations_one_active ON registrations(youth_id, organisation_id, kind) WHERE ended_at IS NULL;
CREATE INDEX registrations_organisation ON registrations(organisation_id, created_at);
CREATE INDEX registrations_end_on ON registrations(end_on) WHERE ended_at IS NULL AND end_on IS NOT NULL;
CREATE INDEX registrations_active ON registrations(youth_id) WHERE ended_at IS NULL;

-- A match: two organisations registered about the same youth. One row per pair.
CREATE TABLE matches (
    id              INTEGER PRIMARY KEY,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    organisation_a  INTEGER NOT NULL REFERENCES organisations(id),
    organisation_b  INTEGER NOT NULL REFERENCES organisations(id),
    registration_id INTEGER NOT NULL REFERENCES registrations(id),
    created_at      INTEGER NOT NULL,
    CHECK (organisation_a < organisation_b),
    UNIQUE (youth_id, organisation_a, organisation_b)
);

-- Who coordinates a youth's care, by which covenant rule, and for how long.
CREATE TABLE coordinations (
    id              INTEGER PRIMARY KEY,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    rule            TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER
);
CREATE UNIQUE INDEX coordinations_current ON coordinations(youth_id) WHERE ended_at IS NULL;

-- In-app messages. The text names organisations and professionals, never the
-- youth; event_key makes each event reach each person once.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    youth_id        INTEGER REFERENCES youths(id),
    kind            TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    event_key       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    read_at         INTEGER,
    UNIQUE (event_key, professional_id)
);
CREATE INDEX messages_inbox ON messages(professional_id, created_at);

-- E-mails still to deliver. A worker takes rows by lease.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    message_id      INTEGER NOT NULL UNIQUE REFERENCES messages(id),
    recipient       TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     INTEGER,
    sent_at         INTEGER,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL;

-- Append-only log of every access and change; each row carries the hash of
-- the one before (see internal/audit).
CREATE TABLE audit_log (
    id               INTEGER PRIMARY KEY,
    at               INTEGER NOT NULL,
    professional_id  INTEGER,
    organisation_id  INTEGER,
    actor_role       TEXT    NOT NULL,
    client_system    TEXT    NOT NULL DEFAULT '',
    action           TEXT    NOT NULL,
    object_type      TEXT    NOT NULL,
    object_id        TEXT    NOT NULL DEFAULT '',
    youth_reference  TEXT    NOT NULL DEFAULT '',
    source           TEXT    NOT NULL DEFAULT '',
    outcome          TEXT    NOT NULL,
    purpose          TEXT    NOT NULL DEFAULT '',
    prev_hash        TEXT    NOT NULL,
    hash             TEXT    NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Named leases for background work, so several instances share it.
CREATE TABLE leases (
    name        TEXT    PRIMARY KEY,
    owner       TEXT    NOT NULL,
    until       INTEGER NOT NULL
);
