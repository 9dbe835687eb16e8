package importer

import (
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// A sheet of months may head runs of its month columns with what they
// give, in a row above the months: areas ("Kent | Ashford | Dover" over
// "Sep-24 | Sep-24 | Sep-24", or each merged over a run of months), the
// children counted ("All children | Excluding UASC"), or benchmarks
// ("Kent | England | Stat neighbours"). Such a sheet was read as one
// area's and cohort's: the first district named above its header
// (titleArea), or the first cohort, took every column, the county's
// figures stored as Ashford's and England's as Kent's; where the runs
// repeated the months the others were called conflicts with the first,
// and where they did not, nothing was said at all.

// headingKind is what a heading over a run of month columns names.
type headingKind int

const (
	otherHeading  headingKind = iota
	areaHeading               // an area, any council's, perhaps with a cohort ("Kent excl UASC")
	cohortHeading             // the children counted alone ("All children", "Excluding UASC")
	benchHeading              // England or the statistical neighbours
)

// overHeading is a heading over a run of month columns, at column c of
// its row.
type overHeading struct {
	c    int
	text string
	kind headingKind
}

// kindOfOver reads a heading over month columns. An area with the
// children it counts ("Kent excl UASC") is taken after another heading
// only: asked of every row's first heading, such readings cost a
// district scorecard's detection twice its allocations.
func kindOfOver(t string, after bool) headingKind {
	if _, ok := app.AnyArea(t); ok || after && areaWords(t) {
		return areaHeading
	}
	if r, _, _, _ := headerRoleGuessed(t); r == RoleEngland || r == RoleNeighbours {
		return benchHeading
	}
	if _, named, doubt := splitOf(t); named && doubt == "" && onlyCohortWords(t) {
		return cohortHeading
	}
	return otherHeading
}

// areasOverPeriods reads, or refuses, the month columns of a sheet of
// indicators under headings in a row above them.
//
// Where two or more areas head the month columns from the first on, and
// nothing else, each column is read as the area named at or left of it
// (a merged heading is written at its left), as a heading such as
// "Sep-24 Kent" is read: settleMonthAreas says each, and reads "Kent
// excl UASC" as Kent's children but those seeking asylum. read reports
// so, and the sheet has no area of its own. Areas beside other headings
// over the months are refused at the first area.
//
// Where each run is headed by the children it counts alone, a
// different cohort each ("All children | Excluding UASC"), each column
// is read as its month's figure for its run's cohort (cohortRunColumns).
// Where one area or cohort heads the first run of months and other
// cohorts or benchmarks head later runs, the first run is the sheet's,
// read as before, and each column of the later runs is refused at its
// heading.
// Where such headings stand over the later months alone, the sheet is
// refused at the first. One heading over the first of the month
// columns, or left of them, as a title names the district or children a
// sheet reports, is the sheet's; so is one after a label such as
// "Area:", and years over their months date them (monthsUnderYears).
func areasOverPeriods(l *Layout, g *grid, label int) (read bool, err error) {
	isPeriod := func(col Column) bool {
		return col.Role == RolePeriod && (col.Period.Kind == app.Month || col.Period.Kind == app.Quarter)
	}
	first, last := -1, -1
	for _, col := range l.Columns {
		if isPeriod(col) {
			if first < 0 || col.index < first {
				first = col.index
			}
			last = max(last, col.index)
		}
	}
	if first < 0 {
		return false, nil
	}
	// By column, from the first period column on.
	periods := make([]app.Period, last-first+1)
	for _, col := range l.Columns {
		if isPeriod(col) {
			periods[col.index-first] = col.Period
		}
	}
	for r := 0; r < label && r < len(g.rows); r++ {
		var heads []overHeading
		areas := 0
		others := false // other words over the month columns, after a heading
		for c := first; c < min(len(g.rows[r]), last+1); c++ {
			t := strings.TrimSpace(g.rows[r][c])
			if t == "" || periods[c-first].IsZero() {
				continue
			}
			k := kindOfOver(t, len(heads) > 0)
			if k == otherHeading {
				if len(heads) == 0 {
					// Words before any heading, such as "Area:", or a
					// year over its months, make the row a title's or
					// the months' captions.
					break
				}
				others = true
				continue
			}
			if k == areaHeading {
				areas++
			}
			heads = append(heads, overHeading{c, t, k})
		}
		if len(heads) == 0 || len(heads) == 1 && heads[0].c == first {
			continue
		}
		if heads[0].c != first {
			return false, overRefusal(r, heads, periods[heads[0].c-first], fmt.Sprintf("from %s on, and nothing over those before", xlsx.ColumnName(heads[0].c)))
		}
		if areas == len(heads) && !others {
			areaColumns(l, heads, isPeriod)
			return true, nil
		}
		if areas >= 2 {
			return false, overRefusal(r, heads, periods[0], "beside other headings")
		}
		if splits, ok := cohortRunsOf(heads); ok && !others {
			cohortRunColumns(l, r, heads, splits, isPeriod)
			return false, nil
		}
		refuseLaterRuns(l, r, heads, periods, first, isPeriod)
		return false, nil
	}
	return false, nil
}

// areaColumns reads each month column as the area heading it or the
// columns left of it.
func areaColumns(l *Layout, heads []overHeading, isPeriod func(Column) bool) {
	for i := range l.Columns {
		col := &l.Columns[i]
		if !isPeriod(*col) {
			continue
		}
		var area string
		for _, h := range heads {
			if h.c <= col.index {
				area = h.text
			}
		}
		col.Area = app.Area(area)
		if !strings.HasPrefix(col.Header, area+" / ") {
			// Under two header rows, the area's own column has it
			// already, as its caption.
			col.Header = area + " / " + col.Header
		}
	}
}

// refuseLaterRuns refuses, each at its heading, the month columns of
// row r's headings after the first, whose run is the sheet's.
func refuseLaterRuns(l *Layout, r int, heads []overHeading, periods []app.Period, first int, isPeriod func(Column) bool) {
	kept := l.Columns[:0]
	for _, col := range l.Columns {
		h := heads[0]
		for _, x := range heads {
			if x.c <= col.index {
				h = x
			}
		}
		if !isPeriod(col) || h.c == heads[0].c {
			kept = append(kept, col)
			continue
		}
		advice := fmt.Sprintf("give each column a heading naming its month and what it counts, such as %q, which is read", periods[col.index-first].Label()+" "+h.text)
		if h.kind == benchHeading {
			advice = "give each month one column of the sheet's own figures, and the benchmarks in columns headed \"England\" or \"Stat neighbours\" beside it, or on sheets of their own"
		}
		under, own := cellName(r, h.c), cellName(r, heads[0].c)
		l.refuseColumn(col.index, fmt.Sprintf("it stands under %s %q, and the sheet's own months under %s %q: months headed so are not read as the sheet's, lest the figures under %s be stored as those under %s; %s",
			under, h.text, own, heads[0].text, under, own, advice))
	}
	l.Columns = kept
}

// overRefusal refuses a sheet at the first of row r's headings over its
// month columns, saying where they stand.
func overRefusal(r int, heads []overHeading, p app.Period, where string) error {
	var named []string
	for _, h := range heads {
		named = append(named, fmt.Sprintf("%s %q", cellName(r, h.c), h.text))
	}
	return &layoutRefusal{cell: cellName(r, heads[0].c), msg: fmt.Sprintf(
		"%s %s named over the month columns %s: headings written over months' columns are not read with them, lest one area's or cohort's figure be stored as another's; give each column a heading naming its month and what it counts, such as %q, which is read, or each area a sheet of its own",
		strings.Join(named, ", "), plural(len(named), "is", "are"), where, p.Label()+" "+heads[0].text)}
}
