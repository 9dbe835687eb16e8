package trend

import (
	"slices"

	"scorecard/app"
)

// targetRevisionText says what a year's restated target was and is, and
// which of figures (series k's, in h) up to q it re-rates: "2025/26
// target revised from target 22.0%, floor 25.0% (I0001) to target 21.0%,
// floor 23.0% (I0004); it changes the rating of 1 reported figure:
// Oct-25 AMBER to RED". A figure the import that restated the target
// also revised is rated as it was before that import and as that import
// left it, as the import's own warning rated it (app.Rerated). A
// district with a target of its own is rated against it, not the
// year's, and the words say so: "...; Swale is rated against its own
// target, target 8.0%, floor 8.2%, which stands: it changes the rating
// of no figure held".
func targetRevisionText(h *app.History, k app.SeriesKey, ind app.Indicator, t app.Target, figures []app.Observation, q app.Period) string {
	was := t.Replaced.Was(t)
	var before, after []app.Observation
	for _, o := range figures {
		if o.Period.Kind != q.Kind || o.Period.Compare(q) > 0 {
			continue
		}
		then, now := o, o
		revs := h.Revisions(k, o.Period)
		versions := append(revs[:len(revs):len(revs)], o)
		if j := slices.IndexFunc(versions, func(v app.Observation) bool { return v.Import == t.Import }); t.Import != "" && j >= 0 {
			if j == 0 {
				continue // first given by the import that restated the target: not held before it
			}
			then, now = versions[j-1], versions[j]
		}
		before, after = append(before, then), append(after, now)
	}
	words := func(t app.Target) string {
		s := targetText(ind, t)
		if t.Import != "" {
			s += " (" + t.Import + ")"
		}
		return s
	}
	text := t.Year.String() + " target revised from " + words(was) + " to " + words(t) + "; "
	if t.HasOwnTarget(k.Area) {
		// Its own target takes from the year's what it does not state.
		wasOwn, _ := was.For(k.Area, app.Period{})
		isOwn, _ := t.For(k.Area, app.Period{})
		text += string(k.Area) + " is rated against its own target, "
		if sameTarget(wasOwn, isOwn) {
			text += targetText(ind, isOwn) + ", which stands: "
		} else {
			text += "here from " + targetText(ind, wasOwn) + " to " + targetText(ind, isOwn) + ": "
		}
	}
	return text + app.Rerated(ind, ind, was, t, before, after)
}

// revisionText says what a revised figure was and is: "revised from
// 11.2% to 11.7%".
func revisionText(h *app.History, k app.SeriesKey, ind app.Indicator, p Point) string {
	revs := h.Revisions(k, p.Period)
	if len(revs) == 0 {
		return "revised"
	}
	old := revs[len(revs)-1]
	// Two figures differing only beyond the places the scorecard shows
	// are written to as many places as tell them apart: "revised from
	// 77.3% to 77.3%" would say nothing changed (QA27a 1).
	ind = placesApart(ind, old.Value, p.Value)
	return revisedWords(observationText(ind, old.Value, old.Status, old.Raw), pointText(ind, p))
}

// revisedWords says a figure was revised from was to now, each as
// written. Where they read the same the figure stands and only the counts
// behind it changed (FigureRevised leaves out a revision that only added
// them): said so, never "revised from 50.0% to 50.0%".
func revisedWords(was, now string) string {
	if was == now {
		return "its counts revised; the figure stays " + now
	}
	return "revised from " + was + " to " + now
}

// lastRevision reports whether was is the version the figure of k for p
// in force now replaced, as revisionText says it.
func lastRevision(h *app.History, k app.SeriesKey, p app.Period, was *app.Observation) bool {
	revs := h.Revisions(k, p)
	return len(revs) > 0 && revs[len(revs)-1].Import == was.Import && revs[len(revs)-1].Revision == was.Revision
}

// versionsText is revisionText of two versions of a figure: "revised
// from 11.2% to 11.7%".
func versionsText(ind app.Indicator, was, now *app.Observation) string {
	ind = placesApart(ind, was.Value, now.Value)
	return revisedWords(observationText(ind, was.Value, was.Status, was.Raw), observationText(ind, now.Value, now.Status, now.Raw))
}
