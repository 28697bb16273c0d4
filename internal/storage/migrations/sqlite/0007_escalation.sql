-- The escalation procedure and Almere's care pyramid (issue 4, items 7 and 8).
-- Procedural facts and fixed codes only: which step, who recorded it, when,
-- by when it was due; never what the disagreement or the ruling is about.
--
-- An escalation (seed 002, "Escalatieprocedure") is started by the
-- coordinating organisation when disagreement blocks the plan of action; at
-- most one runs per youth. authority is who has the override authority
-- (doorzettingsmacht): the GI for its clients (youth protection, probation),
-- the alderman for youth otherwise. outcome says how it ended: the decision
-- executed, withdrawn by the coordinator, or lapsed because the coordination
-- it belonged to ended.
CREATE TABLE escalations (
    id                        INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id                  INTEGER NOT NULL REFERENCES youths(id),
    coordination_id           INTEGER NOT NULL REFERENCES coordinations(id),
    authority                 TEXT    NOT NULL CHECK (authority IN ('gi','wethouder')),
    authority_organisation_id INTEGER REFERENCES organisations(id),
    started_by                INTEGER NOT NULL REFERENCES professionals(id),
    started_at                INTEGER NOT NULL,
    ended_at                  INTEGER,
    outcome                   TEXT    CHECK (outcome IN ('uitgevoerd','ingetrokken','vervallen')),
    ended_by                  INTEGER REFERENCES professionals(id),
    CHECK ((ended_at IS NULL) = (outcome IS NULL)),
    CHECK ((authority = 'gi') = (authority_organisation_id IS NOT NULL))
);
CREATE UNIQUE INDEX escalations_running ON escalations(youth_id) WHERE ended_at IS NULL;
CREATE INDEX escalations_coordination ON escalations(coordination_id);

-- The steps of an escalation, numbered as in docs/coordination.md (1: the
-- coordinator engages its management ... 7: the coordinator executes the
-- decision). A step's row is made when it becomes due: due_at is counted in
-- working days from when the step before was done (NULL: no deadline).
-- outcome is the managements' ruling in step 3. alerted_at: when the next
-- actor and the regional administrators were told the step is overdue.
CREATE TABLE escalation_steps (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    escalation_id INTEGER NOT NULL REFERENCES escalations(id),
    step          INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
    due_at        INTEGER,
    done_at       INTEGER,
    done_by       INTEGER REFERENCES professionals(id),
    outcome       TEXT    CHECK (outcome IN ('overeenstemming','geen-overeenstemming')),
    alerted_at    INTEGER,
    UNIQUE (escalation_id, step),
    CHECK ((done_at IS NULL) = (done_by IS NULL))
);
CREATE INDEX escalation_steps_due ON escalation_steps(due_at) WHERE done_at IS NULL AND alerted_at IS NULL;

-- Almere, level 3 of the care pyramid: the process coordinator convenes
-- everyone involved within the rule's number of working days from the start
-- of the coordination (seed 001 appendix 3.1). One row per coordination, made
-- when the meeting is recorded or the deadline alert goes out.
CREATE TABLE convenings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    coordination_id INTEGER NOT NULL UNIQUE REFERENCES coordinations(id),
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    convened_on     TEXT    CHECK (convened_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    recorded_by     INTEGER REFERENCES professionals(id),
    recorded_at     INTEGER,
    alerted_at      INTEGER,
    CHECK ((convened_on IS NULL) = (recorded_at IS NULL)),
    CHECK ((recorded_at IS NULL) = (recorded_by IS NULL))
);
CREATE INDEX convenings_youth ON convenings(youth_id);

-- Stagnation (Almere, level 4): care stagnates, so the brandpunt officer
-- convenes everyone within the region's number of hours (due_at) and may
-- instruct. The regional administrator records both for the officer. At most
-- one report per youth waits to be convened.
CREATE TABLE stagnations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    coordination_id INTEGER NOT NULL REFERENCES coordinations(id),
    reported_by     INTEGER NOT NULL REFERENCES professionals(id),
    reported_at     INTEGER NOT NULL,
    due_at          INTEGER NOT NULL,
    convened_by     INTEGER REFERENCES professionals(id),
    convened_at     INTEGER,
    instructed_by   INTEGER REFERENCES professionals(id),
    instructed_at   INTEGER,
    alerted_at      INTEGER,
    CHECK ((convened_at IS NULL) = (convened_by IS NULL)),
    CHECK ((instructed_at IS NULL) = (instructed_by IS NULL)),
    CHECK (instructed_at IS NULL OR convened_at IS NOT NULL)
);
CREATE UNIQUE INDEX stagnations_open ON stagnations(youth_id) WHERE convened_at IS NULL;
CREATE INDEX stagnations_coordination ON stagnations(coordination_id);
