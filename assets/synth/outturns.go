package synth

import "scorecard/app"

// OutturnYear is the year whose outturn the scorecard shows beside the
// months: the financial (or academic) year before the one in force.
func OutturnYear(ind app.Indicator, latest app.Period) app.Period {
	return ind.TargetYear(latest).Add(-1)
}

func outturns(m *Model) []app.Observation {
	var out []app.Observation
	for _, ind := range m.Dataset.Indicators {
		y := OutturnYear(ind, m.Latest())
		last := app.MonthOf(y.End().Year(), y.End().Month())
		o, ok := m.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, last)
		if !ok || o.Value == nil {
			continue
		}
		out = append(out, app.Observation{Ref: ind.Ref, Area: app.Kent, Period: y, Value: app.Float(*o.Value),
			Numerator: o.Numerator, Denominator: o.Denominator})
	}
	return out
}
