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

// BenchmarkReleaseByIndicator releases synth.Large an indicator at a
// time, each beside what its release depends on (Reader), all children's
// figures, and asks which are unprotected: what a large export's
// export.WriteFrom and show's release of one indicator do.
func BenchmarkReleaseByIndicator(b *testing.B) {
	m := synth.Large(1)
	whole := app.NewHistory()
	whole.Apply(&m.Dataset, "I0001")
	auth := app.AuthorityOf(whole)
	load := func(ref string) (*app.History, error) {
		h := app.NewHistory()
		h.AddIndicators(whole.Indicators())
		h.Gather(whole, ref, func(app.Observation) bool { return true })
		return h, nil
	}
	var refs []string
	for _, ind := range whole.Indicators() {
		refs = append(refs, ind.Ref)
	}
	b.ResetTimer()
	for b.Loop() {
		rd := NewReader(load)
		for _, ref := range refs {
			h, err := rd.Load(ref)
			if err != nil {
				b.Fatal(err)
			}
			both, err := rd.WithBeside(ref, h)
			if err != nil {
				b.Fatal(err)
			}
			ReleaseFigures(both, nil, DefaultThreshold, auth)
			UnprotectedIn(both, DefaultThreshold, auth.Area())
		}
	}
}
