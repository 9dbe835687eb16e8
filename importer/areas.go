package importer

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"scorecard/app"
)

// authority is the store's authority the import files figures under; the
// default authority when the caller names none.
func (o Options) authority() *app.Authority {
	if o.Authority != nil {
		return o.Authority
	}
	return app.DefaultAuthority()
}

// areaCheck settles the areas a workbook's layouts name against the
// store's authority, and gathers those that are not its own, so that a
// workbook from another council is refused by name rather than filed
// under the store's, and so that the officer can say what the rest are.
type areaCheck struct {
	auth *app.Authority
	// names are the officer's readings of area names the authority does
	// not know (Options.AreaNames), beside each layout's own.
	names map[string]app.Area
	// own counts the areas found that are the authority's districts or
	// the authority itself named outright.
	own int
	// foreign are other authorities' areas, by the authority, in the
	// order found; unknown are names no authority has.
	foreign map[*app.Authority][]string
	order   []*app.Authority
	// unknown are the areas found that are not the authority's, mapped
	// or not, in the order found: the import review's list.
	unknown []UnknownArea
	// titledOwn is set when a sheet's title names the authority or one
	// of its districts; titled are the titles naming another council
	// (see titles).
	titledOwn bool
	titled    []titled
	// initialled are the councils named by their initials alone (see
	// initials).
	initialled []initialled
	// localities are the sheets read as a locality's (localityOf),
	// districtSheets those read as one of the authority's districts, and
	// unnamed the indicator sheets naming no area, read as the
	// authority's (see unnamedWarnings).
	localities, districtSheets, unnamed []string
}

func newAreaCheck(auth *app.Authority, names map[string]app.Area) *areaCheck {
	return &areaCheck{auth: auth, names: names, foreign: map[*app.Authority][]string{}}
}

// settle reads l's areas as the authority's: an indicator sheet with no
// area of its own reports the authority; a district column keeps its
// area when the authority has it. An area the authority does not have
// takes the officer's reading of it (l.AreaNames, then the import's);
// without one its figures are kept under the name as written, as an
// area of their own, with a warning naming its cell, and never dropped.
// It reports the warnings; every such area is listed in ac.unknown.
// rows, the sheet's first rows (nil for a saved layout, whose area the
// officer has set), are read for a locality its name or title names
// (localityOf), which is such an area, not the authority.
func (ac *areaCheck) settle(file string, l *Layout, rows [][]string) []app.Warning {
	l.auth, l.optNames = ac.auth, ac.names
	var warns []app.Warning
	if l.Kind == IndicatorSheet {
		loc, isLocality := locality{}, false
		if l.Area == "" && rows != nil {
			loc, isLocality = localityOf(l, rows, ac.auth)
		}
		switch a, own := ac.auth.ParseArea(string(l.Area)); {
		case isLocality:
			at, what := app.Location{File: file, Sheet: l.Sheet, Cell: loc.cell}, "the sheet's name"
			switch {
			case loc.together != "" && loc.cell != "":
				what = "the title at " + loc.cell + " names"
			case loc.cell != "":
				what = "the title at " + loc.cell + " names the locality"
			}
			l.Area, warns = ac.unknownArea(l, UnknownArea{Name: loc.name, Location: at, Together: loc.together}, what)
			ac.localities = append(ac.localities, l.Sheet)
		case l.Area == "":
			l.Area = ac.auth.Area()
			if !ac.namesAuthority(l, rows) {
				ac.unnamed = append(ac.unnamed, l.Sheet)
			}
			if m := l.titleMention; m.passing {
				warns = append(warns, app.Warning{Location: app.Location{File: file, Sheet: l.Sheet, Cell: m.cell}, Message: titleMentionNote(m, l.Area)})
			}
		case own:
			l.Area = a
			ac.own++
			if a != ac.auth.Area() {
				ac.districtSheets = append(ac.districtSheets, l.Sheet)
			}
			if m := l.titleMention; m.alsoOwn && m.area == a {
				warns = append(warns, app.Warning{Location: app.Location{File: file, Sheet: l.Sheet, Cell: m.cell}, Message: titleMentionNote(m, ac.auth.Area())})
			}
			if l.areaOfName {
				warns = append(warns, app.Warning{Location: app.Location{File: file, Sheet: l.Sheet}, Message: fmt.Sprintf(
					"the sheet's name %q names %s among other words, and nothing else on it names an area: its figures are read as %s's; if they are another area's, name the sheet after that area",
					l.Sheet, a, a)})
			}
		default:
			name := string(l.Area)
			at := app.Location{File: file, Sheet: l.Sheet, Cell: "A1"}
			area, w := ac.unknownArea(l, UnknownArea{Name: name, Location: at}, "sheet reports")
			l.Area = area
			warns = append(warns, w...)
		}
	}
	var refused []int // columns settled as not read
	for i := range l.Columns {
		c := &l.Columns[i]
		if c.Role != RoleArea || c.Area == "" {
			continue
		}
		if a, ok := ac.areaOf(*c); ok {
			c.Area = a
			if ac.auth.IsDistrict(a) || a == ac.auth.Area() && !strings.EqualFold(lastPart(c.Header), "County") {
				ac.own++
			}
			continue
		}
		name := lastPart(c.Header)
		at := app.Location{File: file, Sheet: l.Sheet, Cell: c.Col + fmt.Sprint(l.HeaderRow)}
		if a, sp, ok := areaCohortOf(ac.auth, name); ok && l.Kind == DistrictSheet {
			c.Area, c.Split = a, sp
			ac.own++
			warns = append(warns, app.Warning{Location: at, Message: areaCohortNote(*c)})
			continue
		}
		if l.Kind == DistrictSheet {
			why := areaCohortRefused(ac.auth, name)
			if why == "" {
				var sp app.Split
				var left Column
				var ok bool
				if sp, left, why, ok = besideAuthority(ac.auth, l, i, name); ok {
					c.Area, c.Split = left.Area, sp
					warns = append(warns, app.Warning{Location: at, Message: besideAuthorityNote(*c, left)})
					continue
				}
			}
			if why != "" {
				// Not read, and said at its heading (warnUnused).
				refused = append(refused, i)
				l.refuseColumn(c.index, why)
				continue
			}
		}
		area, w := ac.unknownArea(l, UnknownArea{Name: name, Location: at}, fmt.Sprintf("column %s", c.Col))
		c.Area = area
		warns = append(warns, w...)
	}
	for _, i := range slices.Backward(refused) {
		l.Columns = slices.Delete(l.Columns, i, i+1)
	}
	return append(warns, ac.settleMonthAreas(file, l)...)
}

// unknownArea settles one area name the authority does not have, u's
// Name found at its Location (what names the sheet or column it heads):
// the area its figures are filed under, and the warning saying so when
// the officer has not read it.
func (ac *areaCheck) unknownArea(l *Layout, u UnknownArea, what string) (app.Area, []app.Warning) {
	name, at := u.Name, u.Location
	if o := ac.note(name); o != nil {
		u.Owner = o.Name
	}
	area, mapped, bad := l.readArea(name)
	u.Area, u.Mapped = area, mapped
	if mapped && (ac.auth.IsDistrict(area) || area == ac.auth.Area()) {
		ac.own++
	}
	ac.unknown = append(ac.unknown, u)
	var warns []app.Warning
	if bad != "" {
		warns = append(warns, app.Warning{Location: at, Message: bad})
	}
	if !mapped {
		warns = append(warns, app.Warning{Location: at, Message: fmt.Sprintf("%s %q: %s; its figures are kept under %q, an area of its own, until %s",
			what, name, u.why(ac.auth), name, mapAdvice(ac.auth, name))})
	}
	return area, warns
}

// mapAdvice says how to file an unknown area name's figures: mapped to
// one of the authority's districts or a pseudo-area, or, for an
// authority the app knows no districts of (Leeds has localities, not
// districts), named as one of its localities, since no district is
// there to map to (QA27a).
//
// A name that says which children its figures count ("UASC only",
// "Excluding UASC", "Kent excl UASC" in a tidy table's Area column) is
// advised to be given as an area and a cohort apart: mapped to an area,
// its figures would pass for all that area's children (QA27b).
func mapAdvice(auth *app.Authority, name string) string {
	if sp, area, cohort, ok := cohortNamed(auth, name); ok {
		return fmt.Sprintf("the area and the children are given apart (in a tidy table, Area %q and Cohort %q): it says its figures count %s, and mapped to an area they would pass for all that area's children",
			area, cohort, splitWords(sp))
	}
	if len(auth.Districts()) == 0 {
		return fmt.Sprintf("it is named one of %s's localities (scorecard authority %q --districts %q, with the others) or mapped to a pseudo-area (import --area %q)",
			auth.Name, auth.Name, name, name+"="+PseudoArea)
	}
	// A group of districts ("North Kent") is rightly an area of its
	// own: mapped to one district, its figures would be added twice.
	return fmt.Sprintf("it is mapped to a district or pseudo-area (import --area %q); a group of districts is rightly kept so, and exports withhold it as the sum of the districts its figures add up to", name+"=DISTRICT")
}

// why says what an unknown area is not, and whose it is if anyone's.
func (u UnknownArea) why(auth *app.Authority) string {
	if u.Together != "" {
		return u.Together + " together, not one area"
	}
	if u.Owner != "" {
		return "an area of " + u.Owner + ", not of " + auth.Name
	}
	return "not " + auth.Name + ", one of its districts or a named pseudo-area"
}

// UnknownArea is an area name a file gives that is not the store's
// authority, one of its districts or a named pseudo-area ("Out of
// County", "UASC Service"): the import review lists each, for the
// officer to map to a district or pseudo-area or to keep as it is.
type UnknownArea struct {
	Name string // as written
	// Owner names another authority whose area it is; "" for none.
	Owner string
	// Together names the areas it joins, where a sheet's name or title
	// names several as one ("Kent and Medway" for "Kent & Medway"); ""
	// otherwise.
	Together string
	// Location is the first place it is named: a column's heading, a
	// sheet's title (A1), or a tidy table's first row naming it.
	Location app.Location
	// Rows counts the tidy table's rows naming it; 0 for a column or
	// sheet.
	Rows int
	// Area is what its figures were filed under: the officer's mapping,
	// or else the name as written.
	Area app.Area
	// Mapped is set when the officer's mapping (Layout.AreaNames,
	// Options.AreaNames) gave Area.
	Mapped bool
}

// readArea reads an area name the authority does not have by the
// officer's mapping: the layout's own first, then the import's; with
// none, a name that is the authority's own with words or a code added
// ("Leeds LA", "Leeds (383)", "Barnsley Metropolitan Borough Council")
// is read as the authority (app.Authority.NamedWithMore). It reports the
// area to file its figures under (the name itself when unmapped, or
// mapped to itself as a pseudo-area), whether a mapping or that reading
// gave it, and what to warn at the first place it is named: a mapping
// naming no area of the authority, or the reading of its name.
func (l *Layout) readArea(name string) (area app.Area, mapped bool, bad string) {
	for _, names := range []map[string]app.Area{l.AreaNames, l.optNames} {
		to, ok := lookupName(names, name)
		if !ok {
			continue
		}
		if strings.EqualFold(strings.TrimSpace(string(to)), strings.TrimSpace(name)) || strings.EqualFold(string(to), PseudoArea) {
			return app.Area(strings.TrimSpace(name)), true, ""
		}
		if a, ok := l.authority().ParseArea(string(to)); ok {
			auth := l.authority()
			if sp, _, _, cohort := cohortNamed(auth, name); cohort && (a == auth.Area() || auth.IsDistrict(a)) {
				// Filed under the area, the cohort's figures would be
				// all its children's; a pseudo-area ("UASC Service")
				// is the officer's to choose.
				bad = fmt.Sprintf("area %q mapped to %q: it says its figures count %s, and under %s they would pass for all its children: mapping ignored; give the area and the children apart (in a tidy table, an Area and a Cohort column)",
					name, to, splitWords(sp), a)
				continue
			}
			return a, true, ""
		}
		bad = fmt.Sprintf("area %q mapped to %q, which is not %s, one of its districts or a pseudo-area: mapping ignored", name, to, l.authority().Name)
	}
	if auth := l.authority(); bad == "" && auth.NamedWithMore(name) {
		return auth.Area(), true, fmt.Sprintf("area %q read as %s (LA %s, %s), its name with more words or its code: here and wherever it is named; if it is an area apart, say so (import --area %q)",
			strings.TrimSpace(name), auth.Name, auth.Old, auth.New, strings.TrimSpace(name)+"="+PseudoArea)
	}
	return app.Area(strings.TrimSpace(name)), false, bad
}

// cohortNamed reads an area name that is nothing but which children its
// figures count, a cohort the app holds, perhaps after one of the
// authority's areas ("UASC only", "Kent excl UASC"): the split, the area
// (the authority where none leads) and the cohort's words. ok is false
// for a name saying no cohort, not plainly, or with other words that
// may make it an area ("Disabled Children's Service").
func cohortNamed(auth *app.Authority, name string) (sp app.Split, area, cohort string, ok bool) {
	sp, named, doubt := splitOf(name)
	if !named || doubt != "" || sp == app.All {
		return app.All, "", "", false
	}
	if onlyCohortWords(name) {
		return sp, string(auth.Area()), strings.TrimSpace(name), true
	}
	// "UASC", which leads "UASC only", is the UASC Service's name, not
	// an area here.
	for a, rest := range leadingAreas(auth, name) {
		if r, _, _ := splitOf(rest); (a == auth.Area() || auth.IsDistrict(a)) && r == sp && onlyCohortWords(rest) {
			return sp, string(a), strings.TrimSpace(rest), true
		}
	}
	return app.All, "", "", false
}

// PseudoArea, as the area a name is mapped to, keeps the name as an area
// of its own: a pseudo-area such as "Out of Area" or "Localities North".
const PseudoArea = "pseudo"

// lookupName finds name in names by its spelling, ignoring case and
// surrounding spaces.
func lookupName(names map[string]app.Area, name string) (app.Area, bool) {
	if a, ok := names[name]; ok {
		return a, true
	}
	name = strings.TrimSpace(name)
	for k, a := range names {
		if strings.EqualFold(strings.TrimSpace(k), name) {
			return a, true
		}
	}
	return "", false
}

// areaOf reads a district column's heading, or the area detection gave
// it, as an area of the authority.
func (ac *areaCheck) areaOf(c Column) (app.Area, bool) {
	if a, ok := ac.auth.ParseArea(lastPart(c.Header)); ok {
		return a, true
	}
	return ac.auth.ParseArea(string(c.Area))
}

// lastPart is a heading under any group caption: "2025 / Woking" gives
// "Woking".
func lastPart(h string) string {
	if i := strings.LastIndex(h, " / "); i >= 0 {
		return strings.TrimSpace(h[i+3:])
	}
	return strings.TrimSpace(h)
}

// note records a name that is not the authority's, reporting the other
// authority it belongs to, if any.
func (ac *areaCheck) note(name string) *app.Authority {
	owners := app.AuthoritiesOf(name, ac.auth)
	if len(owners) == 0 {
		for _, a := range app.Authorities() {
			if got, ok := a.ParseArea(name); ok && got == a.Area() && a.Old != ac.auth.Old {
				owners = append(owners, a)
				break
			}
		}
	}
	if len(owners) == 0 {
		return nil
	}
	o := owners[0]
	if _, ok := ac.foreign[o]; !ok {
		ac.order = append(ac.order, o)
	}
	ac.foreign[o] = append(ac.foreign[o], name)
	return o
}

// refusal is the error refusing a workbook none of whose areas is the
// authority's and some of whose are another's; nil otherwise.
func (ac *areaCheck) refusal(file string) error {
	if ac.own > 0 || len(ac.order) == 0 {
		return nil
	}
	o := ac.order[0]
	// Name its districts, which say whose the workbook is; the council's
	// own name only where it names no district.
	var names []string
	for _, n := range ac.foreign[o] {
		if a, _ := o.ParseArea(n); o.IsDistrict(a) {
			names = append(names, n)
		}
	}
	what := "districts"
	if len(names) == 0 {
		names, what = ac.foreign[o][:1], "own area"
	}
	if len(names) > 3 {
		names = names[:3]
	}
	areas := "areas " + strings.Join(names, ", ") + " are"
	if len(names) == 1 {
		areas = "area " + names[0] + " is"
		what = strings.TrimSuffix(what, "s")
	}
	return &app.SourceError{Location: app.Location{File: file}, Err: fmt.Errorf(
		"%s %s's %s, not %s's: set the store's authority with `scorecard authority %s`, or import into %s's store",
		areas, o.Name, what, ac.auth.Name, o.Name, o.Name)}
}

// togetherByFileName reads a workbook none of whose sheets names an area
// by the areas its file's name names together ("Kent and Medway
// scorecard.xlsx"): each sheet is theirs together, kept under the name
// as a title naming them is (areasTogether). Such a workbook was filed as
// the authority's, unsaid. Where some sheet names an area (a district's,
// a locality's), the file's name is the workbook's, not a sheet's: the
// sheets naming none stay the authority's (unnamedWarnings).
func (ac *areaCheck) togetherByFileName(file string, plan []planned) []app.Warning {
	if len(ac.unnamed) == 0 || len(ac.districtSheets)+len(ac.localities)+ac.own > 0 {
		return nil
	}
	span, names, ok := areasTogether(strings.TrimSuffix(file, filepath.Ext(file)), ac.auth)
	if !ok {
		return nil
	}
	var warns []app.Warning
	for i := range plan {
		l := &plan[i].l
		if l.Kind != IndicatorSheet || !slices.Contains(ac.unnamed, l.Sheet) {
			continue
		}
		area, w := ac.unknownArea(l, UnknownArea{Name: span, Location: app.Location{File: file, Sheet: l.Sheet}, Together: names}, "the file's name names")
		l.Area, l.areaOfFile = area, true
		warns = append(warns, w...)
	}
	ac.unnamed = nil
	return warns
}

// namesAuthority reports whether a sheet read as the authority's names
// it, with other words, in its name or a title row ("Kent (excl UASC)",
// "Kent County Council scorecard"), rather than naming no area at all.
func (ac *areaCheck) namesAuthority(l *Layout, rows [][]string) bool {
	if slices.Contains(ac.auth.AreasIn(l.Sheet), ac.auth.Area()) {
		return true
	}
	for _, t := range titleTexts(l, rows) {
		if slices.Contains(ac.auth.AreasIn(t.text), ac.auth.Area()) {
			return true
		}
	}
	return false
}

// unnamedWarnings says, of a workbook with sheets for districts or
// localities, that each sheet naming no area was read as the
// authority's. Alone, such a sheet is the authority's scorecard; beside
// "Ashford" and "Swale", or "East" and "West", it may as well be another
// part's ("Sheppey", a town the profiles do not know), and only its name
// or title could say.
func (ac *areaCheck) unnamedWarnings(file string) []app.Warning {
	var beside string
	switch {
	case len(ac.localities) > 0 && len(ac.districtSheets) > 0:
		beside = "districts and localities (" + listSheets(append(slices.Clone(ac.districtSheets), ac.localities...)) + ")"
	case len(ac.localities) > 0:
		beside = "localities (" + listSheets(ac.localities) + ")"
	case len(ac.districtSheets) > 0:
		beside = "districts (" + listSheets(ac.districtSheets) + ")"
	default:
		return nil
	}
	var ws []app.Warning
	for _, sheet := range ac.unnamed {
		ws = append(ws, app.Warning{Location: app.Location{File: file, Sheet: sheet, Cell: "A1"}, Message: fmt.Sprintf(
			"sheet %q names no area, beside sheets for %s: its figures are read as %s's; if they are another area's, name it in the sheet's name or title",
			sheet, beside, ac.auth.Area())})
	}
	return ws
}

// listSheets names sheets in a warning: the first four, and how many
// more (a county's twelve district sheets would fill the line).
func listSheets(sheets []string) string {
	if len(sheets) <= 4 {
		return strings.Join(sheets, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(sheets[:4], ", "), len(sheets)-4)
}
