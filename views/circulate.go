package views

import (
	"slices"

	"scorecard/app"
	"scorecard/app/export"
)

// circulationRecorder is a backend that records the outputs given out
// for circulation (the store's: store.Store.RecordCirculation).
type circulationRecorder interface {
	RecordCirculation(c app.Circulation) (app.Circulation, error)
}

// recordCirculation records that output (a workbook, the pack, the
// brief) of the export opt describes, for period p, was written for
// circulation to file ("" for the brief copied), so that the next brief
// and pack say what changed since the figures members had, as the
// command line's export and brief record theirs. The output is made
// already: a store that cannot take the record (a team store
// unreachable, a role not granted the table) fails nothing, and the
// words returned, "" when it was recorded, say it was not and why, for
// the status bar.
func (w *mainWindow) recordCirculation(output, file string, p app.Period, opt export.Options) string {
	rec, ok := w.st.(circulationRecorder)
	if !ok {
		return ""
	}
	h := w.v.stored
	area := opt.Area
	if area == "" {
		area = w.auth.Area()
	}
	err := w.readOnly()
	var c app.Circulation
	if err == nil {
		c, err = rec.RecordCirculation(app.NewCirculation(output, file, p, area, opt.Exclude, h.Imports))
	}
	if err != nil {
		return " (not recorded as circulated: " + err.Error() + ")"
	}
	// The next brief in this window counts from it, before any reload.
	h.Circulations = append(slices.Clip(h.Circulations), c)
	return ""
}
