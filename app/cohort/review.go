package cohort

import (
	"fmt"
	"slices"
	"strings"

	"scorecard/app"
)

// Review checks, as a file is imported, each of its own figures excluding
// cohorts against its figures for all children and for the cohorts (see
// ExcludeNoted), and warns of those that cannot be right at their cells.
// A series whose figures disagree in several periods is one warning, at
// its first cell, naming the periods. auth is the authority whose
// districts the file's figures are of (nil: as the figures show).
func Review(file string, d *app.Dataset, auth *app.Authority) []app.Warning {
	if d == nil {
		return nil
	}
	// Only the series an excluding figure is checked against are read:
	// a large scorecard's other figures would double the import's memory.
	type series struct {
		ref  string
		area app.Area
	}
	checked, refs := map[series]bool{}, map[string]bool{}
	var splits []app.Split
	for i := range d.Observations {
		o := &d.Observations[i]
		if len(o.Split.Excluded()) == 0 {
			continue
		}
		checked[series{o.Ref, o.Area}], refs[o.Ref] = true, true
		if !slices.Contains(splits, o.Split) {
			splits = append(splits, o.Split)
		}
	}
	if len(splits) == 0 {
		return nil // the common case: the file gives no excluding figures
	}
	const id = "import"
	h := app.NewHistory()
	var inds []app.Indicator
	for _, ind := range d.Indicators {
		if refs[ind.Ref] {
			inds = append(inds, ind)
		}
	}
	h.AddIndicators(inds)
	// The figures go into the history as History.Apply puts a dataset's,
	// but straight from the file's: a dataset of their own, made first,
	// was a copy of every figure checked, some 2.5 MB of the large
	// scorecard's import. They come a series at a time: the map is looked
	// at once per run of one series, not for each figure.
	var (
		last series
		keep bool
	)
	for i := range d.Observations {
		o := &d.Observations[i]
		if i == 0 || o.Ref != last.ref || o.Area != last.area {
			last = series{o.Ref, o.Area}
			keep = checked[last]
		}
		if keep {
			fig := *o
			if fig.Import == "" {
				fig.Import = id
			}
			h.Add(fig)
		}
	}
	h.Imports = []app.Import{{ID: id, Source: file}}
	if auth == nil {
		auth = app.AuthorityOf(h)
	}
	slices.Sort(splits)
	var warns []app.Warning
	for _, split := range splits {
		_, _, ds := ExcludeNoted(h, split.Excluded(), auth)
		for len(ds) > 0 {
			// The disagreements come a series at a time, in period order.
			n := 1
			for n < len(ds) && ds[n].Ref == ds[0].Ref && ds[n].Area == ds[0].Area {
				n++
			}
			warns = append(warns, seriesWarning(h, ds[:n]))
			ds = ds[n:]
		}
	}
	return warns
}

// seriesWarning is one warning for a series' disagreements ds: the
// figure's own where there is one, else naming the periods and giving the
// first's figures.
func seriesWarning(h *app.History, ds []Disagreement) app.Warning {
	if len(ds) == 1 {
		return ds[0].Warning()
	}
	d := ds[0]
	given := len(h.Series(app.SeriesKey{Ref: d.Ref, Area: d.Area, Split: d.Split}))
	var when string
	if len(ds) == given {
		when = fmt.Sprintf("in all %d periods given, %s to %s", given, d.Period.Label(), ds[len(ds)-1].Period.Label())
	} else {
		labels := make([]string, 0, 6)
		for i, x := range ds {
			if i == 5 {
				labels = append(labels, fmt.Sprintf("and %d more", len(ds)-i))
				break
			}
			labels = append(labels, x.Period.Label())
		}
		when = fmt.Sprintf("in %d of the %d periods given (%s)", len(ds), given, strings.Join(labels, ", "))
	}
	return app.Warning{Location: d.At, Message: fmt.Sprintf("%s %s: the source's own figures %s cannot be right %s: %s's has %s",
		d.Ref, d.Area, phrase(d.Split), when, d.Period.Label(), strings.Join(d.Differences, "; "))}
}
