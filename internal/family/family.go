package family

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// KindFamily is the message telling two coordinating organisations of one
// household to agree on who coordinates the family (seed 002).
const KindFamily = "gezin"

// AddressChild is another child registered at a youth's address, as the
// youth's page shows it: only who coordinates, and the reference only when
// the viewer's organisation is involved with that child too (seed 002: "op
// het adres zichtbaar", but no case is linked to another).
type AddressChild struct {
	Coordinator string // organisation name; empty when nobody coordinates
	Reference   string // empty unless the viewer's organisation is involved
}

// AddressPanel is the address view of a youth's page, shown only to the
// youth's coordinating organisation (Disclosure.Address).
type AddressPanel struct {
	// Shielded: the youth's address is shielded (Shielded), so no other
	// child is compared with it and Children is empty.
	Shielded bool
	Children []AddressChild
}

// AddressView is the address view of y for the organisation org: nil when
// org may not see it (DisclosureFor), else the other children with an active
// registration at y's address, or only that y's address is shielded.
func (s *Service) AddressView(ctx context.Context, tx *storage.Tx, y model.Youth, org model.Organisation) (*AddressPanel, error) {
	d, err := s.DisclosureFor(ctx, tx, y, org)
	if err != nil || !d.Address {
		return nil, err
	}
	shielded, err := s.Shielded(y)
	if err != nil {
		return nil, err
	}
	if shielded {
		return &AddressPanel{Shielded: true}, nil
	}
	others, err := s.atAddress(ctx, tx, y)
	if err != nil {
		return nil, err
	}
	out := &AddressPanel{}
	for _, o := range others {
		var child AddressChild
		c, err := tx.CurrentCoordination(ctx, o.ID)
		switch err {
		case nil:
			coordinator, err := tx.Organisation(ctx, c.OrganisationID)
			if err != nil {
				return nil, err
			}
			child.Coordinator = coordinator.Name
		case storage.ErrNotFound:
		default:
			return nil, err
		}
		involved, err := tx.HasActiveRegistration(ctx, o.ID, org.ID)
		if err != nil {
			return nil, err
		}
		if involved {
			child.Reference = o.Reference
		}
		out.Children = append(out.Children, child)
	}
	return out, nil
}

// household returns the other registered children of y's household: at the
// same family address (not an institution or shelter, neither child
// shielded), or with a parent in common in the register.
func (s *Service) household(ctx context.Context, tx *storage.Tx, y model.Youth) ([]model.Youth, error) {
	atAddress, err := s.atAddress(ctx, tx, y)
	if err != nil {
		return nil, err
	}
	siblings, err := tx.YouthsSharingParent(ctx, y.BSNHash, y.ID)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []model.Youth
	for _, o := range append(atAddress, siblings...) {
		if !seen[o.ID] {
			seen[o.ID] = true
			out = append(out, o)
		}
	}
	return out, nil
}

// CheckFamily tells the coordinators of y (just started, c) and of every
// other child of its household coordinated by a different organisation that
// they must agree on who coordinates the family. The event key names both
// children and both organisations, so each pair is told once.
func (s *Service) CheckFamily(ctx context.Context, tx *storage.Tx, y model.Youth, c model.Coordination, involved []model.Involvement, now time.Time) error {
	others, err := s.household(ctx, tx, y)
	if err != nil {
		return err
	}
	mine := coordinating(involved, c.OrganisationID)
	for _, o := range others {
		oc, err := tx.CurrentCoordination(ctx, o.ID)
		if err == storage.ErrNotFound || (err == nil && oc.OrganisationID == c.OrganisationID) {
			continue
		}
		if err != nil {
			return err
		}
		oInvolved, err := tx.Involvements(ctx, o.ID)
		if err != nil {
			return err
		}
		theirs := coordinating(oInvolved, oc.OrganisationID)
		if len(mine) == 0 || len(theirs) == 0 {
			continue
		}
		event := familyEvent(y.ID, c.OrganisationID, o.ID, oc.OrganisationID)
		msgs := familyMessages(y, o, mine, theirs, event, s.BaseURL, now)
		msgs = append(msgs, familyMessages(o, y, theirs, mine, event, s.BaseURL, now)...)
		if err := s.Send(ctx, tx, msgs...); err != nil {
			return err
		}
	}
	return nil
}

// coordinating returns one involvement per professional of the organisation org.
func coordinating(involved []model.Involvement, org int64) []model.Involvement {
	var out []model.Involvement
	for _, in := range usecase.Recipients(involved) {
		if in.Organisation.ID == org {
			out = append(out, in)
		}
	}
	return out
}

func familyEvent(youthA, orgA, youthB, orgB int64) string {
	if youthB < youthA {
		youthA, orgA, youthB, orgB = youthB, orgB, youthA, orgA
	}
	return fmt.Sprintf("gezin:%d-%d:%d-%d", youthA, orgA, youthB, orgB)
}

// familyMessages tells the coordinating professionals of y (to) about the
// coordinating organisation of the other child: its contact details and
// both references, nothing about either child.
func familyMessages(y, other model.Youth, to, theirs []model.Involvement, event, baseURL string, now time.Time) []usecase.Outgoing {
	var contacts []string
	for _, in := range theirs {
		contacts = append(contacts, "- "+familyContact(in))
	}
	body := "Uw organisatie " + to[0].Organisation.Name + " coördineert de zorg voor jeugdige " + y.Reference + ". " +
		"Een ander kind uit hetzelfde gezin (zelfde adres of zelfde ouder in de basisregistratie personen), jeugdige " + other.Reference +
		", heeft een andere coördinerende organisatie: " + theirs[0].Organisation.Name + ".\n\n" +
		"Stem met elkaar af wie de coördinatie van de zorg voor het gezin op zich neemt. Contactgegevens:\n\n" +
		strings.Join(contacts, "\n") + usecase.Footer(baseURL, y)
	subject := "Twee coördinatoren in één gezin: afstemmen over jeugdige " + y.Reference + " en " + other.Reference
	var out []usecase.Outgoing
	for _, in := range to {
		out = append(out, usecase.NewOutgoing(y, in, KindFamily, event, subject, body, now))
	}
	return out
}

// familyContact names the organisation and its professional, without the
// kind or date of their registration about the other child.
func familyContact(in model.Involvement) string {
	return fmt.Sprintf("%s, contactpersoon %s, telefoon %s, e-mail %s",
		in.Organisation.Name, in.Professional.Name, in.Professional.Phone, in.Professional.Email)
}
