package export

import (
	"context"
	"path/filepath"
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// largeHistory is synth.Large as the store would hold it: 124 indicators
// for Kent and its 12 districts over 60 months.
func largeHistory(tb testing.TB) *app.History {
	tb.Helper()
	m := synth.Large(1)
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	return h
}

// BenchmarkWriteLarge exports the large history (with sparklines for
// every indicator and charts for every flagged one): the target is under
// 2 s.
func BenchmarkWriteLarge(b *testing.B) {
	h := largeHistory(b)
	path := filepath.Join(b.TempDir(), "large.xlsx")
	b.ResetTimer()
	var sum Summary
	for b.Loop() {
		var err error
		sum, err = Write(context.Background(), path, h, Options{Produced: produced})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sum.Indicators), "indicators")
	b.ReportMetric(float64(sum.DataRows), "datarows")
	b.ReportMetric(float64(sum.Charts), "charts")
}

// BenchmarkWriteLargeCirculated exports the large history as it is
// circulated at worst: excluding UASC with small numbers suppressed.
func BenchmarkWriteLargeCirculated(b *testing.B) {
	h := largeHistory(b)
	path := filepath.Join(b.TempDir(), "large.xlsx")
	for b.Loop() {
		if _, err := Write(context.Background(), path, h, Options{Produced: produced, Exclude: []app.Cohort{app.UASC}, Suppress: 5}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteDemo exports the demo history, excluding UASC.
func BenchmarkWriteDemo(b *testing.B) {
	h, _ := demoHistory(b)
	path := filepath.Join(b.TempDir(), "demo.xlsx")
	for b.Loop() {
		if _, err := Write(context.Background(), path, h, Options{Produced: produced, Exclude: []app.Cohort{app.UASC}}); err != nil {
			b.Fatal(err)
		}
	}
}
