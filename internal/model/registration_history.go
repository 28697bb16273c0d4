package model

// RegisteredOrganisation is one registration of a youth, active or ended,
// with the organisation that made it: the history of joining and leaving.
// It carries no professional: who registered is only shown while the
// registration is active (see Involvements).
type RegisteredOrganisation struct {
	Registration Registration
	Organisation Organisation
}
