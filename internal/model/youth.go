package model

// Youth is a youth someone registered, with its sealed register snapshot.
type Youth struct {
	ID           int64
	BSNHash      []byte
	Reference    string
	Person       []byte // sealed JSON of model.Person
	Municipality string
	AddressHash  []byte // keyed hash of postcode and house number; nil when unknown
}
