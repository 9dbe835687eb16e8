package pdf

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		want   []float64
	}{
		{0, 10, []float64{0, 2, 4, 6, 8, 10}},
		{48.2, 55.1, []float64{50, 52, 54}},
		{0.3, 1.2, []float64{0.4, 0.6, 0.8, 1, 1.2}},
		{1400, 1520, []float64{1400, 1425, 1450, 1475, 1500}},
		{5, 5, []float64{5}},
	}
	for _, tt := range tests {
		got := ticks(tt.lo, tt.hi, 5)
		for i := range got {
			got[i] = math.Round(got[i]*1e9) / 1e9
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ticks(%v, %v) = %v, want %v", tt.lo, tt.hi, got, tt.want)
		}
	}
}

func TestTextOn(t *testing.T) {
	tests := []struct {
		fill  RGB
		white bool
	}{{"FF0000", true}, {"FFC000", false}, {"92D050", false}, {"1F4E79", true}, {"", false}}
	for _, tt := range tests {
		r, _, _ := textOn(tt.fill)
		if (r == 255) != tt.white {
			t.Errorf("text on %q is white: %v, want %v", tt.fill, r == 255, tt.white)
		}
	}
}

// TestTextReadsBack draws a page of text beyond Latin-1, a table that
// runs over a page, and a chart, and reads the text back with pdftotext:
// the embedded font carries every character, and each page has its
// marking and its number of the total.
func TestTextReadsBack(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed, and CI must have it (scripts/setup.sh test)")
		}
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	d := New(Footer{Lines: [2]string{"Report – October 2026, excluding UASC", "Produced 24 November 2026"}, Marking: "OFFICIAL-SENSITIVE"},
		Info{Title: "Test", Created: time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)})
	d.Page()
	const accents = "Données et rapports: Łódź, Ærøskøbing, Ŵyddgrug, São Tomé, «quoted» — ↑ improved ↓ worsened"
	d.Title(accents)
	tb := Table{Size: 8, Columns: []Column{{Head: "Ref", Width: 20}, {Head: "Name", Width: 100}}}
	for i := range 80 {
		tb.Rows = append(tb.Rows, Row{Cells: []Cell{{Text: "R" + string(rune('A'+i%26))}, {Text: "row", Fill: "FF0000"}}})
	}
	d.Table(tb)
	d.Chart(Chart{Labels: []string{"Jan", "Feb", "Mar"}, Values: []float64{1, math.NaN(), 3}, Mean: []float64{2, 2, 2},
		Special: []int{0, 0, -1}, Format: func(v float64) string { return "x" }}, d.Width(), 80)
	var buf bytes.Buffer
	if err := d.Output(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(strings.TrimRight(string(out), "\f"), "\f")
	if len(pages) != d.Pages() || len(pages) < 3 {
		t.Fatalf("%d pages read, %d drawn; want 3 or more", len(pages), d.Pages())
	}
	if !strings.Contains(strings.Join(strings.Fields(pages[0]), " "), accents) {
		t.Errorf("page 1 does not read back %q:\n%s", accents, pages[0])
	}
	for i, pg := range pages {
		text := strings.Join(strings.Fields(pg), " ")
		for _, want := range []string{"OFFICIAL-SENSITIVE", "Report – October 2026, excluding UASC", "Page " + string(rune('1'+i)) + " of " + string(rune('0'+len(pages)))} {
			if !strings.Contains(text, want) {
				t.Errorf("page %d does not say %q", i+1, want)
			}
		}
		if i > 0 && !strings.Contains(pg, "Ref") {
			t.Errorf("page %d does not repeat the table's heading", i+1)
		}
	}
}
