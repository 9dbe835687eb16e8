package disclosure

import (
	"slices"

	"scorecard/app"
)

// RevisedFromShown reports whether was, an earlier version of series k's
// figure for period p in h (the figures before suppression), may be
// given beside the release shown (h released at threshold below) when
// saying that the figure was revised: "revised from 631 to 645".
//
// The earlier versions of revised figures are not in a release (see the
// package comment), so a note of one must not undo it. It may be given
// only where all of these hold:
//   - the release withholds no figure of the indicator for p, in any area
//     or split: beside a withheld district or cohort, an earlier county
//     figure could pin it;
//   - the earlier version is not one the source withheld;
//   - the earlier version, put in place of the figure now held, would be
//     shown by a release of the indicator's figures at below: so that a
//     figure last month's release withheld, or would have, is not given
//     now.
func RevisedFromShown(h, shown *app.History, k app.SeriesKey, p app.Period, was app.Observation, below int) bool {
	if was.Status == app.Suppressed {
		return false
	}
	for _, key := range shown.Keys() {
		if key.Ref != k.Ref {
			continue
		}
		if o, ok := shown.Observation(key, p); ok && o.Status == app.Suppressed {
			return false
		}
	}
	if was.Value == nil && was.Numerator == nil && was.Denominator == nil {
		return true // "tbc" or "x": no figure to give away
	}
	ind, ok := h.Indicator(k.Ref)
	if !ok {
		return false
	}
	one := app.NewHistory()
	one.AddIndicator(ind)
	one.Gather(h, k.Ref, func(app.Observation) bool { return true })
	s := slices.Clone(one.Series(k))
	i := slices.IndexFunc(s, func(o app.Observation) bool { return o.Period == p })
	if i < 0 {
		return false
	}
	s[i] = was
	s[i].Ref, s[i].Area, s[i].Split, s[i].Period = k.Ref, k.Area, k.Split, p
	one.SetSeries(k, s)
	base, _, _, _ := ReleaseIn(one, nil, below, app.AuthorityOf(h))
	o, ok := base.Observation(k, p)
	return ok && o.Status != app.Suppressed
}
