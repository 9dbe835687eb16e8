package store

import "scorecard/app"

// HeldReview is what an import's review says of a file against what the
// store holds, pass by pass, each pass's warnings in the order the import
// records them (Warnings).
type HeldReview struct {
	Kept, Rounded, Years, Taken, Left []app.Warning
}

// Warnings is every pass's warnings, in the order an import records them.
func (r HeldReview) Warnings() []app.Warning {
	var out []app.Warning
	for _, ws := range [][]app.Warning{r.Kept, r.Rounded, r.Years, r.Taken, r.Left} {
		out = append(out, ws...)
	}
	return out
}

// ReviewHeld checks ds, read from the file named file, against the
// figures st holds: figures it would replace with none (KeepHeldFigures,
// which also keeps them in ds), rounded restatements, benchmark years,
// figures it takes back from imports, and indicators it leaves out. The
// command line's import and the window's review both call it, so that
// they say the same of a file and read the store alike: every pass
// through one IndicatorReader, which reads a team store's histories once
// rather than an indicator a round trip (QA28 2).
func ReviewHeld(st Store, ds *app.Dataset, file string, imports []app.Import, inds []app.Indicator) (HeldReview, error) {
	var r HeldReview
	read := IndicatorReader(st)
	var err error
	if r.Kept, err = app.KeepHeldFigures(ds, file, read); err != nil {
		return r, err
	}
	if r.Rounded, err = app.RoundedRestatements(ds, file, read); err != nil {
		return r, err
	}
	if r.Years, err = app.KeepHeldBenchmarkYears(ds, file, read); err != nil {
		return r, err
	}
	if r.Taken, err = app.TakenBack(ds, file, imports, read); err != nil {
		return r, err
	}
	if r.Left, err = app.LeftOutIndicators(ds, file, inds, read); err != nil {
		return r, err
	}
	return r, nil
}
