package model

// Counts are the index's figures at one moment: numbers only, no row that
// names or points to a youth.
type Counts struct {
	ByOrganisationType map[string]int // active registrations per organisation type
	ByMunicipality     map[string]int // active registrations per municipality (code) of the youth
	Signals            int            // active signals
	CareRegistrations  int            // active care registrations (ketenregistraties)
	Youths             int            // youths with at least one active registration
	Matches            int            // youths with active registrations of two or more organisations
	Coordinations      int            // running coordinations
}
