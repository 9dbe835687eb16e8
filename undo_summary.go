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
	// replaced counts the import's versions a later import had replaced
	// before the undo (replacedBy): the figure held is that import's,
	// before and after. Counted as "stay" they were credited to the
	// import now holding it, which after the undo can be an earlier one
	// whose figure the later file repeated (QA24b D4).
	replaced   int
	replacedBy []string
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
			case o.Import != id:
				e.replaced++
				if !slices.Contains(e.replacedBy, o.Import) {
					e.replacedBy = append(e.replacedBy, o.Import)
				}
			case now.Restates(o) && now.Import > id:
				// A later import restated it and now owns it (IDs are
				// issued in order).
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
	slices.Sort(e.replacedBy)
	return e
}

// of says what the undo's counts are of: the import's n observations,
// or, where it also restated figures held, which its counts leave out
// and the undo takes back too, the figures it gave, so that the counts
// add up ("of its 4 observations removed 6, 10 back" did not).
func (e undoEffect) of(n int) string {
	total := e.removed + e.back + e.stay + e.replaced
	if total <= n {
		return fmt.Sprintf("its %d observations", n)
	}
	return fmt.Sprintf("the %d figures it gave (%d observations, as its import counted them, and %d restating figures then held)", total, n, total-n)
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
	if e.replaced > 0 {
		parts = append(parts, fmt.Sprintf("%d already replaced by %s (%s)", e.replaced,
			map[bool]string{true: "a later import's figure", false: "later imports' figures"}[e.replaced == 1], strings.Join(e.replacedBy, ", ")))
	}
	return strings.Join(parts, ", ")
}

// sayDefinitionsUndone says, for each definition change rec made (an
// accepted polarity, say), what the definition is after the undo: an
// import of definitions alone had "of its 0 observations removed 0" as
// all its undo said (QA27a 3).
func sayDefinitionsUndone(e *env, h *app.History, rec app.Import) {
	for _, d := range app.DefinitionsMade([]app.Import{rec}) {
		if ind, ok := h.Indicator(d.Ref); ok {
			fmt.Fprintf(e.out, "  %s\n", d.Undone(ind))
		}
	}
}
