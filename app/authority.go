package app

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./internal/mkauthorities

// authoritiesTSV holds the profiles of the 153 English local authorities
// with children's services, generated from the DfE's LA code list and
// statistical-neighbour model (see internal/mkauthorities).
//
//go:embed authorities.tsv
var authoritiesTSV string

// Authority is the profile of a local authority: the council whose
// figures a store holds. Districts are the district and borough councils
// of a county council, in the order scorecards list them; unitary
// authorities have none.
type Authority struct {
	Name   string // "Kent", as the DfE names it
	Old    string // the old three-digit LA code, "886"
	New    string // the ONS code, "E10000016"
	Region string // the DfE's region, "South East"
	// Type is the DfE's type of authority: SC (shire county), UA, MD
	// (metropolitan district), OLB or ILB (outer or inner London borough).
	Type string
	// Neighbours are the old LA codes of the authority's statistical
	// neighbours in the DfE's model, closest first.
	Neighbours []string

	districts []Area
	pseudo    []Area
	variants  map[string]Area // folded spelling to canonical area
}

type (
	authorityFile struct {
		Default     string
		Pseudo      []areaRow
		Authorities []authorityRow
	}
	authorityRow struct {
		Name, Old, New, Region, Type string
		Spellings, Neighbours        []string
		Districts                    []areaRow
	}
	areaRow struct {
		Name      string
		Spellings []string
	}
)

// parseAuthorities reads the profiles as mkauthorities writes them: one
// record a line, fields separated by tabs and a list's items by "|",
// each district on a line after its authority's. The fields are slices
// of the embedded text, not copies. With defaultOnly it reads the
// default authority's records alone, leaving every other authority's
// line unsplit: every command reads the default authority as it starts
// (Kent, Districts), and most need no other.
func parseAuthorities(text string, defaultOnly bool) (authorityFile, error) {
	var f authorityFile
	list := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "|")
	}
	skipping := false // the districts of an authority left unread
	n := -1
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimSuffix(line, "\n")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if defaultOnly {
			kind, rest, _ := strings.Cut(line, "\t")
			if kind == "authority" {
				_, rest, _ = strings.Cut(rest, "\t") // the name
				old, _, _ := strings.Cut(rest, "\t")
				skipping = old != f.Default
			}
			if skipping && (kind == "authority" || kind == "district") {
				continue
			}
		}
		fields := strings.Split(line, "\t")
		bad := func(want int) bool { return len(fields) != want }
		switch fields[0] {
		case "default":
			if bad(2) {
				return f, fmt.Errorf("line %d: want default CODE", n+1)
			}
			f.Default = fields[1]
		case "pseudo":
			if bad(3) {
				return f, fmt.Errorf("line %d: want pseudo NAME SPELLINGS", n+1)
			}
			f.Pseudo = append(f.Pseudo, areaRow{fields[1], list(fields[2])})
		case "authority":
			if bad(8) {
				return f, fmt.Errorf("line %d: want authority NAME OLD NEW REGION TYPE SPELLINGS NEIGHBOURS", n+1)
			}
			f.Authorities = append(f.Authorities, authorityRow{Name: fields[1], Old: fields[2], New: fields[3],
				Region: fields[4], Type: fields[5], Spellings: list(fields[6]), Neighbours: list(fields[7])})
		case "district":
			if bad(3) || len(f.Authorities) == 0 {
				return f, fmt.Errorf("line %d: want district NAME SPELLINGS after its authority", n+1)
			}
			a := &f.Authorities[len(f.Authorities)-1]
			a.Districts = append(a.Districts, areaRow{fields[1], list(fields[2])})
		default:
			return f, fmt.Errorf("line %d: %q is no kind of record", n+1, fields[0])
		}
	}
	return f, nil
}

// The profiles are read on first use, the default authority's from its
// own records alone: every command starts by naming its areas (Kent,
// Districts), and a command that reads no workbook and opens a store of
// the default authority needs none of the other 152 profiles.
var (
	authorities      = sync.OnceValue(loadAuthorities)
	defaultAuthority = sync.OnceValue(loadDefaultAuthority)
)

// anyVariants folds every authority's spellings to its canonical area,
// the default authority's first where two share a spelling ("County").
var anyVariants = sync.OnceValue(func() map[string]Area {
	m := maps.Clone(defaultAuthority().variants)
	for _, a := range authorities() {
		for k, v := range a.variants {
			if _, ok := m[k]; !ok {
				m[k] = v
			}
		}
	}
	return m
})

// areaOrder places every authority's own area at 0 and each of its
// districts at 1 + its index, in scorecard order.
var areaOrder = sync.OnceValue(func() map[Area]int {
	m := map[Area]int{}
	for _, a := range authorities() {
		m[a.Area()] = 0
		for i, d := range a.districts {
			if _, ok := m[d]; !ok {
				m[d] = 1 + i
			}
		}
	}
	return m
})

// AreaOrder is a's place in its authority's scorecard order: 0 for an
// authority, 1 + its index for a district of one.
func AreaOrder(a Area) (int, bool) {
	i, ok := areaOrder()[a]
	return i, ok
}

// AnyArea reads s as an area of any authority: the default authority's
// reading where it has one, else the authority's, district's or
// pseudo-area's of whichever council names it. Detection uses it, so
// that a workbook from another council is recognised as one (and refused
// by name) rather than read as columns of unknown headings.
func AnyArea(s string) (Area, bool) {
	a, ok := anyVariants()[foldArea(s)]
	return a, ok
}

// loadAuthorities reads every authority's profile, the default
// authority's being the one DefaultAuthority gives.
func loadAuthorities() []*Authority {
	f, err := parseAuthorities(authoritiesTSV, false)
	if err != nil {
		panic("embedded authorities.tsv: " + err.Error())
	}
	pseudo := foldPseudoAreas(f.Pseudo)
	own := defaultAuthority()
	all := make([]*Authority, 0, len(f.Authorities))
	for _, j := range f.Authorities {
		if j.Old == own.Old {
			all = append(all, own)
			continue
		}
		all = append(all, newAuthority(j, pseudo))
	}
	return all
}

// loadDefaultAuthority reads the default authority's profile alone.
func loadDefaultAuthority() *Authority {
	f, err := parseAuthorities(authoritiesTSV, true)
	if err != nil {
		panic("embedded authorities.tsv: " + err.Error())
	}
	if len(f.Authorities) != 1 {
		panic("embedded authorities.tsv: no default authority " + f.Default)
	}
	return newAuthority(f.Authorities[0], foldPseudoAreas(f.Pseudo))
}

// pseudoArea is a pseudo-area with its spellings folded: once, not once
// per authority, as every authority has them.
type pseudoArea struct {
	area   Area
	folded []string // the name's, then each spelling's
}

// foldPseudoAreas folds the pseudo-areas' names and spellings.
func foldPseudoAreas(rows []areaRow) []pseudoArea {
	pseudo := make([]pseudoArea, len(rows))
	for i, p := range rows {
		pseudo[i].area = Area(p.Name)
		pseudo[i].folded = append(pseudo[i].folded, foldArea(p.Name))
		for _, s := range p.Spellings {
			pseudo[i].folded = append(pseudo[i].folded, foldArea(s))
		}
	}
	return pseudo
}

// newAuthority is the profile j records, with the pseudo-areas.
func newAuthority(j authorityRow, pseudo []pseudoArea) *Authority {
	a := &Authority{Name: j.Name, Old: j.Old, New: j.New, Region: j.Region, Type: j.Type,
		Neighbours: j.Neighbours, variants: map[string]Area{}}
	self := Area(j.Name)
	a.variants[foldArea(j.Name)] = self
	for _, s := range append(slices.Clone(j.Spellings), j.Old, j.New) {
		if s != "" {
			a.variants[foldArea(s)] = self
		}
	}
	for _, p := range pseudo {
		a.pseudo = append(a.pseudo, p.area)
		for _, f := range p.folded {
			a.variants[f] = p.area
		}
	}
	for _, d := range j.Districts {
		a.districts = append(a.districts, Area(d.Name))
		a.variants[foldArea(d.Name)] = Area(d.Name)
		for _, s := range d.Spellings {
			a.variants[foldArea(s)] = Area(d.Name)
		}
	}
	return a
}

// Authorities are the profiles of every authority the binary knows, in
// the DfE's order (alphabetical by name).
func Authorities() []*Authority { return authorities() }

// SubRegion is the region the DfE's children's services files name a
// London borough's rows by, and store its regional figures under:
// "Inner London" or "Outer London" (region codes E13000001 and
// E13000002), where the borough's Region is "London"; "" for an
// authority outside London. Its Type says which (ILB or OLB), as the
// DfE's code list gives it, by the same statistical definition (Haringey
// and Newham inner, Greenwich outer).
func (a *Authority) SubRegion() string {
	switch a.Type {
	case "ILB":
		return "Inner London"
	case "OLB":
		return "Outer London"
	}
	return ""
}

// DefaultAuthority is the authority of a store that has chosen none:
// the demo's.
func DefaultAuthority() *Authority { return defaultAuthority() }

// Area is the authority's own area, the whole council.
func (a *Authority) Area() Area { return Area(a.Name) }

// Districts are the authority's districts in scorecard order; none for a
// unitary authority.
func (a *Authority) Districts() []Area { return slices.Clone(a.districts) }

// Areas are the authority followed by its districts.
func (a *Authority) Areas() []Area { return append([]Area{a.Area()}, a.districts...) }

// PseudoAreas are the columns district sheets add beside the districts.
func (a *Authority) PseudoAreas() []Area { return slices.Clone(a.pseudo) }

// ParseArea maps a spelling found in a workbook or CSV ("Shepway",
// "Tonbridge & Malling", "KENT", "Out of County/Unknown") to its
// canonical area of a. It reports false for anything that is not the
// authority, one of its districts or a pseudo-area.
func (a *Authority) ParseArea(s string) (Area, bool) {
	got, ok := a.variants[foldArea(s)]
	return got, ok
}

// DistrictIn finds one of a's districts named within a title, by any of
// its spellings as whole words ("Woking District Scorecard", "Shepway
// summary"); the longest spelling found wins.
func (a *Authority) DistrictIn(title string) (Area, bool) {
	t := " " + foldArea(title) + " "
	var best Area
	n := 0
	for k, v := range a.variants {
		if len(k) > n && a.IsDistrict(v) && strings.Contains(t, " "+k+" ") {
			best, n = v, len(k)
		}
	}
	return best, n > 0
}

// AreasIn returns a's areas (the authority and its districts) that text
// names by any of their spellings as whole words, in a's order: a
// comment's "Dover had 3 starts and Ashford 2" names Dover and Ashford.
func (a *Authority) AreasIn(text string) []Area {
	t := " " + foldArea(text) + " "
	named := map[Area]bool{}
	for k, v := range a.variants {
		if strings.Contains(t, " "+k+" ") {
			named[v] = true
		}
	}
	var out []Area
	for _, area := range a.Areas() {
		if named[area] {
			out = append(out, area)
		}
	}
	return out
}

// IsDistrict reports whether d is one of a's districts.
func (a *Authority) IsDistrict(d Area) bool { return slices.Contains(a.districts, d) }

// WithDistricts is a copy of a with the districts an officer names added
// after its own (a county whose districts the profiles do not hold, or a
// unitary authority's localities). A name that is already one of a's
// areas is not added twice.
func (a *Authority) WithDistricts(names []string) *Authority {
	c := *a
	c.districts = slices.Clone(a.districts)
	c.variants = maps.Clone(a.variants)
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if _, ok := c.variants[foldArea(n)]; ok {
			continue
		}
		c.districts = append(c.districts, Area(n))
		c.variants[foldArea(n)] = Area(n)
	}
	return &c
}

// String is the authority's name and old code: "Kent (886)".
func (a *Authority) String() string { return a.Name + " (" + a.Old + ")" }

// LookupAuthority finds an authority by name (any of its spellings, as
// ParseArea reads them) or by old or new code.
func LookupAuthority(s string) (*Authority, bool) {
	f := foldArea(s)
	if f == "" || f == foldedCounty {
		return nil, false
	}
	a, ok := authorityNames()[f]
	return a, ok
}

// foldedCounty is "County" folded: a spelling of many authorities'
// pseudo-areas, naming no authority.
var foldedCounty = foldArea("County")

// authorityNames maps every folded spelling of an authority's own name
// or code to it, the first authority in the DfE's order where two share
// one. An import's titles are read word run by word run against every
// authority (see importer's councilsNamed): one lookup each, not one per
// authority, and made only by the commands that look.
var authorityNames = sync.OnceValue(func() map[string]*Authority {
	m := map[string]*Authority{}
	for _, a := range authorities() {
		for f, got := range a.variants {
			if _, ok := m[f]; !ok && got == a.Area() {
				m[f] = a
			}
		}
	}
	return m
})

// NearestAuthorities are up to n authorities whose names are closest to
// s: those containing it first, then by edit distance.
func NearestAuthorities(s string, n int) []*Authority {
	f := foldArea(s)
	type scored struct {
		a *Authority
		d int
	}
	var all []scored
	for _, a := range authorities() {
		name := foldArea(a.Name)
		d := editDistance(f, name)
		if f != "" && (strings.Contains(name, f) || strings.Contains(f, name)) {
			d = -1
		}
		all = append(all, scored{a, d})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].d < all[j].d })
	var out []*Authority
	for _, x := range all[:min(n, len(all))] {
		out = append(out, x.a)
	}
	return out
}

// AuthoritiesOf are the authorities, other than except, of which s names
// a district (not the authority itself nor a pseudo-area): the councils a
// workbook's area column may belong to.
func AuthoritiesOf(s string, except *Authority) []*Authority {
	var out []*Authority
	for _, a := range authorities() {
		if except != nil && a.Old == except.Old {
			continue
		}
		if got, ok := a.ParseArea(s); ok && a.IsDistrict(got) {
			out = append(out, a)
		}
	}
	return out
}

// UnknownAuthorityError is a name or code no authority answers to.
type UnknownAuthorityError struct {
	Name    string
	Nearest []*Authority
}

func (e *UnknownAuthorityError) Error() string {
	names := make([]string, len(e.Nearest))
	for i, a := range e.Nearest {
		names[i] = a.String()
	}
	return fmt.Sprintf("%q is not an English local authority's name or code; nearest: %s", e.Name, strings.Join(names, ", "))
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// ownAreas maps each authority's own area to it.
var ownAreas = sync.OnceValue(func() map[Area]*Authority {
	m := make(map[Area]*Authority, len(authorities()))
	for _, a := range authorities() {
		m[a.Area()] = a
	}
	return m
})

// AuthorityOf is the authority whose figures h holds, judged by them:
// the authority whose own area has the most series (another's may be
// there as an area the officer kept under its own name), or the default
// authority for a history naming none. A caller that has the store's
// authority passes it instead, with any districts the officer named.
func AuthorityOf(h *History) *Authority {
	n := map[*Authority]int{}
	var best *Authority
	for k := range h.series {
		a, ok := ownAreas()[k.Area]
		if !ok {
			continue
		}
		n[a]++
		if best == nil || n[a] > n[best] || n[a] == n[best] && a.Name < best.Name {
			best = a
		}
	}
	if best == nil {
		return defaultAuthority()
	}
	return best
}
