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
//   - the release circulated before the import that replaced it (the
//     figures as they were then, circulatedWithheld) withheld no figure
//     of the indicator for p: it showed the earlier version, and beside
//     nothing withheld then or now the earlier version cannot pin one
//     (May's Kent 100 with Ashford and Canterbury withheld: "Canterbury
//     revised from 7" gives Ashford's 3, QA29 1);
//   - the earlier version, put in place of the figure now held, would be
//     shown by a release of the indicator's figures at below: so that a
//     figure last month's release withheld, or would have, is not given
//     now.
func RevisedFromShown(h, shown *app.History, k app.SeriesKey, p app.Period, was app.Observation, below int) bool {
	if was.Status == app.Suppressed {
		return false
	}
	auth := app.AuthorityOf(h)
	if next, ok := replacedBy(h, k, p, was); ok {
		_, withheld := circulatedWithheld(h, nil, below, auth, k.Ref)
		for f := range withheld[next] {
			if f.period == p {
				return false
			}
		}
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
	base, _, _, _ := ReleaseIn(one, nil, below, auth)
	o, ok := base.Observation(k, p)
	return ok && o.Status != app.Suppressed
}

// replacedBy returns the import that gave the version of k's figure for
// p after was, an earlier version of it; false where was is not one of
// its versions or the import is not known.
func replacedBy(h *app.History, k app.SeriesKey, p app.Period, was app.Observation) (string, bool) {
	now, ok := h.Observation(k, p)
	if !ok {
		return "", false
	}
	vs := append(slices.Clone(h.Revisions(k, p)), now)
	for i := len(vs) - 2; i >= 0; i-- {
		if vs[i].Import == was.Import && vs[i].SameFigures(was) && vs[i+1].Import != "" {
			return vs[i+1].Import, true
		}
	}
	return "", false
}
