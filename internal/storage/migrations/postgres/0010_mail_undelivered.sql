-- Mail the receiving server refused for good (issue 19). An SMTP 5xx answer
-- to the recipient or the message (550 5.1.1: no such mailbox) will not
-- change by asking again, so such mail stops being retried: undelivered_at
-- says since when, last_error holds the server's answer. The regional
-- administrator sees it on "Niet bezorgde e-mail" and can queue it again.
ALTER TABLE outbox ADD COLUMN undelivered_at BIGINT;

-- The worker looks only at mail it can still deliver.
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE sent_at IS NULL AND undelivered_at IS NULL;

-- The administrator's list, and the notice each page shows a professional
-- whose address was refused, read only the refused mail.
CREATE INDEX outbox_undelivered ON outbox(undelivered_at) WHERE undelivered_at IS NOT NULL;
