-- Bulk synchronisation for client systems (issue 16).
--
-- A client system may end a registration: a complete list ('volledig') it
-- sends ends its organisation's active registrations of those kinds that
-- are not on it. The reason is 'koppeling'. SQLite cannot change a CHECK
-- constraint, so the table is rebuilt as in 0006, matches waiting in a copy
-- meanwhile (they are the one table that references it).
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
    end_reason          TEXT    CHECK (end_reason IN ('organisatie','einddatum','leeftijdsgrens','verlopen','afgesloten','koppeling')),
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
INSERT INTO registrations_new SELECT id, youth_id, organisation_id, professional_id, kind, urgent, created_at, end_on, ended_at, end_reason, ended_by,
       parents_informed, youth_informed, expires_on, renewed_at, expiry_warned_at, archive_notified_at
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

-- A token may be limited to synchronising: it can do nothing but send its
-- organisation's lists and read their reports ('synchronisatie').
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'volledig'
    CHECK (scope IN ('volledig','synchronisatie'));

-- One synchronisation: what was sent (its hash, how many lines, complete or
-- not), how far it got and what it did. Each batch of lines commits
-- together with its progress here (done_lines, the counts), so a
-- synchronisation cut off at any moment is resumed by the next identical
-- request (the same body_hash while status is not 'klaar'), from the first
-- line no batch committed. step counts the committed batches: a batch
-- commits only when step is still what it read, so two workers on one
-- synchronisation never apply a batch twice. refusals is the list of
-- refused lines as JSON (line number, field, Dutch reason; never a BSN).
-- The last 30 per organisation are kept.
CREATE TABLE sync_reports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    professional_id INTEGER REFERENCES professionals(id),
    token_id        INTEGER REFERENCES api_tokens(id),
    body_hash       BLOB    NOT NULL,
    complete        INTEGER NOT NULL CHECK (complete IN (0,1)),
    lines           INTEGER NOT NULL CHECK (lines >= 0),
    status          TEXT    NOT NULL DEFAULT 'regels' CHECK (status IN ('regels','beeindigen','klaar')),
    step            INTEGER NOT NULL DEFAULT 0,
    done_lines      INTEGER NOT NULL DEFAULT 0,
    created         INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    ended           INTEGER NOT NULL DEFAULT 0,
    refused         INTEGER NOT NULL DEFAULT 0,
    refusals        TEXT    NOT NULL DEFAULT '[]',
    started_at      INTEGER NOT NULL,
    finished_at     INTEGER
);
CREATE INDEX sync_reports_organisation ON sync_reports(organisation_id, id);
CREATE INDEX sync_reports_resume ON sync_reports(organisation_id, body_hash) WHERE status <> 'klaar';

-- The e-mails a synchronisation holds back until its last batch: each
-- professional gets one e-mail per synchronisation, not one per batch. The
-- messages themselves are stored with their batch; a row here is removed
-- when its e-mail is queued. No foreign key to messages: the retention
-- sweep may delete a message first, and its e-mail is then not sent.
CREATE TABLE sync_mail (
    sync_id         INTEGER NOT NULL REFERENCES sync_reports(id),
    message_id      INTEGER NOT NULL,
    email           TEXT    NOT NULL,
    PRIMARY KEY (sync_id, message_id)
);
