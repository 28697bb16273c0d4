-- The coordinator's job (issue 4): accepting, handing over, the plan of
-- action, contacting signallers, removing a wrong signal and closing.
-- Procedural facts and fixed codes only: who does what by when, never what
-- is the matter with the youth.
--
-- A coordination is first assigned ('toegewezen') by the covenant. The
-- organisation then accepts it, naming its coordinating professional
-- ('geaccepteerd'), or states with a fixed reason that coordination is not
-- needed ('niet-nodig'). accept_due_at is the last moment to do either, in
-- working days (internal/workday); accept_alerted_at is when the regional
-- administrator was told it passed. end_reason says why it ended.
ALTER TABLE coordinations ADD COLUMN status TEXT NOT NULL DEFAULT 'toegewezen'
    CHECK (status IN ('toegewezen','geaccepteerd','niet-nodig'));
ALTER TABLE coordinations ADD COLUMN professional_id INTEGER REFERENCES professionals(id);
ALTER TABLE coordinations ADD COLUMN decided_at INTEGER;
ALTER TABLE coordinations ADD COLUMN decided_by INTEGER REFERENCES professionals(id);
ALTER TABLE coordinations ADD COLUMN not_needed_reason TEXT
    CHECK (not_needed_reason IN ('adequate-hulp','enkelvoudige-hulpvraag','onderlinge-afstemming','elders-gecoordineerd','buiten-regio'));
ALTER TABLE coordinations ADD COLUMN accept_due_at INTEGER;
ALTER TABLE coordinations ADD COLUMN accept_alerted_at INTEGER;
ALTER TABLE coordinations ADD COLUMN end_reason TEXT
    CHECK (end_reason IN ('convenant','gi','overdracht','afgesloten','geen-betrokkenen'));
ALTER TABLE coordinations ADD COLUMN ended_by INTEGER REFERENCES professionals(id);
-- rule_since: when the covenant rule in force began to apply, if the rule
-- changed while the same organisation kept coordinating (Almere: a level up).
ALTER TABLE coordinations ADD COLUMN rule_since INTEGER;
CREATE INDEX coordinations_organisation ON coordinations(organisation_id) WHERE ended_at IS NULL;
CREATE INDEX coordinations_accept_due ON coordinations(accept_due_at) WHERE ended_at IS NULL AND status = 'toegewezen';

-- A handover the coordinator (or the GI) proposes to another involved care
-- organisation; that organisation accepts (naming its professional) or
-- declines. At most one open proposal per coordination.
CREATE TABLE handovers (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    coordination_id    INTEGER NOT NULL REFERENCES coordinations(id),
    youth_id           INTEGER NOT NULL REFERENCES youths(id),
    to_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    proposed_by        INTEGER NOT NULL REFERENCES professionals(id),
    proposed_at        INTEGER NOT NULL,
    outcome            TEXT    CHECK (outcome IN ('geaccepteerd','geweigerd','ingetrokken','vervallen')),
    decided_by         INTEGER REFERENCES professionals(id),
    decided_at         INTEGER,
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX handovers_open ON handovers(coordination_id) WHERE outcome IS NULL;
CREATE INDEX handovers_to ON handovers(to_organisation_id) WHERE outcome IS NULL;

-- The plan of action ("één gezin, één plan"): agreements, each an action
-- from the region's list (covenant file, "zorgcoordinatie.afspraken"), the
-- involved professional responsible, a start and an intended end date, and
-- a status. overdue_alerted_at: when the coordinator and the responsible
-- professional were told the end date passed.
CREATE TABLE agreements (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id           INTEGER NOT NULL REFERENCES youths(id),
    coordination_id    INTEGER NOT NULL REFERENCES coordinations(id),
    action             TEXT    NOT NULL CHECK (length(action) BETWEEN 1 AND 60),
    professional_id    INTEGER NOT NULL REFERENCES professionals(id),
    start_on           TEXT    NOT NULL CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    end_on             TEXT    NOT NULL CHECK (end_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    status             TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open','gedaan','niet-nagekomen')),
    created_by         INTEGER NOT NULL REFERENCES professionals(id),
    created_at         INTEGER NOT NULL,
    updated_by         INTEGER REFERENCES professionals(id),
    updated_at         INTEGER,
    overdue_alerted_at INTEGER,
    CHECK (start_on <= end_on)
);
CREATE INDEX agreements_youth ON agreements(youth_id);
CREATE INDEX agreements_open ON agreements(end_on) WHERE status = 'open';
CREATE INDEX agreements_professional ON agreements(professional_id) WHERE status = 'open';

-- That the coordinator contacted a signaller (seed 002: "alle signaalgevers
-- worden door de zorgcoördinator gebeld"), one row per registration, and
-- that a wrong signal was discussed with its signaller before removal. No
-- reference to registrations: a removal deletes the registration, and these
-- facts must stay. reminded_at on contact_reminders: when the coordinator
-- was reminded of a signaller not yet contacted.
CREATE TABLE signaller_contacts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    coordination_id INTEGER NOT NULL REFERENCES coordinations(id),
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    registration_id INTEGER NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('contact','overleg-onterecht')),
    contacted_on    TEXT    NOT NULL CHECK (contacted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_by     INTEGER NOT NULL REFERENCES professionals(id),
    recorded_at     INTEGER NOT NULL,
    UNIQUE (coordination_id, registration_id, kind)
);
CREATE INDEX signaller_contacts_youth ON signaller_contacts(youth_id);

-- Registrations can now also end because the coordinator closed the case
-- (seed 002: a registration ends "als de zorgcoördinator beslist dat een
-- casus kan worden afgesloten"). SQLite cannot change a CHECK constraint, so
-- the table is rebuilt as in 0002, matches waiting in a copy meanwhile.
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
    end_reason          TEXT    CHECK (end_reason IN ('organisatie','einddatum','leeftijdsgrens','verlopen','afgesloten')),
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
