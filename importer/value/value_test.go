package value

import (
	"errors"
	"testing"

	"scorecard/app"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		percent bool
		status  app.Status
		num     float64
		den     float64
		marker  string
	}{
		{in: "1896", want: 1896},
		{in: "1,896", want: 1896},
		{in: " 1,896 ", want: 1896},
		{in: "63.7%", want: 63.7, percent: true},
		{in: "63.7 %", want: 63.7, percent: true},
		{in: "63.7\u00a0%", want: 63.7, percent: true},
		{in: "0.637", want: 0.637},
		{in: "(12.5)", want: -12.5},
		{in: "(0.4%)", want: -0.4, percent: true},
		{in: "-3", want: -3},
		{in: "−3", want: -3},
		{in: "+2.0", want: 2},
		{in: "£1,234.50", want: 1234.5},
		{in: "1.2E-05", want: 1.2e-05},
		{in: ".5", want: 0.5},
		{in: "221/1896", want: 221.0 / 1896, num: 221, den: 1896},
		{in: "221 / 1,896", want: 221.0 / 1896, num: 221, den: 1896},
		{in: "0/0", status: app.NotApplicable},
		{in: "c", status: app.Suppressed},
		{in: "[c]", status: app.Suppressed},
		{in: "<5", status: app.Suppressed},
		{in: "*", status: app.Suppressed},
		{in: "low", status: app.Low},
		{in: "k", status: app.Low},
		{in: "~", status: app.Low},
		{in: "x", status: app.NotAvailable},
		{in: "[x]", status: app.NotAvailable},
		{in: "..", status: app.NotAvailable},
		{in: "-", status: app.NotAvailable},
		{in: "#N/A", status: app.NotAvailable},
		{in: "#DIV/0!", status: app.NotAvailable},
		{in: "Data to be supplied", status: app.NotAvailable},
		{in: "tbc", status: app.NotAvailable},
		{in: "z", status: app.NotApplicable},
		{in: ":", status: app.NotApplicable},
		{in: "N/A", status: app.NotApplicable},
		{in: "n/a", status: app.NotApplicable},
		{in: "u", status: app.LowReliability},
		{in: "12 [u]", want: 12, marker: "u"},
		{in: "12[U]", want: 12, marker: "u"},
		{in: "1,204 [r]", want: 1204, marker: "r"},
		{in: "56.3% [p]", want: 56.3, percent: true, marker: "p"},
		{in: "(3) [e]", want: -3, marker: "e"},
		{in: "8.5 [er]", want: 8.5, marker: "er"},
		{in: "17p", want: 17, marker: "p"},
		{in: "1,204r", want: 1204, marker: "r"},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got.Status != tt.status {
			t.Errorf("Parse(%q).Status = %q, want %q", tt.in, got.Status, tt.status)
		}
		if tt.status != app.OK {
			if got.Value != 0 {
				t.Errorf("Parse(%q) has value %v beside status %q", tt.in, got.Value, got.Status)
			}
			continue
		}
		if got.Value != tt.want || got.Percent != tt.percent {
			t.Errorf("Parse(%q) = %v (percent %v), want %v (percent %v)", tt.in, got.Value, got.Percent, tt.want, tt.percent)
		}
		if got.HasParts != (tt.den != 0) || got.Numerator != tt.num || got.Denominator != tt.den {
			t.Errorf("Parse(%q) parts = %v/%v (%v), want %v/%v", tt.in, got.Numerator, got.Denominator, got.HasParts, tt.num, tt.den)
		}
		if got.Raw != tt.in {
			t.Errorf("Parse(%q).Raw = %q", tt.in, got.Raw)
		}
		if got.Marker != tt.marker {
			t.Errorf("Parse(%q).Marker = %q, want %q", tt.in, got.Marker, tt.marker)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for _, in := range []string{"Kent", "12.3.4", "1,89", "12,3456", "Inf", "NaN", "0x1F", "1e", "%", "()", "--3", "3/", "/4", "12%/4", "1/-2", "1e300/1e-300",
		"12 [c]", "12 [x]", "[u]12", "12 [q]", "p", "17 p", "17pp", "12 []", "221/1896 [u]"} {
		if f, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", in, f)
		}
	}
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "   ", "\u00a0"} {
		if _, err := Parse(in); !errors.Is(err, ErrEmpty) {
			t.Errorf("Parse(%q) error = %v, want ErrEmpty", in, err)
		}
	}
}
