package dfe

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
	"scorecard/importer/value"
)

// figure is one mapped cell: its parsed value and where it was.
type figure struct {
	value.Figure
	line int
	col  string
	// unread is set for a cell that could not be read, warned of at its
	// line: its area's row is kept, to tell a second row from it, but
	// no figure or status is stored for it, as the tidy reader stores
	// none for a cell it skips. Stored as "not available", the file was
	// said to have coded it so, which it never did (QA hB F7).
	unread bool
}

// areaRows gathers, for one rule, period and area, the cells read from
// its rows: the value row and, when the denominator has a row of its
// own, that row.
type areaRows struct {
	level  string
	codes  []string // old LA codes, for neighbour look-up
	name   string
	region string // region name of an authority
	// regionCode is the region_code of an authority's row, which keys
	// its region's row (regionKey).
	regionCode string
	home       bool // the reader's home authority
	// mixed is set where the row's codes and name name the home
	// authority and another council both (identity): it is read as
	// neither's. joint is set where its codes are several authorities'.
	mixed, joint bool
	line         int // first row, for ordering and warnings
	val, num     *figure
	den          *figure
	rec          []string // the value's row, to tell a second row from it
	// splitBy are the columns no rule reads that told two of its rows
	// apart; conflict says two rows gave different figures, nothing
	// telling them apart. Either way no row is the area's figure.
	splitBy  []*breakdownCol
	conflict bool
	// denConflict says two rows gave the denominator differently: it is
	// not read.
	denConflict bool
}

// seriesKey is one rule's figures for one period.
type seriesKey struct {
	rule   int
	period app.Period
}

// figure returns the cell's number, if it holds one rather than a status.
func (f *figure) figure() (float64, bool) {
	if f == nil || f.Status != app.OK {
		return 0, false
	}
	return f.Value, true
}

// matches reports whether a row holds the wanted filter values, with
// override replacing some of them (the denominator's own row).
func matches(fold func(string) string, rec []string, get func([]string, string) string, filters, override map[string]string) bool {
	for col, want := range filters {
		if o, ok := override[col]; ok {
			want = o
		}
		if !sameValue(fold, get(rec, col), want) {
			return false
		}
	}
	for col, want := range override {
		if _, ok := filters[col]; ok {
			continue
		}
		if !sameValue(fold, get(rec, col), want) {
			return false
		}
	}
	return true
}

// areaOf identifies a row's area. Authorities are keyed by their codes,
// which stay distinct when a name is reused (Dorset 835 became Dorset
// 838) and when one code changed ONS code (North Yorkshire 815).
func areaOf(rec []string, level string, get func([]string, string) string, id *homeIdentity) (string, *areaRows) {
	a := &areaRows{level: level}
	switch level {
	case levelNational:
		return "national", a
	case levelRegional:
		a.name, a.regionCode = get(rec, colRegionName), get(rec, colRegionCode)
		return regionKey(a.regionCode, a.name), a
	}
	a.name = get(rec, colLAName)
	a.region, a.regionCode = get(rec, colRegionName), get(rec, colRegionCode)
	old, ons := get(rec, colOldLACode), get(rec, colNewLACode)
	for _, c := range strings.Split(old, "/") {
		if c = strings.TrimSpace(c); c != "" {
			a.codes = append(a.codes, c)
		}
	}
	a.home, a.mixed, a.joint = id.identity(a.codes, ons, a.name)
	if len(a.codes) == 0 {
		// A file without old_la_code names its authorities by ONS code
		// and name, as the home is found by them: the neighbours, which
		// the model names by old code, were never found (QA hB F5).
		if c := id.oldCode(ons, a.name); c != "" {
			a.codes = []string{c}
		}
	}
	return "la:" + old + "|" + ons + "|" + a.name, a
}

// homeIdentity reads rows' codes and names for whether they are the
// home authority's (identity), knowing each name once: a file repeats
// its 150 councils' names on every row.
type homeIdentity struct {
	home  *app.Authority
	names map[string]bool   // name: whether it is the home's
	olds  map[string]string // ONS code or name: its authority's old code
}

func newHomeIdentity(home *app.Authority) *homeIdentity {
	return &homeIdentity{home: home, names: map[string]bool{}, olds: map[string]string{}}
}

// oldCode returns the old LA code of the authority a row names by its
// ONS code, or where that names none (blank, or a code no authority has
// now), by its name; "" where neither names one.
func (h *homeIdentity) oldCode(ons, name string) string {
	for _, s := range []string{ons, name} {
		if s == "" {
			continue
		}
		old, ok := h.olds[s]
		if !ok {
			if a, found := app.LookupAuthority(s); found {
				old = a.Old
			}
			h.olds[s] = old
		}
		if old != "" {
			return old
		}
	}
	return ""
}

// ownName reports whether s names the home authority by any of its
// spellings ("Kent County Council") or its name with more words.
func (h *homeIdentity) ownName(s string) bool {
	own, ok := h.names[s]
	if !ok {
		a, parsed := h.home.ParseArea(s)
		own = parsed && a == h.home.Area() || h.home.NamedWithMore(s)
		h.names[s] = own
	}
	return own
}

// identity reads a row's old LA codes, ONS code and name for whose row
// it is: the home authority's where one of them names it (a code as
// written, a name by any of its spellings, "Kent County Council") and
// none names another council. mixed is set where both: a row naming
// Medway with Kent's ONS code was read as Kent's, its figure Kent's,
// with nothing said. A code no authority has now (North Yorkshire's
// former ONS code) names no one. A row of several authorities' codes
// ("314 / 318", Kingston upon Thames and Richmond upon Thames, whose
// children's services are one) is joint: the DfE's one figure for them,
// read as the home authority's where it is among them, and said so.
// Only a row naming the home has its other identifiers looked up among
// every council's, which reads every authority's profile.
func (h *homeIdentity) identity(codes []string, ons, name string) (isHome, mixed, joint bool) {
	home := h.home
	if !slices.Contains(codes, home.Old) && ons != home.New && (name == "" || !h.ownName(name)) {
		return false, false, false
	}
	if len(codes) > 1 {
		return true, false, true
	}
	for _, s := range append(slices.Clone(codes), ons, name) {
		if s == "" || s == home.Old || s == home.New || s == name && h.ownName(s) {
			continue
		}
		if a, ok := app.LookupAuthority(s); ok && a.Old != home.Old {
			return false, true, false
		}
	}
	return true, false, false
}

func cloneArea(a *areaRows) *areaRows {
	c := *a
	c.codes = slices.Clone(a.codes)
	return &c
}

func (a *areaRows) label() string {
	switch {
	case a.name != "":
		return a.name
	case a.level == levelRegional && a.regionCode != "":
		// A region's row with its name blank is its code's region, not
		// England: "children_count for England repeats line 1509" was
		// said of the North East and Outer London.
		return "region " + a.regionCode
	}
	return "England"
}

// sortedAreas returns rows in file order, so output does not depend on
// map order.
func sortedAreas(rows map[string]*areaRows) []*areaRows {
	out := make([]*areaRows, 0, len(rows))
	for _, a := range rows {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *areaRows) int { return a.line - b.line })
	return out
}

// identifiers quotes an authority row's codes and name for a warning:
// "old_la_code 887, new_la_code E10000016, la_name Medway".
func identifiers(rec []string, get func([]string, string) string) string {
	var parts []string
	for _, col := range []string{colOldLACode, colNewLACode, colLAName} {
		if v := get(rec, col); v != "" {
			parts = append(parts, col+" "+v)
		}
	}
	return strings.Join(parts, ", ")
}

// englandCode is England's ONS code, a national row's country_code.
const englandCode = "E92000001"

// abbreviatedLevel reads the geographic_level abbreviations some tools
// write for the EES levels (folded, as level is): "LA" is a local
// authority and "Region" a region, each naming one level alone.
// "Country" is read as the national level, which the reader takes as
// England's, only where the row's country_code and country_name, as
// many as it has, say England: a United Kingdom or Wales row is not.
// It returns the level, and how the warning says it was read; "" for
// any other value.
func abbreviatedLevel(level string, rec []string, get func([]string, string) string) (string, string) {
	switch level {
	case "la":
		return levelAuthority, `"Local authority"`
	case "region":
		return levelRegional, `"Regional"`
	case "country":
		if isEngland(rec, get) {
			return levelNational, `"National", England's, as the rows' country columns say`
		}
	}
	return "", ""
}

// isEngland reports whether a row's country columns, one at least, all
// say England.
func isEngland(rec []string, get func([]string, string) string) bool {
	code, name := get(rec, colCountryCode), get(rec, colCountryName)
	if code == "" && name == "" {
		return false
	}
	return (code == "" || strings.EqualFold(code, englandCode)) && (name == "" || foldColumn(name) == "england")
}

// otherCountry reports whether a row's country columns name a country
// other than England: a "National" row of the United Kingdom's, Wales's
// or England and Wales's figures is not England's, which the reader
// takes a national row to be. A row with neither column is England's, as
// the DfE's national rows are.
func otherCountry(rec []string, get func([]string, string) string) bool {
	return (get(rec, colCountryCode) != "" || get(rec, colCountryName) != "") && !isEngland(rec, get)
}

// levelSkipped describes, quoted, a row's geographic_level the app does
// not read (raw as the file gives it, level folded), for the warning and
// the refusal that say its rows were skipped. A "Country" not read as
// England's says its country, as that is why, and so does a "National"
// of another country's (otherCountry).
func levelSkipped(raw, level string, rec []string, get func([]string, string) string) string {
	what := strconv.Quote(raw)
	if level != "country" && level != levelNational {
		return what
	}
	code, name := get(rec, colCountryCode), get(rec, colCountryName)
	if code == "" && name == "" {
		return what + " with no country_code or country_name to say it is England's"
	}
	return fmt.Sprintf("%s of country_code %q, country_name %q, not England's", what, code, name)
}
