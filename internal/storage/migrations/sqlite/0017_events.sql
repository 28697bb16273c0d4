-- Events for client systems (issue 16): the feed and the webhooks.
--
-- An event is what concerns one organisation about one youth: a match, a
-- coordinator, a registration ended, a handover, a deadline passed, a move.
-- It is written in the same transaction as the messages that tell the
-- organisation's professionals, so a client system hears exactly what its
-- professionals are told. id is the feed's cursor: AUTOINCREMENT keeps it
-- rising even after rows are deleted (a plain INTEGER PRIMARY KEY may reuse
-- the largest id). payload holds facts only (who is involved, a reason's
-- kind), never case content. The unique pair keeps a retried event single.
-- ends_involvement marks the event that ended the organisation's own
-- involvement (its last registration ended): the feed shows only events about
-- youths the organisation is involved with now, and that one.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    kind            TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    event_key       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    ends_involvement INTEGER NOT NULL DEFAULT 0 CHECK (ends_involvement IN (0,1)),
    payload         TEXT    NOT NULL DEFAULT '{}',
    UNIQUE (organisation_id, event_key)
);
CREATE INDEX events_feed ON events(organisation_id, id);

-- One webhook per organisation. delivered_through is its cursor: the last
-- event the receiver took, so events go out in order and a paused webhook
-- resumes where it stopped. secret is sealed with the instance's keys. The
-- lease lets one instance at a time deliver a webhook's events; failing_since
-- is the first failure of the current run of failures: after 24 hours of it
-- the webhook is paused (paused_at) and the administrators are told.
CREATE TABLE webhooks (
    id                INTEGER PRIMARY KEY,
    organisation_id   INTEGER NOT NULL UNIQUE REFERENCES organisations(id),
    url               TEXT    NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    secret            BLOB    NOT NULL,
    created_at        INTEGER NOT NULL,
    delivered_through INTEGER NOT NULL DEFAULT 0,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   INTEGER NOT NULL DEFAULT 0,
    failing_since     INTEGER,
    last_error        TEXT,
    paused_at         INTEGER,
    lease_owner       TEXT,
    lease_until       INTEGER
);
CREATE INDEX webhooks_due ON webhooks(next_attempt_at) WHERE paused_at IS NULL;
