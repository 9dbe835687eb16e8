package store

import (
	"strings"

	"scorecard/app"
)

// Retirements reads the period each retired indicator of inds was
// retired from. A retirement is an edit's chart setting, and its note
// begins with the indicator's ref (History.RetireEdit): only the
// indicators edits in force name so are read, each alone, so that a
// caller (list, an import filing a name that is a retired indicator's
// and its successor's under the one in circulation) reads the
// definitions and the import log, not the whole store.
func Retirements(st Store, inds []app.Indicator) (map[string]app.Period, error) {
	out := map[string]app.Period{}
	if len(inds) == 0 {
		return out, nil
	}
	known := map[string]bool{}
	for _, ind := range inds {
		known[ind.Ref] = true
	}
	imps, err := st.Imports()
	if err != nil {
		return nil, err
	}
	read := map[string]bool{}
	for _, imp := range imps {
		ref, _, _ := strings.Cut(imp.Note, " ")
		if imp.Kind != "edit" || imp.Undone != nil || !known[ref] || read[ref] {
			continue
		}
		read[ref] = true
		h, err := st.LoadIndicator(ref)
		if err != nil {
			return nil, err
		}
		if r, ok := h.Retirement(ref); ok {
			out[ref] = r.From
		}
	}
	return out, nil
}
