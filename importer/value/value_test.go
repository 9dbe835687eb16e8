package value

import (
	"errors"
	"strings"
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
		// Four figures over two that are not the next year's: a fraction.
		{in: "2024/2500", want: 2024.0 / 2500, num: 2024, den: 2500},
		{in: "1950/25", want: 1950.0 / 25, num: 1950, den: 25},
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
		{in: "14 r", want: 14, marker: "r"},
		{in: "15 R", want: 15, marker: "r"},
		{in: "16R", want: 16, marker: "r"},
		{in: "1,204 P", want: 1204, marker: "p"},
		{in: "56.3% p", want: 56.3, percent: true, marker: "p"},
		// A note's mark, or a GSS marker in round brackets, against the
		// figure (QA20 D6).
		{in: "12*", want: 12, marker: "*"},
		{in: "55.1%*", want: 55.1, percent: true, marker: "*"},
		{in: "15.2†", want: 15.2, marker: "†"},
		{in: "15 ‡", want: 15, marker: "‡"},
		{in: "1,250 *", want: 1250, marker: "*"},
		{in: "57.0%(1)", want: 57, percent: true, marker: "(1)"},
		{in: "57 (2)", want: 57, marker: "(2)"},
		{in: "(12) (1)", want: -12, marker: "(1)"},
		{in: "(1)", want: -1},
		{in: "14 (p)", want: 14, marker: "p"},
		{in: "14(R)", want: 14, marker: "r"},
		// Thousands grouped by a space: plain, non-breaking, narrow.
		{in: "1 250", want: 1250},
		{in: "1\u00a0250", want: 1250},
		{in: "1\u202f250", want: 1250},
		{in: "12 345 678.5", want: 12345678.5},
		{in: "-1 250", want: -1250},
		{in: "1\u00a0250 (p)", want: 1250, marker: "p"},
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
		"12 [c]", "12 [x]", "[u]12", "12 [q]", "p", "R", "17  p", "17 r r", "17pp", "17 pr", "12 []", "221/1896 [u]",
		// Not a mark against a figure, or not groups of three.
		"Kent (1)", "12 (10)", "12 (0)", "12 (q)", "*12", "12**", "12 34", "1 2500", "1  250", "1 250,5", "1,250 500", "12.5 *p",
		// A year captioning a cell, not a fraction (QA24a D2: "2023/24"
		// in a Previous year column was stored as 8429%).
		"2023/24", "2023/2024", " 2023 / 24 ", "1999/00", "2099/00"} {
		if f, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", in, f)
		}
	}
}

// TestParseNull: Tableau writes "Null" where a measure has no value
// (QA qa33 F2); refused, as no figure, saying so rather than that it is
// not a number.
func TestParseNull(t *testing.T) {
	for _, in := range []string{"Null", "NULL", " null "} {
		if _, err := Parse(in); err == nil || !strings.Contains(err.Error(), "mark for no value") {
			t.Errorf("Parse(%q): %v, want an error saying it is no value", in, err)
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
