// Package synth generates realistic Kent-style children's services
// performance scorecards: a truth model of indicators, figures, targets
// and benchmarks drawn from a seed, and workbooks that show it in the
// layouts and with the quirks that real scorecards have.
//
// The same model serves three purposes: the demo workbook the app loads on
// first launch (Demo), varied workbooks whose expected reading (Truth) the
// importer's tests compare against, and a large case for benchmarks
// (Large). Generation is deterministic: a seed always gives the same
// figures and the same workbook bytes.
package synth

import "scorecard/app"

// Model is the truth a generated workbook is drawn from: every figure for
// every indicator, area, split and month, with its components.
type Model struct {
	// Title heads the scorecard: "Children, Young People and Education
	// Performance Scorecard".
	Title string
	// Months are the reporting months, oldest first; the last is the
	// scorecard's month.
	Months []app.Period
	// Dataset holds the indicators (names without footnote markers), the
	// figures, targets for every year the months touch, benchmarks and
	// commentary. Kent's figures are split three ways for the cohort
	// indicators (all children, excluding UASC, UASC only), and
	// Kent = districts + Out of County / Unknown + UASC Service for every
	// additive component.
	Dataset app.Dataset
	// Outturns are each indicator's figure for the year before the
	// scorecard's (Kent, all children), the "2025/26 Outturn" column; the
	// Period is that financial or academic year.
	Outturns []app.Observation
	// Markers are the footnote markers ("*", "(1)") the scorecard shows
	// after some indicators' names, by ref.
	Markers map[string]string
	// Footnotes explain the markers and the sheet's conventions, in the
	// order the footnote block lists them.
	Footnotes []string
	// Twins are the refs shown with an "(excluding UASC)" twin row.
	Twins map[string]bool
	// Owners are the lead officers, by ref, shown in a hidden column.
	Owners map[string]string

	index map[figureKey]int
}

type figureKey struct {
	app.SeriesKey
	Period app.Period
}

// Latest returns the scorecard's month.
func (m *Model) Latest() app.Period { return m.Months[len(m.Months)-1] }

// Indicator returns the indicator with the given ref.
func (m *Model) Indicator(ref string) (app.Indicator, bool) {
	for _, ind := range m.Dataset.Indicators {
		if ind.Ref == ref {
			return ind, true
		}
	}
	return app.Indicator{}, false
}

// Observation returns the model's figure for a series in a month. It
// looks figures up in an index built with the model; after changing
// Dataset.Observations, call Reindex.
func (m *Model) Observation(k app.SeriesKey, p app.Period) (app.Observation, bool) {
	if m.index == nil {
		m.Reindex()
	}
	i, ok := m.index[figureKey{k, p}]
	if !ok {
		return app.Observation{}, false
	}
	return m.Dataset.Observations[i], true
}

// Reindex rebuilds the index Observation uses. Generation builds it, so
// that a model can be read from several goroutines at once.
func (m *Model) Reindex() {
	m.index = make(map[figureKey]int, len(m.Dataset.Observations))
	for i, o := range m.Dataset.Observations {
		m.index[figureKey{o.Key(), o.Period}] = i
	}
}

// Target returns the target in force for ind in month p.
func (m *Model) Target(ind app.Indicator, p app.Period) (app.Target, bool) {
	y := ind.TargetYear(p)
	for _, t := range m.Dataset.Targets {
		if t.Ref == ind.Ref && t.Year == y {
			return t, true
		}
	}
	return app.Target{}, false
}

// Benchmark returns an indicator's benchmark for a group ("England",
// "Statistical neighbours").
func (m *Model) Benchmark(ref, group string) (app.Benchmark, bool) {
	for _, b := range m.Dataset.Benchmarks {
		if b.Ref == ref && b.Group == group {
			return b, true
		}
	}
	return app.Benchmark{}, false
}

// Outturn returns an indicator's previous-year outturn.
func (m *Model) Outturn(ref string) (app.Observation, bool) {
	for _, o := range m.Outturns {
		if o.Ref == ref {
			return o, true
		}
	}
	return app.Observation{}, false
}

// Comment returns the commentary for an indicator in the latest month.
func (m *Model) Comment(ref string) string {
	for _, c := range m.Dataset.Comments {
		if c.Ref == ref && c.Period == m.Latest() {
			return c.Text
		}
	}
	return ""
}
