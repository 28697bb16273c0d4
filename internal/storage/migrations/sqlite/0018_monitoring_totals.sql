-- Monitoring for every municipality at once (issue 15, item 6).
--
-- The regional administrator's pages show the sum over all municipalities.
-- Summing the cells of a national region per request took seconds, so the
-- sum is kept: monitoring_totals holds, per month, measure, category and
-- organisation, the sum of the rounded counts (shown) of every
-- municipality's cells. It is written in the same transaction as those
-- cells and is nothing but their sum, so it shows exactly what summing them
-- would: no figure here depends on a true count.
CREATE TABLE monitoring_totals (
    month           TEXT    NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    organisation_id INTEGER NOT NULL DEFAULT 0,
    measure         TEXT    NOT NULL CHECK (length(measure) BETWEEN 1 AND 40),
    category        TEXT    NOT NULL DEFAULT '' CHECK (length(category) <= 40),
    shown           INTEGER NOT NULL CHECK (shown > 0 AND shown % 5 = 0),
    PRIMARY KEY (month, measure, category, organisation_id)
);

-- The municipalities that have figures: the administrator's choice of
-- municipality, without reading every cell.
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
