package disclosure

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// unsafeWarnings says, a figure at a time, which figures the release
// withheld but could not protect: the figures shown around them, in this
// release or in a pack circulated before it, still tell them, and every
// figure that would free them is withheld already or known from that
// pack. Dartford's only UASC child of Mar-20 re-recorded as not UASC
// nineteen months on: the packs before showed its all-children counts,
// which stand, so its revised year's UASC counts are told to be nought
// whatever this release withholds. Nothing the release can do mends it;
// the officer circulating it must know, and decide.
func (r *release) unsafeWarnings() []app.Warning {
	keys := make([]figKey, 0, len(r.unsafe))
	for k := range r.unsafe {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b figKey) int {
		if c := strings.Compare(a.ref, b.ref); c != 0 {
			return c
		}
		return compareKeys(a, b)
	})
	var warns []app.Warning
	for _, k := range keys {
		warns = append(warns, app.Warning{Message: fmt.Sprintf(
			"%s %s, %s, %s: withheld, but still told by the figures shown around it here or in a pack circulated before; no figure left to withhold would protect it, so check before circulating",
			k.ref, k.area, k.split.Label(), k.period.Label())})
	}
	return warns
}
