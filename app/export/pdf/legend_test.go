package pdf

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestChartLegendKeysWhatIsDrawn: a chart's legend keys each
// special-cause colour it draws, the purple of a measure with no
// polarity too (QA23c D3: purple dots had no key), and no colour or
// target it does not draw; a note is written on the chart (QA23c D5).
func TestChartLegendKeysWhatIsDrawn(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	nan := math.NaN()
	for _, tt := range []struct {
		name      string
		special   []int
		target    []float64
		notes     []ChartNote
		want, not []string
	}{
		{"no polarity", []int{0, 2, 2}, []float64{nan, nan, nan}, nil,
			[]string{"Special cause (no polarity: neither better nor worse)"}, []string{"improving", "concerning", "Target"}},
		{"improving and concerning", []int{1, 0, -1}, []float64{2, 2, 2}, []ChartNote{{At: 1, Text: "Rebased from Feb: new model"}},
			[]string{"Special cause, improving", "Special cause, concerning", "Target", "Rebased from Feb: new model"}, []string{"no polarity"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := New(Footer{}, Info{Title: "Test", Created: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
			d.Page()
			d.Chart(Chart{Labels: []string{"Jan", "Feb", "Mar"}, Values: []float64{1, 2, 3}, Mean: []float64{2, 2, 2}, Target: tt.target,
				Special: tt.special, Notes: tt.notes, Format: func(v float64) string { return "x" }}, d.Width(), 80)
			var buf bytes.Buffer
			if err := d.Output(&buf); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "t.pdf")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdftotext, path, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(string(out)), " ")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the chart does not say %q: %s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the chart says %q: %s", n, text)
				}
			}
		})
	}
}
