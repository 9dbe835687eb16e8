package export

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/cohort"
	"scorecard/app/disclosure"
)

// auditDisclosure is the disclosure checker every suppressed export of
// the test suite goes through (export calls it). It reads what the
// workbook publishes, as a reader would, and for every figure shown as
// "c" works out from the published figures alone the range its true
// value could lie in, through every identity a reader could use: a
// county is the sum of its districts and the columns beside them; all
// children are a cohort plus the rest (the other cohort's table); a
// district's figure excluding a cohort may equal its own; a proportion's
// denominator is its numerator plus the rest; a breakdown's categories sum
// to its total, and its tables for all children, a cohort and the rest
// pair up too. A range narrower than the threshold less one fails the
// test. The true values come from h, as the store held it.
//
// It also checks that the Scorecard and Districts sheets show no figure
// the Data sheet withholds, so that checking the Data sheet covers them.
func auditDisclosure(t testing.TB, f *excelize.File, h *app.History, opt Options) {
	t.Helper()
	if opt.Suppress <= 1 {
		return
	}
	width := float64(opt.Suppress - 1)
	truthEx := h
	excl := app.Excluding(opt.Exclude...)
	if len(opt.Exclude) > 0 {
		truthEx, _ = cohort.Exclude(h, opt.Exclude)
	}
	labels := map[string]app.Split{"All": app.All}
	for _, k := range h.Keys() {
		labels[cohortLabel(k.Split)] = k.Split
	}
	labels[cohortLabel(excl)] = excl

	type fig struct {
		ref    string
		area   app.Area
		split  app.Split
		period app.Period
	}
	truth := map[fig]app.Observation{}
	withheld := map[fig]bool{}
	rows, err := f.GetRows(DataSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// Row 1 is the notice that the sheet is not printed; row 2 the header.
	for _, r := range rows[2:] {
		r = append(r, make([]string, 8)...)
		p, err := app.ParsePeriod(r[1])
		if err != nil {
			t.Fatalf("Data row %q: %v", r[:8], err)
		}
		split, ok := labels[r[3]]
		if !ok {
			t.Fatalf("Data row %q: unknown cohort %q", r[:8], r[3])
		}
		k := fig{r[0], app.Area(r[2]), split, p}
		var o app.Observation
		if len(opt.Exclude) > 0 && split == excl {
			o, ok = truthEx.Observation(app.SeriesKey{Ref: k.ref, Area: k.area}, p)
		} else {
			o, ok = h.Observation(app.SeriesKey{Ref: k.ref, Area: k.area, Split: split}, p)
		}
		if !ok {
			continue
		}
		truth[k] = o
		// The house layout's Status column, or an original Data sheet's
		// value column, which holds the code in place of the figure.
		withheld[k] = r[7] == app.Suppressed.String() || r[6] == app.Suppressed.String()
		if withheld[k] && r[4]+r[5] != "" || r[7] == app.Suppressed.String() && r[6] != "" {
			t.Errorf("Data row %q: withheld with figures left in", r[:8])
		}
	}

	// Primary: no figure shown is, or is built on, a count of 1 to
	// threshold-1 children. A change (a count some of whose figures are
	// below nought, such as CIC11) counts no children and is shown.
	change := map[string]bool{}
	for k, o := range truth {
		if ind, _ := h.Indicator(k.ref); o.Status == app.OK && o.Value != nil && *o.Value < 0 &&
			(ind.Measure == app.Count || ind.Measure == app.Other) {
			change[k.ref] = true
		}
	}
	small := 0
	for k, o := range truth {
		if withheld[k] || o.Status != app.OK || change[k.ref] {
			continue
		}
		ind, _ := h.Indicator(k.ref)
		if ind.Counts().Noun == "schools" {
			continue // counts no children: Ofsted publishes every school's judgement (QA31 6)
		}
		for _, v := range auditCounts(ind, o) {
			if v := math.Abs(v); v >= 1 && v < float64(opt.Suppress) {
				if small++; small <= 10 {
					t.Errorf("%s %s %s %s: shown, but it is or is built on a count of %g", k.ref, k.area, k.split.Label(), k.period.Label(), v)
				}
			}
		}
	}

	// Group the figures by indicator and month; identities never join
	// figures of different groups.
	type group struct {
		ref    string
		period app.Period
	}
	groups := map[group][]fig{}
	for k := range truth {
		groups[group{k.ref, k.period}] = append(groups[group{k.ref, k.period}], k)
	}
	checked, leaks := 0, 0
	for g, keys := range groups {
		ind, _ := h.Indicator(g.ref)
		sys := &disclosure.System{}
		cells := map[fig][]int{}
		owner := map[int]fig{}
		n := 0
		for _, k := range keys {
			o := truth[k]
			var vs []float64
			switch o.Status {
			case app.OK:
				vs = auditComponents(ind, o)
			case app.Suppressed:
				for range len(auditComponents(ind, app.Observation{Value: app.Float(0), Numerator: app.Float(0), Denominator: app.Float(0)})) {
					vs = append(vs, math.NaN())
				}
			}
			n = max(n, len(vs))
			for i, v := range vs {
				c := sys.Add(v, !withheld[k])
				if ind.Measure == "" || v < 0 {
					sys.Signed(c)
				}
				// A count printed as c beside noughts shown is taken
				// for one child at least (QA31 2).
				if auditCounted(ind, i) {
					sys.Counted(c)
				}
				cells[k] = append(cells[k], c)
				owner[c] = k
			}
		}
		at := func(k fig, i int) (int, bool) {
			cs := cells[k]
			if i >= len(cs) {
				return 0, false
			}
			return cs[i], true
		}
		if ind.Measure == app.Proportion {
			for _, cs := range cells {
				if len(cs) == 3 {
					sys.Sum(cs[1], cs[0], cs[2])
				}
			}
		}
		areas, splits := map[app.Area]bool{}, map[app.Split]bool{}
		for _, k := range keys {
			areas[k.area], splits[k.split] = true, true
		}
		for i := range n {
			for s := range splits {
				county, ok := at(fig{g.ref, app.Kent, s, g.period}, i)
				if !ok {
					continue
				}
				var every, noService []int
				for a := range areas {
					if c, ok := at(fig{g.ref, a, s, g.period}, i); ok && a != app.Kent {
						every = append(every, c)
						if a != app.UASCService {
							noService = append(noService, c)
						}
					}
				}
				sys.Sum(county, every...)
				sys.Sum(county, noService...)
			}
			for a := range areas {
				all, ok := at(fig{g.ref, a, app.All, g.period}, i)
				if !ok {
					continue
				}
				for s := range splits {
					if c, ok := s.Cohort(); ok {
						only, ok1 := at(fig{g.ref, a, s, g.period}, i)
						rest, ok2 := at(fig{g.ref, a, app.Excluding(c), g.period}, i)
						if ok1 && ok2 {
							sys.Sum(all, only, rest)
						}
						if svc, ok := at(fig{g.ref, app.UASCService, app.All, g.period}, i); ok && ok1 && a == app.Kent {
							sys.Sum(svc, only)
						}
					}
					// A district's figure excluding a cohort is its own
					// where its cohort's children are all in a service
					// column, every count the same; one count alike by
					// chance (Kent's 15 children leaving care other than
					// by adoption, all children's and excluding UASC's,
					// the one UASC child leaving adopted) is no identity
					// a reader knows (QA31 8).
					same := slices.Equal(auditComponents(ind, truth[fig{g.ref, a, app.All, g.period}]),
						auditComponents(ind, truth[fig{g.ref, a, s, g.period}]))
					if len(s.Excluded()) > 0 && same {
						if rest, ok := at(fig{g.ref, a, s, g.period}, i); ok {
							sys.Sum(all, rest)
						}
					}
				}
			}
		}
		lo, hi := sys.Ranges()
		for c := range sys.Len() {
			if sys.Shown(c) || math.IsNaN(sys.Value(c)) {
				continue
			}
			checked++
			if !sys.Wide(c, lo, hi, width) {
				if leaks++; leaks <= 10 {
					k := owner[c]
					t.Errorf("%s %s %s %s: withheld, but the published figures put it in [%g, %g] (it is %g)",
						k.ref, k.area, k.split.Label(), k.period.Label(), lo[c], hi[c], sys.Value(c))
				}
			}
		}
	}
	// Sums over time, series by series: a quarter's count is its
	// months', a financial year's its months' or its quarters'.
	type series struct {
		ref   string
		area  app.Area
		split app.Split
	}
	bySeries := map[series][]fig{}
	for k := range truth {
		s := series{k.ref, k.area, k.split}
		bySeries[s] = append(bySeries[s], k)
	}
	monthsIn := func(p app.Period) []app.Period {
		var ms []app.Period
		for i := range p.Months() {
			m := p.StartMonth() + i
			ms = append(ms, app.MonthOf(m/12, time.Month(m%12+1)))
		}
		return ms
	}
	for s, keys := range bySeries {
		ind, _ := h.Indicator(s.ref)
		sys := &disclosure.System{}
		cells := map[app.Period][]int{}
		owner := map[int]fig{}
		n := 0
		for _, k := range keys {
			o := truth[k]
			if o.Status != app.OK {
				continue
			}
			vs := auditComponents(ind, o)
			n = max(n, len(vs))
			for i, v := range vs {
				c := sys.Add(v, !withheld[k])
				if ind.Measure == "" || v < 0 {
					sys.Signed(c)
				}
				if auditCounted(ind, i) {
					sys.Counted(c)
				}
				cells[k.period] = append(cells[k.period], c)
				owner[c] = k
			}
		}
		for i := range n {
			at := func(p app.Period) (int, bool) {
				if cs := cells[p]; i < len(cs) {
					return cs[i], true
				}
				return 0, false
			}
			for p := range cells {
				total, ok := at(p)
				if !ok {
					continue
				}
				var sums [][]app.Period
				switch p.Kind {
				case app.Quarter:
					sums = [][]app.Period{monthsIn(p)}
				case app.FinancialYear:
					qs := []app.Period{{Kind: app.Quarter, Year: p.Year, N: 2}, {Kind: app.Quarter, Year: p.Year, N: 3},
						{Kind: app.Quarter, Year: p.Year, N: 4}, {Kind: app.Quarter, Year: p.Year + 1, N: 1}}
					sums = [][]app.Period{monthsIn(p), qs}
				}
				for _, ps := range sums {
					var cs []int
					for _, q := range ps {
						c, ok := at(q)
						if !ok {
							cs = nil
							break
						}
						cs = append(cs, c)
					}
					if cs != nil {
						sys.Sum(total, cs...)
					}
				}
			}
		}
		lo, hi := sys.Ranges()
		for c := range sys.Len() {
			if sys.Shown(c) {
				continue
			}
			checked++
			if !sys.Wide(c, lo, hi, width) {
				if leaks++; leaks <= 10 {
					k := owner[c]
					t.Errorf("%s %s %s %s: withheld, but the published figures of other periods put it in [%g, %g] (it is %g)",
						k.ref, k.area, k.split.Label(), k.period.Label(), lo[c], hi[c], sys.Value(c))
				}
			}
		}
	}
	if leaks > 0 {
		t.Errorf("%d withheld figures can be worked out to within %g from the Data sheet", leaks, width)
	}

	// The other sheets show nothing the Data sheet withholds.
	shownFigure := func(sheet, ref string) bool {
		typ, _ := f.GetCellType(sheet, ref)
		return typ == excelize.CellTypeNumber
	}
	if ds, err := f.GetRows(DistrictsSheet); err == nil {
		split := app.All
		var areaCol map[int]app.Area
		for i, r := range ds {
			if len(r) == 1 && r[0] == exclusionWords(opt.Exclude) && len(opt.Exclude) > 0 {
				split = excl
			}
			if len(r) > 3 && r[0] == "Ref" {
				areaCol = map[int]app.Area{}
				for j, a := range r[3:] {
					areaCol[j+4] = app.Area(a)
				}
				continue
			}
			if areaCol == nil || len(r) == 0 {
				continue
			}
			for col, a := range areaCol {
				ref, _ := excelize.CoordinatesToCellName(col, i+1)
				k := fig{r[0], a, split, opt.Period}
				if opt.Period.IsZero() {
					k.period = h.Latest()
				}
				if withheld[k] && shownFigure(DistrictsSheet, ref) {
					t.Errorf("Districts %s shows %s %s %s, which the Data sheet withholds", ref, k.ref, a, split.Label())
				}
			}
		}
	}
	if opt.Original == "" {
		area, split := opt.Area, app.All
		if area == "" {
			area = app.Kent
		}
		if len(opt.Exclude) > 0 {
			split = excl
		}
		months := map[string]app.Period{}
		for _, p := range h.Periods() {
			months[p.Label()] = p
		}
		sc, _ := f.GetRows(ScorecardSheet)
		if len(sc) >= headerRow {
			for i, r := range sc[headerRow:] {
				if len(r) == 0 {
					continue
				}
				for j, head := range sc[headerRow-1] {
					p, ok := months[head]
					if !ok {
						continue
					}
					ref, _ := excelize.CoordinatesToCellName(j+1, headerRow+i+1)
					if withheld[fig{r[0], area, split, p}] && shownFigure(ScorecardSheet, ref) {
						t.Errorf("Scorecard %s shows %s %s, which the Data sheet withholds", ref, r[0], p.Label())
					}
				}
			}
		}
	}
	auditBreakdowns(t, f, h, width)
	if leaks == 0 {
		t.Logf("disclosure audit: %d withheld figures, none recoverable to within %g", checked, width)
	}
}

// auditComponents are the counts a figure publishes.
func auditComponents(ind app.Indicator, o app.Observation) []float64 {
	switch ind.Measure {
	case app.Proportion:
		if o.Numerator != nil && o.Denominator != nil {
			return []float64{*o.Numerator, *o.Denominator, *o.Denominator - *o.Numerator}
		}
		return nil
	case app.Rate, app.Mean:
		if o.Numerator != nil && o.Denominator != nil {
			return []float64{*o.Numerator, *o.Denominator}
		}
		return nil
	case app.Median:
		if o.Denominator != nil {
			return []float64{*o.Denominator}
		}
		return nil
	}
	if o.Numerator != nil {
		return []float64{*o.Numerator}
	}
	if o.Value != nil && (ind.Measure == app.Count || ind.Unit == app.Number) {
		return []float64{*o.Value}
	}
	return nil
}

// auditCounted reports whether count i of a figure (auditComponents) is
// one a reader takes for one child at least where the figure is c: a
// count, a rate's children and population, a proportion's, mean's or
// median's children. A proportion's numerator and the children outside
// it may be nought in a figure withheld for its small denominator (0 of
// 3), and a mean's sum counts days.
func auditCounted(ind app.Indicator, i int) bool {
	switch ind.Measure {
	case app.Proportion, app.Mean:
		return i == 1
	case app.Rate, app.Median:
		return true
	}
	return ind.Measure == app.Count
}

// auditBreakdowns checks the Breakdowns sheet as auditDisclosure checks
// the Data sheet, with the true counts from h.
func auditBreakdowns(t testing.TB, f *excelize.File, h *app.History, width float64) {
	t.Helper()
	rows, err := f.GetRows(BreakdownsSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < 2 {
		return
	}
	type table struct{ measure, period, area, children, dimension string }
	truth := map[table]map[string]app.Breakdown{}
	for _, b := range h.Breakdowns() {
		tb := table{b.Measure, b.Period.Label(), string(b.Area), b.Split.Label(), b.Dimension}
		if truth[tb] == nil {
			truth[tb] = map[string]app.Breakdown{}
		}
		truth[tb][b.Category] = b
	}
	sys := &disclosure.System{}
	totals := map[table]int{}
	cats := map[table]map[string]int{}
	var order []table
	for _, r := range rows {
		if len(r) < 8 || r[0] == "Measure" {
			continue
		}
		r = append(r, "")
		tb := table{r[0], r[1], r[2], r[3], r[4]}
		b, ok := truth[tb][r[5]]
		if !ok {
			t.Errorf("Breakdowns %q: no such breakdown held", r[:6])
			continue
		}
		totalShown := r[7] != app.Suppressed.String()
		countShown := r[6] != app.Suppressed.String()
		if _, ok := totals[tb]; !ok {
			totals[tb] = sys.Add(b.Total, totalShown)
			sys.Counted(totals[tb])
			cats[tb] = map[string]int{}
			order = append(order, tb)
		}
		if r[8] != "" && (!countShown || !totalShown) {
			t.Errorf("Breakdowns %q: count or total withheld, but the share %s shown gives it from the other", r[:6], r[8])
		}
		cats[tb][r[5]] = sys.Add(b.Count, countShown)
		sys.Counted(cats[tb][r[5]])
	}
	for _, tb := range order {
		keys := make([]string, 0, len(cats[tb]))
		for c := range cats[tb] {
			keys = append(keys, c)
		}
		slices.Sort(keys)
		var parts []int
		for _, c := range keys {
			parts = append(parts, cats[tb][c])
		}
		sys.Sum(totals[tb], parts...)
		for _, u := range order {
			if u.measure == tb.measure && u.period == tb.period && u.area == tb.area && u.children == tb.children && u.dimension != tb.dimension {
				sys.Sum(totals[tb], totals[u])
			}
		}
		rest, ok := strings.CutPrefix(tb.children, "Excluding ")
		if !ok {
			continue
		}
		all, ok := totals[table{tb.measure, tb.period, tb.area, "All children", tb.dimension}]
		if !ok {
			continue
		}
		for _, only := range order {
			if only.measure != tb.measure || only.period != tb.period || only.area != tb.area || only.dimension != tb.dimension ||
				only == tb || !strings.HasPrefix(only.children, rest) {
				continue
			}
			sys.Sum(all, totals[only], totals[tb])
			for c, a := range cats[table{tb.measure, tb.period, tb.area, "All children", tb.dimension}] {
				o, ok1 := cats[only][c]
				e, ok2 := cats[tb][c]
				if ok1 && ok2 {
					sys.Sum(a, o, e)
				}
			}
		}
	}
	lo, hi := sys.Ranges()
	leaks := 0
	for c := range sys.Len() {
		if !sys.Shown(c) && !sys.Wide(c, lo, hi, width) {
			if leaks++; leaks <= 10 {
				t.Errorf("Breakdowns: a withheld figure of %g can be worked out to within [%g, %g]", sys.Value(c), lo[c], hi[c])
			}
		}
	}
}

// auditCounts are the counts of children a figure shows or is built on:
// not a mean's sum (days, weeks), which counts no children.
func auditCounts(ind app.Indicator, o app.Observation) []float64 {
	switch ind.Measure {
	case app.Mean, app.Median:
		if o.Denominator != nil {
			return []float64{*o.Denominator}
		}
		return nil
	}
	return auditComponents(ind, o)
}
