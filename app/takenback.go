package app

import (
	"fmt"
	"slices"
	"strings"
)

// TakenBack warns of the figures of ds, read from file, that replace
// different ones a later file gave: a file whose figures run to an earlier
// period than those of the import whose figure it replaces (February's
// scorecard imported after March's, which corrected February) takes back
// that correction, and must say so rather than revise it silently. held
// gives the history held for an indicator (every area's figures and the
// imports). There is one warning for each indicator and later import,
// at the first figure taken back, naming the figures.
func TakenBack(ds *Dataset, file string, held func(ref string) (*History, error)) ([]Warning, error) {
	// The latest period of each kind this file gives figures for, by ref.
	type refKind struct {
		ref  string
		kind PeriodKind
	}
	latest := map[refKind]Period{}
	var refs []string
	for _, o := range ds.Observations {
		k := refKind{o.Ref, o.Period.Kind}
		if p, ok := latest[k]; !ok || o.Period.Compare(p) > 0 {
			latest[k] = o.Period
		}
		if !slices.Contains(refs, o.Ref) {
			refs = append(refs, o.Ref)
		}
	}
	var ws []Warning
	for _, ref := range refs {
		h, err := held(ref)
		if err != nil {
			return nil, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		// The latest period each import gave this indicator's figures for.
		reach := map[refKind]Period{}
		for _, k := range h.Keys() {
			if k.Ref != ref {
				continue
			}
			for _, o := range h.Series(k) {
				rk := refKind{o.Import, o.Period.Kind}
				if p, ok := reach[rk]; !ok || o.Period.Compare(p) > 0 {
					reach[rk] = o.Period
				}
			}
		}
		type taking struct {
			at      Location
			later   Period
			what    []string
			targets []string
		}
		byImport := map[string]*taking{}
		var order []string
		for _, o := range ds.Observations {
			if o.Ref != ref || o.StandIn {
				continue
			}
			have, ok := h.Observation(SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}, o.Period)
			if !ok || sameReading(have, o) {
				continue
			}
			mine := latest[refKind{ref, o.Period.Kind}]
			later, ok := reach[refKind{have.Import, o.Period.Kind}]
			if !ok || later.Compare(mine) <= 0 {
				continue
			}
			t := byImport[have.Import]
			if t == nil {
				t = &taking{at: cellLocation(o.Cell), later: later}
				t.at.File = file
				byImport[have.Import] = t
				order = append(order, have.Import)
			}
			t.what = append(t.what, fmt.Sprintf("%s %s %s to %s", o.Area, o.Period.Label(), readingWords(have), readingWords(o)))
		}
		// A year's target the later file set, which this file's restates
		// differently (ReviewTargets has finished ds's targets).
		mine, kind := latest[refKind{ref, Month}], Month
		if mine.IsZero() {
			mine, kind = latest[refKind{ref, Quarter}], Quarter
		}
		for _, t := range ds.Targets {
			if t.Ref != ref || mine.IsZero() {
				continue
			}
			for _, old := range h.Targets(ref) {
				if old.Year != t.Year || !differs(t.Target, old.Target) && !differs(t.Floor, old.Floor) && !differs(t.Tolerance, old.Tolerance) {
					continue
				}
				later, ok := reach[refKind{old.Import, kind}]
				if !ok || later.Compare(mine) <= 0 {
					continue
				}
				tk := byImport[old.Import]
				if tk == nil {
					tk = &taking{at: Location{File: file}, later: later}
					if at, ok := ds.TargetsAt[TargetSource{ref, ""}]; ok {
						tk.at = at
					}
					byImport[old.Import] = tk
					order = append(order, old.Import)
				}
				tk.targets = append(tk.targets, fmt.Sprintf("%s target (%s to %s)", t.Year,
					levelFigures(Level{Target: old.Target, Floor: old.Floor, Tolerance: old.Tolerance}),
					levelFigures(Level{Target: t.Target, Floor: t.Floor, Tolerance: t.Tolerance})))
			}
		}
		for _, id := range order {
			t := byImport[id]
			what := t.what
			if len(what) > 5 {
				what = append(what[:5:5], fmt.Sprintf("and %d more", len(t.what)-5))
			}
			var back []string
			if len(what) > 0 {
				back = append(back, fmt.Sprintf("%d of that later file's figures: %s", len(t.what), strings.Join(what, ", ")))
			}
			if len(t.targets) > 0 {
				back = append(back, "that later file's "+strings.Join(t.targets, ", "))
			}
			ws = append(ws, Warning{Location: t.at, Message: fmt.Sprintf(
				"%s: this file's figures run to %s, but %s, which gave figures to %s, is later; it takes back %s",
				ref, latest[refKind{ref, t.later.Kind}].Label(), importWords(h, id), t.later.Label(), strings.Join(back, "; and "))})
		}
	}
	return ws, nil
}

// HeldBy returns what TakenBack asks for held, read with st: one
// indicator's history at a time for a file of few indicators, and for a
// file of many (a whole scorecard) the whole history read once, which
// costs less than reading each.
func HeldBy(ds *Dataset, one func(ref string) (*History, error), all func() (*History, error)) func(ref string) (*History, error) {
	refs := map[string]bool{}
	for i := range ds.Observations {
		refs[ds.Observations[i].Ref] = true
		if len(refs) > manyRefs {
			var h *History
			var err error
			return func(string) (*History, error) {
				if h == nil && err == nil {
					h, err = all()
				}
				return h, err
			}
		}
	}
	return one
}

// manyRefs is how many indicators a file gives figures for before reading
// the whole history once beats reading each indicator's.
const manyRefs = 8

// sameReading reports whether two readings of a figure say the same.
func sameReading(a, b Observation) bool {
	if a.Status != b.Status || (a.Value == nil) != (b.Value == nil) {
		return false
	}
	return a.Value == nil || !differs(a.Value, b.Value)
}

func readingWords(o Observation) string {
	switch {
	case o.Value != nil:
		return fmt.Sprintf("%g", *o.Value)
	case o.Status != OK:
		return "[" + string(o.Status) + "]"
	}
	return "blank"
}

// importWords names an import of h: "I0002 (m_mar.xlsx)".
func importWords(h *History, id string) string {
	for _, imp := range h.Imports {
		if imp.ID == id {
			return id + " (" + imp.Source + ")"
		}
	}
	return id
}
