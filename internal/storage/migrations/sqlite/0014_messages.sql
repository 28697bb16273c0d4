-- Messages worth reading (issue 14).
--
-- Urgent messages (an escalation, a deadline passed, a handover offered, a
-- match with an urgent signal or with Veilig Thuis or a GI) are marked, listed
-- first while unread and say "Spoed" in the e-mail's subject. Whether a
-- message is urgent depends on more than its kind (a match is urgent only
-- with such an organisation or signal), so it is stored.
ALTER TABLE messages ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0,1));

-- One event gives each professional one e-mail (usecase.Batch): what it
-- causes for them is stored as separate messages, but mailed together.
-- mail_id is the outbox row that carries a message; withdrawing a message
-- (an upheld objection) withdraws the unsent e-mail it is part of. The
-- outbox's subject and body, when set, are that combined e-mail's; when
-- NULL the mail is its one message's. (The menu's unread count uses
-- messages_unread of 0009.)
ALTER TABLE messages ADD COLUMN mail_id INTEGER;
CREATE INDEX messages_mail ON messages(mail_id) WHERE mail_id IS NOT NULL;
ALTER TABLE outbox ADD COLUMN subject TEXT;
ALTER TABLE outbox ADD COLUMN body TEXT;

