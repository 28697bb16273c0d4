package registration

import (
	"context"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/nltime"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// notifyArchive tells organisations whose registrations about the youth have
// ended, and which are not involved now, that a new registration arrived:
// each archived registration produces this message once, then never again.
// Organisations involved now hear of the newcomer through the match.
func (s *Service) notifyArchive(ctx context.Context, tx *storage.Tx, y model.Youth, r model.Registration, involved []model.Involvement, now time.Time) error {
	archived, err := tx.ArchivedNotNotified(ctx, y.ID)
	if err != nil || len(archived) == 0 {
		return err
	}
	active := map[int64]bool{}
	var newcomer model.Involvement
	for _, in := range involved {
		active[in.Organisation.ID] = true
		if in.Registration.ID == r.ID {
			newcomer = in
		}
	}
	byOrg := map[int64][]model.Registration{}
	var orgs []int64
	for _, a := range archived {
		if active[a.OrganisationID] {
			continue
		}
		if byOrg[a.OrganisationID] == nil {
			orgs = append(orgs, a.OrganisationID)
		}
		byOrg[a.OrganisationID] = append(byOrg[a.OrganisationID], a)
	}
	for _, org := range orgs {
		regs := byOrg[org]
		var ids []int64
		for _, a := range regs {
			ids = append(ids, a.ProfessionalID)
		}
		to, err := s.Contacts(ctx, tx, org, ids...)
		if err != nil {
			return err
		}
		if err := s.Send(ctx, tx, archiveMessages(y, regs, newcomer, to, s.EffectiveArchiveYears(), now)...); err != nil {
			return err
		}
		for _, a := range regs {
			if err := tx.MarkArchiveNotified(ctx, a.ID, now); err != nil {
				return err
			}
		}
	}
	return nil
}

func archiveMessages(y model.Youth, regs []model.Registration, newcomer model.Involvement, to []model.Professional, archiveYears int, now time.Time) []usecase.Outgoing {
	var earlier []string
	for _, a := range regs {
		earlier = append(earlier, "- "+a.Kind.Label(a.Urgent)+" van "+nltime.Date(a.CreatedAt)+" tot "+nltime.Date(*a.EndedAt))
	}
	body := "Uw organisatie was eerder betrokken bij jeugdige " + y.Reference + ":\n\n" + strings.Join(earlier, "\n") +
		"\n\nEr is nu een nieuwe registratie over deze jeugdige:\n\n- " + usecase.Contact(newcomer) +
		"\n\nUw organisatie is op dit moment niet betrokken en ziet de jeugdige daarom niet in de verwijsindex. " +
		"Is uw eerdere betrokkenheid van belang voor de hulp, neem dan contact op met deze collega. " +
		"U krijgt dit bericht één keer per beëindigde registratie." +
		"\n\nDit bericht is verstuurd door de verwijsindex Jeugdketen. Beëindigde registraties blijven " + usecase.Itoa(int64(archiveYears)) +
		" jaar in het historisch archief en worden daarna verwijderd."
	var out []usecase.Outgoing
	for _, p := range to {
		out = append(out, usecase.Outgoing{
			Msg: model.Message{
				ProfessionalID: p.ID, YouthID: y.ID, Kind: KindArchive, EventKey: "archief:" + usecase.Itoa(newcomer.Registration.ID),
				Subject: "Nieuwe registratie bij jeugdige " + y.Reference + ", bij wie uw organisatie eerder betrokken was",
				Body:    body, CreatedAt: now,
			},
			Email: p.Email,
		})
	}
	return out
}
