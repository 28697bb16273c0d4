package model

import (
	"net/mail"
	"strings"
)

// Professional is a named user working for an organisation (hulpverlener).
// Every action in the index is done by one; never anonymously.
type Professional struct {
	ID             int64
	OrganisationID int64
	Name           string
	Email          string
	Phone          string
	Admin          bool // regional administrator
	// Monitoring marks a municipality's monitoring account (gemeentelijk
	// monitor): it sees only aggregated figures, never a youth, and cannot
	// register (seed 002, "Monitoring").
	Monitoring bool
	Active     bool
}

// Validate checks a new professional.
func (p Professional) Validate() error {
	var inv []InvalidParam
	if strings.TrimSpace(p.Name) == "" {
		inv = append(inv, InvalidParam{"naam", "Vul de naam van de medewerker in."})
	}
	if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
		inv = append(inv, InvalidParam{"email", "Vul een geldig e-mailadres in, zoals naam@organisatie.nl."})
	}
	if !validPhone(p.Phone) {
		inv = append(inv, InvalidParam{"telefoon", "Vul een telefoonnummer in waarop collega's u kunnen bellen (minstens 10 cijfers)."})
	}
	if p.OrganisationID == 0 {
		inv = append(inv, InvalidParam{"organisatie", "Kies de organisatie van de medewerker."})
	}
	return Invalid("De medewerker is niet volledig of niet juist ingevuld.", inv...)
}

func validPhone(s string) bool {
	digits := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || c == '+' || c == '(' || c == ')':
		default:
			return false
		}
	}
	return digits >= 10 && digits <= 15
}
