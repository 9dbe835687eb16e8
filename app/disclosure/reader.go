package disclosure

import (
	"fmt"
	"slices"

	"scorecard/app"
)

// Reader reads, for releases worked out an indicator at a time (the
// export's of a large store, show's of one indicator), each indicator's
// figures with the figures its release depends on (Beside): what it
// needs, and its twin, the first candidate read that is one (Twin), with
// what the twin needs.
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
