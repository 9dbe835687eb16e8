package views

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/export"
)

// The window's import of a suppressed export, into the store it came
// from, reviews and records none of its withheld figures (c) over the
// store's own, as the command line's does (app.KeepHeldFigures).
func TestReadFileKeepsHeldFigures(t *testing.T) {
	st := openStore(t)
	importDemo("file")(t, st)
	h, err := st.Load()
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "circulated.xlsx")
	sum, err := export.Write(context.Background(), out, h, export.Options{Suppress: 5})
	if err != nil || sum.Suppressed == 0 {
		t.Fatalf("export: %d suppressed, %v", sum.Suppressed, err)
	}
	res, err := (storeBackend{st}).ReadFile(context.Background(), out, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Dataset.Observations {
		if o.Status != app.Suppressed || o.Value != nil {
			continue
		}
		for _, was := range h.Series(o.Key()) {
			if was.Period == o.Period && was.Value != nil {
				t.Fatalf("the review would record %s %s %s as c over the store's %v (%s)", o.Ref, o.Area, o.Period, *was.Value, o.Cell)
			}
		}
	}
	var said bool
	for _, w := range res.Warnings {
		said = said || strings.Contains(w.Message, "withheld figures (c) not imported")
	}
	if !said {
		t.Errorf("no warning of the withheld figures left out: %v", res.Warnings)
	}
}
