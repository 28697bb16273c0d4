// Package covenant holds a region's decision rules ("convenant", "beslisregels")
// as data: it loads and validates them from JSON, decides which involved
// organisation coordinates the care for a youth, and explains the rules in
// Dutch. Three regional presets are embedded; a region may bring its own file.
//
// The package is pure: it never reads the clock or the database. Callers build
// a Situation from the active registrations and the youth's age.
package covenant
