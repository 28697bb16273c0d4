-- Relations (issue 7, seed 002): a professional involved with a youth may
-- link the youth to another person of the population register, a parent,
-- brother or sister, other relative or housemate. "Vastgelegd wordt om welke
-- relatie het gaat, welke hulpverlener de relatie heeft gelegd en op welke
-- datum. Wederom wordt geen enkele 'wat'-relatie gelegd." So: the kind from
-- a fixed list, who and when, and nothing else. The other person is stored
-- as the youths are: person_hash is the keyed hash of their BSN, person
-- their sealed name and birth date (with the BSN, for key rotation). The
-- rows go with the youth (DeleteYouthIfEmpty).
CREATE TABLE relations (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    youth_id        INTEGER NOT NULL REFERENCES youths(id),
    person_hash     BLOB    NOT NULL,
    person          BLOB    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('ouder','broer-zus','ander-familielid','huisgenoot')),
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    professional_id INTEGER NOT NULL REFERENCES professionals(id),
    created_at      INTEGER NOT NULL,
    UNIQUE (youth_id, person_hash, kind)
);
CREATE INDEX relations_person ON relations(person_hash);
