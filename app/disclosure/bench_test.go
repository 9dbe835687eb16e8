package disclosure

import (
	"testing"

	"scorecard/app"
	"scorecard/assets/synth"
)

// BenchmarkReleaseLarge suppresses synth.Large (124 indicators, Kent and
// 12 districts, 60 months) excluding UASC, as an export does.
func BenchmarkReleaseLarge(b *testing.B) {
	m := synth.Large(1)
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	b.ResetTimer()
	for b.Loop() {
		Release(h, []app.Cohort{app.UASC}, DefaultThreshold)
	}
}

// BenchmarkReleaseLargeAllChildren is BenchmarkReleaseLarge for the
// all-children export, which protects each cohort's complement too.
func BenchmarkReleaseLargeAllChildren(b *testing.B) {
	m := synth.Large(1)
	h := app.NewHistory()
	h.Apply(&m.Dataset, "I0001")
	b.ResetTimer()
	for b.Loop() {
		Release(h, nil, DefaultThreshold)
	}
}
