package disclosure

import (
	"fmt"
	"slices"

	"scorecard/app"
)

// Reader reads, for releases worked out an indicator at a time (the
// export's of a large store, show's of one indicator), each indicator's
// figures with the figures its release depends on (Beside): what it
// needs, its twin, the first candidate read that is one (Twin), with
// what the twin needs, and, for a sum of months, every indicator whose
// figures are its months where its definition names none
// (MonthsCandidates).
type Reader struct {
	load func(ref string) (*app.History, error)
	// countless are the indicators read whose figures carry no counts:
	// no percentage's twin (CarriesCounts), so not read again to be
	// tested. Reading and releasing every candidate beside each
	// percentage made the large export take seconds.
	countless map[string]bool
}

// NewReader returns a Reader reading with load, which returns one
// indicator's figures with every definition, as a store's LoadIndicator.
func NewReader(load func(ref string) (*app.History, error)) *Reader {
	return &Reader{load: load, countless: map[string]bool{}}
}

// Load is load(ref), noting whether ref carries counts.
func (r *Reader) Load(ref string) (*app.History, error) {
	h, err := r.load(ref)
	if err != nil {
		return nil, err
	}
	if !CarriesCounts(h, ref) {
		r.countless[ref] = true
	}
	return h, nil
}

// WithBeside returns h, ref's figures, with the figures ref's release
// depends on beside them, read as needed; h itself when the release
// depends on nothing else.
func (r *Reader) WithBeside(ref string, h *app.History) (*app.History, error) {
	needs, candidates := Beside(h, ref)
	read := map[string]*app.History{}
	months, err := r.monthsOf(ref, h)
	if err != nil {
		return nil, err
	}
	for c, hc := range months {
		needs, read[c] = append(needs, c), hc
	}
	for _, c := range candidates {
		if r.countless[c] {
			continue
		}
		hc, err := r.Load(c)
		if err != nil {
			return nil, fmt.Errorf("%s, which may be %s's twin: %w", c, ref, err)
		}
		if more, ok := Twin(h, ref, hc, c); ok {
			needs, read[c] = append(needs, more...), hc
			break
		}
	}
	// What those depend on in turn: a year's quarters are themselves
	// sums of months, whose withholding the quarters' follows. Read a
	// step deep, a year was released beside quarters released as if no
	// month were withheld, and the streamed export told a month the
	// whole store's withheld.
	deep := map[string]bool{ref: true}
	for i := 0; i < len(needs); i++ {
		x := needs[i]
		if deep[x] {
			continue
		}
		deep[x] = true
		hx, ok := read[x]
		if !ok {
			var err error
			if hx, err = r.Load(x); err != nil {
				return nil, fmt.Errorf("%s, whose figures %s's release depends on: %w", x, ref, err)
			}
			read[x] = hx
		}
		more, _ := Beside(hx, x)
		needs = append(needs, more...)
		months, err := r.monthsOf(x, hx)
		if err != nil {
			return nil, err
		}
		for c, hc := range months {
			needs, read[c] = append(needs, c), hc
		}
	}
	if len(needs) == 0 {
		return h, nil
	}
	slices.Sort(needs)
	both := h.Clone()
	for _, other := range slices.Compact(needs) {
		if other == ref {
			continue // a tie back to ref: its figures are h's
		}
		ho, ok := read[other]
		if !ok {
			var err error
			if ho, err = r.load(other); err != nil {
				return nil, fmt.Errorf("%s, whose figures %s's release depends on: %w", other, ref, err)
			}
		}
		both.Gather(ho, other, func(app.Observation) bool { return true })
	}
	return both, nil
}

// monthsOf returns, by Ref, the figures of the indicators whose figures
// give the months of ref, a sum of months whose definition names none or
// one its figures belie (MonthsCandidates), with h holding ref's figures:
// every candidate whose figures bear the sum out (givesMonths), whether
// or not it carries counts (a month's count carries none).
func (r *Reader) monthsOf(ref string, h *app.History) (map[string]*app.History, error) {
	cs := MonthsCandidates(h, ref)
	if len(cs) == 0 {
		return nil, nil
	}
	keys := seriesKeysOf(h, ref)
	if len(keys) == 0 {
		return nil, nil
	}
	named, isNamed := MonthsSummed(h, ref)
	if isNamed {
		hn, err := r.Load(named)
		if err != nil {
			return nil, fmt.Errorf("%s, whose figures %s's release depends on: %w", named, ref, err)
		}
		if bearsNamed(h, keys, hn, named) {
			return nil, nil // Beside's: the months its definition names
		}
	}
	var out map[string]*app.History
	for _, c := range cs {
		hc, err := r.Load(c)
		if err != nil {
			return nil, fmt.Errorf("%s, which may give %s's months: %w", c, ref, err)
		}
		if givesMonths(h, keys, hc, c) {
			if out == nil {
				out = map[string]*app.History{}
			}
			out[c] = hc
		}
	}
	return out, nil
}
