package registration_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

func TestRegistrationRunsTwoYearsUnlessRenewed(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie).Registration
	if got := r.ExpiresOn.Format("2006-01-02"); got != "2028-11-22" {
		t.Fatalf("registered on 23 November 2026, runs until %s; want 2028-11-22", got)
	}

	env.Clock.Set(testenv.WallClock("2028-11-22 23:30"))
	if n, err := env.Registry.Registrations.SweepExpired(ctx); err != nil || n != 0 {
		t.Fatalf("sweep on the last day ended %d, %v", n, err)
	}
	env.Clock.Set(testenv.WallClock("2028-11-23 00:30"))
	if n, err := env.Registry.Registrations.SweepExpired(ctx); err != nil || n != 1 {
		t.Fatalf("sweep the day after ended %d, %v; want 1", n, err)
	}
	v, err := env.Registry.Registrations.Registration(ctx, jh, r.ID)
	if err != nil || v.Registration.Active() || v.Registration.EndReason != model.EndExpired {
		t.Fatalf("registration after its term = %+v, %v; want ended, reason verlopen", v.Registration, err)
	}
	if _, err := env.Registry.Registrations.Renew(ctx, jh, r.ID); model.ErrorCode(err) != model.ECONFLICT {
		t.Fatalf("renewing an ended registration: %v, want a conflict", err)
	}
}

func TestRenewalStartsANewTermFromToday(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	ggz := env.Pro(t, env.Org(t, "GGZ", model.TypeGGZ))
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie).Registration

	env.Clock.Set(testenv.WallClock("2027-05-10 14:00"))
	if _, err := env.Registry.Registrations.Renew(ctx, ggz, r.ID); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("another organisation renewed the registration: %v", err)
	}
	renewed, err := env.Registry.Registrations.Renew(ctx, jh, r.ID)
	if err != nil || renewed.ExpiresOn.Format("2006-01-02") != "2029-05-09" || renewed.RenewedAt == nil {
		t.Fatalf("renewed on 10 May 2027 = %+v, %v; want a term until 2029-05-09", renewed, err)
	}
	env.Clock.Set(testenv.WallClock("2028-11-23 12:00"))
	if n, _ := env.Registry.Registrations.SweepExpired(ctx); n != 0 {
		t.Fatalf("the renewed registration was ended at the old term")
	}
	var updates int
	testenv.RawDB(t, env).QueryRow(`SELECT count(*) FROM audit_log WHERE action = 'update' AND object_id = $1 AND purpose LIKE 'looptijd verlengd%'`, testenv.Itoa(r.ID)).Scan(&updates)
	if updates != 1 {
		t.Fatalf("%d audit records of the renewal, want 1", updates)
	}
}

func TestMaxDurationIsConfigurable(t *testing.T) {
	env := testenv.New(t)
	env.Registry.MaxDuration = model.Period{Months: 6}
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie).Registration
	if got := r.ExpiresOn.Format("2006-01-02"); got != "2027-05-22" {
		t.Fatalf("term of six months from 23 November 2026 ends %s, want 2027-05-22", got)
	}
}

func TestOrganisationIsWarnedOnceBeforeTheTermEnds(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie).Registration // until 2028-11-22

	env.Clock.Set(testenv.WallClock("2028-10-22 12:00"))
	if n, err := env.Registry.Registrations.WarnExpiring(ctx); err != nil || n != 0 {
		t.Fatalf("warned %d, %v 31 days before the end", n, err)
	}
	env.Clock.Set(testenv.WallClock("2028-10-23 12:00"))
	if n, err := env.Registry.Registrations.WarnExpiring(ctx); err != nil || n != 1 {
		t.Fatalf("warned %d, %v 30 days before the end; want 1", n, err)
	}
	if n, _ := env.Registry.Registrations.WarnExpiring(ctx); n != 0 {
		t.Fatalf("warned again: %d", n)
	}
	got := testenv.MessagesOfKind(env.Inbox(t, jh), registration.KindExpiring)
	if len(got) != 1 || !strings.Contains(got[0].Subject, "22 november 2028") || !strings.Contains(got[0].Body, "/registraties/"+testenv.Itoa(r.ID)+"/verlengen") ||
		!strings.Contains(got[0].Body, "op haar pagina in Jeugdketen") {
		t.Fatalf("expiry messages = %+v", got)
	}
	// A renewed term is warned of again when it nears its end.
	if _, err := env.Registry.Registrations.Renew(ctx, jh, r.ID); err != nil { // until 2030-10-22
		t.Fatal(err)
	}
	env.Clock.Set(testenv.WallClock("2030-09-22 12:00"))
	if n, _ := env.Registry.Registrations.WarnExpiring(ctx); n != 1 {
		t.Fatalf("renewed term warned %d times, want 1", n)
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, jh), registration.KindExpiring); len(got) != 2 {
		t.Fatalf("%d expiry messages after the second warning, want 2", len(got))
	}
}

func TestArchivedOrganisationIsToldOnceOfANewRegistration(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Noord", model.TypeJeugdhulp))
	school := env.Pro(t, env.Org(t, "Stedelijk College", model.TypeOnderwijs))
	police := env.Pro(t, env.Org(t, "Politie", model.TypePolitie))
	old := env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie).Registration
	if _, err := env.Registry.Registrations.End(ctx, jh, old.ID); err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(24 * time.Hour)

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	got := testenv.MessagesOfKind(env.Inbox(t, jh), registration.KindArchive)
	if len(got) != 1 {
		t.Fatalf("the archived organisation got %d archive messages, want 1", len(got))
	}
	for _, want := range []string{"Stedelijk College", school.Professional.Phone, "eerder betrokken"} {
		if !strings.Contains(got[0].Body, want) {
			t.Errorf("archive message lacks %q:\n%s", want, got[0].Body)
		}
	}
	env.Register(t, police, population.BSNTeen, model.KindSignaal)
	if got := testenv.MessagesOfKind(env.Inbox(t, jh), registration.KindArchive); len(got) != 1 {
		t.Fatalf("a second new registration gave the archived organisation %d archive messages, want still 1", len(got))
	}
	if got := testenv.MessagesOfKind(env.Inbox(t, school), registration.KindArchive); len(got) != 0 {
		t.Fatalf("an involved organisation got archive messages: %+v", got)
	}
}

func TestArchiveNoticeSkipsOrganisationsInvolvedNow(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	school := env.Pro(t, env.Org(t, "School", model.TypeOnderwijs))
	signal := env.Register(t, jh, population.BSNTeen, model.KindSignaal).Registration
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	env.Registry.Registrations.End(ctx, jh, signal.ID)

	env.Register(t, school, population.BSNTeen, model.KindSignaal)
	if got := testenv.MessagesOfKind(env.Inbox(t, jh), registration.KindArchive); len(got) != 0 {
		t.Fatalf("an organisation still involved got an archive message: %+v", got)
	}
}

func TestArchiveIsDeletedAfterItsPeriod(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	r := env.Register(t, smw, population.BSNChild, model.KindKetenregistratie)
	for _, a := range []usecase.Actor{jh, smw} {
		if _, err := env.Registry.Registrations.End(ctx, a, testenv.FirstRegistration(t, env, a)); err != nil {
			t.Fatal(err)
		}
	}
	raw := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM registrations WHERE ended_at IS NOT NULL`); n != 2 {
		t.Fatalf("%d ended registrations in the archive, want 2", n)
	}

	env.Clock.Set(testenv.WallClock("2031-11-23 12:00")) // five years after they ended, the same day
	if p, err := env.Registry.Registrations.SweepArchive(ctx); err != nil || p.Registrations != 0 {
		t.Fatalf("archive sweep on the last day deleted %+v, %v", p, err)
	}
	env.Clock.Set(testenv.WallClock("2031-11-24 12:00"))
	p, err := env.Registry.Registrations.SweepArchive(ctx)
	if err != nil || p.Registrations != 2 || p.Youths != 1 {
		t.Fatalf("archive sweep after five years = %+v, %v; want both registrations and the youth", p, err)
	}
	for _, table := range []string{"registrations", "matches", "coordinations", "messages", "outbox", "youths"} {
		if n := testenv.Count(t, raw, table); n != 0 {
			t.Errorf("%s: %d rows left after the archive period", table, n)
		}
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'remove' AND object_type = 'registratie' AND youth_reference = $1`, r.Youth.Reference); n != 2 {
		t.Errorf("%d audit records of the deletions, want 2", n)
	}
}

func TestArchivePeriodIsConfigurableAndSparesWhatIsActive(t *testing.T) {
	env := testenv.New(t)
	env.Registry.ArchiveYears = 1
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	smw := env.Pro(t, env.Org(t, "SMW", model.TypeSMW))
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	env.Register(t, smw, population.BSNChild, model.KindKetenregistratie)
	env.Registry.Registrations.End(ctx, jh, testenv.FirstRegistration(t, env, jh))
	env.Clock.Set(testenv.WallClock("2027-11-25 12:00"))
	renewed, err := env.Registry.Registrations.Renew(ctx, smw, testenv.FirstRegistration(t, env, smw))
	if err != nil {
		t.Fatal(err)
	}

	p, err := env.Registry.Registrations.SweepArchive(ctx)
	if err != nil || p.Registrations != 1 || p.Youths != 0 || p.Messages == 0 {
		t.Fatalf("sweep a year after = %+v, %v; want the ended registration and the messages of a year ago", p, err)
	}
	raw := testenv.RawDB(t, env)
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM matches`); n != 0 {
		t.Errorf("%d match rows still pair the deleted organisation", n)
	}
	if n := testenv.CountWhere(t, raw, `SELECT count(*) FROM coordinations WHERE organisation_id = $1`, jh.Organisation.ID); n != 0 {
		t.Errorf("%d coordinations of the deleted organisation remain", n)
	}
	v, err := env.Registry.Registrations.Registration(ctx, smw, renewed.ID)
	if err != nil || !v.Registration.Active() || len(v.Involved) != 1 {
		t.Fatalf("the active registration after the sweep = %+v, %v", v, err)
	}
}

func TestAuditPurgeKeepsTheChainVerifiable(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	raw := testenv.RawDB(t, env)
	old := testenv.Count(t, raw, "audit_log")

	env.Clock.Set(testenv.WallClock("2031-11-23 12:00")) // five years on: nothing is older than that yet
	if n, err := env.Registry.Registrations.PurgeAudit(ctx); err != nil || n != 0 {
		t.Fatalf("purge on the last day removed %d, %v", n, err)
	}
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	env.Clock.Set(testenv.WallClock("2031-11-24 12:00"))
	n, err := env.Registry.Registrations.PurgeAudit(ctx)
	if err != nil || n != int64(old) {
		t.Fatalf("purge removed %d, %v; want the %d records older than five years", n, err, old)
	}
	if left := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE at < $1`, testenv.WallClock("2026-11-24 00:00").UnixMilli()); left != 0 {
		t.Fatalf("%d records older than five years left", left)
	}
	if purges := testenv.CountWhere(t, raw, `SELECT count(*) FROM audit_log WHERE action = 'remove' AND object_type = $1`, audit.PurgeObject); purges != 1 {
		t.Fatalf("%d records of the purge, want 1", purges)
	}
	checked, broken, err := audit.Verify(ctx, env.DB)
	if err != nil || broken != nil || checked < 2 {
		t.Fatalf("verify after a purge: %d records, broken %+v, %v", checked, broken, err)
	}
	// The chain goes on after the purge.
	env.Register(t, jh, population.BSNSibling1, model.KindKetenregistratie)
	if _, broken, _ := audit.Verify(ctx, env.DB); broken != nil {
		t.Fatalf("verify after more records: %+v", broken)
	}
}

func TestTamperingAfterAnAuditPurgeIsStillCaught(t *testing.T) {
	env := testenv.New(t)
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	env.Clock.Set(testenv.WallClock("2031-12-01 12:00"))
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	env.Register(t, jh, population.BSNSibling1, model.KindKetenregistratie)
	if n, err := env.Registry.Registrations.PurgeAudit(ctx); err != nil || n == 0 {
		t.Fatalf("purge removed %d, %v", n, err)
	}
	raw := testenv.RawDB(t, env)
	unguard := `DROP TRIGGER audit_log_no_update`
	if testenv.Postgres() {
		unguard += ` ON audit_log`
	}
	if _, err := raw.Exec(unguard); err != nil {
		t.Fatal(err)
	}
	var first, second, purge int64
	raw.QueryRow(`SELECT min(id) FROM audit_log`).Scan(&first)
	raw.QueryRow(`SELECT min(id) FROM audit_log WHERE id > $1`, first).Scan(&second)
	raw.QueryRow(`SELECT id FROM audit_log WHERE object_type = $1`, audit.PurgeObject).Scan(&purge)

	// A changed record after the purge.
	raw.Exec(`UPDATE audit_log SET source = 'elders' WHERE id = $1`, second)
	if _, broken, _ := audit.Verify(ctx, env.DB); broken == nil || broken.ID != second {
		t.Fatalf("changed record %d after a purge not found: %+v", second, broken)
	}
	raw.Exec(`UPDATE audit_log SET source = 'test' WHERE id = $1`, second)
	if _, broken, _ := audit.Verify(ctx, env.DB); broken != nil {
		t.Fatalf("restored record still reported: %+v", broken)
	}
	// The first record after the checkpoint removed, passed off as purged.
	if _, err := raw.Exec(`DELETE FROM audit_log WHERE id = $1`, first); err != nil {
		t.Fatal(err)
	}
	if _, broken, _ := audit.Verify(ctx, env.DB); broken == nil || broken.ID != second {
		t.Fatalf("removed first record after the purge not found: %+v", broken)
	}
	// A changed checkpoint in the purge record.
	raw.Exec(`UPDATE audit_log SET object_id = '1:`+strings.Repeat("0", 64)+`' WHERE id = $1`, purge)
	if _, broken, _ := audit.Verify(ctx, env.DB); broken == nil || broken.ID != purge {
		t.Fatalf("changed purge record %d not found: %+v", purge, broken)
	}
}

func TestAuditPurgeOfEverythingContinuesFromTheCheckpoint(t *testing.T) {
	env := testenv.New(t)
	env.Registry.AuditYears = 1
	jh := env.Pro(t, env.Org(t, "Jeugdhulp", model.TypeJeugdhulp))
	env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	raw := testenv.RawDB(t, env)
	old := testenv.Count(t, raw, "audit_log")

	env.Clock.Set(testenv.WallClock("2027-11-25 12:00"))
	if n, err := env.Registry.Registrations.PurgeAudit(ctx); err != nil || n != int64(old) {
		t.Fatalf("purge a year on removed %d, %v; want all %d", n, err, old)
	}
	if n := testenv.Count(t, raw, "audit_log"); n != 1 {
		t.Fatalf("%d records after purging everything, want only the purge record", n)
	}
	if _, broken, err := audit.Verify(ctx, env.DB); err != nil || broken != nil {
		t.Fatalf("verify of the purge record alone: %+v, %v", broken, err)
	}
	env.Register(t, jh, population.BSNTeen, model.KindKetenregistratie)
	if _, broken, err := audit.Verify(ctx, env.DB); err != nil || broken != nil {
		t.Fatalf("verify after more records: %+v, %v", broken, err)
	}
}
