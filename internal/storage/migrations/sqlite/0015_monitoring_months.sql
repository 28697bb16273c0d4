-- Monitoring per month (issue 15).
--
-- The municipality's figures are made once per month, by the sweep on the
-- first days of the next month, and never change afterwards: each count is
-- rounded to a multiple of 5 when it is made (unbiased random rounding,
-- internal/monitoring/round.go), and every figure a page, a CSV, a PDF or
-- the API shows is a sum of these rounded cells. So no request, no period
-- and no combination of tables can work back a count below 5, and the
-- figures survive the deletion of the registrations they count.
--
-- A cell counts one measure (registrations made, matches followed up, ...)
-- in one category (a kind, a reason, an outcome, a number of working days)
-- for one month and one municipality of the youth; organisation_id is the
-- organisation it counts for, or 0 when the measure has none. n is the
-- true count, kept only to check the rounding; shown is what is shown.
CREATE TABLE monitoring_cells (
    month           TEXT    NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    municipality    TEXT    NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    organisation_id INTEGER NOT NULL DEFAULT 0,
    measure         TEXT    NOT NULL CHECK (length(measure) BETWEEN 1 AND 40),
    category        TEXT    NOT NULL DEFAULT '' CHECK (length(category) <= 40),
    n               INTEGER NOT NULL CHECK (n > 0),
    shown           INTEGER NOT NULL CHECK (shown >= 0 AND shown % 5 = 0),
    PRIMARY KEY (month, municipality, measure, category, organisation_id)
);
-- A municipality's pages read its months through this index alone (it
-- covers what they sum), and the list of municipalities is read from it.
CREATE INDEX monitoring_cells_town ON monitoring_cells(municipality, month, measure, category, organisation_id, shown);

-- A month whose cells are made: its cells are complete (a month may have
-- none). made_at is when.
CREATE TABLE monitoring_months (
    month   TEXT    PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    made_at INTEGER NOT NULL
);

-- The monthly report of one municipality (a PDF made from the frozen cells,
-- so it reads the same every time it is opened), and when its monitoring
-- accounts were told by e-mail (a link, never an attachment).
CREATE TABLE monitoring_reports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    month        TEXT    NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    municipality TEXT    NOT NULL CHECK (length(municipality) BETWEEN 1 AND 100),
    made_at      INTEGER NOT NULL,
    UNIQUE (month, municipality)
);
