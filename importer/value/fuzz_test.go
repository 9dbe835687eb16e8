package value

import (
	"errors"
	"math"
	"testing"

	"scorecard/app"
)

// FuzzParse feeds arbitrary text to Parse: it never panics, a status code
// never carries a figure, a figure is finite, and Raw keeps the text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"1896", "1,896", "63.7%", "63.7\u00a0%", "(12.5)", "−3", "£1,234.50", "221/1896",
		"0/0", "[c]", "<5", "#DIV/0!", "Data to be supplied", "1.2E-05", "1e400", "12,3456", "%", "()"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fig, err := Parse(s)
		if errors.Is(err, ErrEmpty) || err != nil {
			return
		}
		if fig.Raw != s {
			t.Fatalf("Parse(%q).Raw = %q", s, fig.Raw)
		}
		if fig.Status != app.OK && (fig.Value != 0 || fig.HasParts) {
			t.Fatalf("Parse(%q) = %+v: a status with a figure", s, fig)
		}
		for _, v := range []float64{fig.Value, fig.Numerator, fig.Denominator} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("Parse(%q) = %+v: not finite", s, fig)
			}
		}
	})
}
