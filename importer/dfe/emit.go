package dfe

import (
	"cmp"
	"fmt"
	"strings"

	"scorecard/app"
	"scorecard/app/benchmark"
)

// published is the places a rule's value column is published to, where
// its figures say.
type published struct {
	places int
	known  bool
}

// emit turns one rule's rows for one period into Kent's observation and
// the benchmarks beside it; the benchmarks read from the value column
// carry the places it is published to (app.Benchmark.Decimals).
func (rd *Reader) emit(d *app.Dataset, file string, rule Rule, period app.Period, rows map[string]*areaRows, pub published, notes *notes, warn func(int, string, ...any)) {
	ref := rule.Indicator.Ref
	source := file + ": " + rule.Value
	var home *areaRows
	var authorities []benchmark.Figure
	listed := 0 // authorities with a row, suppressed or not
	twice := false
	homeRow := false        // a row of the home's, read or not (two differing)
	var denOnly []*areaRows // the home's rows giving a denominator alone
	for _, a := range sortedAreas(rows) {
		if a.home && a.val == nil && a.den != nil {
			denOnly = append(denOnly, a)
		}
		homeRow = homeRow || a.home && a.val != nil
		if a.val == nil || a.conflict || len(a.splitBy) > 0 {
			continue
		}
		if a.home && home != nil {
			// The home authority's row again, its codes or name written
			// otherwise ("Kent County Council", a blank ONS code): the
			// later row's figure was kept, the earlier's dropped, unsaid.
			twice = twiceHome(ref, period, home.label(), home.val, a.val, warn) || twice
			continue
		}
		if a.level == levelAuthority {
			listed++
		}
		switch a.level {
		case levelNational:
			if !a.val.unread {
				d.Benchmarks = append(d.Benchmarks, bench(ref, period, benchmark.England, a.val, source, pub))
			}
		case levelAuthority:
			if a.home {
				home = a
			}
			if v, ok := a.val.figure(); ok && len(a.codes) > 0 {
				authorities = append(authorities, benchmark.Figure{Codes: a.codes, Name: a.name, Value: v})
			}
		}
	}
	// England's, the region's and the neighbours' figures are read
	// whether or not the home's row for the year is: they were dropped
	// with it, unsaid, where it was missing or given twice (QA hB F4).
	at := home.lineOr(rows)
	if key, group := rd.homeRegion(home); group != "" {
		if r, ok := rows[key]; ok {
			if r.val != nil && !r.val.unread && !r.conflict && len(r.splitBy) == 0 {
				d.Benchmarks = append(d.Benchmarks, bench(ref, period, group, r.val, source, pub))
			}
		} else if first := firstRegional(rows); first > 0 {
			notes.region.add(ref, first, key, group)
		}
	}
	if !homeRow && listed > 0 {
		notes.absent.add(ref, period, at)
	}
	if home != nil && !twice {
		rd.emitHome(d, rule, period, home, denOnly, notes, warn)
	}
	if home != nil && twice {
		// Neither of the home's figures is read, so neither is ranked;
		// the first is among authorities, but not among its neighbours.
		home = nil
	}
	polarity := rd.polarity(rule)
	c := benchmark.Compare(authorities, rd.home().Old, polarity, rd.Model.NeighboursOf(rd.home().Old))
	switch {
	case home == nil:
	case c.Rank > 0 && listed < cmp.Or(rd.MinRanked, minRanked):
		notes.rank.add(ref, period, home.val.line, listed)
	case c.Rank > 0:
		b := bench(ref, period, benchmark.HomeRank, home.val, source, pub)
		b.Rank, b.OutOf, b.Quartile = c.Rank, c.OutOf, c.Quartile
		d.Benchmarks = append(d.Benchmarks, b)
	case polarity == app.PolarityNone:
		others := len(authorities)
		if _, ok := home.val.figure(); ok {
			others-- // the home's figure is among them
		}
		notes.unranked.add(ref, home.val.line, others, c.Neighbours, rd.Model != nil)
	}
	if rd.Model == nil || listed == 0 || c.Neighbours == 0 && home == nil && !twice {
		// No authority's row, or none of the neighbours' and none of
		// the home's: a file of England and the regions, or another
		// region's extract, has no neighbour figure to say is missing
		// (which the file's want of the home's rows says).
		return
	}
	if len(c.Missing) > 0 {
		warn(at, "%s %s: no figure for %d of %s's %d statistical neighbours (%s model): %s; their mean and median are of the other %d",
			ref, period, len(c.Missing), rd.home().Name, len(c.Missing)+c.Neighbours, rd.Model.Year, rd.neighbourNames(c.Missing), c.Neighbours)
	}
	for _, nb := range []struct {
		group string
		v     *float64
	}{{benchmark.NeighbourMean, c.NeighbourMean}, {benchmark.NeighbourMedian, c.NeighbourMedian}} {
		b := app.Benchmark{Ref: ref, Period: period, Group: nb.group, Value: nb.v, Model: rd.Model.Year, Source: source}
		if nb.v == nil {
			b.Status = app.NotAvailable
		}
		d.Benchmarks = append(d.Benchmarks, b)
	}
}

// emitHome adds the home authority's observation for one rule and
// period, its figure read from its row.
func (rd *Reader) emitHome(d *app.Dataset, rule Rule, period app.Period, home *areaRows, denOnly []*areaRows, notes *notes, warn func(int, string, ...any)) {
	ref := rule.Indicator.Ref
	for _, b := range denOnly {
		if b != home && home.den != nil && b.den.line != home.den.line {
			if twiceHome(ref, period, home.label(), home.den, b.den, warn) {
				home.den = nil
				break
			}
		}
	}
	o := app.Observation{
		Ref: ref, Area: rd.home().Area(), Period: period, Status: home.val.Status,
		Cell: fmt.Sprintf("line %d", home.val.line),
	}
	if v, ok := home.val.figure(); ok {
		o.Value = app.Float(v)
		switch x, agrees, ok := exactRatio(rule.Indicator, home.val, home.num, home.den); {
		case ok && agrees:
			o.Value = app.Float(x)
			notes.exact.add(rule.Indicator, period, home.val.line, home.val, home.num, home.den, x)
		case ok && asFraction(rule.Indicator, home.val, x):
			warn(home.val.line, "%s %s: %s %s is %s / %s (%g / %g = %s) as a fraction of one, not a percentage: kept as published, and so are England's, the region's and the other councils' figures of the column, which are likely fractions too; give the column as percentages (× 100) and import again",
				ref, period, rule.Value, strings.TrimSpace(home.val.Raw), rule.Numerator, rule.Denominator, home.num.Value, home.den.Value, ratioText(rule.Indicator, x))
		case ok:
			warn(home.val.line, "%s %s: %s %s is not %s / %s (%g / %g = %s) at the places it shows; kept the published figure",
				ref, period, rule.Value, strings.TrimSpace(home.val.Raw), rule.Numerator, rule.Denominator, home.num.Value, home.den.Value, ratioText(rule.Indicator, x))
		}
	} else {
		o.Raw = home.val.Raw
	}
	if v, ok := home.num.figure(); ok {
		o.Numerator = app.Float(v)
	}
	if v, ok := home.den.figure(); ok {
		o.Denominator = app.Float(v)
	}
	if !home.val.unread {
		d.Observations = append(d.Observations, o)
	}
}

// twiceHome says of the home authority's figure given twice, b after a
// (its value, or its denominator on a row of its own), what becomes of
// the two: the same figure is read once; figures that differ, nothing
// telling the rows apart, are neither read, as two rows keyed alike are
// not (conflicts). It reports whether they differ.
func twiceHome(ref string, period app.Period, home string, a, b *figure, warn func(int, string, ...any)) bool {
	if x, y := strings.TrimSpace(a.Raw), strings.TrimSpace(b.Raw); x != y {
		warn(b.line, "%s %s: %s is %q here but %q at line %d, both rows %s's (their codes or names written otherwise); neither read",
			ref, period, b.col, y, x, a.line, home)
		return true
	}
	warn(b.line, "%s %s: %s repeats line %d, both rows %s's (their codes or names written otherwise); kept the first", ref, period, b.col, a.line, home)
	return false
}

// neighbourNames writes neighbour codes with the model's names for them,
// "Essex 881", for a warning.
func (rd *Reader) neighbourNames(codes []string) string {
	names := make([]string, len(codes))
	for i, c := range codes {
		names[i] = c
		if n := rd.Model.Names[c]; n != "" {
			names[i] = n + " " + c
		}
	}
	return strings.Join(names, ", ")
}

// bench is the benchmark a figure of a rule's value column gives, with
// the places the column is published to.
func bench(ref string, p app.Period, group string, f *figure, source string, pub published) app.Benchmark {
	b := app.Benchmark{Ref: ref, Period: p, Group: group, Status: f.Status, Source: source}
	if v, ok := f.figure(); ok {
		b.Value = app.Float(v)
		if pub.known {
			b.Decimals = &pub.places
		}
	}
	return b
}

// lineOr is the home's row, or where it has none the first authority's
// row of the rule's period (else its first row), for a warning about the
// period's figures.
func (a *areaRows) lineOr(rows map[string]*areaRows) int {
	if a != nil {
		return a.line
	}
	first, firstLA := 0, 0
	for _, r := range rows {
		if first == 0 || r.line < first {
			first = r.line
		}
		if r.level == levelAuthority && (firstLA == 0 || r.line < firstLA) {
			firstLA = r.line
		}
	}
	return cmp.Or(firstLA, first)
}

// firstRegional is the first regional row of a rule's period, 0 for none.
func firstRegional(rows map[string]*areaRows) int {
	first := 0
	for _, r := range rows {
		if r.level == levelRegional && (first == 0 || r.line < first) {
			first = r.line
		}
	}
	return first
}
