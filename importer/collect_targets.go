package importer

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"scorecard/app"
)

// targetKey is an indicator and year, under which the targets read for
// them are merged.
type targetKey struct {
	ref  string
	year app.Period
}

// sheetRowTarget is a target a tidy row gave, kept with its sheet until
// its indicator's year type dates it.
type sheetRowTarget struct {
	sheet string
	rowTarget
}

// datedRowTargets adds the targets tidy rows gave, each for the
// financial or academic year, as its indicator is set, holding its row's
// period; rows of one year that disagree are reported (see target).
func (c *collector) datedRowTargets() {
	for _, rt := range c.rowTargets {
		t := rt.t
		t.Year = app.Indicator{YearType: c.yearType(t.Ref)}.TargetYear(rt.period)
		c.target(rt.sheet, rt.cell, t)
	}
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

// targetsByYearType returns the targets, moving any read for a financial
// year to the academic year starting the same autumn where the indicator
// is set by academic year: a scorecard's caption "2026/27" over Target
// and Floor names one year for every row, whatever each row's year type.
func (c *collector) targetsByYearType() []app.Target {
	var out []app.Target
	seen := map[targetKey]int{}
	said := map[string]bool{}
	for _, t := range c.targetList {
		if y := inYearType(t.Year, c.yearType(t.Ref)); y != t.Year {
			if ind, ok := c.indicators[t.Ref]; (!ok || ind.YearType == 0) && !said[t.Ref] {
				// The store's year type moved it; a row saying so
				// said it at its target (sayAcademicTarget).
				said[t.Ref] = true
				at := c.targetsAt[app.TargetSource{Ref: t.Ref}]
				c.warn(at.Sheet, at.Cell, "%s runs by academic year, as the store holds it: its target for %s read as for the academic year %s, as are its other targets' years not said to be academic",
					t.Ref, t.Year.Label(), y.Label())
			}
			t.Year, t.Levels = y, c.levelsIn(t, y)
		}
		k := targetKey{t.Ref, t.Year}
		if i, ok := seen[k]; ok {
			have := &out[i]
			have.Target = cmp.Or(have.Target, t.Target)
			have.Floor = cmp.Or(have.Floor, t.Floor)
			have.Tolerance = cmp.Or(have.Tolerance, t.Tolerance)
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
		if b.Group == app.OutturnGroup {
			b.Period = inYearType(b.Period, c.yearType(b.Ref))
		}
	}
	return c.benchmarks
}

// yearType is the kind of year ref runs by: as the file states it, or
// failing that as the store holds it; zero for neither.
func (c *collector) yearType(ref string) app.PeriodKind {
	if ind, ok := c.indicators[ref]; ok && ind.YearType != 0 {
		return ind.YearType
	}
	stored, _ := c.stored(ref)
	return stored.YearType
}

// academicYears moves the figures read for a financial year to the
// academic year of the same name where their indicator runs by academic
// year: a heading or period "2025/26" names one year for every row,
// whatever each row's year type, as a caption over targets does
// (targetsByYearType). An indicator whose figures were so read is said
// once, at its first. A series holding both years' figures keeps both.
func (c *collector) academicYears(obs []app.Observation) {
	// Most files give no academic-year indicator a financial year: find
	// that out a ref at a time before looking at a hundred thousand
	// figures twice.
	academic := map[string]bool{}
	for _, ref := range c.indOrder {
		if c.yearType(ref) == app.AcademicYear {
			academic[ref] = true
		}
	}
	if len(academic) == 0 {
		return
	}
	type yearOf struct {
		k app.SeriesKey
		y int
	}
	held := map[yearOf]bool{}
	var moved []int
	for i := range obs {
		o := &obs[i]
		if o.Period.Kind != app.AcademicYear && o.Period.Kind != app.FinancialYear || !academic[o.Ref] {
			continue
		}
		if o.Period.Kind == app.AcademicYear {
			held[yearOf{o.Key(), o.Period.Year}] = true
		} else {
			moved = append(moved, i)
		}
	}
	said := map[string]bool{}
	for _, i := range moved {
		o := &obs[i]
		if held[yearOf{o.Key(), o.Period.Year}] {
			continue
		}
		fy := o.Period
		o.Period.Kind = app.AcademicYear
		if !said[o.Ref] {
			said[o.Ref] = true
			sheet, cell := splitCell(o.Cell)
			c.warn(sheet, cell, "%s runs by academic year: its figure for %s read as the academic year %s, as are its other years not said to be academic", o.Ref, fy.Label(), o.Period.Label())
		}
	}
}

// inYearType moves a financial year to the academic year of the same
// start for an indicator whose year type is academic.
func inYearType(y app.Period, kind app.PeriodKind) app.Period {
	if kind == app.AcademicYear && y.Kind == app.FinancialYear {
		y.Kind = app.AcademicYear
	}
	return y
}

// checkTargets warns, at the row each came from, of targets and floors
// that cannot be meant as read: a percentage's outside 0 to 100 (85
// typed into a cell formatted 0% shows 8500%, and every figure rated
// against it is red), and a floor on the wrong side of its target for
// the polarity (H with target 10 and floor 12 leaves no amber band and
// rates the figures between them green). The store's own target editor
// refuses both (benchmark.Edit); an import keeps them as given, as it
// keeps a figure out of range, and says so.
func (c *collector) checkTargets(units map[string]app.Indicator) {
	for _, t := range c.targetList {
		ind := units[t.Ref]
		c.checkTarget(ind, t, "", "", t.Target, t.Floor)
		for _, l := range t.Levels {
			what := ""
			if !l.Period.IsZero() {
				what = l.Period.Label() + " milestone "
			}
			c.checkTarget(ind, t, l.Area, what, l.Target, l.Floor)
		}
	}
}

// checkTarget is checkTargets for one target and floor: the year's own,
// or an area's or milestone's (what names the milestone).
func (c *collector) checkTarget(ind app.Indicator, t app.Target, area app.Area, what string, target, floor *float64) {
	at := c.targetsAt[app.TargetSource{Ref: t.Ref, Area: area}]
	if at.File == "" {
		at.File = c.file
	}
	who := t.Ref + " " + t.Year.Label()
	if area != "" {
		who += " " + string(area)
	}
	say := func(format string, args ...any) {
		c.warnings = append(c.warnings, app.Warning{Location: at, Message: who + ": " + fmt.Sprintf(format, args...)})
	}
	if ind.Unit == app.Percent {
		for _, v := range []struct {
			name string
			v    *float64
		}{{"target", target}, {"floor", floor}} {
			if v.v != nil && (*v.v > 100+1e-9 || *v.v < 0) {
				say("%s%s %g is not a percentage between 0 and 100 (a percentage typed into a cell formatted as %%, 85 showing as 8500%%, reads so); kept as given: correct it", what, v.name, *v.v)
			}
		}
	}
	if target == nil || floor == nil {
		return
	}
	switch {
	case ind.Polarity == app.HigherBetter && *floor > *target:
		say("%sfloor %g is above target %g, but higher is better (polarity H): a floor is the level below which a figure is red; kept as given, so no figure is amber: check the polarity, or the target and floor", what, *floor, *target)
	case ind.Polarity == app.LowerBetter && *floor < *target:
		say("%sfloor %g is below target %g, but lower is better (polarity L): a floor is the level above which a figure is red; kept as given, so no figure is amber: check the polarity, or the target and floor", what, *floor, *target)
	}
}
