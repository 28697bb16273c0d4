package escalation_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/covenant"
	"github.com/jeugdketen/jeugdketen/internal/escalation"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/population"
	"github.com/jeugdketen/jeugdketen/internal/registration"
	"github.com/jeugdketen/jeugdketen/internal/testenv"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// almereCase is Almere's care pyramid with four professionals around a
// youth, registered on Thursday 26 November 2026 at 10:00: a school, a
// wijkteam, the JGZ and a youth-care provider. The fourth makes it level 3,
// where the wijkteam coordinates (rule niveau-3) and must convene everyone
// within 5 working days: by the end of Thursday 3 December.
type almereCase struct {
	escalationCase
	wijkteam, jgz usecase.Actor
}

func newAlmereCase(t *testing.T, professionals int) almereCase {
	t.Helper()
	env := testenv.New(t)
	almere, err := covenant.Preset("almere")
	if err != nil {
		t.Fatal(err)
	}
	env.Registry.Covenant = almere
	env.Clock.Set(escAt(t, "2026-11-26 10:00"))
	c := almereCase{}
	c.Env = env
	c.admin = env.Admin(t, env.Org(t, "Gemeente Almere", model.TypeWijkteam))
	c.School = env.Pro(t, env.Org(t, "Basisschool De Wissel", model.TypeOnderwijs))
	c.wijkteam = env.Pro(t, env.Org(t, "Wijkteam Almere Haven", model.TypeWijkteam))
	c.jgz = env.Pro(t, env.Org(t, "JGZ Almere", model.TypeJGZ))
	c.JH = env.Pro(t, env.Org(t, "Jeugdhulp Flevoland", model.TypeJeugdhulp))
	var r registration.Registered
	for i, a := range []usecase.Actor{c.School, c.wijkteam, c.jgz, c.JH}[:professionals] {
		kind := model.KindKetenregistratie
		if i == 0 {
			kind = model.KindSignaal
		}
		r = env.Register(t, a, population.BSNChild, kind)
	}
	c.Ref, c.Youth = r.Youth.Reference, r.Youth.ID
	return c
}

func (c almereCase) pyramid(t *testing.T, who usecase.Actor) *escalation.PyramidView {
	t.Helper()
	p, err := c.Env.Registry.Escalations.Pyramid(ctx, who, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil {
		t.Fatal("no care pyramid in Almere")
	}
	return p
}

func TestAlmereLevelFollowsTheRule(t *testing.T) {
	for _, tc := range []struct {
		professionals, level int
		rule                 string
	}{
		{2, 1, "niveau-1"},
		{3, 2, "niveau-2-jgz"},
		{4, 3, "niveau-3"},
	} {
		c := newAlmereCase(t, tc.professionals)
		p := c.pyramid(t, c.School)
		if p.Level != tc.level || p.Rule != tc.rule || !strings.Contains(p.LevelLabel(), "Niveau") || p.RuleText == "" {
			t.Errorf("%d professionals: level %d, rule %q, label %q; want level %d by %s", tc.professionals, p.Level, p.Rule, p.LevelLabel(), tc.level, tc.rule)
		}
		if (p.Convene != nil) != (tc.level == 3) {
			t.Errorf("level %d: convene duty %+v", tc.level, p.Convene)
		}
		if p.StagnationHours != 48 {
			t.Errorf("brandpunt hours %d, want 48", p.StagnationHours)
		}
	}
}

func TestAlmereLevel3CoordinatorMustConveneWithinFiveWorkingDays(t *testing.T) {
	c := newAlmereCase(t, 4)
	p := c.pyramid(t, c.wijkteam)
	if p.Convene == nil || !p.Convene.Due.Equal(endOf(t, "2026-12-03")) || p.Convene.Workdays != 5 || p.Convene.MayRecord {
		t.Fatalf("convene %+v; want due by the end of Thursday 3 December, not recordable before acceptance", p.Convene)
	}
	if _, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.wijkteam, c.Ref, ""); err != nil {
		t.Fatal(err)
	}
	if p = c.pyramid(t, c.wijkteam); !p.Convene.MayRecord {
		t.Fatal("the accepted coordinator may not record the meeting")
	}

	c.sweep(t, "2026-12-03 23:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindConveneOverdue)); n != 0 {
		t.Fatalf("%d alerts before the deadline", n)
	}
	c.sweep(t, "2026-12-04 08:00")
	c.sweep(t, "2026-12-04 09:00")
	for _, who := range []usecase.Actor{c.wijkteam, c.admin} {
		got := testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindConveneOverdue)
		if len(got) != 1 || !strings.Contains(got[0].Body, "donderdag 3 december 2026") || strings.Contains(got[0].Body, "Charbon") {
			t.Errorf("%s got %+v, want one alert naming the deadline", who.Professional.Name, got)
		}
	}
	for _, who := range []usecase.Actor{c.School, c.jgz, c.JH} {
		if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindConveneOverdue)); n != 0 {
			t.Errorf("%s got %d convene alerts, want none", who.Professional.Name, n)
		}
	}
	if p = c.pyramid(t, c.wijkteam); !p.Convene.Overdue {
		t.Error("the view does not mark the deadline passed")
	}

	_, err := c.Env.Registry.Escalations.RecordConvened(ctx, c.jgz, c.Ref, "2026-12-04")
	testenv.WantCode(t, err, model.EFORBIDDEN)
	for _, day := range []string{"", "morgen", "2026-11-25", "2027-12-01"} {
		_, err := c.Env.Registry.Escalations.RecordConvened(ctx, c.wijkteam, c.Ref, day)
		if model.ErrorCode(err) != model.EINVALID || model.ErrorParams(err)[0].Name != "datum" {
			t.Errorf("day %q: %v, want EINVALID on datum", day, err)
		}
	}
	p, err = c.Env.Registry.Escalations.RecordConvened(ctx, c.wijkteam, c.Ref, "07-12-2026")
	if err != nil {
		t.Fatal(err)
	}
	if p.Convene.ConvenedOn == nil || p.Convene.ConvenedOn.Format(time.DateOnly) != "2026-12-07" || !p.Convene.Late() || p.Convene.Overdue ||
		p.Convene.RecordedBy == nil || p.Convene.RecordedBy.ID != c.wijkteam.Professional.ID || p.Convene.MayRecord {
		t.Fatalf("after recording: %+v", p.Convene)
	}
	_, err = c.Env.Registry.Escalations.RecordConvened(ctx, c.wijkteam, c.Ref, "2026-12-08")
	testenv.WantCode(t, err, model.ECONFLICT)
}

func TestAlmereConveningRecordedInTimeIsNotAlerted(t *testing.T) {
	c := newAlmereCase(t, 4)
	if _, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.wijkteam, c.Ref, ""); err != nil {
		t.Fatal(err)
	}
	p, err := c.Env.Registry.Escalations.RecordConvened(ctx, c.wijkteam, c.Ref, "2026-12-01")
	if err != nil || p.Convene.Late() {
		t.Fatalf("%+v, %v", p, err)
	}
	c.sweep(t, "2026-12-10 10:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindConveneOverdue)); n != 0 {
		t.Errorf("%d alerts after the meeting was recorded", n)
	}
}

func TestAlmereLevel2HasNoDutyToConvene(t *testing.T) {
	c := newAlmereCase(t, 3)
	if _, err := c.Env.Registry.Coordinations.AcceptCoordination(ctx, c.jgz, c.Ref, ""); err != nil {
		t.Fatal(err)
	}
	_, err := c.Env.Registry.Escalations.RecordConvened(ctx, c.jgz, c.Ref, "2026-11-30")
	testenv.WantCode(t, err, model.ECONFLICT)
	c.sweep(t, "2026-12-10 10:00")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindConveneOverdue)); n != 0 {
		t.Errorf("%d convene alerts at level 2", n)
	}
}

func TestStagnationBrandpuntConvenesWithin48HoursAndMayInstruct(t *testing.T) {
	c := newAlmereCase(t, 4)
	c.Env.Clock.Set(escAt(t, "2026-11-27 15:00")) // Friday: the weekend counts in hours
	p, err := c.Env.Registry.Escalations.ReportStagnation(ctx, c.School, c.Ref)
	if err != nil {
		t.Fatal(err)
	}
	st := p.Stagnation
	if st == nil || !st.Due.Equal(escAt(t, "2026-11-29 15:00")) || st.ReportedBy.ID != c.School.Professional.ID || !st.Open() {
		t.Fatalf("stagnation %+v; want due 48 hours later, Sunday 15:00", st)
	}
	if !p.Escalated() || !strings.Contains(p.LevelLabel(), "Niveau 4") || p.MayReportStagnation {
		t.Errorf("level %q, may report %v; want level 4 and no second report", p.LevelLabel(), p.MayReportStagnation)
	}
	for _, who := range []usecase.Actor{c.admin, c.wijkteam, c.JH} {
		if got := testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindStagnation); len(got) != 1 || !strings.Contains(got[0].Body, "zondag 29 november 2026, 15:00") {
			t.Errorf("%s got %+v, want one message with the brandpunt deadline", who.Professional.Name, got)
		}
	}
	_, err = c.Env.Registry.Escalations.ReportStagnation(ctx, c.jgz, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)

	// Only the administrator records for the brandpunt officer, in order.
	_, err = c.Env.Registry.Escalations.RecordBrandpuntConvened(ctx, c.wijkteam, c.Ref)
	testenv.WantCode(t, err, model.EFORBIDDEN)
	_, err = c.Env.Registry.Escalations.RecordBrandpuntInstruction(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)

	c.sweep(t, "2026-11-29 14:59")
	if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindBrandpuntOverdue)); n != 0 {
		t.Fatalf("%d brandpunt alerts before 48 hours passed", n)
	}
	c.sweep(t, "2026-11-29 15:01")
	c.sweep(t, "2026-11-30 09:00")
	if got := testenv.MessagesOfKind(c.Env.Inbox(t, c.admin), escalation.KindBrandpuntOverdue); len(got) != 1 || !strings.Contains(got[0].Body, c.Ref) {
		t.Errorf("administrator got %+v, want one alert", got)
	}
	for _, who := range []usecase.Actor{c.School, c.wijkteam} {
		if n := len(testenv.MessagesOfKind(c.Env.Inbox(t, who), escalation.KindBrandpuntOverdue)); n != 0 {
			t.Errorf("%s got %d brandpunt alerts, want none: they are the administrators'", who.Professional.Name, n)
		}
	}
	if p = c.pyramid(t, c.admin); !p.Stagnation.Overdue || !p.Stagnation.MayConvene {
		t.Errorf("the administrator (not involved) sees %+v", p.Stagnation)
	}

	p, err = c.Env.Registry.Escalations.RecordBrandpuntConvened(ctx, c.admin, c.Ref)
	if err != nil || p.Stagnation.ConvenedAt == nil || p.Stagnation.ConvenedBy.ID != c.admin.Professional.ID || !p.Stagnation.MayInstruct {
		t.Fatalf("convened: %+v, %v", p, err)
	}
	_, err = c.Env.Registry.Escalations.RecordBrandpuntConvened(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
	p, err = c.Env.Registry.Escalations.RecordBrandpuntInstruction(ctx, c.admin, c.Ref)
	if err != nil || p.Stagnation.InstructedAt == nil || p.Stagnation.MayInstruct {
		t.Fatalf("instructed: %+v, %v", p, err)
	}
	_, err = c.Env.Registry.Escalations.RecordBrandpuntInstruction(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
	if got := testenv.MessagesOfKind(c.Env.Inbox(t, c.School), escalation.KindStagnation); len(got) != 3 {
		t.Errorf("the school got %d brandpunt messages, want 3 (reported, convened, instructed)", len(got))
	}
	if p = c.pyramid(t, c.School); !p.MayReportStagnation {
		t.Error("once the brandpunt officer convened, care may be reported stagnating again")
	}
}

func TestAdministratorSeesThePyramidOnlyWhenThereIsSomethingToAct(t *testing.T) {
	c := newAlmereCase(t, 3)
	_, err := c.Env.Registry.Escalations.Pyramid(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
	_, err = c.Env.Registry.Escalations.RecordBrandpuntConvened(ctx, c.admin, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
	outsider := c.Env.Pro(t, c.Env.Org(t, "GGZ Flevoland", model.TypeGGZ))
	_, err = c.Env.Registry.Escalations.Pyramid(ctx, outsider, c.Ref)
	testenv.WantCode(t, err, model.ENOTFOUND)
	if _, err := c.Env.Registry.Escalations.ReportStagnation(ctx, c.wijkteam, c.Ref); err != nil {
		t.Fatal(err)
	}
	if p := c.pyramid(t, c.admin); p.Stagnation == nil {
		t.Error("the administrator does not see the stagnation")
	}
	work, err := c.Env.Registry.Escalations.RegionalEscalations(ctx, c.admin)
	if err != nil || len(work.Stagnations) != 1 || work.Stagnations[0].Reference != c.Ref || work.Stagnations[0].Coordinator != "JGZ Almere" {
		t.Errorf("regional list %+v, %v", work.Stagnations, err)
	}
}

func TestRegionWithoutBrandpuntRefusesStagnation(t *testing.T) {
	c := testenv.NewCareCase(t)
	_, err := c.Env.Registry.Escalations.ReportStagnation(ctx, c.School, c.Ref)
	testenv.WantCode(t, err, model.ECONFLICT)
	p, err := c.Env.Registry.Escalations.Pyramid(ctx, c.School, c.Ref)
	if err != nil || p != nil {
		t.Errorf("brabant pyramid %+v, %v; want none", p, err)
	}
}

func TestYouthPageShowsThePyramid(t *testing.T) {
	c := newAlmereCase(t, 4)
	pic, err := c.Env.Registry.YouthByReference(ctx, c.jgz, c.Ref)
	if err != nil || pic.Pyramid == nil || pic.Pyramid.Level != 3 || pic.Pyramid.Convene == nil || !pic.Pyramid.MayReportStagnation {
		t.Fatalf("pyramid on the page: %+v, %v", pic.Pyramid, err)
	}
}

// TestAlmereLevelRisesWhileTheSameOrganisationCoordinates: the JGZ accepted
// coordinating at level 2; a fourth professional joins on Tuesday 1
// December, with no wijkteam involved, so the JGZ stays coordinator at level
// 3 (rule niveau-3-jgz) and must convene everyone within five working days
// from that day: by the end of Tuesday 8 December.
func TestAlmereLevelRisesWhileTheSameOrganisationCoordinates(t *testing.T) {
	env := testenv.New(t)
	almere, err := covenant.Preset("almere")
	if err != nil {
		t.Fatal(err)
	}
	env.Registry.Covenant = almere
	env.Clock.Set(escAt(t, "2026-11-26 10:00"))
	school := env.Pro(t, env.Org(t, "Basisschool De Wissel", model.TypeOnderwijs))
	jgz := env.Pro(t, env.Org(t, "JGZ Almere", model.TypeJGZ))
	jh := env.Pro(t, env.Org(t, "Jeugdhulp Flevoland", model.TypeJeugdhulp))
	env.Register(t, school, population.BSNChild, model.KindSignaal)
	env.Register(t, jgz, population.BSNChild, model.KindKetenregistratie)
	r := env.Register(t, jh, population.BSNChild, model.KindKetenregistratie)
	ref := r.Youth.Reference
	if _, err := env.Registry.Coordinations.AcceptCoordination(ctx, jgz, ref, ""); err != nil {
		t.Fatal(err)
	}
	c := almereCase{}
	c.Env, c.Ref = env, ref
	if p := c.pyramid(t, jgz); p.Level != 2 || p.Convene != nil {
		t.Fatalf("before: level %d, convene %+v; want level 2 without a duty", p.Level, p.Convene)
	}

	env.Clock.Set(escAt(t, "2026-12-01 10:00"))
	ggz := env.Pro(t, env.Org(t, "GGZ Centraal", model.TypeGGZ))
	env.Register(t, ggz, population.BSNChild, model.KindKetenregistratie)

	cur := testenv.MustCurrent(t, env, r.Youth.ID)
	if cur.OrganisationID != jgz.Organisation.ID || cur.Status != "geaccepteerd" || cur.Rule != "niveau-3-jgz" {
		t.Fatalf("coordination = %+v; want the JGZ, still accepted, by niveau-3-jgz", cur)
	}
	p := c.pyramid(t, jgz)
	if p.Level != 3 || p.Convene == nil || !p.Convene.Due.Equal(endOf(t, "2026-12-08")) {
		t.Fatalf("after: level %d, convene %+v; want level 3, due by the end of Tuesday 8 December", p.Level, p.Convene)
	}
}
