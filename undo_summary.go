package main

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// undoEffect is what undoing an import did to the figures it gave as
// versions: an import's counts say what it wrote, but undoing it keeps a
// figure a later import gave too, so "removed" from its counts told an
// officer figures were gone that stay (QA23a D7).
type undoEffect struct {
	removed int // no figure for the period is left
	back    int // the version before the import's is the latest again
	stay    int // the same figure stays, as a later import gave it too
	by      []string
}

// undoEffectOf compares the store before and after undoing import id.
func undoEffectOf(before, after *app.History, id string) undoEffect {
	var e undoEffect
	for _, k := range before.Keys() {
		for _, o := range before.Series(k) {
			if o.Import != id && !slices.ContainsFunc(before.Revisions(k, o.Period), func(r app.Observation) bool { return r.Import == id }) {
				continue
			}
			now, ok := after.Observation(k, o.Period)
			switch {
			case !ok:
				e.removed++
			case o.Import != id || now.Restates(o):
				// A later import revised it, or restated it and now owns it.
				e.stay++
				if !slices.Contains(e.by, now.Import) {
					e.by = append(e.by, now.Import)
				}
			default:
				e.back++
			}
		}
	}
	slices.Sort(e.by)
	return e
}

// String says what the undo did to the import's n figures.
func (e undoEffect) String() string {
	parts := []string{fmt.Sprintf("removed %d", e.removed)}
	if e.back > 0 {
		parts = append(parts, fmt.Sprintf("%d back to the figure before it", e.back))
	}
	if e.stay > 0 {
		parts = append(parts, fmt.Sprintf("%d stay, as later imports (%s) gave them too", e.stay, strings.Join(e.by, ", ")))
	}
	return strings.Join(parts, ", ")
}
