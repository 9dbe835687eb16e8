package app

import (
	"fmt"
	"math"
	"strings"
)

// TargetSource names whose target a file's row gave, for TargetsAt: an
// indicator's and, for a district's row, the district's ("" for the
// authority's year).
type TargetSource struct {
	Ref  string
	Area Area
}

// ReviewTargets finishes the targets of ds against those a store holds
// (stored gives an indicator's, by ref) and the indicators' definitions
// (defined gives the store's; ds's own, where it defines one, come
// first). A file that does not state something never changes it: a
// year's target restated without its milestones or district targets
// keeps the stored ones, as next month's scorecard restating only the
// year's Target and Floor must not wipe the profile a targets file gave;
// a row giving only a district's target or milestones keeps the year's
// target, floor and tolerance. A level the file states differently from
// the stored one replaces it, and says so. A target for a year of the
// other type than the indicator's (an academic year's for an indicator
// set by financial year) can never apply to a figure, and is warned of.
// The warnings name the cell of the row that gave the target, where ds
// knows it (TargetsAt), else the file. A year's target, floor or
// tolerance stated differently replaces the stored one too, and says
// so with the reported figures whose rating it changes (figures gives
// the figures held for an indicator in an area, "" for the authority's;
// nil for none): a restated target silently re-rating months already
// reported is a wrong figure with no warning. So does a district's own
// target or milestone stated differently, with the district's figures.
func ReviewTargets(ds *Dataset, file string, stored func(ref string) []Target, defined func(ref string) (Indicator, bool), figures func(ref string, area Area) []Observation) []Warning {
	at := func(ref string, area Area) Location {
		if l, ok := ds.TargetsAt[TargetSource{ref, area}]; ok {
			return l
		}
		if l, ok := ds.TargetsAt[TargetSource{ref, ""}]; ok {
			return l
		}
		return Location{File: file}
	}
	var ws []Warning
	var revised map[string][]Observation // ds's figures by ref, once a target changes
	for i := range ds.Targets {
		t := &ds.Targets[i]
		if kind := targetYearType(ds, t.Ref, defined); t.Year.Kind != kind {
			ws = append(ws, Warning{Location: at(t.Ref, ""), Message: fmt.Sprintf(
				"%s %s: this %s's target never applies: %s's targets are set by %s (years like %s); kept, but no figure is rated against it",
				t.Ref, t.Year, yearTypeWords(t.Year.Kind), t.Ref, yearTypeWords(kind), Period{Kind: kind, Year: t.Year.Year})})
		}
		var old *Target
		for _, s := range stored(t.Ref) {
			if s.Year == t.Year {
				old = &s
				break
			}
		}
		if old == nil {
			continue
		}
		if t.Target == nil && t.Floor == nil && t.Tolerance == nil {
			// A row of a district's targets or milestones only: the
			// year's own stand. A year's target stated is taken whole,
			// its floor and tolerance with it, as before.
			t.Target, t.Floor, t.Tolerance = old.Target, old.Floor, old.Tolerance
		}
		yearChanged := differs(t.Target, old.Target) || differs(t.Floor, old.Floor) || differs(t.Tolerance, old.Tolerance)
		levelsChanged := false
		districts := map[Area]int{} // a district whose level changed: its first warning's index
		levels := make([]Level, 0, len(old.Levels)+len(t.Levels))
		for _, o := range old.Levels {
			l, ok := t.level(o.Area, o.Period)
			if !ok {
				levels = append(levels, o)
				continue
			}
			l.Target = orStored(l.Target, o.Target)
			l.Floor = orStored(l.Floor, o.Floor)
			l.Tolerance = orStored(l.Tolerance, o.Tolerance)
			if differs(l.Target, o.Target) || differs(l.Floor, o.Floor) || differs(l.Tolerance, o.Tolerance) {
				levelsChanged = true
				if _, ok := districts[o.Area]; o.Area != "" && !ok {
					districts[o.Area] = len(ws)
				}
				ws = append(ws, Warning{Location: at(t.Ref, o.Area), Message: fmt.Sprintf(
					"%s %s: %s here (%s) replaces the stored one (%s)", t.Ref, t.Year, LevelWords(o), levelFigures(l), levelFigures(o))})
			}
			levels = append(levels, l)
		}
		for _, l := range t.Levels {
			if _, ok := old.level(l.Area, l.Period); !ok {
				levelsChanged = true
				levels = append(levels, l)
			}
		}
		t.Levels = levels
		if len(t.Levels) == 0 {
			t.Levels = nil
		}
		if figures != nil && len(districts) > 0 {
			if revised == nil {
				revised = targetedFigures(ds)
			}
			after := indicatorOf(ds, t.Ref, defined)
			before, ok := defined(t.Ref)
			if !ok {
				before = after
			}
			for area, i := range districts {
				ws[i].Message += "; " + Rerated(before, after, *old, *t, figures(t.Ref, area), revised[t.Ref])
			}
		}
		t.Replaced = old.Replaced
		if yearChanged {
			t.Replaced = &Replaced{Target: old.Target, Floor: old.Floor, Tolerance: old.Tolerance, Import: old.Import}
			if levelsChanged {
				t.Replaced.Levels, t.Replaced.LevelsReplaced = old.Levels, true
			}
			after := indicatorOf(ds, t.Ref, defined)
			before, ok := defined(t.Ref)
			if !ok {
				before = after
			}
			msg := fmt.Sprintf("%s %s: the year's target here (%s) replaces the stored one (%s)",
				t.Ref, t.Year, levelFigures(Level{Target: t.Target, Floor: t.Floor, Tolerance: t.Tolerance}),
				levelFigures(Level{Target: old.Target, Floor: old.Floor, Tolerance: old.Tolerance}))
			if figures != nil {
				if revised == nil {
					revised = targetedFigures(ds)
				}
				msg += "; " + Rerated(before, after, *old, *t, figures(t.Ref, ""), revised[t.Ref])
			}
			ws = append(ws, Warning{Location: at(t.Ref, ""), Message: msg})
		}
	}
	return ws
}

// Rerated says which of held (an indicator's figures as stored, of one
// area: the authority's, or a district's, each rated against the level
// that applies to its area, Target.For) rate differently once an import
// replaces target was with is for its year: "it changes the rating of 2
// reported figures: Oct-25 AMBER to RED, Jan-26 GREEN to AMBER", or that
// it changes none. Before
// the import a figure is the one held, rated against was under before
// (the definition held); after it, it is the figure as the import leaves
// it (revised, the import's own figures, gives any revision of it),
// rated against is under after (the definition that stands then). A
// caller knowing no revision or change of definition passes nil and the
// same indicator twice.
func Rerated(before, after Indicator, was, is Target, held, revised []Observation) string {
	// The store's rule rates both: a file's targets carry none of their
	// own (Target.Rule), and a held one carries the store's.
	is.Rule = was.Rule
	var changed []string
	for _, o := range held {
		if o.Value == nil || o.StandIn || o.Split != All || after.TargetYear(o.Period) != is.Year {
			continue
		}
		now := o.Value
		if r, ok := revision(revised, o); ok {
			now = r
		}
		if now == nil {
			continue
		}
		// A district's figure is rated against the district's own
		// target where it has one, as show and the exports rate it, not
		// against the year's that a restatement moved.
		wasLevel, _ := was.For(o.Area, o.Period)
		isLevel, _ := is.For(o.Area, o.Period)
		a := Rating(before.Polarity, *o.Value, wasLevel, before.Decimals)
		b := Rating(after.Polarity, *now, isLevel, after.Decimals)
		if a != b {
			changed = append(changed, fmt.Sprintf("%s %s to %s", o.Period.Label(), ragWords(a), ragWords(b)))
		}
	}
	switch len(changed) {
	case 0:
		return "it changes the rating of no figure held"
	case 1:
		return "it changes the rating of 1 reported figure: " + changed[0]
	}
	return fmt.Sprintf("it changes the rating of %d reported figures: %s", len(changed), strings.Join(changed, ", "))
}

// revision is the figure of revised that will stand in place of held
// figure o once stored, and whether there is one. A stand-in never
// replaces a figure held (KeepHeldFigures); a figure with no value
// leaves nothing to rate.
func revision(revised []Observation, o Observation) (*float64, bool) {
	for i := range revised {
		r := &revised[i]
		if r.Ref != o.Ref || r.Period != o.Period || r.Area != o.Area || r.Split != o.Split || r.StandIn {
			continue
		}
		return r.Value, true
	}
	return nil, false
}

// targetedFigures is ds's figures of all children, by ref, of the
// indicators it gives targets for.
func targetedFigures(ds *Dataset) map[string][]Observation {
	m := make(map[string][]Observation, len(ds.Targets))
	for _, t := range ds.Targets {
		m[t.Ref] = nil
	}
	for _, o := range ds.Observations {
		if o.Split != All || o.StandIn {
			continue
		}
		if fs, ok := m[o.Ref]; ok {
			m[o.Ref] = append(fs, o)
		}
	}
	return m
}

func ragWords(r RAG) string {
	if r == NoRAG {
		return "no rating"
	}
	return r.String()
}

// indicatorOf is ref's definition as ds gives it, else as the store
// holds it.
func indicatorOf(ds *Dataset, ref string, defined func(ref string) (Indicator, bool)) Indicator {
	for _, ind := range ds.Indicators {
		if ind.Ref == ref {
			return ind
		}
	}
	ind, _ := defined(ref)
	return ind
}

// StoredTargets reads, with held (a store's HeldTargets), the targets
// held for each indicator ds gives targets for, as ReviewTargets takes
// them.
func StoredTargets(ds *Dataset, held func(refs []string) (map[string][]Target, error)) (func(ref string) []Target, error) {
	var refs []string
	for _, t := range ds.Targets {
		refs = append(refs, t.Ref)
	}
	if len(refs) == 0 {
		return func(string) []Target { return nil }, nil
	}
	got, err := held(refs)
	if err != nil {
		return nil, fmt.Errorf("the targets held: %w", err)
	}
	return func(ref string) []Target { return got[ref] }, nil
}

// targetYearType is the kind of year ref's targets are set by: as ds
// defines the indicator where it states a year type, else as the store
// holds it; financial unless academic.
func targetYearType(ds *Dataset, ref string, defined func(ref string) (Indicator, bool)) PeriodKind {
	for _, ind := range ds.Indicators {
		if ind.Ref == ref && ind.YearType != 0 {
			return yearKind(ind.YearType)
		}
	}
	ind, _ := defined(ref)
	return yearKind(ind.YearType)
}

func yearKind(k PeriodKind) PeriodKind {
	if k == AcademicYear {
		return AcademicYear
	}
	return FinancialYear
}

func yearTypeWords(k PeriodKind) string {
	if k == AcademicYear {
		return "academic year"
	}
	return "financial year"
}

// LevelWords names a level in a report: "the year's target", "Swale's
// own target", "the Jul-Sep 2025 milestone", "Swale's Jul-Sep 2025
// milestone".
func LevelWords(l Level) string {
	switch {
	case l.Period.IsZero() && l.Area == "":
		return "the year's target"
	case l.Period.IsZero():
		return string(l.Area) + "'s own target"
	case l.Area == "":
		return "the " + l.Period.Label() + " milestone"
	}
	return string(l.Area) + "'s " + l.Period.Label() + " milestone"
}

// levelFigures is a level's figures as a report gives them: "target 9.5,
// floor 11".
func levelFigures(l Level) string {
	s := ""
	for _, f := range []struct {
		name string
		v    *float64
	}{{"target", l.Target}, {"floor", l.Floor}, {"tolerance", l.Tolerance}} {
		if f.v == nil {
			continue
		}
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%s %g", f.name, *f.v)
	}
	if s == "" {
		return "(none)"
	}
	return s
}

func orStored(v, stored *float64) *float64 {
	if v == nil {
		return stored
	}
	return v
}

func differs(a, b *float64) bool {
	if a == nil || b == nil {
		return (a == nil) != (b == nil)
	}
	return math.Abs(*a-*b) > 1e-9
}
