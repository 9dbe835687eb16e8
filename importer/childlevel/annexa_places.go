package childlevel

import "scorecard/app"

// district reads the district column of row n. A child whose district
// is not one of the authority's is counted under Out of County /
// Unknown, so that the districts and it sum to the county; an
// authority's code says so plainly, but any other value (another place's
// name, or a child's name typed in the wrong column: they cannot be told
// apart) is reported by its row.
func (r *annexAReader) district(cells []string, n int) string {
	s := r.cell(cells, colDistrict)
	t := stripPrefix(s)
	a, ok := r.auth.ParseArea(t)
	switch {
	case s == "", ok && (r.auth.IsDistrict(a) || a == app.OutOfCounty), !ok && laCode(t):
	default:
		r.notRecognised(colDistrict, "district", string(app.OutOfCounty), n)
	}
	return district(r.auth, s)
}

// placementLocation says whether a child was placed in the authority, by
// the LA of placement column (a name or code); a value that is neither
// is NotRecognised.
func (r *annexAReader) placementLocation(s string) string {
	if s == "" {
		return Unknown
	}
	t := stripPrefix(s)
	if a, ok := r.auth.ParseArea(t); ok && (a == r.auth.Area() || r.auth.IsDistrict(a)) || homeCode(r.auth, t) {
		return "In " + r.auth.Name
	}
	if laCode(t) || authorityName(t) {
		return "Outside " + r.auth.Name
	}
	return NotRecognised
}

// district gives a district column's canonical name, Out of County for
// another place's name, and NotRecognised for anything else, so that
// free text never reaches the store.
func district(auth *app.Authority, s string) string {
	if s == "" {
		return Unknown
	}
	t := stripPrefix(s)
	if a, ok := auth.ParseArea(t); ok {
		return string(a)
	}
	if laCode(t) || authorityName(t) {
		return string(app.OutOfCounty)
	}
	return NotRecognised
}
