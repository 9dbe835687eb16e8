package importer

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"

	"scorecard/app"
	"scorecard/importer/xlsx"
)

// collector builds one import's dataset from every sheet read, merging a
// figure given twice (the scorecard sheet and the Data sheet) into one
// observation and keeping the validation report.
type collector struct {
	file       string
	auth       *app.Authority // whose districts sum to its figure; nil: the default
	indicators map[string]*app.Indicator
	indOrder   []string
	// stated is what the file states of each indicator's definition,
	// and where: the first statement of each part.
	stated  map[string]app.Stated
	figures figures // where each series' figures are in figs
	// figs are where each figure read is kept, in the order read: in
	// the figures of the log of the sheet it was read from (logFigs,
	// by log), renumbered as the collector numbers series, sheets and
	// texts, rather than copied. The rest of a log is not kept.
	figs       []figAt
	logFigs    [][]figure
	texts      []string // Raw and Rule texts of figures, by index-1
	sheets     []string // sheet names, by figure.sheet
	targets    map[targetKey]int
	targetList []app.Target
	// targetsAt is where each indicator's, and each district's, targets
	// were first read.
	targetsAt map[app.TargetSource]app.Location
	// rowTargets are the targets tidy rows gave, with their sheets,
	// dated once every indicator's year type is known.
	rowTargets []sheetRowTarget
	// defined gives the store's definition of an indicator, for what a
	// file does not state: the year type that dates a tidy row's target,
	// the unit that values are checked against; nil when none is known.
	defined    func(ref string) (app.Indicator, bool)
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
				if s.at == nil {
					// Five years of months, the most a scorecard
					// shows, without growing a slot at a time.
					s.at = make([]int32, 0, max(at+1, 60))
				}
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

// figAt is where a figure is kept: logFigs[log][i].
type figAt struct{ log, i int32 }

// fig returns the i'th figure read.
func (c *collector) fig(i int) *figure {
	at := c.figs[i]
	return &c.logFigs[at.log][at.i]
}

type targetKey struct {
	ref  string
	year app.Period
}

func newCollector(file string) *collector {
	return &collector{
		file:       file,
		indicators: map[string]*app.Indicator{},
		stated:     map[string]app.Stated{},
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

// state adds what a row states of ref's definition to what earlier rows
// stated: the first statement of each part is where it was read.
func (c *collector) state(ref string, st app.Stated) {
	if !st.Defines() {
		return
	}
	have := c.stated[ref]
	have.Name = cmpOr(have.Name, st.Name)
	have.Unit = cmpOr(have.Unit, st.Unit)
	have.Polarity = cmpOr(have.Polarity, st.Polarity)
	have.Owner = cmpOr(have.Owner, st.Owner)
	have.Other = have.Other || st.Other
	c.stated[ref] = have
}

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

// encode packs o, read at sheet row, col, adding its raw and rule texts
// to texts.
func encode(o *app.Observation, series, sheet int32, row, col int, texts *[]string) figure {
	f := figure{period: o.Period, series: series, sheet: sheet, row: int32(row), col: int32(col),
		status: code(statuses, o.Status), arrow: code(arrows, o.SourceArrow), rag: code(rags, o.SourceRAG)}
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
		*texts = append(*texts, o.Raw)
		f.raw = int32(len(*texts))
	}
	if o.Rule != "" {
		*texts = append(*texts, o.Rule)
		f.rule = int32(len(*texts))
	}
	return f
}

// encode packs o, read at sheet row, col, for the collector.
func (c *collector) encode(o *app.Observation, series int32, sheet string, row, col int) figure {
	return encode(o, series, c.sheetIndex(sheet), row, col, &c.texts)
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
	fill(&o, f, c.figures.keys, c.texts, fl, sheetCell(c.sheets[f.sheet], xlsx.ColumnName(int(f.col)), int(f.row)))
	return o
}

// fill writes into o what figure f holds, read at cell, its series and
// texts indexing keys and texts.
func fill(o *app.Observation, f *figure, keys []app.SeriesKey, texts []string, fl *floats, cell string) {
	k := keys[f.series]
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
		o.Raw = texts[f.raw-1]
	}
	if f.rule > 0 {
		o.Rule = texts[f.rule-1]
	}
}

// replay adds what a sheet's reading gave, in the order it gave it.
func (c *collector) replay(l *sheetLog) {
	// The log's series, as the collector numbers them, found as their
	// first figures are added so that series are numbered in the order
	// read, as if the figures came one at a time.
	series := make([]*slots, len(l.keys))
	sheet := int32(-1)
	logNum := int32(len(c.logFigs))
	c.logFigs = append(c.logFigs, l.figs)
	for _, op := range l.ops {
		switch op.kind {
		case opWarning:
			c.warnings = append(c.warnings, l.warnings[op.from])
		case opIndicator:
			c.indicator(l.indicators[op.from])
			c.state(l.indicators[op.from].Ref, l.stated[op.from])
		case opTarget:
			t := &l.targets[op.from]
			c.target(l.sheet, t.cell, t.t)
		case opFigures:
			if sheet < 0 {
				sheet = c.sheetIndex(l.sheet)
			}
			for i := op.from; i < op.to; i++ {
				f := &l.figs[i]
				s := series[f.series]
				if s == nil {
					s = c.figures.slotsOf(l.keys[f.series])
					series[f.series] = s
				}
				c.observe(l, figAt{logNum, i}, s, sheet)
			}
		}
	}
	for ref := range l.percent {
		c.percent[ref] = true
	}
	for ref := range l.placed {
		c.placed[ref] = true
	}
	for ref := range l.measured {
		c.measured[ref] = true
	}
	for ref, n := range l.declared {
		c.declared[ref] = n
	}
	c.benchmarks = append(c.benchmarks, l.benchmarks...)
	c.comments = append(c.comments, l.comments...)
	for _, t := range l.rowTargets {
		c.rowTargets = append(c.rowTargets, sheetRowTarget{l.sheet, t})
	}
}

// knownDefinitions takes the store's definitions from opt, if it gives
// them.
func (c *collector) knownDefinitions(opt Options) {
	c.defined, c.auth = opt.Defined, opt.authority()
}

// stored returns the store's definition of ref, if it holds one.
func (c *collector) stored(ref string) (app.Indicator, bool) {
	if c.defined == nil {
		return app.Indicator{}, false
	}
	return c.defined(ref)
}

type sheetRowTarget struct {
	sheet string
	rowTarget
}

// datedRowTargets adds the targets tidy rows gave, each for the
// financial or academic year, as its indicator is set, holding its row's
// period; rows of one year that disagree are reported (see target).
func (c *collector) datedRowTargets() {
	for _, rt := range c.rowTargets {
		kind := app.PeriodKind(0)
		if ind, ok := c.indicators[rt.t.Ref]; ok {
			kind = ind.YearType
		}
		if kind == 0 {
			stored, _ := c.stored(rt.t.Ref)
			kind = stored.YearType
		}
		t := rt.t
		t.Year = app.Indicator{YearType: kind}.TargetYear(rt.period)
		c.target(rt.sheet, rt.cell, t)
	}
}

// observe adds the figure of log l at fa, of the series slots, read on
// the sheet numbered sheetNum. A figure already read for the same series
// and period is merged: components and the source's arrow and RAG are
// taken from whichever has them, and values that differ beyond display
// rounding are reported naming both cells.
func (c *collector) observe(l *sheetLog, fa figAt, slots *slots, sheetNum int32) {
	f := &l.figs[fa.i]
	if f.flags&(hasNum|hasDen) == hasNum|hasDen {
		c.hasParts[l.keys[f.series].Ref] = true
	}
	i, ok := slots.get(f.period)
	if !ok {
		// Most figures are new: keep them where they are, numbered as
		// the collector numbers series, sheets and texts.
		slots.set(f.period, len(c.figs))
		f.series, f.sheet = slots.id, sheetNum
		if f.raw > 0 {
			c.texts = append(c.texts, l.texts[f.raw-1])
			f.raw = int32(len(c.texts))
		}
		if f.rule > 0 {
			c.texts = append(c.texts, l.texts[f.rule-1])
			f.rule = int32(len(c.texts))
		}
		c.figs = append(c.figs, fa)
		return
	}
	o := l.observation(f)
	sheet, row, col := l.sheet, int(f.row), int(f.col)
	at := c.fig(i)
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
	c.targetAt(sheet, cell, t)
	k := targetKey{t.Ref, t.Year}
	i, ok := c.targets[k]
	if !ok {
		c.targets[k] = len(c.targetList)
		c.targetList = append(c.targetList, t)
		return
	}
	have := &c.targetList[i]
	merge := func(what string, pairs ...[2]**float64) {
		for _, f := range pairs {
			switch {
			case *f[1] == nil:
			case *f[0] == nil:
				*f[0] = *f[1]
			case math.Abs(**f[0]-**f[1]) > 1e-6:
				c.warn(sheet, cell, "%s %s: %s %g differs from %g read earlier; kept the earlier", t.Ref, t.Year, what, **f[1], **f[0])
			}
		}
	}
	merge("target or floor", [2]**float64{&have.Target, &t.Target}, [2]**float64{&have.Floor, &t.Floor}, [2]**float64{&have.Tolerance, &t.Tolerance})
	for _, l := range t.Levels {
		j := slices.IndexFunc(have.Levels, func(h app.Level) bool { return h.Area == l.Area && h.Period == l.Period })
		if j < 0 {
			have.Levels = append(have.Levels, l)
			continue
		}
		h := &have.Levels[j]
		merge(levelWhat(l), [2]**float64{&h.Target, &l.Target}, [2]**float64{&h.Floor, &l.Floor}, [2]**float64{&h.Tolerance, &l.Tolerance})
	}
}

// targetAt records where t was read, for each area it gives a target
// for, unless an earlier row gave one.
func (c *collector) targetAt(sheet, cell string, t app.Target) {
	if c.targetsAt == nil {
		c.targetsAt = map[app.TargetSource]app.Location{}
	}
	at := app.Location{File: c.file, Sheet: sheet, Cell: cell}
	keep := func(area app.Area) {
		k := app.TargetSource{Ref: t.Ref, Area: area}
		if _, ok := c.targetsAt[k]; !ok {
			c.targetsAt[k] = at
		}
	}
	if t.Target != nil || t.Floor != nil || t.Tolerance != nil {
		keep("")
	}
	for _, l := range t.Levels {
		keep(l.Area)
	}
}

// levelWhat names a level in a warning: "Swale's target or floor", "the
// Q2 2025 milestone".
func levelWhat(l app.Level) string {
	what := "target or floor"
	if !l.Period.IsZero() {
		what = l.Period.Label() + " milestone"
	}
	if l.Area != "" {
		what = string(l.Area) + "'s " + what
	}
	return what
}

// dataset finishes the import: it fills what each indicator's figures say
// about its measure, checks values, and returns everything in the order
// read.
func (c *collector) dataset() *app.Dataset {
	d := &app.Dataset{}
	c.datedRowTargets()
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
		if stored, ok := c.stored(ref); ok && ind.Unit == "" {
			// A unit the file does not state is the store's, not a
			// guess: values are checked against it.
			ind.Unit = stored.Unit
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
	units := map[string]app.Indicator{}
	for _, ind := range d.Indicators {
		units[ind.Ref] = ind
	}
	var ranges, sums []app.Warning
	d.Observations, ranges, sums = c.observations(units)
	d.Targets = c.targetsByYearType()
	d.Benchmarks = c.outturnsByYearType()
	d.Comments = c.comments
	d.Stated = c.stated
	d.TargetsAt = c.targetsAt
	c.warnings = append(c.warnings, ranges...)
	c.warnings = append(c.warnings, sums...)
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
		if y := inYearType(t.Year, c.indicators[t.Ref].YearType); y != t.Year {
			t.Year, t.Levels = y, c.levelsIn(t, y)
		}
		k := targetKey{t.Ref, t.Year}
		if i, ok := seen[k]; ok {
			have := &out[i]
			have.Target = cmpOr(have.Target, t.Target)
			have.Floor = cmpOr(have.Floor, t.Floor)
			have.Tolerance = cmpOr(have.Tolerance, t.Tolerance)
			for _, l := range t.Levels {
				if !slices.ContainsFunc(have.Levels, func(h app.Level) bool { return h.Area == l.Area && h.Period == l.Period }) {
					have.Levels = append(have.Levels, l)
				}
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, t)
	}
	return out
}

// levelsIn places t's levels in year y, the academic year its financial
// one was moved to: a month's milestone in that month of y; a quarter's,
// which no academic year has, is left out, saying so.
func (c *collector) levelsIn(t app.Target, y app.Period) []app.Level {
	var out []app.Level
	for _, l := range t.Levels {
		switch l.Period.Kind {
		case app.Month:
			l.Period, _ = milestonePeriod(l.Period.Start().Format("Jan"), y)
		case app.Quarter:
			c.warn("", "", "%s %s: the %s milestone is not read: %s is set by academic year, whose quarters are not calendar quarters; give monthly milestones",
				t.Ref, y, levelWhat(l), t.Ref)
			continue
		}
		out = append(out, l)
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

// checkRanges reports values out of range in obs, each at its cell:
// percentages beyond 0 to 100, numerators above their denominators.
func (c *collector) checkRanges(obs []app.Observation, units map[string]app.Indicator) []app.Warning {
	var warnings []app.Warning
	warn := func(cell, format string, args ...any) {
		sheet, cell := splitCell(cell)
		warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(format, args...)})
	}
	var ind app.Indicator // of the last observation's ref: they come a series at a time
	for i := range obs {
		o := &obs[i]
		if o.Ref != ind.Ref {
			ind = units[o.Ref]
		}
		if o.Value != nil && ind.Unit == app.Percent && (*o.Value > 100+1e-9 || *o.Value < 0) {
			warn(o.Cell, "%s %s %s: %g is not a percentage between 0 and 100", o.Ref, o.Area, o.Period, *o.Value)
		}
		if o.Numerator != nil && o.Denominator != nil && *o.Numerator > *o.Denominator && ind.Measure == app.Proportion {
			warn(o.Cell, "%s %s %s: numerator %g is above its denominator %g", o.Ref, o.Area, o.Period, *o.Numerator, *o.Denominator)
		}
	}
	return warnings
}

// checkDistrictSums compares, for counts (and numerators), the sum of the
// districts with the county figure. Districts need not sum to the county:
// children out of county or unknown, and the UASC Service, make up the
// rest. So where those columns are given, districts and the rest must
// make the county; where they are not, the districts must not exceed it.
// A difference is a warning at the county's cell. It reads only the
// figures, so may run beside observations.
func (c *collector) checkDistrictSums(units map[string]app.Indicator) []app.Warning {
	auth := c.auth
	if auth == nil {
		auth = app.DefaultAuthority()
	}
	county, nDistricts := auth.Area(), len(auth.Districts())
	// A group's sums hold no pointers, so that the collector, which
	// may run beside this, has nothing in them to trace: the group is
	// named by the series of its first figure and the county's figure by
	// its index plus one.
	type sums struct {
		period                        app.Period
		districts, extra, districtNum float64
		series                        int32
		county                        int32
		n, nExtra, nNum               int32
		negative                      bool
	}
	// Figures come a series at a time; the (ref, split) of the last is
	// kept so most need no string hashing.
	type refSplit struct {
		ref   string
		split app.Split
	}
	ids := map[refSplit]uint64{}
	var last refSplit
	var lastID uint64
	// The sums are kept in one slice, in the order first met, and found
	// by index: a pointer each would be an allocation per group.
	at := map[uint64]int32{}
	var all []sums
	for i := range c.figs {
		f := c.fig(i)
		key := c.figures.keys[f.series]
		if rs := (refSplit{key.Ref, key.Split}); rs != last || lastID == 0 {
			id, ok := ids[rs]
			if !ok {
				id = uint64(len(ids) + 1)
				ids[rs] = id
			}
			last, lastID = rs, id
		}
		k := lastID<<40 | uint64(f.period.Kind)<<32 | uint64(uint32(f.period.Index()))
		j, ok := at[k]
		if !ok {
			j = int32(len(all))
			at[k] = j
			all = append(all, sums{period: f.period, series: f.series})
		}
		s := &all[j]
		hasValue := f.flags&hasValue != 0
		if hasValue && f.value < 0 {
			s.negative = true
		}
		switch {
		case key.Area == county:
			s.county = int32(i + 1)
		case auth.IsDistrict(key.Area):
			if hasValue {
				s.districts += f.value
				s.n++
			}
			if f.flags&hasNum != 0 {
				s.districtNum += f.num
				s.nNum++
			}
		case key.Area == app.OutOfCounty || key.Area == app.UASCService:
			if hasValue {
				s.extra += f.value
				s.nExtra++
			}
		}
	}
	var warnings []app.Warning
	for i := range all {
		s := &all[i]
		if s.county == 0 {
			continue
		}
		countyFig := c.fig(int(s.county) - 1)
		if countyFig.flags&hasValue == 0 {
			continue
		}
		ref := c.figures.keys[s.series].Ref
		// The cell is named only for a warning: most groups have none.
		warn := func(format string, args ...any) {
			sheet := c.sheets[countyFig.sheet]
			cell := place(sheet, int(countyFig.row), int(countyFig.col))
			warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(format, args...)})
		}
		k := countyFig.value
		if units[ref].Measure == app.Count && nDistricts > 0 && int(s.n) == nDistricts {
			switch {
			case s.nExtra == 2 && !near(s.districts+s.extra, k):
				warn("%s %s: the %d districts with out of county and the UASC Service sum to %g but %s is %g", ref, s.period, nDistricts, s.districts+s.extra, county, k)
			case s.nExtra < 2 && !s.negative && s.districts > k+1e-9:
				warn("%s %s: the %d districts sum to %g, more than %s's %g", ref, s.period, nDistricts, s.districts, county, k)
			}
		}
		if nDistricts > 0 && int(s.nNum) == nDistricts && countyFig.flags&hasNum != 0 && s.districtNum > countyFig.num+1e-9 {
			warn("%s %s: the districts' numerators sum to %g, more than %s's %g", ref, s.period, s.districtNum, county, countyFig.num)
		}
	}
	return warnings
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// latestMonth returns the latest month any observation was read for.
func (c *collector) latestMonth() app.Period {
	var p app.Period
	for i := range c.figs {
		q := c.fig(i).period
		if q.Kind == app.Month && (p.IsZero() || q.Index() > p.Index()) {
			p = q
		}
	}
	return p
}

// observations makes the observations from the figures, in the order
// read, and reports those out of range (see checkRanges) and the
// district sums that do not add up (see checkDistrictSums). It works in
// parts at once, each with its numbers in one block and its cell
// references in one string; the sums are checked from the figures
// beside them all.
func (c *collector) observations(units map[string]app.Indicator) (obs []app.Observation, ranges, sums []app.Warning) {
	obs = make([]app.Observation, len(c.figs))
	sumsDone := startWorkers(1, func(int) { sums = c.checkDistrictSums(units) })
	parts := max(1, min(runtime.GOMAXPROCS(0), len(c.figs)/8192))
	warnings := make([][]app.Warning, parts)
	inParallel(parts, func(p int) {
		lo, hi := len(c.figs)*p/parts, len(c.figs)*(p+1)/parts
		c.fillObservations(obs[lo:hi], lo)
		warnings[p] = c.checkRanges(obs[lo:hi], units)
	})
	sumsDone.wait()
	return obs, slices.Concat(warnings...), sums
}

// fillObservations makes obs from the figures from the first'th on.
func (c *collector) fillObservations(obs []app.Observation, first int) {
	fl := &floats{block: make([]float64, 0, 2*len(obs))}
	size := 0
	for i := range obs {
		// A sheet name, "!", and at most 3 letters and 7 digits.
		size += len(c.sheets[c.fig(first+i).sheet]) + 11
	}
	// The cell references are written into one string, and each is a
	// slice of it.
	var refs strings.Builder
	refs.Grow(size)
	var buf []byte
	spans := make([]int32, len(obs)+1)
	for i := range obs {
		f := c.fig(first + i)
		buf = appendCell(buf[:0], c.sheets[f.sheet], int(f.col), int(f.row))
		refs.Write(buf)
		spans[i+1] = int32(refs.Len())
	}
	all := refs.String()
	for i := range obs {
		fill(&obs[i], c.fig(first+i), c.figures.keys, c.texts, fl, all[spans[i]:spans[i+1]])
	}
}
