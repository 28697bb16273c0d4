-- Monitoring pages in under a second on national data (issue 15, item 6).
-- See the SQLite migration of the same number for what the table means.
CREATE TABLE monitoring_sums (
    month             TEXT    NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    municipality      TEXT    NOT NULL CHECK (length(municipality) <= 100),
    measure           TEXT    NOT NULL CHECK (length(measure) BETWEEN 1 AND 40),
    category          TEXT    NOT NULL DEFAULT '' CHECK (length(category) <= 40),
    organisation_type TEXT    NOT NULL DEFAULT '' CHECK (length(organisation_type) <= 40),
    shown             BIGINT  NOT NULL CHECK (shown > 0 AND shown % 5 = 0),
    PRIMARY KEY (municipality, month, measure, category, organisation_type)
);

INSERT INTO monitoring_sums (month, municipality, measure, category, organisation_type, shown)
    SELECT c.month, c.municipality, c.measure, c.category, COALESCE(o.type, ''), SUM(c.shown)
    FROM monitoring_cells c LEFT JOIN organisations o ON o.id = c.organisation_id
    GROUP BY c.month, c.municipality, c.measure, c.category, COALESCE(o.type, '')
    HAVING SUM(c.shown) > 0;

INSERT INTO monitoring_sums (month, municipality, measure, category, organisation_type, shown)
    SELECT month, '', measure, category, organisation_type, SUM(shown)
    FROM monitoring_sums
    GROUP BY month, measure, category, organisation_type;
