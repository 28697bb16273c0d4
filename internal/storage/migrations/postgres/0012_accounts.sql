-- Accounts (issue 14).
--
-- A password the administrator set (a new professional, or a new password
-- for one who forgot theirs) is initial: after logging in with it the
-- professional must choose their own before anything else. Until this
-- migration no professional could change their password, so every password
-- stored so far was set by an administrator: all are initial.
ALTER TABLE credentials ADD COLUMN initial SMALLINT NOT NULL DEFAULT 0 CHECK (initial IN (0,1));
UPDATE credentials SET initial = 1;

-- A municipality ('gemeente') takes part only to monitor: it gives no
-- signals and never coordinates, so it is always a signaalgever, and the
-- use cases refuse its registrations.
ALTER TABLE organisations DROP CONSTRAINT organisations_type_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_type_check
    CHECK (type IN ('onderwijs','kinderopvang','politie','leerplicht','jgz','amw','smw','wijkteam','jeugdhulp','ggz','verslavingszorg','volwassenenzorg','huisarts','veilig-thuis','gi','raad','gemeente'));
ALTER TABLE organisations ADD CONSTRAINT organisations_municipality_only_signals
    CHECK (type <> 'gemeente' OR role = 'signaalgever');
