package trend

import (
	"reflect"
	"testing"

	"scorecard/app"
)

// TestIndexesMatchTables checks that each direction a point holds as an
// index is written out as itself, and that anything else reads as none.
func TestIndexesMatchTables(t *testing.T) {
	for i, d := range dots {
		if got := dotIndex(d); got != uint8(i) {
			t.Errorf("dotIndex(%q) = %d, want %d", d, got, i)
		}
	}
	if dotIndex("sideways") != 0 {
		t.Error("an unknown value has an index")
	}
}

// TestSeriesPoint checks that a point written out on its own is the point
// Points writes, for every point of the demo history's series.
func TestSeriesPoint(t *testing.T) {
	h := flagHistory()
	for _, s := range AnalyseKeys(h, h.Keys(), Options{Details: true}) {
		all := s.Points()
		if len(all) != s.Len() {
			t.Fatalf("%s: %d points, Len %d", s.Key, len(all), s.Len())
		}
		for i := range all {
			if got := s.Point(i); !reflect.DeepEqual(got, all[i]) {
				t.Errorf("%s point %d differs", s.Key, i)
			}
		}
	}
}

// TestSeriesAt checks that At finds each period's point, and nothing
// outside the series or of another kind.
func TestSeriesAt(t *testing.T) {
	h := flagHistory()
	for _, k := range h.Keys() {
		s := AnalyseSeries(h, k, Options{})
		pts := Analyse(h, k, Options{})
		for _, want := range pts {
			if got, ok := s.At(want.Period); !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: At(%s) = %v, %v", k, want.Period, got.Period, ok)
			}
		}
		if len(pts) == 0 {
			continue
		}
		first, last := pts[0].Period, pts[len(pts)-1].Period
		other := app.Period{Kind: app.FinancialYear, Year: last.Year}
		if last.Kind == other.Kind {
			other = app.MonthOf(last.Year, 3)
		}
		for _, p := range []app.Period{first.Add(-1), last.Add(1), other} {
			if _, ok := s.At(p); ok {
				t.Errorf("%s: At(%s) found a point", k, p)
			}
		}
	}
}

// TestPointsDoNotShareRoom checks that a written-out point's flag
// details have no room to spare, so that a caller's append cannot write
// into what the next call writes out: a point's details are appended one
// flag at a time, and three flags leave room for a fourth.
func TestPointsDoNotShareRoom(t *testing.T) {
	h := flagHistory()
	s := AnalyseSeries(h, h.Keys()[0], Options{Details: true})
	last := s.Len() - 1
	s.details[last-s.explainFrom] = append(make([]string, 0, 4), "one", "two", "three")
	p := s.Point(last)
	_ = append(p.FlagDetails, "scribbled")
	if got := s.Point(last).FlagDetails; cap(got) != len(got) || len(got) != 3 {
		t.Errorf("details %q, capacity %d", got, cap(got))
	}
}
