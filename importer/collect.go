package importer

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"scorecard/app"
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
	// shares are the tolerances that may be shares of their targets,
	// settled once units are known (settleShares).
	shares []pendingShare
	// defined gives the store's definition of an indicator, for what a
	// file does not state: the year type that dates a tidy row's target,
	// the unit that values are checked against; nil when none is known.
	defined    func(ref string) (app.Indicator, bool)
	benchmarks []app.Benchmark
	benchAt    map[benchKey]int   // where in benchmarks each was first given (addBenchmarks)
	benchFrom  map[int]app.Period // the month each kept benchmark was dated from, its heading naming no year
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
	// formatted holds refs some figure's cell had a number format of its
	// own (not General): only such a format tells 0.239 meant as 0.239%
	// from a fraction of 1 written by an export that formats nothing.
	formatted map[string]bool
	// general holds refs some figure's cell was in General format, which
	// shows a number as stored and so tells nothing of its scale.
	general map[string]bool
	// perTenK holds the refs whose every figure is its numerator over
	// its denominator per 10,000; nil until partsUnit needs it.
	perTenK map[string]bool
	// countGuessed are the indicators read as counts because nothing
	// said their unit, said at their names (sayGuessedCounts).
	countGuessed []string
	// fractionUnits are the indicators whose Unit cell says their
	// figures are fractions of 1 (readProportions).
	fractionUnits map[string]unitAt
	// csv is set for a CSV, which keeps no cell formats to tell a
	// fraction of 1 from a percentage by (checkAllFractions).
	csv bool
	// refusal, where set, refuses the file: a figure the importer
	// cannot read without a guess that could be 100 times out.
	refusal error
	// held gives the store's figures of an indicator (Options.Held);
	// nil for none.
	held func(ref string) []app.Observation
	// ragRule is the store's authority's RAG rule (Options.RAGRule).
	ragRule app.RAGRule
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
		formatted:  map[string]bool{},
		general:    map[string]bool{},
	}
}

// warn adds a line to the validation report.
func (c *collector) warn(sheet, cell, format string, args ...any) {
	c.warnings = append(c.warnings, app.Warning{
		Location: app.Location{File: c.file, Sheet: sheet, Cell: cell},
		Message:  fmt.Sprintf(format, args...),
	})
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
			c.disagree(l.indicators[op.from], *l.stated[op.from])
			c.indicator(l.indicators[op.from])
			c.state(l.indicators[op.from].Ref, *l.stated[op.from])
		case opTarget:
			t := &l.targets[op.from]
			c.target(l.sheet, t.cell, t.t)
		case opFigures:
			if sheet < 0 {
				sheet = c.sheetIndex(l.sheet)
			}
			for i := op.from; i < op.to; i++ {
				f := &l.figs[i]
				if f.flags&setAside != 0 {
					continue
				}
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
	for ref := range l.formatted {
		c.formatted[ref] = true
	}
	for ref := range l.general {
		c.general[ref] = true
	}
	for ref := range l.measured {
		c.measured[ref] = true
	}
	for ref, n := range l.declared {
		c.declared[ref] = n
	}
	for ref, at := range l.fractionUnits {
		if _, ok := c.fractionUnits[ref]; !ok {
			if c.fractionUnits == nil {
				c.fractionUnits = map[string]unitAt{}
			}
			c.fractionUnits[ref] = at
		}
	}
	c.addBenchmarks(l)
	c.comments = append(c.comments, l.comments...)
	for _, t := range l.rowTargets {
		c.rowTargets = append(c.rowTargets, sheetRowTarget{l.sheet, t})
	}
	for _, p := range l.shares {
		p.sheet = l.sheet
		c.shares = append(c.shares, p)
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
	i, ok := slots.get(f.period())
	if !ok {
		// Most figures are new: keep them where they are, numbered as
		// the collector numbers series, sheets and texts.
		slots.set(f.period(), len(c.figs))
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
		o.SourceArrow = cmp.Or(o.SourceArrow, have.SourceArrow)
		o.SourceRAG = cmp.Or(o.SourceRAG, have.SourceRAG)
		*at = c.encode(&o, slots.id, sheet, row, col)
		return
	case o.StandIn && !have.StandIn:
		return
	}
	if !sameFigure(&have, &o, decimals) {
		c.warn(sheet, place(sheet, row, col), "%s %s %s: %s here but %s at %s; kept %s",
			o.Ref, o.Area, o.Period.Label(), describeFigure(&o), describeFigure(&have), have.Cell, have.Cell)
	}
	if have.Numerator == nil && have.Denominator == nil {
		have.Numerator, have.Denominator = o.Numerator, o.Denominator
	}
	if have.Value == nil && have.Status == app.OK {
		have.Value, have.Status, have.Raw = o.Value, o.Status, o.Raw
	}
	have.SourceArrow = cmp.Or(have.SourceArrow, o.SourceArrow)
	have.SourceRAG = cmp.Or(have.SourceRAG, o.SourceRAG)
	have.Rule = cmp.Or(have.Rule, o.Rule)
	*at = c.encode(&have, slots.id, c.sheets[at.sheet], int(at.row), int(at.col))
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
	// hidden holds the places a Decimals column states where the file's
	// cells show more, to say which figure they round.
	hidden := map[string][2]int{}
	// guessed holds the indicators read as counts only because nothing
	// said otherwise, by index in d.Indicators: their figures are looked
	// at for fractions (fractionalCounts).
	guessed := map[string]int{}
	for _, ref := range c.indOrder {
		ind := c.indicators[ref]
		if n, ok := c.declared[ref]; ok {
			if c.placed[ref] && ind.Decimals > n {
				hidden[ref] = [2]int{n, ind.Decimals}
			}
			ind.Decimals = n
		}
		if ind.Name == "" {
			ind.Name = ind.Ref
		}
		if stored, ok := c.stored(ref); ok && ind.Unit == "" {
			// A unit the file does not state is the store's, not a
			// guess: values are checked against it.
			ind.Unit = stored.Unit
			c.sayStoredUnit(ind, stored)
		}
		word := ""
		stated := ind.Unit != ""
		if ind.Unit == "" {
			ind.Unit, word = nameUnit(ind.Name, c.percent[ref])
			if base := otherRate(ind.Name); base != "" && ind.Unit.OtherRate() {
				at := c.stated[ref].Name
				c.warn(at.Sheet, at.Cell, "%s: %q is a rate per %s, not per 10,000: its figures are kept as given, in unit %q, and not recomputed when children are excluded", ref, ind.Name, base, ind.Unit)
			}
			// A figure given with a numerator and denominator, and not
			// named as an average, is a proportion shown as a percentage.
			if ind.Unit == app.Number && c.hasParts[ref] && measureOf(ind.Name, ind.Unit, false, false) == app.Count {
				ind.Unit = c.partsUnit(ref)
			}
			if word == "rate" && c.hasParts[ref] {
				// Its numerators and denominators show its base.
				ind.Unit, word = c.partsUnit(ref), ""
			}
			if ind.Unit == app.Score && (word == "rating" || word == "timeliness") && c.hasParts[ref] {
				// A score is no numerator over a denominator: given
				// them, it is a proportion whatever its name (QA24a D1).
				ind.Unit = c.partsUnit(ref)
			}
		}
		if ind.Measure == "" && !c.measured[ref] {
			ind.Measure = measureOf(ind.Name, ind.Unit, c.hasParts[ref], stated)
			if ind.Measure == app.Count && ind.Unit == app.Number {
				guessed[ref] = len(d.Indicators)
			}
		}
		c.sayNameUnit(ind, word)
		if _, ok := c.declared[ref]; !ok && !c.placed[ref] && (ind.Unit == app.Percent || ind.Unit == app.Per10k || ind.Unit.OtherRate()) {
			// Fractions and text say nothing of the places shown;
			// scorecards show percentages and rates to one.
			ind.Decimals = 1
		}
		d.Indicators = append(d.Indicators, *ind)
	}
	c.fractionalCounts(d.Indicators, guessed)
	units := map[string]app.Indicator{}
	for _, ind := range d.Indicators {
		units[ind.Ref] = ind
	}
	var ranges, sums []app.Warning
	d.Observations, ranges, sums = c.observations(units)
	proportions, fractional := c.readProportions(d.Observations, units)
	ranges = append(ranges, proportions...)
	byParts, scaled := c.fractionsByParts(d.Observations, units)
	ranges = append(ranges, byParts...)
	for ref := range fractional {
		scaled[ref] = true
	}
	for i := range d.Indicators {
		ind := &d.Indicators[i]
		if _, declared := c.declared[ind.Ref]; scaled[ind.Ref] && c.placed[ind.Ref] && !declared {
			ind.Decimals = max(0, ind.Decimals-2)
			units[ind.Ref] = *ind
		}
	}
	c.academicYears(d.Observations)
	c.hiddenPlaces(d.Observations, hidden)
	// checkFractions, checkCounts and percentSpreads only read the
	// figures and targets: they run beside one another, each a pass over
	// a large workbook's hundred thousand figures. The fractions'
	// warnings come first, as before.
	var fractions, counts []app.Warning
	var spreads map[string]*spread
	inParallel(3, func(i int) {
		switch i {
		case 0:
			fractions = c.checkFractions(d.Observations, units)
		case 1:
			counts = c.checkCounts(d.Observations, units)
		case 2:
			spreads = percentSpreads(d.Observations, units)
		}
	})
	ranges = append(ranges, fractions...)
	ranges = append(ranges, counts...)
	ranges = append(ranges, c.checkAllFractions(spreads, units)...)
	c.fractionTargets(spreads, units)
	c.settleShares(units)
	c.checkTargets(units)
	d.Targets = c.targetsByYearType()
	d.Benchmarks = c.outturnsByYearType()
	d.Comments = c.comments
	d.Stated = c.stated
	d.TargetsAt = c.targetsAt
	c.sayUnratedRAG(d)
	c.sayStatusCodes()
	c.warnings = append(c.warnings, ranges...)
	c.warnings = append(c.warnings, sums...)
	return d
}

// hiddenPlaces warns of each indicator whose Decimals column (hidden:
// the places stated, and the most its cells show) rounds a figure the
// file gives to more: the stated places are kept, as stated, but a
// figure shown and rated at them may read as meeting a target it misses.
func (c *collector) hiddenPlaces(obs []app.Observation, hidden map[string][2]int) {
	if len(hidden) == 0 {
		return
	}
	for i := range obs {
		o := &obs[i]
		h, ok := hidden[o.Ref]
		if !ok || o.Value == nil || o.StandIn || min(app.PlacesOf(*o.Value, h[1]), h[1]) <= h[0] {
			continue
		}
		delete(hidden, o.Ref)
		sheet, cell, _ := strings.Cut(o.Cell, "!")
		if cell == "" {
			sheet, cell = "", sheet
		}
		at := c.stated[o.Ref].Decimals
		c.warn(sheet, cell, "%s: %g here is given to more places than the %d its Decimals column states at %s; it is shown and rated at %d, as stated, so it reads as %s: state more places to rate it as given",
			o.Ref, *o.Value, h[0], at.Cell, h[0], strconv.FormatFloat(app.RoundTo(*o.Value, h[0]), 'f', h[0], 64))
	}
}

// latestPeriod returns the latest month any observation was read for;
// failing any, the latest quarter; failing any, the latest year.
func (c *collector) latestPeriod() app.Period {
	var latest [app.CalendarYear + 1]app.Period
	for i := range c.figs {
		q := c.fig(i).period()
		if q.Kind <= app.CalendarYear && (latest[q.Kind].IsZero() || q.Compare(latest[q.Kind]) > 0) {
			latest[q.Kind] = q
		}
	}
	for _, k := range []app.PeriodKind{app.Month, app.Quarter, app.FinancialYear, app.AcademicYear, app.CalendarYear} {
		if !latest[k].IsZero() {
			return latest[k]
		}
	}
	return app.Period{}
}

// observations makes the observations from the figures, in the order
// read, and reports those out of range (see checkRanges) and the
// district sums that do not add up (see checkDistrictSums). It works in
// parts at once, each with its numbers in one block and its cell
// references in one string; the sums are checked from the figures
// beside them all.
func (c *collector) observations(units map[string]app.Indicator) (obs []app.Observation, ranges, sums []app.Warning) {
	obs = make([]app.Observation, len(c.figs))
	// The sums are one long task, so they go first, and the figures are
	// cut into parts small enough that the processors finish together:
	// in one part per processor beside the sums, one processor was left
	// filling alone for a tenth of the import.
	parts := max(1, min(len(c.figs)/observationsPart, 64))
	warnings := make([][]app.Warning, parts)
	// Whether an indicator's figures may fall below 0 is read from the
	// words of its name (app.Indicator.Signed): read once for each
	// indicator here, not at each run of its figures in every part, which
	// was a few milliseconds of the large workbook's import.
	nonNeg := make(map[string]string, len(units))
	for ref, ind := range units {
		nonNeg[ref] = ind.NonNegative()
	}
	inParallel(1+parts, func(i int) {
		if i == 0 {
			sums = c.checkDistrictSums(units)
			return
		}
		p := i - 1
		lo, hi := len(c.figs)*p/parts, len(c.figs)*(p+1)/parts
		c.fillObservations(obs[lo:hi], lo)
		warnings[p] = c.checkRanges(obs[lo:hi], units, nonNeg)
	})
	return obs, slices.Concat(warnings...), sums
}

// observationsPart is about the fewest figures observations fills as one
// part: enough that a part's block of numbers and string of cell
// references are worth their allocation.
const observationsPart = 4096

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
