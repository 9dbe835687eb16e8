package importer

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestMarkedFigures checks a figure written with a GSS marker after it
// ("12 [u]", "17p") is read as its number, its text kept and the marker
// said at its cell, on a scorecard's month and in a tidy table's Value
// column; they had been skipped as not numbers. Elsewhere (a target) a
// marker is still not read, and says why.
func TestMarkedFigures(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Ref", "Indicator", "Polarity", "Target", "Jul-25", "Aug-25", "Sep-25"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"CIC01", "Number of children in care", "", "85 [p]", 1000, "1,010 [r]", "1020p"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"CIC02", "Percentage of children in care with 3+ placements", "L", "", "9.5%", "10.2% [u]", "11 [q]"})
	res := readFile(t, f)
	want := map[string]struct {
		value float64
		note  string // the warning at its cell; "" for none
	}{
		"E2": {1000, ""},
		"F2": {1010, `CIC01: "1,010 [r]" read as 1010, marked [r]: revised; the mark is set aside, kept only in the figure's source text`},
		"G2": {1020, `CIC01: "1020p" read as 1020, marked [p]: provisional; the mark is set aside, kept only in the figure's source text`},
		"F3": {10.2, `CIC02: "10.2% [u]" read as 10.2%, marked [u]: low reliability; the mark is set aside, kept only in the figure's source text`},
	}
	got := map[string]app.Observation{}
	for _, o := range res.Dataset.Observations {
		got[strings.TrimPrefix(o.Cell, "Sheet1!")] = o
	}
	for cell, w := range want {
		o, ok := got[cell]
		if !ok || o.Value == nil || *o.Value != w.value {
			t.Errorf("%s: read %+v, want %v", cell, o, w.value)
			continue
		}
		notes := warnedAt(res, "Sheet1", cell)
		if w.note == "" && len(notes) > 0 || w.note != "" && !slices.Contains(notes, w.note) {
			t.Errorf("%s: warned %q, want %q", cell, notes, w.note)
		}
		if w.note != "" && !strings.Contains(o.Raw, "[") && !strings.HasSuffix(o.Raw, "p") {
			t.Errorf("%s: raw text %q, want the cell's text kept", cell, o.Raw)
		}
	}
	if o, ok := got["G3"]; ok {
		t.Errorf("G3 %q (no such marker) read as %+v", "11 [q]", o)
	}
	if notes := warnedAt(res, "Sheet1", "G3"); len(notes) != 1 || !strings.Contains(notes[0], "skipped") {
		t.Errorf("G3: warned %q, want it said to be skipped", notes)
	}
	for _, tg := range res.Dataset.Targets {
		if tg.Ref == "CIC01" && tg.Target != nil {
			t.Errorf("target %q read as %v, want it skipped", "85 [p]", *tg.Target)
		}
	}
	if notes := warnedAt(res, "Sheet1", "D2"); len(notes) != 1 || !strings.Contains(notes[0], "marked [p] (provisional)") {
		t.Errorf("D2: warned %q, want the target's marker said", notes)
	}
}

// TestMarkedFiguresInATidyTable: a tidy table's Value "12 [u]" is 12,
// said at its line.
func TestMarkedFiguresInATidyTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tidy.csv")
	os.WriteFile(path, []byte("Ref,Period,Area,Value\nTST01,2026-03,Kent,12 [u]\nTST01,2026-04,Kent,14\n"), 0o600)
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var march *app.Observation
	for i, o := range res.Dataset.Observations {
		if o.Period == app.MonthOf(2026, 3) {
			march = &res.Dataset.Observations[i]
		}
	}
	if march == nil || march.Value == nil || *march.Value != 12 || march.Raw != "12 [u]" {
		t.Fatalf("March read as %+v, want 12 with its text kept", march)
	}
	said := false
	for _, w := range res.Warnings {
		said = said || strings.Contains(w.String(), "line 2") && strings.Contains(w.Message, `"12 [u]" read as 12, marked [u]: low reliability`)
	}
	if !said {
		t.Errorf("warnings %v, want the marker said at line 2", res.Warnings)
	}
}
