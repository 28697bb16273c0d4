package family

import (
	"context"
	"fmt"
	"time"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
	"github.com/jeugdketen/jeugdketen/internal/usecase"
)

// KindMoved is the message that a youth is registered in another
// municipality now, according to the population register.
const KindMoved = "verhuisd"

// Moved reports whether the register puts a youth in another municipality
// than the one stored. An unknown municipality on either side (a youth
// living abroad, or stored before the register gave one) is no move.
func Moved(stored, now string) bool {
	return stored != "" && now != "" && stored != now
}

// NoticeMove tells every professional involved with y, and the coordinating
// professional, that y now lives in the municipality to: once per youth and
// municipality (the event key). The message names the municipality's code,
// never the address; for a shielded youth (Shielded: secret in the register,
// or at a shelter) not even the municipality, only that it changed. y carries
// the register's new snapshot. It returns how many messages it added.
func (s *Service) NoticeMove(ctx context.Context, tx *storage.Tx, y model.Youth, from, to string, now time.Time) (int, error) {
	involved, err := tx.Involvements(ctx, y.ID)
	if err != nil {
		return 0, err
	}
	who := usecase.Recipients(involved)
	c, err := tx.CurrentCoordination(ctx, y.ID)
	switch {
	case err == storage.ErrNotFound:
	case err != nil:
		return 0, err
	case c.ProfessionalID != 0 && !hasProfessional(who, c.ProfessionalID):
		// The coordinating professional named on acceptance need not hold
		// a registration themselves.
		p, err := tx.Professional(ctx, c.ProfessionalID)
		if err != nil {
			return 0, err
		}
		org, err := tx.Organisation(ctx, c.OrganisationID)
		if err != nil {
			return 0, err
		}
		who = append(who, model.Involvement{Organisation: org, Professional: p})
	}
	shielded, err := s.Shielded(y)
	if err != nil {
		return 0, err
	}
	event := fmt.Sprintf("verhuisd:%d:%s", y.ID, to)
	subject := "Jeugdige " + y.Reference + " is verhuisd naar gemeente " + to
	where := "gemeente " + to + " (CBS-gemeentecode; was " + from + ")"
	if shielded {
		subject = "Jeugdige " + y.Reference + " is verhuisd naar een andere gemeente"
		where = "welke gemeente dat is, wordt niet getoond, omdat het adres van deze jeugdige is afgeschermd"
	}
	body := "Volgens de basisregistratie personen (BRP) is jeugdige " + y.Reference + " verhuisd naar een andere gemeente: " +
		where + ".\n\n" +
		"Ga na of de zorg en de coördinatie kunnen blijven zoals ze zijn, of overgedragen moeten worden aan de nieuwe gemeente of haar organisaties. " +
		"Stem dat af met de andere betrokkenen." + usecase.Footer(s.BaseURL, y)
	added := 0
	for _, in := range who {
		o := usecase.NewOutgoing(y, in, KindMoved, event, subject, body, now)
		ok, err := s.SendOne(ctx, tx, o)
		if err != nil {
			return added, err
		}
		if ok {
			added++
		}
	}
	return added, nil
}

func hasProfessional(involved []model.Involvement, id int64) bool {
	for _, in := range involved {
		if in.Professional.ID == id {
			return true
		}
	}
	return false
}
