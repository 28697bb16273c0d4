-- Monitoring for every municipality at once (issue 15, item 6). See the
-- SQLite migration of the same number for what each table means.
CREATE TABLE monitoring_totals (
    month           TEXT    NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    organisation_id BIGINT  NOT NULL DEFAULT 0,
    measure         TEXT    NOT NULL CHECK (length(measure) BETWEEN 1 AND 40),
    category        TEXT    NOT NULL DEFAULT '' CHECK (length(category) <= 40),
    shown           BIGINT  NOT NULL CHECK (shown > 0 AND shown % 5 = 0),
    PRIMARY KEY (month, measure, category, organisation_id)
);

CREATE TABLE monitoring_towns (
    municipality TEXT PRIMARY KEY CHECK (length(municipality) BETWEEN 1 AND 100)
);

INSERT INTO monitoring_totals (month, organisation_id, measure, category, shown)
    SELECT month, organisation_id, measure, category, SUM(shown)
    FROM monitoring_cells
    GROUP BY month, measure, category, organisation_id
    HAVING SUM(shown) > 0;

INSERT INTO monitoring_towns (municipality)
    SELECT DISTINCT municipality FROM monitoring_cells;
