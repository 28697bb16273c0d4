package storage

import (
	"context"
	"fmt"
	"strings"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// professionalSearch selects the professionals whose name, e-mail address or
// organisation's name contains a LIKE pattern ($1, $2, $3: the same
// pattern; numbered apart so that both engines bind it the same way).
const professionalSearch = `
	FROM professionals p JOIN organisations o ON o.id = p.organisation_id
	WHERE lower(p.name) LIKE $1 ESCAPE '\' OR lower(p.email) LIKE $2 ESCAPE '\' OR lower(o.name) LIKE $3 ESCAPE '\'`

// SearchProfessionals returns one page of the professionals that match
// query (empty: all), by organisation and name, and how many match in all.
// The database pages (LIMIT and OFFSET), so a region with thousands of
// professionals sends only the page shown.
func (tx *Tx) SearchProfessionals(ctx context.Context, query string, limit, offset int) ([]model.Professional, int, error) {
	pattern := likePattern(query)
	var total int
	if err := tx.queryRow(ctx, `SELECT count(*) `+professionalSearch, pattern, pattern, pattern).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: unable to count professionals: %w", err)
	}
	list, err := tx.professionals(ctx, `
		SELECT p.id, p.organisation_id, p.name, p.email, p.phone, p.admin, p.monitoring, p.active `+professionalSearch+`
		ORDER BY lower(o.name), o.id, lower(p.name), p.id
		LIMIT $4 OFFSET $5`, pattern, pattern, pattern, limit, offset)
	return list, total, err
}

// likePattern is a case-insensitive "contains" pattern for query, with
// LIKE's wildcards in it taken literally.
func likePattern(query string) string {
	q := strings.ToLower(strings.TrimSpace(query))
	q = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(q)
	return "%" + q + "%"
}
