-- Login through the organisation's own identity provider (issue 21).
--
-- One OpenID Connect provider per organisation. The client secret is sealed
-- with the region's keys (package secret), like the TOTP secrets: a copy of
-- the database alone does not give it away. mfa_acr lists, space separated,
-- the acr values the region counts as a second factor; domains the e-mail
-- domains whose professionals are sent to this provider.
CREATE TABLE identity_providers (
    organisation_id INTEGER PRIMARY KEY REFERENCES organisations(id),
    issuer          TEXT    NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    client_id       TEXT    NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
    client_secret   BLOB    NOT NULL,
    email_claim     TEXT    NOT NULL DEFAULT 'email' CHECK (length(email_claim) BETWEEN 1 AND 100),
    mfa_acr         TEXT    NOT NULL DEFAULT '',
    domains         TEXT    NOT NULL DEFAULT '',
    password_login  INTEGER NOT NULL DEFAULT 1 CHECK (password_login IN (0,1)),
    updated_at      INTEGER NOT NULL
);

-- The provider's subject, bound to the professional at the first login and
-- checked at every one after: a reused e-mail address at the provider does
-- not open another person's account.
CREATE TABLE professional_identities (
    professional_id INTEGER PRIMARY KEY REFERENCES professionals(id),
    issuer          TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    bound_at        INTEGER NOT NULL,
    UNIQUE (issuer, subject)
);

-- A login sent to a provider and not yet back: the state (its hash), the
-- nonce and the PKCE verifier (sealed). A row is taken once: a state that
-- comes back twice finds nothing the second time.
CREATE TABLE oidc_logins (
    state_hash      BLOB    PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    nonce           TEXT    NOT NULL,
    verifier        BLOB    NOT NULL,
    expires_at      INTEGER NOT NULL
);
CREATE INDEX oidc_logins_expires ON oidc_logins(expires_at);

-- The function a professional has, as the organisation's list gives it.
ALTER TABLE professionals ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
