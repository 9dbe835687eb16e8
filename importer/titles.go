package importer

import (
	"fmt"
	"iter"
	"strconv"
	"strings"
	"unicode"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// titled is a sheet title naming another council than the store's.
type titled struct {
	auth *app.Authority
	name string // as written: "Kent County Council"
	at   app.Location
	// names says what names it, "" for a title: "the file is named
	// for" (listCouncil).
	names string
}

// naming says what names the council: "the title names", or t.names.
func (t titled) naming() string {
	if t.names != "" {
		return t.names
	}
	return "the title names"
}

// titles reads a sheet's name and title rows (rows, those above its
// header at headerRow, 1-based) for the councils they name: the store's
// own, which marks the file as the authority's, or another, which
// titleRefusal refuses where nothing else in the file is the
// authority's. A title naming one of the authority's districts is the
// authority's, as its columns are. A district sheet's columns say whose
// its figures are, whatever its title says: it is not read.
func (ac *areaCheck) titles(file string, l *Layout, rows [][]string) {
	if l.Kind == DistrictSheet {
		return
	}
	if _, isArea := app.AnyArea(l.Sheet); !isArea {
		// "Essex CYPS", "Scorecard - Essex": a sheet named for an area
		// is read as that area's (settle).
		switch own, other, name := councilsNamed(l.Sheet, ac.auth); {
		case own:
			ac.titledOwn = true
		case other != nil:
			ac.titled = append(ac.titled, titled{auth: other, name: name,
				at: app.Location{File: file, Sheet: l.Sheet}, names: "the sheet is named for"})
		default:
			ac.initials(l.Sheet, app.Location{File: file, Sheet: l.Sheet}, "the sheet is named for")
		}
	}
	for r := 0; r < l.HeaderRow-1 && r < len(rows); r++ {
		ac.title(file, l.Sheet, rows, r)
	}
}

// title reads the title in row r of a sheet's rows, if it has one, for
// the council it names.
func (ac *areaCheck) title(file, sheet string, rows [][]string, r int) {
	c := titleCell(rows[r])
	if c < 0 {
		return
	}
	own, other, name := councilsNamed(rows[r][c], ac.auth)
	at := app.Location{File: file, Sheet: sheet, Cell: xlsx.ColumnName(c) + strconv.Itoa(r+1)}
	switch {
	case own:
		ac.titledOwn = true
	case other != nil:
		ac.titled = append(ac.titled, titled{auth: other, name: name, at: at})
	default:
		ac.initials(rows[r][c], at, "the title names")
	}
}

// coverRows are the rows of a cover sheet read for its titles.
const coverRows = 10

// cover reads a sheet skipped for want of a header, a cover or contents
// sheet, for the council its titles name, as a scorecard's titles are
// read: "Essex County Council" on the cover of a scorecard titled by
// nothing else had the scorecard filed as the store's authority's,
// unsaid (QA probe 7). A note ("Source: ...") is not a title.
func (ac *areaCheck) cover(file, sheet string, rows [][]string) {
	for r := 0; r < coverRows && r < len(rows); r++ {
		if c := titleCell(rows[r]); c >= 0 && !noteLine(strings.TrimSpace(rows[r][c])) {
			ac.title(file, sheet, rows, r)
		}
	}
}

// titleCell is the index of a row's first cell holding words, or -1: a
// title is at the left of its row, and notes beside it are not titles.
func titleCell(row []string) int {
	for i, s := range row {
		if strings.IndexFunc(s, unicode.IsLetter) >= 0 {
			return i
		}
	}
	return -1
}

// comparing are words of a title cell that lists other councils to
// compare with ("statistical neighbours: Essex, East Sussex, ..."), not
// the council whose figures the sheet holds.
var comparing = []string{"neighbour", "compar", "benchmark", " vs", "versus"}

// councilsNamed reads a title for the councils it names: whether it
// names auth (or one of its districts), and else the first other
// council it names and how. A council's name alone, one word, counts
// only at the start of the title ("Essex Children's Services
// Scorecard") or before "Council"; a common word elsewhere ("KS2
// Reading") names no one. A title naming several other councils, or
// comparing with them, is not taken as naming the sheet's council.
func councilsNamed(title string, auth *app.Authority) (own bool, other *app.Authority, name string) {
	lower := strings.ToLower(title)
	for _, w := range comparing {
		if strings.Contains(lower, w) {
			return false, nil, ""
		}
	}
	words := placeWords(title)
	several := false
	var runs []councilRun
	for r := range councilRuns(words, auth) {
		runs = append(runs, r)
		switch a := r.a; {
		case r.district || a == auth || a.Old == auth.Old:
			return true, nil, ""
		case namesCouncil(words, r.i, r.n) && other == nil:
			other, name = a, r.phrase(words)
		case namesCouncil(words, r.i, r.n) && a.Old != other.Old:
			several = true
		}
	}
	if several {
		return false, nil, ""
	}
	if other == nil {
		other, name = onlyCouncilOf(words, runs)
	}
	return false, other, name
}

// onlyCouncilOf is the council a title or name names, one word or not,
// wherever it stands, where nothing else in it is more than a
// scorecard's title says (titleWords, dates): "Children's Services
// Performance Scorecard - Essex - March 2026", "Copy of Essex
// scorecard". Taken only at the start of a title, such a council's
// figures were filed as the store's authority's, unsaid (QA probe 7).
// runs are the councils words names, none of them the store's.
func onlyCouncilOf(words []string, runs []councilRun) (*app.Authority, string) {
	if len(runs) == 0 {
		return nil, ""
	}
	for _, r := range runs[1:] {
		if r.a.Old != runs[0].a.Old {
			return nil, "" // two councils: compared, or together
		}
	}
	if !saysOnlyTitle(words, runs) {
		return nil, ""
	}
	return runs[0].a, runs[0].phrase(words)
}

// councilRun is a run of a text's words naming a council (councilAt):
// the words from i, n of them.
type councilRun struct {
	i, n     int
	a        *app.Authority
	district bool
}

func (r councilRun) phrase(words []string) string { return strings.Join(words[r.i:r.i+r.n], " ") }

// councilRuns yields, in order, the runs of words naming a council,
// each the longest from where it starts.
func councilRuns(words []string, auth *app.Authority) iter.Seq[councilRun] {
	return func(yield func(councilRun) bool) {
		for i := 0; i < len(words); {
			n, a, district := councilAt(words, i, auth)
			if n == 0 {
				i++
				continue
			}
			if !yield(councilRun{i, n, a, district}) {
				return
			}
			i += n
		}
	}
}

// councilAt finds the longest run of words from i naming a council:
// auth itself or one of its districts (district), or another authority.
// It reports the words taken, 0 for none.
func councilAt(words []string, i int, auth *app.Authority) (n int, a *app.Authority, district bool) {
	for n = min(6, len(words)-i); n > 0; n-- {
		run := words[i : i+n]
		if strings.ContainsFunc(strings.Join(run, ""), unicode.IsDigit) {
			continue // a code or a year, not a name
		}
		phrase := strings.Join(run, " ")
		if got, ok := auth.ParseArea(phrase); ok && !strings.EqualFold(phrase, "county") {
			if got == auth.Area() {
				return n, auth, false
			}
			if auth.IsDistrict(got) {
				return n, auth, true
			}
		}
		if o, ok := app.LookupAuthority(phrase); ok && !acronym(phrase) {
			return n, o, false
		}
	}
	return 0, nil, false
}

// acronym reports whether a name is a council's initials ("ECC"): many
// councils share them (LCC is Lancashire, Leeds and Lincolnshire), so
// they name the store's own authority when its spelling, and no other.
func acronym(name string) bool {
	return len(name) <= 4 && strings.ToUpper(name) == name
}

// namesCouncil reports whether words[i:i+n], read as a council's name,
// is one in the title rather than a word that happens to be one: two or
// more words of a name, "Council" in or after it, or a capitalised first
// word of the title.
func namesCouncil(words []string, i, n int) bool {
	if n > 1 && len(strings.Fields(strings.Join(words[i:i+n], " "))) > 1 && !onlyFillers(words[i+1:i+n]) {
		return true
	}
	if i+n < len(words) && strings.EqualFold(words[i+n], "council") {
		return true
	}
	for _, w := range words[i : i+n] {
		if strings.EqualFold(w, "council") {
			return true
		}
	}
	first := []rune(words[i])
	return i == 0 && unicode.IsUpper(first[0]) && ofCouncil(words)
}

// ofCouncil reports whether a title speaks of a council's services or
// scorecard, as one starting with the council's name does ("Essex
// Children's Services Scorecard"), and "Reading and Writing at KS2"
// does not.
func ofCouncil(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(w) {
		case "council", "children's", "childrens", "services", "service", "scorecard", "performance", "cype", "directorate", "dashboard":
			return true
		}
	}
	return false
}

// onlyFillers reports whether words are those a name's spelling drops
// ("and", "district", "borough"): "Reading and" is "Reading".
func onlyFillers(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(w) {
		case "and", "district", "borough", "council", "dc", "bc":
		default:
			return false
		}
	}
	return true
}

// titleRefusal is the error refusing a file whose titles name another
// council and nothing in it is the store's authority's; nil otherwise.
func (ac *areaCheck) titleRefusal() error {
	if ac.own > 0 || ac.titledOwn || len(ac.titled) == 0 {
		return nil
	}
	t := ac.titled[0]
	theirs, ours := t.auth.CommonName(), ac.auth.CommonName()
	return &app.SourceError{Location: t.at, Err: fmt.Errorf(
		"%s %s (%q), not %s, and nothing in the file is %s's: not imported, so that %s's figures are not filed as %s's. "+
			"If the store is for %s, set its authority with `scorecard authority %q`; otherwise import the file into a store of %s's own (one store per authority: scorecard --db FILE)",
		t.naming(), theirs, t.name, ours, ours, theirs, ours, theirs, t.name, theirs)}
}

// titleWarnings are warnings for titles naming another council in a file
// whose areas are the store's authority's, which they are read as.
func (ac *areaCheck) titleWarnings() []app.Warning {
	if ac.own == 0 && !ac.titledOwn {
		return ac.initialsWarning()
	}
	var ws []app.Warning
	for _, t := range ac.titled {
		ws = append(ws, app.Warning{Location: t.at, Message: fmt.Sprintf(
			"%s %s (%q), but the file's areas or other titles are %s's: its figures are read as %s's", t.naming(), t.auth.CommonName(), t.name, ac.auth.CommonName(), ac.auth.CommonName())})
	}
	return ws
}
