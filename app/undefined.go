package app

import "slices"

// Undefined returns, sorted, the refs the history holds figures for but
// no definition of. An undo of the import that alone defined an
// indicator leaves its later figures so (a store written before imports
// kept the definitions they restated, or figures-only files imported
// since), and list, show and export, which go by the definitions, then
// leave them out: the officer is told rather than left to find them gone.
func (h *History) Undefined() []string {
	var refs []string
	for k := range h.series {
		if _, ok := h.Indicator(k.Ref); !ok && !slices.Contains(refs, k.Ref) {
			refs = append(refs, k.Ref)
		}
	}
	slices.Sort(refs)
	return refs
}
