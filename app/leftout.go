package app

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// LeftOutIndicators reviews what a scorecard file leaves out of what the
// store holds (QA27a 5): an indicator the store gave last month that a
// file giving this month for the others does not name at all, which
// would otherwise go on flagged missing every month with no word at the
// import that stopped giving it; and a new ref the file adds under
// exactly the name of a stored indicator, with its figures, which looks
// like a renumbering and would otherwise hold the history twice, unsaid.
// Each is warned once, where the file names its indicators, saying how
// to keep one history in circulation (`scorecard retire`). held gives an
// indicator's history held (every area's figures); inds are the stored
// definitions, in scorecard order.
func LeftOutIndicators(ds *Dataset, file string, inds []Indicator, held func(ref string) (*History, error)) ([]Warning, error) {
	if ds == nil || len(inds) == 0 {
		return nil, nil
	}
	stored := map[string]bool{}
	for _, ind := range inds {
		stored[ind.Ref] = true
	}
	given := map[string]bool{}
	var latest Period
	// A file gives an indicator's figures together: the map is written
	// once for each run of them, not for each of a hundred thousand.
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if i == 0 || o.Ref != ds.Observations[i-1].Ref {
			given[o.Ref] = true
		}
		if o.Period.Kind == Month && o.Period.Compare(latest) > 0 {
			latest = o.Period
		}
	}
	for _, ind := range ds.Indicators {
		given[ind.Ref] = true
	}
	at := Location{File: file, Sheet: sheetOfIndicators(ds)}
	var ws []Warning
	renumbered := map[string]bool{}
	for _, ind := range ds.Indicators {
		if stored[ind.Ref] {
			continue
		}
		w, old, ok, err := renumbering(ds, file, ind, inds, given, held)
		if err != nil {
			return nil, err
		}
		if ok {
			ws = append(ws, w)
			renumbered[old] = true
		}
	}
	if latest.IsZero() || !givesMostOf(ds, latest, stored) {
		// Not a month's scorecard (a DfE file of one measure, a file of
		// quarters): it leaves out what it never gave.
		return ws, nil
	}
	prev := latest.Add(-1)
	// The imports that gave last month's figures of the indicators this
	// file gives: its own earlier months. An indicator another file
	// gives (the education scorecard beside social care's) is not this
	// file's to leave out. Found only once an indicator is left out.
	var family map[string]bool
	sameFamily := func(imp string) (bool, error) {
		if family == nil {
			family = map[string]bool{}
			for _, ind := range inds {
				if !given[ind.Ref] {
					continue
				}
				h, err := held(ind.Ref)
				if err != nil {
					return false, fmt.Errorf("%s: %w", ind.Ref, err)
				}
				if o, ok := figureOf(h, ind.Ref, prev); ok {
					family[o.Import] = true
				}
			}
		}
		return family[imp], nil
	}
	for _, ind := range inds {
		if given[ind.Ref] || renumbered[ind.Ref] {
			continue
		}
		h, err := held(ind.Ref)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ind.Ref, err)
		}
		if !h.InCirculation(ind.Ref, latest) {
			continue
		}
		last, ok := figureOf(h, ind.Ref, prev)
		if !ok {
			continue
		}
		if _, ok := figureOf(h, ind.Ref, latest); ok {
			continue
		}
		if same, err := sameFamily(last.Import); err != nil {
			return nil, err
		} else if !same {
			continue
		}
		ws = append(ws, Warning{Location: at, Message: fmt.Sprintf(
			"%s %s: held, with a figure for %s (%s), but this file, which gives %s for the other indicators, does not name it; it will be flagged missing for %s. If it is no longer reported, `scorecard retire %s` leaves it out of exports, the brief and flags from %s on, keeping its history",
			ind.Ref, ind.Name, prev.Label(), figureWords(ind, last), latest.Label(), latest.Label(), ind.Ref, latest.Label())})
	}
	return ws, nil
}

// renumbering warns of new indicator ind when the store holds one of
// exactly its name (ignoring case and spacing) that the file does not
// give, naming how many of the periods both have figures for agree.
func renumbering(ds *Dataset, file string, ind Indicator, inds []Indicator, given map[string]bool, held func(ref string) (*History, error)) (Warning, string, bool, error) {
	name := sameNameKey(ind.Name)
	if name == "" {
		return Warning{}, "", false, nil
	}
	i := slices.IndexFunc(inds, func(old Indicator) bool { return !given[old.Ref] && sameNameKey(old.Name) == name })
	if i < 0 {
		return Warning{}, "", false, nil
	}
	old := inds[i]
	h, err := held(old.Ref)
	if err != nil {
		return Warning{}, "", false, fmt.Errorf("%s: %w", old.Ref, err)
	}
	shared, equal := 0, 0
	for _, o := range ds.Observations {
		if o.Ref != ind.Ref || o.Split != All {
			continue
		}
		was, ok := h.Observation(SeriesKey{Ref: old.Ref, Area: o.Area, Split: All}, o.Period)
		if !ok {
			continue
		}
		shared++
		if sameFigure(o, was) {
			equal++
		}
	}
	at := ds.stated(ind.Ref).Name
	if at.Sheet == "" {
		at = Location{Sheet: sheetOfIndicators(ds)}
	}
	at.File = file
	figures := "it gives no figure for a period " + old.Ref + " has one for"
	if shared > 0 {
		figures = fmt.Sprintf("%d of the %d figures it gives for periods %s has are equal to %s's", equal, shared, old.Ref, old.Ref)
	}
	return Warning{Location: at, Message: fmt.Sprintf(
		"%s: the store holds %s under exactly this name (%s), which this file does not name, and %s: if %s was renumbered %s, both are kept and the history is held twice. To circulate one, `scorecard retire %s` leaves %s out of exports, the brief and flags after its last figure, keeping its history under %s; or undo this import and give the figures as %s",
		ind.Ref, old.Ref, old.Name, figures, old.Ref, ind.Ref, old.Ref, old.Ref, old.Ref, old.Ref)}, old.Ref, true, nil
}

// givesMostOf reports whether ds gives period p for at least half the
// stored indicators, and two or more: a month's scorecard, rather than a
// file of a few of them.
func givesMostOf(ds *Dataset, p Period, stored map[string]bool) bool {
	refs := map[string]bool{}
	for i := range ds.Observations {
		if o := &ds.Observations[i]; o.Period == p && stored[o.Ref] {
			refs[o.Ref] = true
		}
	}
	return len(refs) >= 2 && 2*len(refs) >= len(stored)
}

// sheetOfIndicators names the sheet the file states its indicators on:
// where a left-out one would have been.
func sheetOfIndicators(ds *Dataset) string {
	for _, ind := range ds.Indicators {
		if s := ds.Stated[ind.Ref].Name.Sheet; s != "" {
			return s
		}
	}
	return ""
}

// figureOf returns ref's figure for period p in h, preferring an
// authority's series to a district's (AreaOrder), so that the figure
// named is the one the scorecard showed.
func figureOf(h *History, ref string, p Period) (o Observation, ok bool) {
	best := math.MaxInt
	for _, k := range h.Keys() {
		if k.Ref != ref || k.Split != All {
			continue
		}
		rank, known := AreaOrder(k.Area)
		if !known {
			rank = math.MaxInt - 1
		}
		if got, held := h.Observation(k, p); held && rank < best {
			o, ok, best = got, true, rank
		}
	}
	return o, ok
}

// figureWords is an observation as a cell shows it: its value, or its
// code.
func figureWords(ind Indicator, o Observation) string {
	if o.Value != nil {
		return FormatValue(ind, *o.Value)
	}
	if o.Raw != "" {
		return o.Raw
	}
	return o.Status.String()
}

// sameFigure reports whether two figures say the same: equal values (to
// a rounding error) or the same code.
func sameFigure(a, b Observation) bool {
	if a.Value == nil || b.Value == nil {
		return a.Value == nil && b.Value == nil && a.Status == b.Status
	}
	return math.Abs(*a.Value-*b.Value) <= 1e-9*math.Max(1, math.Abs(*a.Value))
}

// sameNameKey is a name as compared for a renumbering: lower case, its
// words single-spaced.
func sameNameKey(name string) string {
	return strings.Join(strings.Fields(strings.ToLower(name)), " ")
}
