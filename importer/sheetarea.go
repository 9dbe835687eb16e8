package importer

import (
	"slices"
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
	"quadrant": true, "patch": true, "hub": true, "zone": true, "cluster": true, "coast": true, "coastal": true}

// locality is an area a sheet's name or title names that is not the
// authority, one of its districts or any council's area: the name as
// written, and where it was read ("" cell for the sheet's name).
// together names the areas it joins ("Ashford and Canterbury"), where
// it is several named as one (areasTogether).
type locality struct {
	name, cell string
	together   string
}

// localityOf reads the locality an indicator sheet naming no area
// reports: its name where that is made of compass points and the
// authority's name or a word such as "locality" ("West Kent", "East",
// "North Locality"), else such a phrase in a title row ("West Kent
// locality scorecard", "East locality scorecard").
func localityOf(l *Layout, rows [][]string, auth *app.Authority) (locality, bool) {
	if slices.ContainsFunc(l.Columns, func(c Column) bool { return c.Area != "" }) {
		// Its columns say whose their figures are ("Ashford / Sep-24"),
		// whatever its name or title says.
		return locality{}, false
	}
	own := map[string]bool{"city": true, "county": true}
	for _, w := range placeWords(auth.Name) {
		own[strings.ToLower(w)] = true
	}
	sheet := strings.Join(strings.Fields(l.Sheet), " ")
	if ws := placeWords(l.Sheet); len(ws) > 0 && (isLocality(ws, own, true) || calledLocality(ws, own)) {
		if !anyCouncilArea(sheet) {
			return locality{name: sheet}, true
		}
	}
	if _, names, ok := areasTogether(sheet, auth); ok {
		return locality{name: sheet, together: names}, true
	}
	for _, t := range titleTexts(l, rows) {
		if name, ok := localityIn(t.text, own); ok {
			return locality{name: name, cell: t.cell}, true
		}
		if span, names, ok := areasTogether(t.text, auth); ok {
			return locality{name: span, cell: t.cell, together: names}, true
		}
		if name, ok := localityCalledIn(t.text, own); ok {
			return locality{name: name, cell: t.cell}, true
		}
	}
	return locality{}, false
}

// calledLocality reports whether a sheet's name calls itself a locality
// ("Sheppey Locality", "Isle of Sheppey localities"): a place the
// profiles cannot know, which is not the authority's whole.
func calledLocality(ws []string, own map[string]bool) bool {
	if len(ws) < 2 || !localityMarks[strings.ToLower(ws[len(ws)-1])] {
		return false
	}
	place := ws[:len(ws)-1]
	for _, w := range place {
		if !own[strings.ToLower(w)] {
			return unicode.IsUpper([]rune(place[0])[0])
		}
	}
	return false // "Kent Locality": the authority's own name
}

// localityMarks are the words that make the place before them a locality
// in a sheet's name or title. Only these: "area", "hub" or "zone" follow
// too many words that are not places ("Service Area", "Data Hub").
var localityMarks = map[string]bool{"locality": true, "localities": true}

// localityCalledIn finds a place a title calls a locality ("Sheppey
// locality scorecard", "CYPE scorecard: Isle of Sheppey Locality"): the
// capitalised words before "locality", at most three, joined by "of" or
// "and", and not the authority's own name.
func localityCalledIn(title string, own map[string]bool) (string, bool) {
	ws := wordSpans(title)
	for k := 1; k < len(ws); k++ {
		if !localityMarks[strings.ToLower(ws[k].text)] {
			continue
		}
		i := k
		for i > 0 && k-i < 3 {
			w := ws[i-1].text
			if joining := strings.EqualFold(w, "of") || strings.EqualFold(w, "and"); joining && i < k {
				i--
				continue
			}
			if !unicode.IsUpper([]rune(w)[0]) || notPlaceWords[strings.ToLower(w)] {
				break
			}
			i--
		}
		for i < k && (strings.EqualFold(ws[i].text, "of") || strings.EqualFold(ws[i].text, "and")) {
			i++
		}
		if i == k {
			continue
		}
		ownOnly := true
		for _, w := range ws[i:k] {
			ownOnly = ownOnly && own[strings.ToLower(w.text)]
		}
		if name := title[ws[i].start:ws[k-1].end]; !ownOnly && !anyCouncilArea(name) {
			return name, true
		}
	}
	return "", false
}

// notPlaceWords are capitalised words of a title that name what it
// reports, not where: they end the place a title calls a locality.
var notPlaceWords = map[string]bool{"scorecard": true, "performance": true, "report": true, "dashboard": true,
	"children's": true, "childrens": true, "children": true, "services": true, "service": true, "cype": true,
	"care": true, "help": true, "early": true, "social": true, "work": true, "data": true, "monthly": true,
	"quarterly": true, "annual": true, "the": true, "council": true, "county": true}

// wordSpan is a word of a text and where it lies in it.
type wordSpan struct {
	text       string
	start, end int
}

// wordSpans splits s into its words as placeWords does, keeping each
// word's place, so that a phrase can be quoted as written.
func wordSpans(s string) []wordSpan {
	var out []wordSpan
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\''
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, wordSpan{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, wordSpan{s[start:], start, len(s)})
	}
	return out
}

// areasTogether reads a sheet's name or title for areas named as one:
// two or more of the authority's districts ("Ashford and Canterbury",
// "Dartford, Gravesham and Swanley"), the authority or a district with
// another council ("Kent & Medway"), or two of another council's
// districts. Such a sheet's figures are the areas' together, no one
// area's: it was read as the authority's, or as the district named
// last, with nothing said. A text comparing the areas names none
// (comparing). It reports the text from the first area named to the
// last, and the areas as a phrase ("Kent and Medway").
func areasTogether(text string, auth *app.Authority) (span, names string, ok bool) {
	lower := strings.ToLower(text)
	for _, w := range comparing {
		if strings.Contains(lower, w) {
			return "", "", false
		}
	}
	ws, words := wordSpans(text), placeWords(text)
	if len(words) < 2 {
		return "", "", false
	}
	var named []string
	districts, others, ownNamed := 0, 0, false
	first, last, after := -1, -1, -1
	for r := range councilRuns(words, auth) {
		// One word naming another council counts where it is joined to
		// an area named before it ("Kent & Medway", "Kent and Medway"),
		// as it does where it opens a title (namesCouncil).
		joined := after >= 0 && (r.i == after || r.i == after+1 && strings.EqualFold(words[after], "and"))
		var name string
		switch {
		case r.district:
			d, _ := auth.ParseArea(r.phrase(words))
			name = string(d)
			if !slices.Contains(named, name) {
				districts++
			}
		case r.a.Old == auth.Old:
			ownNamed, name = true, auth.Name
		case namesCouncil(words, r.i, r.n) || joined:
			name = r.a.Name
			if !slices.Contains(named, name) {
				others++
			}
		default:
			continue
		}
		if !slices.Contains(named, name) {
			named = append(named, name)
		}
		if first < 0 {
			first = r.i
		}
		last, after = r.i+r.n-1, r.i+r.n
	}
	if districts >= 2 || others >= 1 && (ownNamed || districts >= 1) {
		return text[ws[first].start:ws[last].end], joinNames(named), true
	}
	if first >= 0 {
		return "", "", false
	}
	// Another council's districts ("Woking and Guildford" in Kent's
	// store), which no word above names as a council.
	for _, o := range app.Authorities() {
		if o.Old == auth.Old {
			continue
		}
		if ds := districtsNamed(o, text); len(ds) >= 2 {
			names := make([]string, len(ds))
			for i, d := range ds {
				names[i] = string(d)
			}
			return strings.TrimSpace(text), joinNames(names), true
		}
	}
	return "", "", false
}

// joinNames lists names as a phrase: "Ashford, Canterbury and Dover".
func joinNames(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// placeWords splits a name or title into its words.
func placeWords(s string) []string {
	ws := wordSpans(s)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
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
