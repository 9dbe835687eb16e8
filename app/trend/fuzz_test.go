package trend

import (
	"math"
	"testing"

	"scorecard/app"
)

// FuzzAnalyse feeds series of any shape (gaps, withheld figures, zero and
// negative denominators, odd decimals and targets) and checks that every
// point keeps the package's promises.
func FuzzAnalyse(f *testing.F) {
	f.Add([]byte{10, 20, 30, 0, 255, 40, 50, 60, 70, 80, 90, 100, 110, 120}, uint8(1), uint8(1), int8(50))
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, uint8(3), uint8(0), int8(-5))
	f.Fuzz(func(t *testing.T, raw []byte, pol, dec uint8, target int8) {
		ind := app.Indicator{Ref: "X", Polarity: app.Polarity(pol % 4), Unit: app.Percent, Decimals: int(dec % 4)}
		h := app.NewHistory()
		h.AddIndicator(ind)
		h.AddTarget(app.Target{Ref: "X", Year: app.Period{Kind: app.FinancialYear, Year: 2024},
			Target: app.Float(float64(target)), Floor: app.Float(float64(target) + 5), Tolerance: app.Float(2)})
		k := app.SeriesKey{Ref: "X", Area: app.Kent}
		start := app.MonthOf(2024, 4)
		for i, b := range raw {
			o := app.Observation{Ref: "X", Area: app.Kent, Period: start.Add(i)}
			switch {
			case b == 255:
				continue // a gap
			case b == 254:
				o.Status = app.Suppressed
			default:
				den := float64(b%37) - 1 // sometimes zero or negative
				o.Value, o.Numerator, o.Denominator = app.Float(float64(b)*0.37), app.Float(float64(b%11)), app.Float(den)
			}
			h.Add(o)
		}
		pts := Analyse(h, k, Options{Details: true})
		for i, p := range pts {
			figure := p.Value != nil && !math.IsNaN(*p.Value)
			if p.Missing && (p.Value != nil || p.Status != app.OK) {
				t.Fatalf("%s: a gap holds a figure", p.Period)
			}
			if (p.Signal == NoSignal) == figure {
				t.Fatalf("%s: signal %q with figure %v", p.Period, p.Signal, figure)
			}
			if p.DoT != app.NoDoT && (i == 0 || pts[i-1].Value == nil) {
				t.Fatalf("%s: direction of travel without a previous figure", p.Period)
			}
			if len(p.Flags) != len(p.FlagDetails) {
				t.Fatalf("%s: %d flags, %d details", p.Period, len(p.Flags), len(p.FlagDetails))
			}
			if c := p.Children; c != nil {
				if more, to := c.More(); more < 0 || (more > 0) != (to != app.NoRAG) {
					t.Fatalf("%s: %d more to %q", p.Period, more, to)
				}
			}
		}
	})
}
