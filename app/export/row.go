package export

import (
	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/app/trend"
)

// row is one indicator of the scorecard, analysed for the export's area.
type row struct {
	ind app.Indicator
	key app.SeriesKey
	// series is the analysis, held compactly: the large export's rows
	// written out as points held 3.4 MB at its peak (issue 17).
	series trend.Series
	// quarters are a monthly series' quarterly figures, analysed apart
	// as `scorecard show` lists them: an indicator given by quarter
	// before its months began keeps its quarters in the months they end
	// (point), rather than losing them from the sheets unsaid.
	quarters trend.Series
	at       *trend.Point // the point for the scorecard's month, or nil
	shown    benchmark.Shown
	hasBM    bool
	// isFlagged says the point for the month is flagged, and stays said
	// once the points are let go (book.writeHouse).
	isFlagged bool
	// leftOut counts the figures up to the month withheld for small
	// numbers, which the analysis leaves out (countLeftOut).
	leftOut int
}

// analyse runs trend analysis on each indicator's series for the area, as
// it stood at the export's period.
func (b *book) analyse() {
	for _, ind := range b.inCirculation() {
		k := app.SeriesKey{Ref: ind.Ref, Area: b.opt.Area}
		// A year reported in the period that ends after it (2024/25 AY
		// in 2024/25) is analysed to its own end, or the period's
		// column would lose it.
		opt := trend.Options{Until: b.h.AnalysedUntil(k, b.period)}
		r := &row{ind: ind, key: k, series: trend.AnalyseSeries(b.h, k, opt)}
		if r.series.Len() > 0 && r.series.Period(0).Kind == app.Month {
			r.quarters = quartersApart(b.h, k, opt)
		}
		r.at = r.point(b.period)
		r.shown, r.hasBM = benchmark.Beside(b.h, ind.Ref, b.period)
		// A year shown in a column of another kind (the workforce
		// census's calendar year in 2024/25) has its own year's
		// benchmarks beside it, and a row whose latest year ends after
		// the scorecard's period (left out, and said to be) its latest
		// shown year's: not a year the row has no figure for.
		at := r.at
		if at == nil && r.shown.Year.End().After(b.period.End()) && r.series.Len() > 0 {
			last := r.series.Point(r.series.Len() - 1)
			at = &last
		}
		if at != nil && at.Period.Kind != b.period.Kind {
			if s, ok := benchmark.Beside(b.h, ind.Ref, at.Period); ok {
				r.shown, r.hasBM = s, ok
			}
		}
		r.isFlagged = r.at != nil && len(r.at.Flags) > 0
		r.leftOut = b.leftOut[ind.Ref]
		b.rows = append(b.rows, r)
		if r.isFlagged {
			b.sum.Flagged++
		}
	}
	b.sum.Indicators = len(b.rows)
	b.noteRetired()
}

// point returns the analysed point shown in period m: its own, or for a
// quarterly or annual series the period that ends with m (a financial
// year in March, or in the quarter to March on a quarterly scorecard),
// or on a scorecard of years, a year of another kind ending in m
// (app.ReportedIn).
//
// A month outside a monthly series' months (before its first or after
// its last) takes the quarter of its quarterly figures ending in it.
func (r *row) point(m app.Period) *trend.Point {
	if p := pointIn(&r.series, m); p != nil {
		return p
	}
	return pointIn(&r.quarters, m)
}

// pointIn returns the point of s shown in period m (see point), or nil.
func pointIn(s *trend.Series, m app.Period) *trend.Point {
	for i := s.Len() - 1; i >= 0; i-- {
		per := s.Period(i)
		if app.ReportedIn(per, m) {
			p := s.Point(i)
			return &p
		}
		if per.Start().Before(m.Start()) {
			break
		}
	}
	return nil
}

// quartersApart analyses the quarterly figures of series k alone, as
// opt asks; the empty Series where it has none. The analysis of the
// whole series is of its months and passes over them.
func quartersApart(h *app.History, k app.SeriesKey, opt trend.Options) trend.Series {
	var qs []app.Observation
	for _, o := range h.Series(k) {
		if o.Period.Kind == app.Quarter {
			qs = append(qs, o)
		}
	}
	if len(qs) == 0 {
		return trend.Series{}
	}
	apart := h.Clone()
	apart.SetSeries(k, qs)
	return trend.AnalyseSeries(apart, k, opt)
}

// flagged reports whether the indicator is flagged in the period.
func (r *row) flagged() bool { return r.isFlagged }
