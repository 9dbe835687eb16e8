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
// what the twin needs, and, for a sum of months, the months its figures
// sum where its definition names none (MonthsCandidates).
type Reader struct {
	load func(ref string) (*app.History, error)
	// countless are the indicators read whose figures carry no counts:
	// no percentage's twin (CarriesCounts), so not read again to be
	// tested. Reading and releasing every candidate beside each
	// percentage made the large export take seconds.
	countless map[string]bool
	// begun are series of the candidates read for a sum's months, each
	// the one a sum's check begins with (its first area and split): a
	// candidate whose series belies the sum's first figures is passed
	// over on it, not read again for every sum. Reading each monthly
	// count for each of a large store's forty rolling years made its
	// export a tenth slower and a quarter larger.
	begun map[app.SeriesKey][]app.Observation
}

// NewReader returns a Reader reading with load, which returns one
// indicator's figures with every definition, as a store's LoadIndicator.
func NewReader(load func(ref string) (*app.History, error)) *Reader {
	return &Reader{load: load, countless: map[string]bool{}, begun: map[app.SeriesKey][]app.Observation{}}
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
	if c, hc, err := r.monthsOf(ref, h); err != nil {
		return nil, err
	} else if hc != nil {
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
	if len(needs) == 0 {
		return h, nil
	}
	slices.Sort(needs)
	both := h.Clone()
	for _, other := range slices.Compact(needs) {
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

// monthsOf returns the indicator whose figures, hc, give the months of
// ref, a sum of months whose definition names none (MonthsCandidates),
// with h holding ref's figures: the first candidate whose figures bear
// the sum out (givesMonths), whether or not it carries counts (a
// month's count carries none). hc is nil for none.
func (r *Reader) monthsOf(ref string, h *app.History) (string, *app.History, error) {
	cs := MonthsCandidates(h, ref)
	if len(cs) == 0 {
		return "", nil, nil
	}
	keys := seriesKeysOf(h, ref)
	if len(keys) == 0 {
		return "", nil, nil
	}
	for _, c := range cs {
		first := app.SeriesKey{Ref: c, Area: keys[0].Area, Split: keys[0].Split}
		if s, ok := r.begun[first]; ok {
			begun := app.NewHistory()
			begun.SetSeries(first, s)
			if held, off := checkSums(h, keys[:1], begun, c, true); held == 0 && off >= 3 {
				continue
			}
		}
		hc, err := r.Load(c)
		if err != nil {
			return "", nil, fmt.Errorf("%s, which may give %s's months: %w", c, ref, err)
		}
		r.begun[first] = hc.Series(first)
		if givesMonths(h, keys, hc, c) {
			return c, hc, nil
		}
	}
	return "", nil, nil
}
