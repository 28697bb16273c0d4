-- Logging in to the web application (see internal/auth). Nothing here can
-- hold a password or a session id as typed: passwords are argon2id hashes,
-- session ids and recovery codes SHA-256 hashes, the TOTP secret is sealed
-- with the region's keys. Login attempts are counted under a keyed hash of
-- the e-mail address, so an address nobody has leaves no readable trace.

-- A professional's credentials; a row exists once a password was set.
CREATE TABLE credentials (
    professional_id  INTEGER PRIMARY KEY REFERENCES professionals(id),
    password_hash    TEXT    NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    totp_secret      BLOB,              -- sealed; NULL until the second factor is enrolled
    totp_last_step   INTEGER NOT NULL DEFAULT 0, -- a code is accepted once
    updated_at       INTEGER NOT NULL
);

CREATE TABLE recovery_codes (
    id               INTEGER PRIMARY KEY,
    professional_id  INTEGER NOT NULL REFERENCES professionals(id),
    code_hash        BLOB    NOT NULL,
    used_at          INTEGER
);
CREATE INDEX recovery_codes_professional ON recovery_codes(professional_id);

-- A session is 'wachtwoord' between the password and the second factor, and
-- 'ingelogd' after both. pending_secret is the sealed TOTP secret shown
-- while the professional enrols.
CREATE TABLE sessions (
    id_hash          BLOB    PRIMARY KEY,
    professional_id  INTEGER NOT NULL REFERENCES professionals(id),
    stage            TEXT    NOT NULL CHECK (stage IN ('wachtwoord','ingelogd')),
    pending_secret   BLOB,
    created_at       INTEGER NOT NULL,
    last_seen_at     INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL
);
CREATE INDEX sessions_professional ON sessions(professional_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- Failed logins per account ('account:' + keyed hash) and per address ('adres:' + address).
CREATE TABLE login_throttle (
    throttle_key     TEXT    PRIMARY KEY,
    failures         INTEGER NOT NULL,
    last_failure_at  INTEGER NOT NULL,
    locked_until     INTEGER NOT NULL DEFAULT 0
);
