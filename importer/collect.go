package importer

import (
	"fmt"
	"math"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// collector builds one import's dataset from every sheet read, merging a
// figure given twice (the scorecard sheet and the Data sheet) into one
// observation and keeping the validation report.
type collector struct {
	file       string
	indicators map[string]*app.Indicator
	indOrder   []string
	figures    figures // where each series' figures are in figs
	figs       []figure
	texts      []string // Raw and Rule texts of figures, by index-1
	sheets     []string // sheet names, by figure.sheet
	targets    map[targetKey]int
	targetList []app.Target
	benchmarks []app.Benchmark
	comments   []app.Comment
	warnings   []app.Warning
	// hasParts records refs some source gave a numerator and denominator
	// for, so the measure can be inferred as a proportion.
	hasParts map[string]bool
	percent  map[string]bool
	// declared holds decimals a Decimals column gave, which beat the
	// places read off cell formats.
	declared map[string]int
	// measured holds refs whose measure a Measure column gave, blank
	// meaning "not additive", which is not to be inferred away.
	measured map[string]bool
	// placed holds refs some cell showed its decimal places for.
	placed map[string]bool
}

// figures finds a figure already read for a series and period. Figures
// arrive a series at a time, so the series is looked up once per run and
// its periods are slots in a slice: a hundred thousand figures need no
// hashing each.
type figures struct {
	keys   []app.SeriesKey
	series map[app.SeriesKey]*slots
	last   struct {
		key   app.SeriesKey
		slots *slots
	}
}

// slots are one series' figures by period: at[p.Index()-base] holds the
// index of the figure plus one, for periods of kind; other periods (a
// series mixing months and quarters) go in a map.
type slots struct {
	id    int32 // the series' index in figures.keys
	kind  app.PeriodKind
	base  int
	at    []int32
	other map[app.Period]int
}

func (f *figures) slotsOf(k app.SeriesKey) *slots {
	if f.last.slots != nil && f.last.key == k {
		return f.last.slots
	}
	s, ok := f.series[k]
	if !ok {
		s = &slots{id: int32(len(f.keys))}
		f.series[k] = s
		f.keys = append(f.keys, k)
	}
	f.last.key, f.last.slots = k, s
	return s
}

// get returns the index of the figure for period p.
func (s *slots) get(p app.Period) (int, bool) {
	if p.Kind == s.kind && s.at != nil {
		i := p.Index() - s.base
		if i >= 0 && i < len(s.at) && s.at[i] > 0 {
			return int(s.at[i]) - 1, true
		}
		return 0, false
	}
	i, ok := s.other[p]
	return i, ok
}

// set records that the figure for period p is at index i.
func (s *slots) set(p app.Period, i int) {
	const span = 1200 // a century of months: beyond it, a period is odd enough for the map
	if s.at == nil && s.kind == 0 {
		s.kind, s.base = p.Kind, p.Index()
	}
	if p.Kind == s.kind {
		at := p.Index() - s.base
		switch {
		case at >= 0 && at < span:
			if at >= len(s.at) {
				s.at = append(s.at, make([]int32, at+1-len(s.at))...)
			}
			s.at[at] = int32(i + 1)
			return
		case at < 0 && len(s.at)-at < span:
			s.at = append(make([]int32, -at), s.at...)
			s.base = p.Index()
			s.at[0] = int32(i + 1)
			return
		}
	}
	if s.other == nil {
		s.other = map[app.Period]int{}
	}
	s.other[p] = i
}

type targetKey struct {
	ref  string
	year app.Period
}

func newCollector(file string) *collector {
	return &collector{
		file:       file,
		indicators: map[string]*app.Indicator{},
		figures:    figures{series: map[app.SeriesKey]*slots{}},
		targets:    map[targetKey]int{},
		hasParts:   map[string]bool{},
		percent:    map[string]bool{},
		declared:   map[string]int{},
		measured:   map[string]bool{},
		placed:     map[string]bool{},
	}
}

// warn adds a line to the validation report.
func (c *collector) warn(sheet, cell, format string, args ...any) {
	c.warnings = append(c.warnings, app.Warning{
		Location: app.Location{File: c.file, Sheet: sheet, Cell: cell},
		Message:  fmt.Sprintf(format, args...),
	})
}

// indicator adds ind, or fills the blanks of the indicator already read
// with its ref: a scorecard sheet names it, a Data sheet only cites it.
func (c *collector) indicator(ind app.Indicator) {
	have, ok := c.indicators[ind.Ref]
	if !ok {
		c.indicators[ind.Ref] = &ind
		c.indOrder = append(c.indOrder, ind.Ref)
		return
	}
	if have.Name == "" || have.Name == have.Ref {
		have.Name = ind.Name
	}
	if have.Section == "" {
		have.Section = ind.Section
	}
	if have.Polarity == app.PolarityNone {
		have.Polarity = ind.Polarity
	}
	if have.Unit == "" {
		have.Unit = ind.Unit
	}
	if have.DataPeriod == "" {
		have.DataPeriod = ind.DataPeriod
	}
	if have.Guidance == "" {
		have.Guidance = ind.Guidance
	}
	if have.YearType == 0 {
		have.YearType = ind.YearType
	}
	if have.Measure == "" {
		have.Measure = ind.Measure
	}
	if have.Unaffected == nil {
		have.Unaffected = ind.Unaffected
	}
	if have.Decimals < ind.Decimals {
		have.Decimals = ind.Decimals
	}
}

// declareDecimals records the decimal places a Decimals column gives.
func (c *collector) declareDecimals(ref string, n int) { c.declared[ref] = n }

// figure is an observation as the collector holds it while reading:
// without pointers, so that the garbage collector has nothing to trace in
// the hundred thousand an import may hold. Observations are made from
// figures once, at the end (see dataset).
type figure struct {
	period             app.Period
	value, num, den    float64
	series             int32 // index into figures.keys
	row, col           int32 // 0-based, where it was read
	raw, rule          int32 // index+1 into collector.texts; 0 for none
	sheet              int32 // index into collector.sheets
	flags              uint8
	status, arrow, rag uint8 // indexes into statuses, arrows, rags
}

// The flags of a figure.
const (
	hasValue uint8 = 1 << iota
	hasNum
	hasDen
	standIn
)

var (
	statuses = []app.Status{app.OK, app.Suppressed, app.Low, app.NotAvailable, app.NotApplicable, app.LowReliability, app.CannotExclude}
	arrows   = []app.Arrow{app.NoArrow, app.Up, app.Down, app.Across}
	rags     = []app.RAG{app.NoRAG, app.Green, app.Amber, app.Red}
)

// code returns v's index in table; a value outside it (which the readers
// never produce) reads as the table's first, "none".
func code[T comparable](table []T, v T) uint8 {
	for i, t := range table {
		if t == v {
			return uint8(i)
		}
	}
	return 0
}

// encode packs o, read at sheet row, col.
func (c *collector) encode(o *app.Observation, series int32, sheet string, row, col int) figure {
	f := figure{period: o.Period, series: series, row: int32(row), col: int32(col),
		status: code(statuses, o.Status), arrow: code(arrows, o.SourceArrow), rag: code(rags, o.SourceRAG)}
	f.sheet = c.sheetIndex(sheet)
	if o.Value != nil {
		f.value, f.flags = *o.Value, f.flags|hasValue
	}
	if o.Numerator != nil {
		f.num, f.flags = *o.Numerator, f.flags|hasNum
	}
	if o.Denominator != nil {
		f.den, f.flags = *o.Denominator, f.flags|hasDen
	}
	if o.StandIn {
		f.flags |= standIn
	}
	if o.Raw != "" {
		c.texts = append(c.texts, o.Raw)
		f.raw = int32(len(c.texts))
	}
	if o.Rule != "" {
		c.texts = append(c.texts, o.Rule)
		f.rule = int32(len(c.texts))
	}
	return f
}

// sheetIndex numbers sheet names for figures; an import reads few
// sheets, each a run of figures, so the last is checked first.
func (c *collector) sheetIndex(sheet string) int32 {
	if n := len(c.sheets); n > 0 && c.sheets[n-1] == sheet {
		return int32(n - 1)
	}
	for i, s := range c.sheets {
		if s == sheet {
			return int32(i)
		}
	}
	c.sheets = append(c.sheets, sheet)
	return int32(len(c.sheets) - 1)
}

// decode makes the observation a figure holds, with fl giving its
// numbers a home.
func (c *collector) decode(f *figure, fl *floats) app.Observation {
	var o app.Observation
	c.fill(&o, f, fl, sheetCell(c.sheets[f.sheet], xlsx.ColumnName(int(f.col)), int(f.row)))
	return o
}

// fill writes into o what figure f holds, read at cell.
func (c *collector) fill(o *app.Observation, f *figure, fl *floats, cell string) {
	k := c.figures.keys[f.series]
	o.Ref, o.Area, o.Split, o.Period = k.Ref, k.Area, k.Split, f.period
	o.Status, o.SourceArrow, o.SourceRAG = statuses[f.status], arrows[f.arrow], rags[f.rag]
	o.StandIn = f.flags&standIn != 0
	o.Cell = cell
	if f.flags&hasValue != 0 {
		o.Value = fl.of(f.value)
	}
	if f.flags&hasNum != 0 {
		o.Numerator = fl.of(f.num)
	}
	if f.flags&hasDen != 0 {
		o.Denominator = fl.of(f.den)
	}
	if f.raw > 0 {
		o.Raw = c.texts[f.raw-1]
	}
	if f.rule > 0 {
		o.Rule = c.texts[f.rule-1]
	}
}

// observe adds o, read on sheet at row, col (0-based). A figure already
// read for the same series and period is merged: components and the
// source's arrow and RAG are taken from whichever has them, and values
// that differ beyond display rounding are reported naming both cells.
func (c *collector) observe(sheet string, o app.Observation, row, col int) {
	if o.Numerator != nil && o.Denominator != nil {
		c.hasParts[o.Ref] = true
	}
	slots := c.figures.slotsOf(o.Key())
	i, ok := slots.get(o.Period)
	if !ok {
		slots.set(o.Period, len(c.figs))
		c.figs = append(c.figs, c.encode(&o, slots.id, sheet, row, col))
		return
	}
	at := &c.figs[i]
	have := c.decode(at, nil)
	decimals := 1
	if ind, ok := c.indicators[o.Ref]; ok {
		decimals = ind.Decimals
	}
	switch {
	case have.StandIn && !o.StandIn:
		// A real figure beats a stand-in for the same period.
		o.SourceArrow = cmpOr(o.SourceArrow, have.SourceArrow)
		o.SourceRAG = cmpOr(o.SourceRAG, have.SourceRAG)
		*at = c.encode(&o, slots.id, sheet, row, col)
		return
	case o.StandIn && !have.StandIn:
		return
	}
	if !sameFigure(&have, &o, decimals) {
		c.warn(sheet, place(sheet, row, col), "%s %s %s: %s here but %s at %s; kept %s",
			o.Ref, o.Area, o.Period, describeFigure(&o), describeFigure(&have), have.Cell, have.Cell)
	}
	if have.Numerator == nil && have.Denominator == nil {
		have.Numerator, have.Denominator = o.Numerator, o.Denominator
	}
	if have.Value == nil && have.Status == app.OK {
		have.Value, have.Status, have.Raw = o.Value, o.Status, o.Raw
	}
	have.SourceArrow = cmpOr(have.SourceArrow, o.SourceArrow)
	have.SourceRAG = cmpOr(have.SourceRAG, o.SourceRAG)
	have.Rule = cmpOr(have.Rule, o.Rule)
	*at = c.encode(&have, slots.id, c.sheets[at.sheet], int(at.row), int(at.col))
}

func cmpOr[T comparable](a, b T) T {
	var zero T
	if a != zero {
		return a
	}
	return b
}

// sameFigure reports whether two readings agree at display precision: a
// Data sheet holding 11.6561 and a scorecard showing 11.7 agree.
func sameFigure(a, b *app.Observation, decimals int) bool {
	if a.Status != b.Status {
		return a.Value == nil && a.Status == app.OK || b.Value == nil && b.Status == app.OK
	}
	if a.Value == nil || b.Value == nil {
		return true
	}
	tol := 0.5*math.Pow(10, -float64(max(decimals, 0))) + 1e-9
	return math.Abs(*a.Value-*b.Value) <= tol
}

func describeFigure(o *app.Observation) string {
	if o.Value == nil {
		if o.Status != app.OK {
			return fmt.Sprintf("status %q", o.Status)
		}
		return "blank"
	}
	return fmt.Sprintf("%g", *o.Value)
}

// target adds t, merging the target and floor read from different columns
// or sheets for the same indicator and year.
func (c *collector) target(sheet, cell string, t app.Target) {
	k := targetKey{t.Ref, t.Year}
	i, ok := c.targets[k]
	if !ok {
		c.targets[k] = len(c.targetList)
		c.targetList = append(c.targetList, t)
		return
	}
	have := &c.targetList[i]
	for _, f := range []struct{ have, got **float64 }{{&have.Target, &t.Target}, {&have.Floor, &t.Floor}, {&have.Tolerance, &t.Tolerance}} {
		switch {
		case *f.got == nil:
		case *f.have == nil:
			*f.have = *f.got
		case math.Abs(**f.have-**f.got) > 1e-6:
			c.warn(sheet, cell, "%s %s: target or floor %g differs from %g read earlier; kept the earlier", t.Ref, t.Year, **f.got, **f.have)
		}
	}
}

// dataset finishes the import: it fills what each indicator's figures say
// about its measure, checks values, and returns everything in the order
// read.
func (c *collector) dataset() *app.Dataset {
	d := &app.Dataset{}
	for _, k := range c.figures.keys {
		if _, ok := c.indicators[k.Ref]; !ok {
			c.indicator(app.Indicator{Ref: k.Ref, Name: k.Ref})
		}
	}
	for _, t := range c.targetList {
		if _, ok := c.indicators[t.Ref]; !ok {
			c.indicator(app.Indicator{Ref: t.Ref, Name: t.Ref})
		}
	}
	for _, ref := range c.indOrder {
		ind := c.indicators[ref]
		if n, ok := c.declared[ref]; ok {
			ind.Decimals = n
		}
		if ind.Name == "" {
			ind.Name = ind.Ref
		}
		if ind.Unit == "" {
			ind.Unit = unitOf(ind.Name, c.percent[ref])
			// A figure given with a numerator and denominator, and not
			// named as an average, is a proportion shown as a percentage.
			if ind.Unit == app.Number && c.hasParts[ref] && measureOf(ind.Name, ind.Unit, false) == app.Count {
				ind.Unit = app.Percent
			}
		}
		if ind.Measure == "" && !c.measured[ref] {
			ind.Measure = measureOf(ind.Name, ind.Unit, c.hasParts[ref])
		}
		if _, ok := c.declared[ref]; !ok && !c.placed[ref] && (ind.Unit == app.Percent || ind.Unit == app.Per10k) {
			// Fractions and text say nothing of the places shown;
			// scorecards show percentages and rates to one.
			ind.Decimals = 1
		}
		d.Indicators = append(d.Indicators, *ind)
	}
	d.Observations = c.observations()
	d.Targets = c.targetsByYearType()
	d.Benchmarks = c.outturnsByYearType()
	d.Comments = c.comments
	c.validate(d)
	return d
}

// targetsByYearType returns the targets, moving any read for a financial
// year to the academic year starting the same autumn where the indicator
// is set by academic year: a scorecard's caption "2026/27" over Target
// and Floor names one year for every row, whatever each row's year type.
func (c *collector) targetsByYearType() []app.Target {
	var out []app.Target
	seen := map[targetKey]int{}
	for _, t := range c.targetList {
		t.Year = inYearType(t.Year, c.indicators[t.Ref].YearType)
		k := targetKey{t.Ref, t.Year}
		if i, ok := seen[k]; ok {
			have := &out[i]
			have.Target = cmpOr(have.Target, t.Target)
			have.Floor = cmpOr(have.Floor, t.Floor)
			have.Tolerance = cmpOr(have.Tolerance, t.Tolerance)
			continue
		}
		seen[k] = len(out)
		out = append(out, t)
	}
	return out
}

// outturnsByYearType returns the benchmarks with each previous-year
// outturn read for a financial year moved, as targets are, to the
// academic year starting the same autumn where the indicator is set by
// academic year: the caption "2025/26 Outturn" names one year for every
// row, and an academic indicator's outturn dated as a financial year
// would match none of its months.
func (c *collector) outturnsByYearType() []app.Benchmark {
	for i := range c.benchmarks {
		b := &c.benchmarks[i]
		if ind, ok := c.indicators[b.Ref]; ok && b.Group == app.OutturnGroup {
			b.Period = inYearType(b.Period, ind.YearType)
		}
	}
	return c.benchmarks
}

// inYearType moves a financial year to the academic year of the same
// start for an indicator whose year type is academic.
func inYearType(y app.Period, kind app.PeriodKind) app.Period {
	if kind == app.AcademicYear && y.Kind == app.FinancialYear {
		y.Kind = app.AcademicYear
	}
	return y
}

// validate reports values out of range and districts that do not add up
// to the county, each at its cell.
func (c *collector) validate(d *app.Dataset) {
	units := map[string]app.Indicator{}
	for _, ind := range d.Indicators {
		units[ind.Ref] = ind
	}
	var ind app.Indicator // of the last observation's ref: they come a series at a time
	for i := range d.Observations {
		o := &d.Observations[i]
		if o.Ref != ind.Ref {
			ind = units[o.Ref]
		}
		if o.Value != nil && ind.Unit == app.Percent && (*o.Value > 100+1e-9 || *o.Value < 0) {
			sheet, cell := splitCell(o.Cell)
			c.warn(sheet, cell, "%s %s %s: %g is not a percentage between 0 and 100", o.Ref, o.Area, o.Period, *o.Value)
		}
		if o.Numerator != nil && o.Denominator != nil && *o.Numerator > *o.Denominator && ind.Measure == app.Proportion {
			sheet, cell := splitCell(o.Cell)
			c.warn(sheet, cell, "%s %s %s: numerator %g is above its denominator %g", o.Ref, o.Area, o.Period, *o.Numerator, *o.Denominator)
		}
	}
	c.checkDistrictSums(d, units)
}

// checkDistrictSums compares, for counts (and numerators), the sum of the
// districts with the county figure. Districts need not sum to the county:
// children out of county or unknown, and the UASC Service, make up the
// rest. So where those columns are given, districts and the rest must
// make the county; where they are not, the districts must not exceed it.
// A difference is a warning at the county's cell.
func (c *collector) checkDistrictSums(d *app.Dataset, units map[string]app.Indicator) {
	type group struct {
		ref    string
		split  app.Split
		period app.Period
	}
	type sums struct {
		group
		districts, extra, districtNum float64
		n, nExtra, nNum               int
		negative                      bool
		county                        *app.Observation
	}
	// Observations come a series at a time; the (ref, split) of the last
	// is kept so most need no string hashing.
	type refSplit struct {
		ref   string
		split app.Split
	}
	ids := map[refSplit]uint64{}
	var last refSplit
	var lastID uint64
	all := map[uint64]*sums{}
	var order []uint64
	for i := range d.Observations {
		o := &d.Observations[i]
		if rs := (refSplit{o.Ref, o.Split}); rs != last || lastID == 0 {
			id, ok := ids[rs]
			if !ok {
				id = uint64(len(ids) + 1)
				ids[rs] = id
			}
			last, lastID = rs, id
		}
		k := lastID<<40 | uint64(o.Period.Kind)<<32 | uint64(uint32(o.Period.Index()))
		s := all[k]
		if s == nil {
			s = &sums{group: group{o.Ref, o.Split, o.Period}}
			all[k] = s
			order = append(order, k)
		}
		if o.Value != nil && *o.Value < 0 {
			s.negative = true
		}
		switch {
		case o.Area == app.Kent:
			s.county = o
		case o.Area.IsDistrict():
			if o.Value != nil {
				s.districts += *o.Value
				s.n++
			}
			if o.Numerator != nil {
				s.districtNum += *o.Numerator
				s.nNum++
			}
		case o.Area == app.OutOfCounty || o.Area == app.UASCService:
			if o.Value != nil {
				s.extra += *o.Value
				s.nExtra++
			}
		}
	}
	for _, k := range order {
		s := all[k]
		g := s.group
		if s.county == nil || s.county.Value == nil {
			continue
		}
		sheet, cell := splitCell(s.county.Cell)
		k := *s.county.Value
		if units[g.ref].Measure == app.Count && s.n == len(app.Districts) {
			switch {
			case s.nExtra == 2 && !near(s.districts+s.extra, k):
				c.warn(sheet, cell, "%s %s: the 12 districts with out of county and the UASC Service sum to %g but Kent is %g", g.ref, g.period, s.districts+s.extra, k)
			case s.nExtra < 2 && !s.negative && s.districts > k+1e-9:
				c.warn(sheet, cell, "%s %s: the 12 districts sum to %g, more than Kent's %g", g.ref, g.period, s.districts, k)
			}
		}
		if s.nNum == len(app.Districts) && s.county.Numerator != nil && s.districtNum > *s.county.Numerator+1e-9 {
			c.warn(sheet, cell, "%s %s: the districts' numerators sum to %g, more than Kent's %g", g.ref, g.period, s.districtNum, *s.county.Numerator)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// latestMonth returns the latest month any observation was read for.
func (c *collector) latestMonth() app.Period {
	var p app.Period
	for i := range c.figs {
		q := c.figs[i].period
		if q.Kind == app.Month && (p.IsZero() || q.Index() > p.Index()) {
			p = q
		}
	}
	return p
}

// observations makes the observations from the figures, in the order
// read: their numbers in one block, their cell references in one string.
func (c *collector) observations() []app.Observation {
	obs := make([]app.Observation, len(c.figs))
	fl := &floats{block: make([]float64, 0, 2*len(c.figs))}
	var refs []byte
	spans := make([]int32, len(c.figs)+1)
	for i := range c.figs {
		f := &c.figs[i]
		refs = appendCell(refs, c.sheets[f.sheet], int(f.col), int(f.row))
		spans[i+1] = int32(len(refs))
	}
	all := string(refs)
	for i := range c.figs {
		c.fill(&obs[i], &c.figs[i], fl, all[spans[i]:spans[i+1]])
	}
	return obs
}
