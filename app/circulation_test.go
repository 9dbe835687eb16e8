package app

import (
	"testing"
)

// TestInCirculation: an indicator retired from a period drops out of what
// is circulated for that period and after, but not for one that starts
// before it (a quarter or year holding figures given), nor for a period a
// later file gave a figure for; put back (a zero From) or never retired,
// it is always in circulation (QA27a 5).
func TestInCirculation(t *testing.T) {
	per := func(s string) Period {
		p, err := ParsePeriod(s)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	ed06 := Indicator{Ref: "ED06", Name: "Elective home education (number)", Unit: Number}
	for _, tc := range []struct {
		name     string
		settings []ChartSetting // retire settings, in the order saved
		figures  []string       // months ED06 has a Leeds figure for
		in, out  []string       // periods in and out of circulation
		words    string         // RetiredWords for the first of out
	}{{
		name:    "never retired",
		figures: []string{"2025-04", "2025-05"},
		in:      []string{"2025-05", "2025-06", "2026-03", "2025-Q3"},
	}, {
		name:     "retired from Jun-25",
		settings: []ChartSetting{{From: per("2025-06"), Import: "I0007"}},
		figures:  []string{"2025-04", "2025-05"},
		in:       []string{"2025-04", "2025-05", "2025-Q2", "2025/26"},
		out:      []string{"2025-06", "2025-07", "2026-03", "2025-Q3"},
		words:    "ED06 Elective home education (number) was retired from Jun-25 (edit I0007): left out of the scorecard from then on; its figures are still held (scorecard show ED06), and scorecard retire --undo ED06 puts it back",
	}, {
		name:     "a figure given after it was retired is circulated",
		settings: []ChartSetting{{From: per("2025-06"), Import: "I0007"}},
		figures:  []string{"2025-04", "2025-05", "2025-08"},
		in:       []string{"2025-05", "2025-08"},
		out:      []string{"2025-07", "2025-09"},
		words:    "ED06 Elective home education (number) was retired from Jun-25 (edit I0007): left out of the scorecard from then on; its figures are still held (scorecard show ED06), and scorecard retire --undo ED06 puts it back",
	}, {
		name:     "put back",
		settings: []ChartSetting{{From: per("2025-06"), Import: "I0007"}, {Import: "I0008"}},
		figures:  []string{"2025-04", "2025-05"},
		in:       []string{"2025-05", "2025-06", "2026-03"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			h := NewHistory()
			h.AddIndicators([]Indicator{ed06, {Ref: "ED05", Name: "Children missing education (number)", Unit: Number}})
			for _, m := range tc.figures {
				h.Add(Observation{Ref: "ED06", Area: "Leeds", Period: per(m), Value: Float(1448)})
				h.Add(Observation{Ref: "ED05", Area: "Leeds", Period: per(m), Value: Float(200)})
			}
			for _, s := range tc.settings {
				s.Ref, s.Kind = "ED06", SetRetire
				if err := s.Check(); err != nil {
					t.Fatal(err)
				}
				h.Apply(&Dataset{ChartSettings: []ChartSetting{s}}, "")
			}
			for _, p := range tc.in {
				if !h.InCirculation("ED06", per(p)) || h.RetiredWords(ed06, per(p)) != "" {
					t.Errorf("ED06 is not in circulation in %s, or is said retired", p)
				}
			}
			for _, p := range tc.out {
				if h.InCirculation("ED06", per(p)) {
					t.Errorf("ED06 is in circulation in %s", p)
				}
			}
			for _, p := range append(tc.in, tc.out...) {
				if !h.InCirculation("ED05", per(p)) {
					t.Errorf("ED05, never retired, is not in circulation in %s", p)
				}
			}
			if len(tc.out) > 0 {
				if got := h.RetiredWords(ed06, per(tc.out[0])); got != tc.words {
					t.Errorf("RetiredWords:\n%s\nwant:\n%s", got, tc.words)
				}
			}
		})
	}
}
