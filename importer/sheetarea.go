package importer

import (
	"strings"
	"unicode"

	"scorecard/app"
)

// Councils report by localities that are not districts: Kent's West,
// North and East Kent, a city's East and West. A sheet named for one
// ("West Kent", "East", "North Locality") was read as naming no area,
// so its figures became the whole authority's, and with a sheet per
// locality the first sheet's won. Such a sheet is read as the locality's,
// an area of its own, as a column headed by an unknown area is (see
// areaCheck.unknownArea): kept under its name, warned, and mappable with
// import --area.

// compassWords name a locality by its part of the authority.
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"central": true, "mid": true, "northern": true, "southern": true, "eastern": true, "western": true}

// localityWords call an area a locality: "East locality", "North Area".
var localityWords = map[string]bool{"locality": true, "localities": true, "area": true,
	"quadrant": true, "patch": true, "hub": true, "zone": true, "cluster": true}

// locality is an area a sheet's name or title names that is not the
// authority, one of its districts or any council's area: the name as
// written, and where it was read ("" cell for the sheet's name).
type locality struct {
	name, cell string
}

// localityOf reads the locality an indicator sheet naming no area
// reports: its name where that is made of compass points and the
// authority's name or a word such as "locality" ("West Kent", "East",
// "North Locality"), else such a phrase in a title row ("West Kent
// locality scorecard", "East locality scorecard").
func localityOf(l *Layout, rows [][]string, auth *app.Authority) (locality, bool) {
	own := map[string]bool{"city": true, "county": true}
	for _, w := range placeWords(auth.Name) {
		own[strings.ToLower(w)] = true
	}
	if ws := placeWords(l.Sheet); len(ws) > 0 && isLocality(ws, own, true) {
		if name := strings.Join(strings.Fields(l.Sheet), " "); !anyCouncilArea(name) {
			return locality{name: name}, true
		}
	}
	for _, t := range titleTexts(l, rows) {
		if name, ok := localityIn(t.text, own); ok {
			return locality{name: name, cell: t.cell}, true
		}
	}
	return locality{}, false
}

// placeWords splits a name or title into its words.
func placeWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' })
}

// isLocality reports whether ws, every one of them, name a locality: at
// least one compass point, the rest the authority's own name (own) or,
// where whole is set (a sheet's name), words such as "locality". A
// compass point of the authority's own name ("North Yorkshire County")
// does not count.
func isLocality(ws []string, own map[string]bool, whole bool) bool {
	compass := false
	for _, w := range ws {
		w = strings.ToLower(w)
		switch {
		case compassWords[w] && !own[w]:
			compass = true
		case own[w], compassWords[w], w == "and", whole && localityWords[w]:
		default:
			return false
		}
	}
	return compass
}

// localityIn finds a locality named in a title: a run of compass points
// and the authority's name, holding at least one of each ("West Kent",
// "Leeds West") or followed by a word such as "locality" ("East
// locality scorecard"). A run naming a council's area ("North East
// Lincolnshire") or a title comparing with others names none.
func localityIn(title string, own map[string]bool) (string, bool) {
	lower := strings.ToLower(title)
	for _, w := range comparing {
		if strings.Contains(lower, w) {
			return "", false
		}
	}
	ws := placeWords(title)
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && (compassWords[strings.ToLower(ws[j])] || own[strings.ToLower(ws[j])]) {
			j++
		}
		if j == i {
			i++
			continue
		}
		run := ws[i:j]
		named := false
		for _, w := range run {
			named = named || own[strings.ToLower(w)]
		}
		followed := j < len(ws) && localityWords[strings.ToLower(ws[j])]
		if isLocality(run, own, false) && (named || followed) {
			if name := strings.Join(run, " "); !anyCouncilArea(name) {
				return name, true
			}
		}
		i = j
	}
	return "", false
}

// anyCouncilArea reports whether name is an area of some council, read
// as such elsewhere (an authority such as "West Sussex", a district
// such as "North Devon").
func anyCouncilArea(name string) bool {
	if _, ok := app.AnyArea(name); ok {
		return true
	}
	_, ok := app.LookupAuthority(name)
	return ok
}
