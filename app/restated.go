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

// targetKey is a year's target of an indicator.
type targetKey struct {
	Ref  string
	Year Period
}

// AddTargetRestatement records that import id stated ref's target for
// year unchanged, after the import of the target held: a later file
// repeating a year's target adds no version, but it gave the target as
// much as the file that first set it, and a re-issued earlier file
// taking the target back must say so (TakenBack). A store's reader adds
// each after the target it repeats (AddTarget forgets those of the
// target it replaces).
func (h *History) AddTargetRestatement(ref string, year Period, id string) {
	if id == "" {
		return
	}
	tk := targetKey{ref, year}
	if slices.Contains(h.targetRestated[tk], id) {
		return
	}
	if h.targetRestated == nil {
		h.targetRestated = map[targetKey][]string{}
	}
	h.targetRestated[tk] = append(h.targetRestated[tk], id)
}

// TargetRestated returns the imports that stated ref's target for year
// unchanged besides the import of the target held (Target.Import), in
// the order they were added; nil when none did or when the History was
// read without them (as Restated: only an indicator read alone carries
// them).
func (h *History) TargetRestated(ref string, year Period) []string {
	return h.targetRestated[targetKey{ref, year}]
}
