package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/jeugdketen/jeugdketen/internal/model"
)

// ErrDuplicate is returned when the same thing is stored twice.
var ErrDuplicate = errors.New("store: already stored")

// CreateRelation stores a relation and sets its ID. The same youth, person
// and kind a second time is ErrDuplicate, and changes nothing.
func (tx *Tx) CreateRelation(ctx context.Context, r *model.Relation) error {
	err := tx.queryRow(ctx, `
		INSERT INTO relations (youth_id, person_hash, person, kind, organisation_id, professional_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (youth_id, person_hash, kind) DO NOTHING
		RETURNING id`,
		r.YouthID, r.PersonHash, r.Person, r.Kind, r.OrganisationID, r.ProfessionalID, toMillis(r.CreatedAt)).Scan(&r.ID)
	if err == sql.ErrNoRows {
		return ErrDuplicate
	}
	if err != nil {
		return fmt.Errorf("store: unable to create relation: %w", err)
	}
	return nil
}

// Relation returns one relation, without who laid it.
func (tx *Tx) Relation(ctx context.Context, id int64) (model.Relation, error) {
	r := model.Relation{ID: id}
	var created int64
	err := tx.queryRow(ctx, `
		SELECT youth_id, person_hash, person, kind, organisation_id, professional_id, created_at
		FROM relations WHERE id = $1`, id).
		Scan(&r.YouthID, &r.PersonHash, &r.Person, &r.Kind, &r.OrganisationID, &r.ProfessionalID, &created)
	r.CreatedAt = fromMillis(created)
	return r, notFound(err)
}

// RelationsOfYouth returns a youth's relations with who laid them, oldest first.
func (tx *Tx) RelationsOfYouth(ctx context.Context, youthID int64) ([]model.Relation, error) {
	rows, err := tx.query(ctx, `
		SELECT r.id, r.youth_id, r.person_hash, r.person, r.kind, r.organisation_id, r.professional_id, r.created_at,
			o.id, o.name, o.type, o.role, o.municipality, o.active,
			p.id, p.organisation_id, p.name, p.email, p.phone, p.admin, p.monitoring, p.active
		FROM relations r
		JOIN organisations o ON o.id = r.organisation_id
		JOIN professionals p ON p.id = r.professional_id
		WHERE r.youth_id = $1
		ORDER BY r.created_at, r.id`, youthID)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list relations: %w", err)
	}
	defer rows.Close()
	var out []model.Relation
	for rows.Next() {
		var r model.Relation
		var created int64
		var oActive, pAdmin, pMonitoring, pActive int
		o, p := &r.Organisation, &r.Professional
		if err := rows.Scan(&r.ID, &r.YouthID, &r.PersonHash, &r.Person, &r.Kind, &r.OrganisationID, &r.ProfessionalID, &created,
			&o.ID, &o.Name, &o.Type, &o.Role, &o.Municipality, &oActive,
			&p.ID, &p.OrganisationID, &p.Name, &p.Email, &p.Phone, &pAdmin, &pMonitoring, &pActive); err != nil {
			return nil, fmt.Errorf("store: unable to read relation: %w", err)
		}
		r.CreatedAt = fromMillis(created)
		o.Active, p.Admin, p.Monitoring, p.Active = oActive == 1, pAdmin == 1, pMonitoring == 1, pActive == 1
		out = append(out, r)
	}
	return out, rows.Err()
}

// DeleteRelation deletes one relation.
func (tx *Tx) DeleteRelation(ctx context.Context, id int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM relations WHERE id = $1`, id); err != nil {
		return fmt.Errorf("store: unable to delete relation: %w", err)
	}
	return nil
}

// RelationPage returns up to limit relations with an id above after, in id
// order, for key rotation.
func (tx *Tx) RelationPage(ctx context.Context, after int64, limit int) ([]model.Relation, error) {
	rows, err := tx.query(ctx, `
		SELECT id, youth_id, person_hash, person FROM relations
		WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read relations: %w", err)
	}
	defer rows.Close()
	var out []model.Relation
	for rows.Next() {
		var r model.Relation
		if err := rows.Scan(&r.ID, &r.YouthID, &r.PersonHash, &r.Person); err != nil {
			return nil, fmt.Errorf("store: unable to read relation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RekeyRelation replaces a relation's person hash and sealed person.
func (tx *Tx) RekeyRelation(ctx context.Context, id int64, personHash, person []byte) error {
	res, err := tx.exec(ctx, `UPDATE relations SET person_hash = $1, person = $2 WHERE id = $3`, personHash, person, id)
	if err != nil {
		return fmt.Errorf("store: unable to rekey relation: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("store: unable to rekey relation %d: %d rows changed (%v)", id, n, err)
	}
	return nil
}

// The register's side of relations: who the local population register
// links to a person, to offer as relatives.

// PopulationChildren returns the BSN hashes of the persons whose parent in
// the local register is parentHash.
func (tx *Tx) PopulationChildren(ctx context.Context, parentHash []byte) ([][]byte, error) {
	return tx.hashes(ctx, `SELECT child_hash FROM population_parents WHERE parent_hash = $1 ORDER BY child_hash`, parentHash)
}

// PopulationAtAddress returns the BSN hashes of the persons the local
// register has at an address hash, never a secret person's: such a person
// has no address hash to begin with (PersonAddressKey); the condition keeps
// it so should one ever be stored.
func (tx *Tx) PopulationAtAddress(ctx context.Context, addressHash []byte) ([][]byte, error) {
	if len(addressHash) == 0 {
		return nil, nil
	}
	return tx.hashes(ctx, `SELECT bsn_hash FROM population WHERE address_hash = $1 AND secret = 0 ORDER BY bsn_hash`, addressHash)
}

func (tx *Tx) hashes(ctx context.Context, query string, arg []byte) ([][]byte, error) {
	rows, err := tx.query(ctx, query, arg)
	if err != nil {
		return nil, fmt.Errorf("store: unable to read population: %w", err)
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var h []byte
		if err := rows.Scan(&h); err != nil {
			return nil, fmt.Errorf("store: unable to read population: %w", err)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
