package importer

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer/xlsx"
)

// The DfE's LA Interactive Tool (LAIT) gives one indicator a sheet, its
// name in the title, authorities as rows and years across: the
// officer's own authority, others (the region's, the neighbours'), and
// England, the region and the statistical neighbours' average. The
// Children's Services Analysis Tool (ChAT), and many a council's copy of
// either, turns the table: years down, the authority, its neighbours and
// England across. Both were refused ("reference data: a list of local
// authorities", "no header row found"), though they hold the
// authority's annual figures and the benchmarks beside them. So such a
// sheet is read as the DfE's own file is (importer/dfe): the store's
// authority's row (column) as its figures of each year, England's, its
// region's and its neighbours' as benchmarks of those years, and any
// other authority's not at all, said once with how many. The indicator
// is known by the sheet's title, as an indicator without a Ref is
// (namedrows.go): filed under the ref made from it, or under the
// store's indicator of that name.

// yearTable is a sheet of one indicator's yearly figures for areas.
type yearTable struct {
	title, titleAt int // the title's 0-based row and column; -1 for none
	header         int // the header's 0-based row
	// areasDown is set for LAIT's shape, areas in column area and years
	// across; else ChAT's, years down column area and areas across.
	areasDown bool
	area      int
	years     map[int]yearHead // by column (areasDown) or row
	areas     map[int]string   // by row (areasDown) or column
}

// yearHead is a year heading: its period and whether it was a bare
// calendar year, read as the year ending in it.
type yearHead struct {
	text   string
	period app.Period
	bare   bool
}

// laitAreaHeads are the headings of a LAIT table's column of areas.
var laitAreaHeads = map[string]bool{
	"local authority": true, "la": true, "la name": true, "local authority name": true, "authority": true,
	"area": true, "area name": true, "geography": true, "region": true, "la region": true, "name": true,
}

// chatYearHeads are the headings of a turned table's column of years.
var chatYearHeads = map[string]bool{
	"year": true, "years": true, "period": true, "time period": true, "financial year": true, "academic year": true,
}

// tableYear reads a column's (or row's) heading as a year: 2023-24,
// 2023/24, or a bare calendar year 2024, which LAIT writes for the
// year ending in it.
func tableYear(text string) (yearHead, bool) {
	t := strings.TrimSpace(text)
	if y, rest := cutYear(t); !y.IsZero() && strings.TrimSpace(rest) == "" {
		return yearHead{text: t, period: y}, true
	}
	if n, err := strconv.Atoi(t); err == nil && n >= EarliestYear+1 && n <= 2100 {
		return yearHead{text: t, period: app.Period{Kind: app.FinancialYear, Year: n - 1}, bare: true}, true
	}
	return yearHead{}, false
}

// findYearTable finds a LAIT or ChAT table among a sheet's first rows.
func findYearTable(rows [][]string, auth *app.Authority) (yearTable, bool) {
	for h := 0; h < min(len(rows), headerSearchRows); h++ {
		row := rows[h]
		for c, t := range row {
			n := normHeader(t)
			switch {
			case laitAreaHeads[n]:
				yt := yearTable{header: h, areasDown: true, area: c, years: map[int]yearHead{}, areas: map[int]string{}}
				for j := c + 1; j < len(row); j++ {
					if y, ok := tableYear(row[j]); ok {
						yt.years[j] = y
					}
				}
				for r := h + 1; r < len(rows); r++ {
					if c < len(rows[r]) && strings.TrimSpace(rows[r][c]) != "" {
						yt.areas[r] = strings.TrimSpace(rows[r][c])
					}
				}
				if len(yt.years) >= 1 && yt.hasOwnOrBench(auth) {
					return yt.titled(rows), true
				}
			case chatYearHeads[n]:
				yt := yearTable{header: h, area: c, years: map[int]yearHead{}, areas: map[int]string{}}
				for j := c + 1; j < len(row); j++ {
					if t := strings.TrimSpace(row[j]); t != "" {
						yt.areas[j] = t
					}
				}
				for r := h + 1; r < len(rows); r++ {
					if c < len(rows[r]) {
						if y, ok := tableYear(rows[r][c]); ok {
							yt.years[r] = y
						}
					}
				}
				if len(yt.years) >= 1 && yt.hasOwnOrBench(auth) {
					return yt.titled(rows), true
				}
			}
		}
	}
	return yearTable{}, false
}

// hasOwnOrBench reports whether the table's areas include the
// authority's own and England or the neighbours: a table of the DfE's
// tools, not a list of authorities and codes.
func (yt *yearTable) hasOwnOrBench(auth *app.Authority) bool {
	own, bench := false, false
	for _, a := range yt.areas {
		switch k, _ := areaKind(a, auth); k {
		case areaOwn:
			own = true
		case areaEngland, areaNeighbours, areaRegion:
			bench = true
		}
	}
	return own && bench
}

// titled finds the table's title (titleAbove).
func (yt yearTable) titled(rows [][]string) yearTable {
	yt.title, yt.titleAt = titleAbove(rows, 0, yt.header)
	return yt
}

// titleAbove finds the title of a table whose header is at 0-based row
// h, among the rows from from: the first text above the header, not a
// "Source:" line. It gives its row and column, or -1, -1 for none.
func titleAbove(rows [][]string, from, h int) (int, int) {
	for r := from; r < h; r++ {
		for c, t := range rows[r] {
			t = strings.TrimSpace(t)
			if t == "" {
				continue
			}
			if !strings.HasPrefix(strings.ToLower(t), "source") {
				return r, c
			}
			break
		}
	}
	return -1, -1
}

// kinds of a LAIT row's (ChAT column's) area.
const (
	areaOther = iota
	areaOwn
	areaEngland
	areaNeighbours
	areaRegion
	areaOtherRegion
	areaAuthority
)

// areaKind says whose figures an area's name gives, and the benchmark
// group of a comparator's, as the DfE reader files them.
func areaKind(name string, auth *app.Authority) (int, string) {
	if a, ok := auth.ParseArea(name); ok && a == auth.Area() || auth.NamedWithMore(name) {
		return areaOwn, ""
	}
	n := normHeader(name)
	if r, ok := regionNamed(n); ok {
		if r == auth.Region {
			return areaRegion, r
		}
		return areaOtherRegion, r
	}
	switch role, _, _ := headerRole(name); role {
	case RoleEngland:
		return areaEngland, benchmark.England
	case RoleNeighbours:
		return areaNeighbours, benchmark.ScorecardNeighbours
	}
	if _, ok := app.LookupAuthority(name); ok {
		return areaAuthority, ""
	}
	return areaOther, ""
}

// isYearTables reports whether a workbook is of LAIT or ChAT tables:
// no sheet has a layout the scorecard reader reads, and one at least is
// such a table.
func isYearTables(s *Sample) bool {
	if s.book == nil {
		return false
	}
	found := false
	auth := s.opt.authority()
	for _, h := range s.Heads {
		if l, err := s.detectSheet(context.Background(), h); err == nil && l.Kind != Skip {
			return false
		}
		if _, ok := findYearTable(h.Rows, auth); ok {
			found = true
		}
	}
	return found
}

// readYearTables reads each LAIT or ChAT sheet of a workbook; a sheet of
// neither is said not read.
func readYearTables(ctx context.Context, s *Sample, opt Options) (*Result, error) {
	base := filepath.Base(s.Path)
	auth := opt.authority()
	c := newCollector(base)
	c.knownDefinitions(opt)
	var sheets []string
	for _, h := range s.Heads {
		g := s.wholes.get(h.Sheet)
		if g == nil {
			var err error
			if g, err = s.book.readSheet(ctx, h.Sheet); err != nil {
				return nil, &app.SourceError{Location: app.Location{File: base, Sheet: h.Sheet}, Err: err}
			}
		}
		sr := &sheetReader{out: newSheetLog(base, h.Sheet), l: Layout{Sheet: h.Sheet}, g: g}
		yt, ok := findYearTable(g.rows, auth)
		if !ok {
			if hasEntries(h.Rows) {
				sr.out.warn(h.Sheet, "A1", "sheet not read: no LAIT or ChAT table on it (a title, then a header of areas and years) like the workbook's other sheets")
				c.replay(sr.out)
			}
			continue
		}
		if err := sr.readYearTable(&yt, auth, opt); err != nil {
			return nil, err
		}
		sheets = append(sheets, h.Sheet)
		c.replay(sr.out)
	}
	if opt.Progress != nil {
		opt.Progress(1, 1)
	}
	return &Result{Format: "LAIT / ChAT tables", Sheets: sheets, Dataset: c.dataset(), Warnings: c.warnings}, nil
}

// readYearTable reads one LAIT or ChAT sheet.
func (s *sheetReader) readYearTable(yt *yearTable, auth *app.Authority, opt Options) error {
	base, sheet := s.out.file, s.l.Sheet
	name, nr, nc, by := "", yt.title, yt.titleAt, "its title"
	switch {
	case yt.title >= 0:
		name = strings.TrimSpace(s.g.at(yt.title, yt.titleAt))
	case namesIndicator(sheet):
		// LAIT's one indicator a sheet, the sheet named for it.
		name, nr, nc, by = strings.TrimSpace(sheet), yt.header, 0, "its sheet's name"
	default:
		return &app.SourceError{Location: app.Location{File: base, Sheet: sheet, Cell: cellName(yt.header, 0)},
			Err: fmt.Errorf("a table of areas and years with no title above it, on a sheet whose name %q names no indicator: write the indicator's name in the cell above the table (as LAIT does, \"Children looked after at 31 March per 10,000 children aged under 18\"), or name the sheet for it", sheet)}
	}
	if bare, span, ok := cutTitleSpan(name); ok {
		s.warn(nr, nc, "%q: the years %s at its end are the download's span, not the indicator's name: known as %q, so that a download of other years (LAIT's next) files under the same indicator", name, span, bare)
		name = bare
	}
	ref := nameRef(name)
	shown := ref
	var latest app.Period
	for _, y := range yt.years {
		if latest.IsZero() || y.period.End().After(latest.End()) {
			latest = y.period
		}
	}
	if f, ok := yearTableFiling(name, latest, opt); ok && f.refused {
		return &app.SourceError{Location: s.loc(nr, nc), Err: fmt.Errorf("%q %s", name, f.why)}
	} else if ok {
		ref = f.ref
		s.warn(nr, nc, "%q %s", name, f.why)
		shown = ref + " (the Ref of the same name in the store)"
	} else if held := spannedStored(name, opt.Indicators); len(held) == 1 && held[0].Ref != ref {
		// Imported before spans were left out of names.
		ref = held[0].Ref
		s.warn(nr, nc, "%q filed under %s, the store's indicator of this name with the span of an earlier download (%q), not under %s made from the name, so that this download continues it", name, ref, held[0].Name, nameRef(name))
		shown = ref + " (the store's, of an earlier download)"
	}
	s.out.define(app.Indicator{Ref: ref, Name: name}, app.Stated{Name: s.loc(nr, nc)})
	academic := false
	if opt.Defined != nil {
		if ind, ok := opt.Defined(ref); ok && ind.YearType == app.AcademicYear {
			academic = true
		}
	}
	if n, ok := heldAcademic(opt.Held, ref); ok && !academic {
		// A tidy CSV's "2022/23AY" files its figures so, and its
		// definition names no year type: its bare years filed as
		// financial would stand beside the same year's AY figure.
		academic = true
		held := fmt.Sprintf("its %d figures", n)
		if n == 1 {
			held = "its one figure"
		}
		s.warn(nr, nc, "%s: its years are read as academic years, as the store holds %s by academic year only; if they are financial years, set its year type (a Target column headed \"Target 2023/24 FY\") and import again", ref, held)
	}
	shape := "authorities as rows, years across (LAIT's)"
	if !yt.areasDown {
		shape = "years down, areas across (ChAT's)"
	}
	s.warn(nr, nc, "read as a table of one indicator's yearly figures, %s: %s %q, known by %s (no Ref), %s's figures as its own and England's, the region's and the statistical neighbours' as benchmarks of their years", shape, shown, name, by, auth.Name)
	if yt.areasDown {
		// LAIT's "LA code" beside the names: the rows are known by
		// their names, said once.
		for c, t := range s.g.rows[yt.header] {
			if _, ok := yt.years[c]; !ok && c != yt.area && strings.TrimSpace(t) != "" {
				s.warn(yt.header, c, "column %s %q not read: the rows are known by the areas' names in column %s", xlsx.ColumnName(c), strings.TrimSpace(t), xlsx.ColumnName(yt.area))
			}
		}
	}
	// Headings of bare years, said once at the first.
	saidBare := false
	otherAuths, otherAt := 0, ""
	var regions, others namedLines // said once each, LAIT listing every region and group
	for _, k := range sortedKeys(yt.years) {
		y := yt.years[k]
		if y.bare && !saidBare {
			saidBare = true
			r, c := yt.header, k
			if !yt.areasDown {
				r, c = k, yt.area
			}
			p := y.period
			if academic {
				p = app.Period{Kind: app.AcademicYear, Year: p.Year}
			}
			s.warn(r, c, "%q names the calendar year %s, not a financial or academic year: read as %s, the year ending in it (as LAIT dates a year by its end); head the years as 2023-24 if they are other years", y.text, y.text, p.Label())
		}
	}
	for _, a := range sortedKeys(yt.areas) {
		areaName := yt.areas[a]
		ar, ac := a, yt.area
		if !yt.areasDown {
			ar, ac = yt.header, a
		}
		kind, group := areaKind(areaName, auth)
		figures := false
		for _, k := range sortedKeys(yt.years) {
			if strings.TrimSpace(s.yearCell(yt, a, k)) != "" {
				figures = true
			}
		}
		if !figures {
			continue
		}
		switch kind {
		case areaAuthority:
			if otherAuths == 0 {
				otherAt = cellName(ar, ac)
			}
			otherAuths++
			continue
		case areaOtherRegion:
			regions.add(ar, ac, areaName)
			continue
		case areaOther:
			others.add(ar, ac, areaName)
			continue
		case areaOwn:
			if auth.NamedWithMore(areaName) {
				s.warn(ar, ac, "%q read as %s (LA %s, %s), its name with more words or its code; if it is an area apart, say so (import --area %q)",
					strings.TrimSpace(areaName), auth.Name, auth.Old, auth.New, strings.TrimSpace(areaName)+"="+PseudoArea)
			}
		}
		for _, k := range sortedKeys(yt.years) {
			y := yt.years[k]
			r, c := a, k
			if !yt.areasDown {
				r, c = k, a
			}
			text := strings.TrimSpace(s.g.at(r, c))
			if text == "" {
				continue
			}
			p := y.period
			if academic {
				p = app.Period{Kind: app.AcademicYear, Year: p.Year}
			}
			rd, err := readFigure(text, s.g.look(r, c), &s.floats)
			if err != nil {
				s.warn(r, c, "%s %s %s: skipped: %v", ref, areaName, p.Label(), err)
				continue
			}
			if kind == areaOwn {
				o := app.Observation{Ref: ref, Area: auth.Area(), Period: p, Value: rd.value, Status: rd.status, Raw: rd.raw}
				s.out.observe(&o, r, c)
				continue
			}
			b := app.Benchmark{Ref: ref, Period: p, Group: group, Value: rd.value, Status: rd.status,
				Source: fmt.Sprintf("%s: %s!%s", s.out.file, s.l.Sheet, cellName(r, c))}
			s.out.datedFrom(len(s.out.benchmarks), app.Period{})
			s.out.benchmarks = append(s.out.benchmarks, b)
		}
	}
	what := "rows"
	if !yt.areasDown {
		what = "columns"
	}
	switch {
	case otherAuths == 1:
		s.out.warn(s.l.Sheet, otherAt, "another authority's %s not read: its figures are not %s's, and a benchmark of them is the DfE's to give (import its file for ranks and the neighbours' average)", what[:len(what)-1], auth.Name)
	case otherAuths > 1:
		s.out.warn(s.l.Sheet, otherAt, "%d other authorities' %s not read, the first here: their figures are not %s's, and a benchmark of them is the DfE's to give (import its file for ranks and the neighbours' average)", otherAuths, what, auth.Name)
	}
	regions.warn(s, fmt.Sprintf("other regions' figures than %s's (%s), not benchmarks the app shows", auth.Name, auth.Region))
	others.warn(s, fmt.Sprintf("neither %s, England, its region (%s) nor its statistical neighbours; name them as the DfE does", auth.Name, auth.Region))
	s.warnUnnamed(yt)
	return nil
}

// namedLines are a table's rows (columns) not read for one reason, by
// the first's cell and their names.
type namedLines struct {
	r, c  int
	names []string
}

func (n *namedLines) add(r, c int, name string) {
	if len(n.names) == 0 {
		n.r, n.c = r, c
	}
	n.names = append(n.names, strconv.Quote(name))
}

// warn says, at the first, that the lines were not read, and why.
func (n *namedLines) warn(s *sheetReader, why string) {
	switch {
	case len(n.names) == 1:
		s.warn(n.r, n.c, "%s not read: %s", n.names[0], why)
	case len(n.names) > 1 && len(n.names) <= 4:
		s.warn(n.r, n.c, "%s not read, the first here: %s", strings.Join(n.names, ", "), why)
	case len(n.names) > 4:
		s.warn(n.r, n.c, "%d areas not read (%s and %d more), the first here: %s", len(n.names), strings.Join(n.names[:3], ", "), len(n.names)-3, why)
	}
}

// warnUnnamed says of each line of the table with entries but no area
// (LAIT's) or year (ChAT's) heading it that it is not read.
func (s *sheetReader) warnUnnamed(yt *yearTable) {
	for r := yt.header + 1; r < len(s.g.rows); r++ {
		if yt.areasDown {
			if _, ok := yt.areas[r]; ok {
				continue
			}
			for k := range yt.years {
				if strings.TrimSpace(s.g.at(r, k)) != "" {
					s.warn(r, k, "row %d not read: it has figures but no area named in column %s", r+1, xlsx.ColumnName(yt.area))
					break
				}
			}
			continue
		}
		if _, ok := yt.years[r]; ok {
			continue
		}
		for a := range yt.areas {
			if strings.TrimSpace(s.g.at(r, a)) != "" {
				s.warn(r, yt.area, "row %d not read: %q in column %s is not a year such as 2023-24", r+1, strings.TrimSpace(s.g.at(r, yt.area)), xlsx.ColumnName(yt.area))
				break
			}
		}
	}
}

// plainSheetName matches the names a spreadsheet or an export gives a
// sheet, which name no indicator.
var plainSheetName = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*(sheet|data|table|export|report|lait|chat|page|tab)\s*\d*\s*$`)
})

// namesIndicator reports whether a sheet's name may name its indicator:
// words, and not a name a spreadsheet gives.
func namesIndicator(sheet string) bool {
	return len(words(sheet)) > 0 && !plainSheetName().MatchString(sheet)
}

// yearCell is the text of the table's cell for the area at a and the
// year at k.
func (s *sheetReader) yearCell(yt *yearTable, a, k int) string {
	if yt.areasDown {
		return s.g.at(a, k)
	}
	return s.g.at(k, a)
}

// yearTableFiling is how a title names the store's indicator of the
// same name with a Ref, as a name without a Ref is filed (settleNames):
// latest is the table's latest year, against which a retired
// indicator's retirement is weighed (retiredFiling).
func yearTableFiling(name string, latest app.Period, opt Options) (nameFiling, bool) {
	refs := nameIndex{}
	refs.addStored(opt.Indicators, opt.Retired)
	cs := refs.candidates(name, "")
	if f, ok := retiredFiling(cs, latest, nameRef(name), "a LAIT table has no Ref column to say which: retire the one it does not give, or put back the one it gives (scorecard retire --undo), and import it again"); ok {
		return f, true
	}
	if len(cs) != 1 {
		return nameFiling{}, false
	}
	return nameFiling{ref: cs[0].ref, why: fmt.Sprintf("filed under %s, the indicator of the same name %s, not under %s made from the name; if it is another measure, give it another name", cs[0].ref, cs[0].at, nameRef(name))}, true
}

// sortedKeys are m's keys in order.
func sortedKeys[V any](m map[int]V) []int { return slices.Sorted(maps.Keys(m)) }
