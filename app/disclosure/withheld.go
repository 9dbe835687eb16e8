package disclosure

import (
	"slices"

	"scorecard/app"
)

// Withheld returns the periods of the figures a release withheld itself:
// those released shows as c that figures, the same series before
// suppression, holds with a value or its counts. A figure the source
// withheld is c in both, and is not among them.
//
// Trends, changes and SPC limits worked out from the released figures
// leave these out, so that a withheld figure cannot be worked out from a
// mean or a change; the periods say where an analysis was changed so,
// that a reader may be told.
func Withheld(figures, released []app.Observation) []app.Period {
	var out []app.Period
	j := 0
	for _, r := range released {
		if r.Status != app.Suppressed {
			continue
		}
		for j < len(figures) && figures[j].Period.Compare(r.Period) < 0 {
			j++
		}
		// A series may hold periods of more than one kind (months and a
		// year's outturn), so look past those sorting equal.
		for i := j; i < len(figures) && figures[i].Period.Compare(r.Period) <= 0; i++ {
			o := figures[i]
			if o.Period != r.Period {
				continue
			}
			if o.Status != app.Suppressed && (o.Value != nil || o.Numerator != nil || o.Denominator != nil) {
				out = append(out, r.Period)
			}
			break
		}
	}
	return out
}

// Withholding is what the release of a history, all children's, withholds
// of its figures and previous-year outturns (ReleaseWithholding), asked
// of a figure at a time: show marks the figures a release for
// circulation withholds beside its own, and has no use for the history
// released, whose copy of every series with a figure withheld was a
// third of a long history's release.
type Withholding struct {
	h        *app.History
	hidden   map[figKey]bool
	outturns map[string][]app.Period
}

// ReleaseWithholding works out the release of h, all children's, as
// ReleaseFigures does with no cohorts, and returns what it withholds:
// ReleaseFigures's base is h with each such figure and outturn c.
func ReleaseWithholding(h *app.History, below int, auth *app.Authority) Withholding {
	prior, _ := circulatedWithheld(h, nil, below, auth, "")
	r, _, _, _ := withhold(h, nil, nil, below, auth, prior, nil)
	return Withholding{h: h, hidden: r.hidden, outturns: r.withheldOutturns()}
}

// Figure reports whether the release withholds h's figure of k for p: c
// as circulated, with a value or counts in h. A figure the source
// withheld is c already and is not among them.
func (w Withholding) Figure(k app.SeriesKey, p app.Period) bool {
	o, ok := w.h.Observation(k, p)
	return ok && o.Status != app.Suppressed && w.hidden[figKey{k.Ref, k.Area, k.Split, p}]
}

// Benchmark reports whether the release withholds benchmark b of h: a
// previous-year outturn, the authority's own figure for its year,
// withheld as that year's figure would be (withheldOutturns), that h
// holds with a value. Others' benchmarks (England's, the neighbours')
// are never withheld.
func (w Withholding) Benchmark(b app.Benchmark) bool {
	bs := w.h.Benchmarks(b.Ref)
	i := slices.IndexFunc(bs, func(o app.Benchmark) bool {
		return o.Period == b.Period && o.Group == b.Group && o.Model == b.Model
	})
	return i >= 0 && bs[i].Status != app.Suppressed && bs[i].Group == app.OutturnGroup && slices.Contains(w.outturns[b.Ref], b.Period)
}
