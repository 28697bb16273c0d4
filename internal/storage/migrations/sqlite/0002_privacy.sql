-- Parents' rights and retention (issue 5, items 3 and 4).
--
-- registrations gains: whether the parents/legal representatives and the
-- youth were informed, or why not (fixed codes, no free text); the last day
-- of its term (expires_on) with the last renewal and whether the organisation
-- was warned; when its organisation was told, after it ended, that a new
-- registration arrived (archive_notified_at); and the end reason 'verlopen'.
-- SQLite cannot change a CHECK constraint, so the table is rebuilt. matches
-- refers to registrations: its rows wait in a copy meanwhile, so that no
-- foreign key is ever broken.
--
-- Registrations, coordinations and outbox rows are now deleted (objections,
-- retention). AUTOINCREMENT keeps SQLite from handing a deleted row's id to a
-- new row: ids appear in the audit trail, in message keys and in e-mail
-- Message-IDs, and must keep naming one thing.
--
-- Existing registrations: both informing codes become 'nog-niet-geinformeerd'
-- (nothing was recorded; the age is sealed, so it cannot be read here), and
-- the term ends two years after the (UTC) day they were made.

CREATE TEMP TABLE matches_during_migration AS SELECT * FROM matches;
DELETE FROM matches;

CREATE TABLE registrations_new (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id            INTEGER NOT NULL REFERENCES youths(id),
    organisation_id     INTEGER NOT NULL REFERENCES organisations(id),
    professional_id     INTEGER NOT NULL REFERENCES professionals(id),
    kind                TEXT    NOT NULL CHECK (kind IN ('signaal','ketenregistratie')),
    urgent              INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0,1)),
    created_at          INTEGER NOT NULL,
    end_on              TEXT    CHECK (end_on IS NULL OR end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    ended_at            INTEGER,
    end_reason          TEXT    CHECK (end_reason IN ('organisatie','einddatum','leeftijdsgrens','verlopen')),
    ended_by            INTEGER REFERENCES professionals(id),
    parents_informed    TEXT    NOT NULL DEFAULT 'nog-niet-geinformeerd'
                        CHECK (parents_informed IN ('geinformeerd','geinformeerd-niet-eens','nog-niet-geinformeerd','niet-informeren-veiligheid','niet-bereikbaar','niet-van-toepassing')),
    youth_informed      TEXT    NOT NULL DEFAULT 'nog-niet-geinformeerd'
                        CHECK (youth_informed IN ('geinformeerd','geinformeerd-niet-eens','nog-niet-geinformeerd','niet-informeren-veiligheid','niet-bereikbaar','niet-van-toepassing')),
    expires_on          TEXT    NOT NULL CHECK (expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    renewed_at          INTEGER,
    expiry_warned_at    INTEGER,
    archive_notified_at INTEGER,
    CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);
INSERT INTO registrations_new (id, youth_id, organisation_id, professional_id, kind, urgent, created_at, end_on, ended_at, end_reason, ended_by, expires_on)
SELECT id, youth_id, organisation_id, professional_id, kind, urgent, created_at, end_on, ended_at, end_reason, ended_by,
       date(created_at / 1000, 'unixepoch', '+2 years', '-1 day')
FROM registrations;
DROP TABLE registrations;
ALTER TABLE registrations_new RENAME TO registrations;
CREATE UNIQUE INDEX registrations_one_active ON registrations(youth_id, organisation_id, kind) WHERE ended_at IS NULL;
CREATE INDEX registrations_organisation ON registrations(organisation_id, created_at);
CREATE INDEX registrations_end_on ON registrations(end_on) WHERE ended_at IS NULL AND end_on IS NOT NULL;
CREATE INDEX registrations_active ON registrations(youth_id) WHERE ended_at IS NULL;
CREATE INDEX registrations_youth ON registrations(youth_id);
CREATE INDEX registrations_expires_on ON registrations(expires_on) WHERE ended_at IS NULL;
CREATE INDEX registrations_archive ON registrations(ended_at) WHERE ended_at IS NOT NULL;

INSERT INTO matches SELECT * FROM matches_during_migration;
DROP TABLE matches_during_migration;
CREATE INDEX matches_registration ON matches(registration_id);

CREATE TABLE coordinations_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    rule            TEXT    NOT NULL,
    reason          TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER
);
INSERT INTO coordinations_new SELECT id, youth_id, organisation_id, rule, reason, started_at, ended_at FROM coordinations;
DROP TABLE coordinations;
ALTER TABLE coordinations_new RENAME TO coordinations;
CREATE UNIQUE INDEX coordinations_current ON coordinations(youth_id) WHERE ended_at IS NULL;

CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      INTEGER NOT NULL UNIQUE REFERENCES messages(id),
    recipient       TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_owner     TEXT,
    lease_until     INTEGER,
    sent_at         INTEGER,
    last_error      TEXT
);
INSERT INTO outbox_new SELECT id, message_id, recipient, attempts, next_attempt_at, lease_owner, lease_until, sent_at, last_error FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL;

CREATE INDEX messages_youth ON messages(youth_id, created_at);

-- An objection (bezwaar) of parents or youth, lodged at the municipality and
-- recorded by the regional administrator, and its decision. Only facts and
-- fixed codes: no free text, no grounds. The youth is named by reference, so
-- the record outlives the youth's deletion.
CREATE TABLE objections (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_reference TEXT    NOT NULL,
    municipality    TEXT    NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    received_on     TEXT    NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_at     INTEGER NOT NULL,
    recorded_by     INTEGER NOT NULL REFERENCES professionals(id),
    outcome         TEXT    CHECK (outcome IN ('toegewezen','afgewezen')),
    decided_on      TEXT    CHECK (decided_on IS NULL OR decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    decided_at      INTEGER,
    decided_by      INTEGER REFERENCES professionals(id),
    CHECK ((outcome IS NULL) = (decided_on IS NULL)),
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
CREATE INDEX objections_youth ON objections(youth_reference);

-- Which registrations an objection concerns. No reference to registrations:
-- an upheld objection deletes them; removed_at says it did.
CREATE TABLE objection_registrations (
    objection_id    INTEGER NOT NULL REFERENCES objections(id),
    registration_id INTEGER NOT NULL,
    removed_at      INTEGER,
    PRIMARY KEY (objection_id, registration_id)
);

-- The access report looks up the reads of one youth.
CREATE INDEX audit_log_youth ON audit_log(youth_reference) WHERE youth_reference <> '';
CREATE INDEX audit_log_at ON audit_log(at);
