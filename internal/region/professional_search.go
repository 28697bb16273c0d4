package region

import (
	"context"

	"github.com/jeugdketen/jeugdketen/internal/model"
	"github.com/jeugdketen/jeugdketen/internal/storage"
)

// ProfessionalsPerPage is how many professionals a page of the list shows.
const ProfessionalsPerPage = 25

// ProfessionalPage is one page of the professionals that match a search.
type ProfessionalPage struct {
	Query         string
	Professionals []model.Professional
	Total         int // how many match in all
	Page, Pages   int // this page (from 1) and how many there are
}

// First and Last number the professionals on this page (from 1); both are
// 0 when nobody matches.
func (p ProfessionalPage) First() int {
	if len(p.Professionals) == 0 {
		return 0
	}
	return (p.Page-1)*ProfessionalsPerPage + 1
}

func (p ProfessionalPage) Last() int {
	if len(p.Professionals) == 0 {
		return 0
	}
	return p.First() + len(p.Professionals) - 1
}

// SearchProfessionals returns page (from 1) of the professionals whose name,
// e-mail address or organisation contains query. A page past the last one
// gives the last.
func (s *Service) SearchProfessionals(ctx context.Context, query string, page int) (ProfessionalPage, error) {
	out := ProfessionalPage{Query: query, Page: max(page, 1)}
	err := s.DB.View(ctx, func(tx *storage.Tx) error {
		var err error
		out.Professionals, out.Total, err = tx.SearchProfessionals(ctx, query, ProfessionalsPerPage, (out.Page-1)*ProfessionalsPerPage)
		if err != nil {
			return err
		}
		out.Pages = max(1, (out.Total+ProfessionalsPerPage-1)/ProfessionalsPerPage)
		if out.Page > out.Pages {
			out.Page = out.Pages
			out.Professionals, out.Total, err = tx.SearchProfessionals(ctx, query, ProfessionalsPerPage, (out.Page-1)*ProfessionalsPerPage)
		}
		return err
	})
	return out, err
}
