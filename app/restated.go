package app

import "slices"

// A later file that gives a figure just as the store holds it adds no
// version: the figure stays its first import's, and the later file's
// statement is kept as a restatement (undo turns it back into a version
// when the one it repeats is removed). An import's review of the figures
// it would take back must still see that the later file gave the figure
// (TakenBack), so a History read an indicator at a time carries, for each
// figure, the imports that restated its current version.

// AddRestatement records that import id stated the figure of k for p
// unchanged, after the import of its current version: a store's reader
// adds each restatement after the version it repeats.
func (h *History) AddRestatement(k SeriesKey, p Period, id string) {
	if id == "" {
		return
	}
	fk := figureKey{k, p}
	if slices.Contains(h.restated[fk], id) {
		return
	}
	if h.restated == nil {
		h.restated = map[figureKey][]string{}
	}
	h.restated[fk] = append(h.restated[fk], id)
}

// Restated returns the imports that stated the current figure of k for p
// unchanged besides the import of its version (Observation.Import), in
// the order they were added; nil when none did or when the History was
// read without them (a store's Load leaves them out: only an indicator
// read alone carries them).
func (h *History) Restated(k SeriesKey, p Period) []string {
	return h.restated[figureKey{k, p}]
}
