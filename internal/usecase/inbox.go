package usecase

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// Inbox returns the actor's messages, unread first.
func (s *Service) Inbox(ctx context.Context, actor Actor, limit int) ([]model.Message, error) {
	var out []model.Message
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out, err = tx.Inbox(ctx, actor.Professional.ID, limit)
		return err
	})
	return out, err
}

// MarkRead marks one of the actor's messages as read.
func (s *Service) MarkRead(ctx context.Context, actor Actor, id int64) error {
	return s.DB.Update(ctx, func(tx *storage.Tx) error {
		ok, err := tx.MarkRead(ctx, actor.Professional.ID, id, s.Now())
		if err == nil && !ok {
			return model.Errorf(model.ENOTFOUND, "Dit bericht bestaat niet of is niet voor u.")
		}
		return err
	})
}
