package store

import "scorecard/app"

// Reviewed reports whether ds holds what was worked out from the store as
// it stood (Source.Basis), so that an import or undo landing since makes
// it stale: definitions and targets, reviewed against the store's
// (app.ReviewDefinitions, app.ReviewTargets), and a retirement, whose
// period and note ("its last figure is for Jul-26") were worked out from
// the indicator's figures held. A colleague's import giving a later
// figure meanwhile would otherwise leave a retirement from a period that
// has a figure, and a false note circulated with every export.
func Reviewed(ds *app.Dataset) bool {
	if len(ds.Indicators) > 0 || len(ds.Targets) > 0 {
		return true
	}
	for _, s := range ds.ChartSettings {
		if s.Kind == app.SetRetire {
			return true
		}
	}
	return false
}
