package importer

import (
	"fmt"
	"math"
	"strings"

	"scorecard/app"
)

// checkFractions reports a percentage that looks given as a fraction:
// a figure above 0 and at most 1 of a percentage indicator whose other
// figures or targets in the file are above 1, as 0.43 is beside a target
// of 45. Written without a percentage format it reads as 0.43%, where
// 43% was most likely meant; it is kept as given, and said once for each
// indicator at its first such figure.
func (c *collector) checkFractions(obs []app.Observation, units map[string]app.Indicator) []app.Warning {
	scale := map[string]float64{} // a figure or target above 1, by ref
	type bounds struct{ lo, hi float64 }
	big := map[string]*bounds{} // the least and greatest of those, by ref
	widen := func(ref string, v float64) {
		if b := big[ref]; b != nil {
			b.lo, b.hi = min(b.lo, v), max(b.hi, v)
		} else {
			big[ref] = &bounds{v, v}
		}
	}
	var small []int // figures above 0 and at most 1, by index
	// Observations come a series at a time, so a ref's unit and bounds
	// are looked up once a run, not once a figure: an import holds a
	// hundred thousand. Here a ref has a scale exactly when it has bounds.
	ref, percent := "", false
	var b *bounds
	for i := range obs {
		o := &obs[i]
		if o.Ref != ref {
			ref, percent, b = o.Ref, units[o.Ref].Unit == app.Percent, big[o.Ref]
		}
		if !percent || o.Value == nil || *o.Value <= 0 {
			continue
		}
		if v := *o.Value; v > 1 {
			if b == nil {
				scale[ref] = v
				b = &bounds{v, v}
				big[ref] = b
			} else {
				b.lo, b.hi = min(b.lo, v), max(b.hi, v)
			}
		} else if !agreesWithParts(o) {
			small = append(small, i)
		}
	}
	if len(small) == 0 {
		return nil
	}
	for _, t := range c.targetList {
		for _, v := range []*float64{t.Target, t.Floor} {
			if v != nil && *v > 1 && units[t.Ref].Unit == app.Percent {
				if _, ok := scale[t.Ref]; !ok {
					scale[t.Ref] = *v
				}
				widen(t.Ref, *v)
			}
		}
	}
	type fractions struct {
		first *app.Observation
		n     int
	}
	byRef := map[string]*fractions{}
	var refs []string
	for _, i := range small {
		o := &obs[i]
		b := big[o.Ref]
		if b == nil || !asFraction(*o.Value, b.lo, b.hi) {
			continue
		}
		f := byRef[o.Ref]
		if f == nil {
			f = &fractions{first: o}
			byRef[o.Ref] = f
			refs = append(refs, o.Ref)
		}
		f.n++
	}
	var warnings []app.Warning
	for _, ref := range refs {
		f := byRef[ref]
		o := f.first
		more := ""
		if f.n > 1 {
			more = fmt.Sprintf(" and %d more like it", f.n-1)
		}
		sheet, cell := splitCell(o.Cell)
		warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell},
			Message: fmt.Sprintf("%s %s %s: %g%s read as %g%%, though its other figures or targets are percentages such as %g: if it is a fraction (%g%%), write it as %g or format the cell as a percentage",
				o.Ref, o.Area, o.Period, *o.Value, more, *o.Value, scale[ref], *o.Value*100, *o.Value*100)})
	}
	return warnings
}

// asFraction reports whether v, above 0 and at most 1, of a percentage
// whose other figures run from lo to hi, is as likely a fraction of 1 as a
// small percentage: read as v×100 it falls among them (half the least to
// twice the greatest), or as given it is far below them (under a
// twentieth of the least). A target of 0.9 beside figures of 0.8 to 1.5
// is neither: 90% is no neighbour of theirs, 0.9% is, and it is not said.
func asFraction(v, lo, hi float64) bool {
	x := v * 100
	return x >= lo/2 && x <= hi*2 || v*20 < lo
}

// agreesWithParts reports whether a percentage is its numerator over its
// denominator, to the places given: 0.88 of 1 in 114 is a true 0.88%.
func agreesWithParts(o *app.Observation) bool {
	if o.Numerator == nil || o.Denominator == nil || *o.Denominator == 0 {
		return false
	}
	return math.Abs(*o.Numerator / *o.Denominator * 100 - *o.Value) < 0.005+1e-9*math.Abs(*o.Value)
}

// spread is the range of a percentage indicator's figures in a file, from
// which the scale its figures and targets are written in is judged.
type spread struct {
	lo, hi float64
	// first is the first figure above 0, where a warning about the
	// figures is said.
	first *app.Observation
	// proved is set where a figure at most 1 is its numerator over its
	// denominator as a percentage: 0.88 of 1 in 114 is a true 0.88%.
	proved bool
	// marked is set where a figure's text carries its "%" ("0.213%"):
	// a percentage below 1 written as one.
	marked bool
	// plain is how many figures above 0 and at most 1 are written
	// without their "%": those a reader could take for fractions of 1.
	plain int
	// over is how many figures are above 0.01.
	over int
}

// percentSpreads returns the spread of each percentage indicator's figures.
func percentSpreads(obs []app.Observation, units map[string]app.Indicator) map[string]*spread {
	out := map[string]*spread{}
	ref, percent := "", false
	var s *spread
	for i := range obs {
		o := &obs[i]
		if o.Ref != ref {
			ref, percent = o.Ref, units[o.Ref].Unit == app.Percent
			s = out[ref]
		}
		if !percent || o.Value == nil {
			continue
		}
		v := *o.Value
		if s == nil {
			s = &spread{lo: v, hi: v}
			out[ref] = s
		}
		s.lo, s.hi = min(s.lo, v), max(s.hi, v)
		if s.first == nil && v > 0 {
			s.first = o
		}
		if v > 0 && v <= 1 && agreesWithParts(o) {
			s.proved = true
		}
		if strings.Contains(o.Raw, "%") {
			s.marked = true
		} else if v > 0 && v <= 1 {
			s.plain++
		}
		if v > 0.01 {
			s.over++
		}
	}
	return out
}

// fractionTargets reads as percentages the targets and floors written as
// fractions beside whole percentages: a target of 0.45 beside figures of
// 38 to 46 is 45%, and rated against as 0.45% every month would be green.
// It does so only where the file leaves no doubt: every figure of the
// indicator above 1 and the target, as a percentage, among them (half the
// least to twice the greatest); each is said at the target's row. A
// target below 1 far from its figures, or beside figures some of which
// are fractions too, is kept as given, and said.
func (c *collector) fractionTargets(spreads map[string]*spread, units map[string]app.Indicator) {
	for i := range c.targetList {
		t := &c.targetList[i]
		s := spreads[t.Ref]
		if s == nil || s.hi <= 1 || units[t.Ref].Unit != app.Percent {
			// Figures all at most 1 are said by checkAllFractions.
			continue
		}
		// Only where every figure is a whole percentage is the scale
		// plain; beside figures that are fractions too, it is said.
		sure := s.lo > 1
		var read, odd []string
		check := func(what string, v **float64) {
			if *v == nil || **v <= 0 || **v >= 1 || !asFraction(**v, s.lo, s.hi) {
				return
			}
			x := math.Round(**v*100*1e9) / 1e9
			if sure && x >= s.lo/2 && x <= s.hi*2 {
				read = append(read, fmt.Sprintf("%s %g read as %g%%", what, **v, x))
				*v = app.Float(x)
				return
			}
			odd = append(odd, fmt.Sprintf("%s %g", what, **v))
		}
		eachTargetValue(t, check)
		if len(read) == 0 && len(odd) == 0 {
			continue
		}
		at := c.targetsAt[app.TargetSource{Ref: t.Ref}]
		if at.File == "" {
			at.File = c.file
		}
		if len(read) > 0 {
			c.warnings = append(c.warnings, app.Warning{Location: at, Message: fmt.Sprintf(
				"%s %s: %s, since its figures here are percentages from %g to %g: written as fractions they would rate every month as if 100 times smaller; write them as percentages, or format the cells as %%, to say so",
				t.Ref, t.Year, strings.Join(read, ", "), s.lo, s.hi)})
		}
		if len(odd) > 0 {
			c.warnings = append(c.warnings, app.Warning{Location: at, Message: fmt.Sprintf(
				"%s %s: %s kept as given, below 1%% where its figures here are percentages from %g to %g: if written as a fraction, write it as a percentage or format the cell as %%",
				t.Ref, t.Year, strings.Join(odd, ", "), s.lo, s.hi)})
		}
	}
}

// levelName names a level's target or floor in a warning: "Swale's
// target", "the 2025-06 milestone".
func levelName(l *app.Level, what string) string {
	if !l.Period.IsZero() {
		what = l.Period.Label() + " " + what
	}
	if l.Area != "" {
		return string(l.Area) + "'s " + what
	}
	return what
}

// checkAllFractions reports a percentage indicator whose figures, and
// targets if any, are all between 0 and 1, with some at least 0.1: as
// likely fractions of 1 (0.46 for 46%) as percentages below 1, they are
// kept as given, and said once at the first. Rows of true small
// percentages, 0.06% of pupils excluded, are not said. In a CSV, which
// keeps no cell format to tell them apart, figures all between 0 and 1
// with two or more above 0.01 refuse the file (c.refusal) at the first,
// unless written with their "%"; the advice said is one a CSV can follow.
// So do a workbook's figures in General format, as Power BI's "Export
// data" writes them, once some reach 0.1: 0.239 there is as likely 23.9%
// as 0.239%, and kept as the latter every output would show a re-referral
// rate of 0.2%, said only by the import.
func (c *collector) checkAllFractions(spreads map[string]*spread, units map[string]app.Indicator) []app.Warning {
	hasTarget := map[string]bool{}
	bigTarget := map[string]bool{}
	for _, t := range c.targetList {
		for _, v := range []*float64{t.Target, t.Floor} {
			if v != nil {
				hasTarget[t.Ref] = true
				if *v > 1 {
					bigTarget[t.Ref] = true
				}
			}
		}
	}
	var warnings []app.Warning
	for _, ref := range c.indOrder {
		s := spreads[ref]
		if s == nil || s.first == nil || s.hi > 1 || s.lo < 0 || s.proved || bigTarget[ref] || units[ref].Unit != app.Percent {
			continue
		}
		if _, ok := c.fractionUnits[ref]; ok {
			// Its Unit cell says fractions of 1, read as such
			// (readProportions): 0.006 is 0.6%, said there; its
			// scaled figures are no longer the file's to question.
			continue
		}
		if s.hi < 0.1 && !c.csv {
			continue
		}
		// unformatted figures carry nothing, in the file, that says
		// their scale; tell is how the refusal says so.
		unformatted, tell, fix := c.csv, "a CSV keeps no cell format to tell", "write its Unit as \"Proportion\""
		if !c.csv && c.general[ref] && !c.formatted[ref] {
			unformatted, tell, fix = true, "its cells are in General format, which shows a number as stored and tells neither", "format the cells as percentages or write its Unit as \"Proportion\""
		}
		also := ""
		if hasTarget[ref] {
			also = ", as are its targets,"
		}
		o := s.first
		sheet, cell := splitCell(o.Cell)
		if c.csv && s.marked || s.marked && s.plain == 0 {
			// "0.213%": a percentage below 1, written as one. In a
			// workbook, where figures below 1 written without their
			// "%" beside it may still be fractions, only where each
			// says so (QA33 F13: "0.5%" was warned of as 50%).
			continue
		}
		if lo, hi, n := c.heldRange(ref); unformatted && s.lo == s.hi && n > 0 && lo > 1 {
			// A one-month Power BI export gives each measure one
			// figure: 0.25 beside the store's 21.5 to 24.0 is 25%
			// written as a fraction of 1, and kept as 0.25% it
			// would rate as a hundredfold improvement.
			if c.refusal == nil {
				c.refusal = &app.SourceError{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Err: fmt.Errorf(
					"refused: %s is a percentage, but its figure here is %g, below 1, where the store holds its %d figures from %g to %g: %g is likely %g%% written as a fraction of 1, as Power BI and SQL exports write percentages, and %s; if it is a fraction of 1, %s or give it as a percentage (%g); if it is truly %g%%, write it with its %% sign (\"%g%%\")",
					ref, *o.Value, n, lo, hi, *o.Value, hundredfold(*o.Value), tell, fix, hundredfold(*o.Value), *o.Value, *o.Value)}
			}
			continue
		}
		if unformatted && s.over >= 2 {
			// Figures of 0.06 and 0.08 are as likely 6% and 8% as
			// true small percentages: refused too, with how to write
			// either.
			// A CSV keeps no cell format to say which: a Power BI or
			// SQL export writes a percentage measure as 0.213.
			if c.refusal == nil {
				c.refusal = &app.SourceError{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Err: fmt.Errorf(
					"refused: %s is a percentage, but its figures here are all between 0 and 1 (%g to %g)%s: %g could be %g%% written as a fraction of 1, as Power BI and SQL exports write percentages, or %g%%, and %s; if they are fractions of 1, %s (read as %g%%), or give them as percentages (%g); if they are percentages below 1, write each with its %% sign (\"%g%%\")",
					ref, s.lo, s.hi, strings.TrimSuffix(also, ","), *o.Value, hundredfold(*o.Value), *o.Value, tell, fix, hundredfold(*o.Value), hundredfold(*o.Value), *o.Value)}
			}
			continue
		}
		if s.hi < 0.1 {
			continue
		}
		advice := "format the cells as percentages or write them as such"
		if c.csv {
			advice = fmt.Sprintf("write its Unit as \"Proportion\", or give them as percentages (%g)", hundredfold(*o.Value))
		}
		warnings = append(warnings, app.Warning{Location: app.Location{File: c.file, Sheet: sheet, Cell: cell}, Message: fmt.Sprintf(
			"%s: its figures here are all between 0 and 1 (%g to %g)%s and are read as percentages, %g as %g%%: if they are fractions of 1 (%g%%), %s",
			ref, s.lo, s.hi, also, *o.Value, *o.Value, hundredfold(*o.Value), advice)})
	}
	return warnings
}

// eachTargetValue calls f with each value t states, named as a warning
// names it: its target and floor, then each level's ("Jun-25 milestone",
// "Ashford's floor").
func eachTargetValue(t *app.Target, f func(what string, v **float64)) {
	f("target", &t.Target)
	f("floor", &t.Floor)
	for j := range t.Levels {
		l := &t.Levels[j]
		name := "milestone"
		if l.Period.IsZero() {
			name = "target"
		}
		f(levelName(l, name), &l.Target)
		f(levelName(l, strings.Replace(name, "target", "floor", 1)), &l.Floor)
	}
}
