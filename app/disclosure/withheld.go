package disclosure

import "scorecard/app"

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
