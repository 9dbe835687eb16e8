package dfe

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepeatedRowsSaidOnce reads the DfE's children looked after file
// with its rows given twice, as a file of two releases combined gives
// the years they share, and one figure of Kent's revised between them.
// A warning for each repeated row buried, a thousand lines down, the
// one saying Kent's revised figures were not read (QA probe 10): the
// repeats are said once for each column, counted, and the conflict
// comes first.
func TestRepeatedRowsSaidOnce(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "cla_number_and_rate_per_10k_children.csv"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(string(src), "\ufeff")
	header, body, _ := strings.Cut(text, "\n")
	var revised []string
	kentLooked := 0
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(line, "2025,") && strings.Contains(line, ",Kent,") && strings.Contains(line, "Children looked after on 31 March each year") {
			kentLooked++
			line = strings.Replace(line, ",1896,", ",1900,", 1)
		}
		revised = append(revised, line)
	}
	if kentLooked != 1 {
		t.Fatalf("%d rows of Kent's children looked after in 2025, want 1", kentLooked)
	}
	combined := header + "\n" + strings.TrimSpace(body) + "\n" + strings.Join(revised, "\n") + "\n"
	rd := Reader{Mapping: DefaultMapping(), Model: DefaultModel()}
	_, warns, err := rd.Read("two releases.csv", strings.NewReader(combined))
	if err != nil {
		t.Fatal(err)
	}
	var repeats, conflict int
	first := -1
	for i, w := range warns {
		switch {
		case strings.Contains(w.Message, "repeats line"):
			repeats++
			if !strings.Contains(w.Message, "rows repeat earlier rows alike, each kept at its first") {
				t.Errorf("a repeat said alone, uncounted: %v", w)
			}
		case strings.Contains(w.Message, `children_count is "1900" here but "1896"`) && strings.Contains(w.Message, "neither read"):
			conflict++
			if first < 0 {
				first = i
			}
		}
	}
	if conflict != 1 {
		t.Errorf("%d warnings of Kent's two figures for 2025, want 1: %v", conflict, warns)
	}
	if repeats == 0 || repeats > 6 {
		t.Errorf("%d warnings of repeated rows, want one for each rule's column", repeats)
	}
	if len(warns) > 20 {
		t.Errorf("%d warnings for a file given twice, want a few", len(warns))
	}
}
