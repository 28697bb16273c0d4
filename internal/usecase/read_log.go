package usecase

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/audit"
	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// ErrYouthNotFound answers every request about a youth the caller may not
// see, exactly as for a youth nobody registered: no browsing (seed 002).
var ErrYouthNotFound = model.Errorf(model.ENOTFOUND, "Niet gevonden. U ziet een jeugdige alleen zolang uw organisatie een actieve registratie heeft.")

func (s *Service) LogRead(ctx context.Context, tx *storage.Tx, actor Actor, objectType, objectID, youthRef string) error {
	audit.Write(ctx, tx, s.Now(), audit.Entry{
		Actor: actor.AuditActor(), Action: audit.ActionRead, ObjectType: objectType, ObjectID: objectID,
		YouthReference: youthRef, Purpose: "inzage door betrokken hulpverlener",
	})
	return nil
}
