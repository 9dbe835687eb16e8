package app

import (
	"fmt"
	"strings"
)

// TakenBack warns of the figures of ds, read from file, that replace
// different ones a later file gave: a file whose figures run to an earlier
// period than those of the import whose figure it replaces (February's
// scorecard imported after March's, which corrected February) takes back
// that correction, and must say so rather than revise it silently. held
// gives the history held for an indicator (every area's figures and the
// imports); imports are the store's, whose Reach, where kept, spares
// reading any figure when no import reaches past this file's figures (a
// month's file after the months before it). There is one warning for
// each indicator and later import, at the first figure taken back,
// naming the figures. A figure counts as the later file's whether that
// file's figure is the version held or restated it unchanged
// (History.Restated): a later file repeating an earlier one's figure
// gave it as much as one that changed it, and so for a year's target
// (History.TargetRestated). A figure or target several later files gave
// is named once, as the latest of them to give it.
func TakenBack(ds *Dataset, file string, imports []Import, held func(ref string) (*History, error)) ([]Warning, error) {
	// The latest period of each kind this file gives figures for, by ref.
	type refKind struct {
		ref  string
		kind PeriodKind
	}
	latest := map[refKind]Period{}
	// Figures come a series at a time: the latest of a run of one ref and
	// kind is found before the map is looked at, once per run rather than
	// once for each of a large scorecard's hundred thousand figures.
	var (
		run    refKind
		runMax Period
	)
	note := func() {
		if p, ok := latest[run]; !ok || runMax.Compare(p) > 0 {
			latest[run] = runMax
		}
	}
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if i > 0 && o.Ref == run.ref && o.Period.Kind == run.kind {
			if o.Period.Compare(runMax) > 0 {
				runMax = o.Period
			}
			continue
		}
		if i > 0 {
			note()
		}
		run, runMax = refKind{o.Ref, o.Period.Kind}, o.Period
	}
	if len(ds.Observations) > 0 {
		note()
	}
	if !reachesPast(imports, latest) {
		return nil, nil
	}
	// Each indicator's figures, by index, in the file's order: a large
	// scorecard gives a hundred thousand figures of a hundred indicators,
	// and each indicator is looked at once.
	byRef := map[string][]int{}
	var refs []string
	for i := range ds.Observations {
		ref := ds.Observations[i].Ref
		if _, ok := byRef[ref]; !ok {
			refs = append(refs, ref)
		}
		byRef[ref] = append(byRef[ref], i)
	}
	var ws []Warning
	// The series held, by ref, of the last history held gave: a reader
	// may give the same history for every indicator, and listing its
	// keys sorts them all.
	var keysOf *History
	keys := map[string][]SeriesKey{}
	// Each import's place in the order made, of the same history.
	order := map[string]int{}
	for _, ref := range refs {
		h, err := held(ref)
		if err != nil {
			return nil, fmt.Errorf("the figures held for %s: %w", ref, err)
		}
		if h != keysOf {
			keysOf, keys, order = h, map[string][]SeriesKey{}, map[string]int{}
			for _, k := range h.Keys() {
				keys[k.Ref] = append(keys[k.Ref], k)
			}
			for i, imp := range h.Imports {
				order[imp.ID] = i
			}
		}
		if len(keys[ref]) == 0 && len(h.Targets(ref)) == 0 {
			continue // nothing held to take back
		}
		// The latest period each import gave this indicator's figures
		// for, as a version or restating one.
		reach := map[refKind]Period{}
		gave := func(id string, p Period) {
			rk := refKind{id, p.Kind}
			if q, ok := reach[rk]; !ok || p.Compare(q) > 0 {
				reach[rk] = p
			}
		}
		for _, k := range keys[ref] {
			s := h.Series(k)
			for i := range s {
				gave(s[i].Import, s[i].Period)
				for _, id := range h.Restated(k, s[i].Period) {
					gave(id, s[i].Period)
				}
			}
		}
		// Only an import reaching past this file's figures can have a
		// figure taken back: the monthly file, the next month's or the
		// same month's again, is passed over without looking at each of
		// its figures.
		later := false
		for rk, p := range reach {
			if mine, ok := latest[refKind{ref, rk.kind}]; ok && p.Compare(mine) > 0 {
				later = true
				break
			}
		}
		if !later {
			continue
		}
		type taking struct {
			at    Location
			later Period
			// what the later file gave as its own version; repeated,
			// what it only restated, an earlier file's figure.
			what, repeated []string
			targets        []string
		}
		byImport := map[string]*taking{}
		var taken []string // the later imports, in the order first met
		for _, i := range byRef[ref] {
			o := &ds.Observations[i]
			if o.StandIn {
				continue
			}
			k := SeriesKey{Ref: o.Ref, Area: o.Area, Split: o.Split}
			have, ok := h.Observation(k, o.Period)
			if !ok || sameReading(have, *o) {
				continue
			}
			// The latest import to give the figure, of those reaching
			// past this file's figures: the one whose version is held,
			// or one restating it.
			mine := latest[refKind{ref, o.Period.Kind}]
			var (
				by    string
				later Period
			)
			consider := func(id string) {
				p, ok := reach[refKind{id, o.Period.Kind}]
				if ok && p.Compare(mine) > 0 && (by == "" || order[id] > order[by]) {
					by, later = id, p
				}
			}
			consider(have.Import)
			for _, id := range h.Restated(k, o.Period) {
				consider(id)
			}
			if by == "" {
				continue
			}
			t := byImport[by]
			if t == nil {
				t = &taking{at: cellLocation(o.Cell), later: later}
				t.at.File = file
				byImport[by] = t
				taken = append(taken, by)
			}
			figure := fmt.Sprintf("%s %s %s to %s", o.Area, o.Period.Label(), readingWords(have), readingWords(*o))
			// A figure later files only repeated from a file reaching
			// no later than this one is that earlier file's too: this
			// file may correct that month, as a correction file for
			// one month does, rather than take back what a later file
			// gave (QA24b D3). A version held from a later file is
			// that file's to take back.
			if p, ok := reach[refKind{have.Import, o.Period.Kind}]; ok && p.Compare(mine) > 0 {
				t.what = append(t.what, figure)
			} else {
				t.repeated = append(t.repeated, figure)
			}
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
				// The latest import to give the target, of those reaching
				// past this file's figures: the one that set it, or one
				// that restated it unchanged.
				var (
					by    string
					later Period
				)
				for _, id := range append([]string{old.Import}, h.TargetRestated(ref, old.Year)...) {
					p, ok := reach[refKind{id, kind}]
					if ok && p.Compare(mine) > 0 && (by == "" || order[id] > order[by]) {
						by, later = id, p
					}
				}
				if by == "" {
					continue
				}
				tk := byImport[by]
				if tk == nil {
					tk = &taking{at: Location{File: file}, later: later}
					if at, ok := ds.TargetsAt[TargetSource{ref, ""}]; ok {
						tk.at = at
					}
					byImport[by] = tk
					taken = append(taken, by)
				}
				tk.targets = append(tk.targets, fmt.Sprintf("%s target (%s to %s)", t.Year,
					levelFigures(Level{Target: old.Target, Floor: old.Floor, Tolerance: old.Tolerance}),
					levelFigures(Level{Target: t.Target, Floor: t.Floor, Tolerance: t.Tolerance})))
			}
		}
		for _, id := range taken {
			t := byImport[id]
			var back []string
			if len(t.what) > 0 {
				back = append(back, fmt.Sprintf("%d of that later file's figures: %s", len(t.what), firstFive(t.what)))
			}
			if len(t.targets) > 0 {
				back = append(back, "that later file's "+strings.Join(t.targets, ", "))
			}
			says := ""
			if len(back) > 0 {
				says = "it takes back " + strings.Join(back, "; and ")
			}
			if len(t.repeated) > 0 {
				if says != "" {
					says += "; and "
				}
				says += fmt.Sprintf("it takes back, or corrects, %d %s that later file repeated: %s (if this file is a correction, nothing more to do; if an older copy, undo this import)",
					len(t.repeated), plural(len(t.repeated), "figure", "figures"), firstFive(t.repeated))
			}
			ws = append(ws, Warning{Location: t.at, Message: fmt.Sprintf(
				"%s: this file's figures run to %s, but %s, which gave figures to %s, is later; %s",
				ref, latest[refKind{ref, t.later.Kind}].Label(), importWords(h, id), t.later.Label(), says)})
		}
	}
	return ws, nil
}

// reachesPast reports whether an import in force may have given a figure
// for a period after the latest of its kind some indicator of the file
// gives: one whose Reach says so, or one made before Reach was kept.
func reachesPast[K comparable](imports []Import, latest map[K]Period) bool {
	// The earliest of the file's indicators' latest periods, by kind.
	var earliest [CalendarYear + 1]Period
	for _, p := range latest {
		if p.Kind <= CalendarYear && (earliest[p.Kind].IsZero() || p.Compare(earliest[p.Kind]) < 0) {
			earliest[p.Kind] = p
		}
	}
	for _, imp := range imports {
		// Its counts are those of import time: one that only restated
		// figures counted none, yet gave them, and holds them as
		// versions once the import it restated is undone (QA24b D2).
		// Its Reach says what it gave.
		if imp.Undone != nil {
			continue
		}
		if imp.Reach == nil {
			return true
		}
		for _, p := range imp.Reach {
			if p.Kind <= CalendarYear && !earliest[p.Kind].IsZero() && p.Compare(earliest[p.Kind]) > 0 {
				return true
			}
		}
	}
	return false
}

// firstFive lists figures, the first five and how many more.
func firstFive(figures []string) string {
	if len(figures) > 5 {
		figures = append(figures[:5:5], fmt.Sprintf("and %d more", len(figures)-5))
	}
	return strings.Join(figures, ", ")
}

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
		return "[" + o.Status.String() + "]"
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
