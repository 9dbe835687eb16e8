package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
	"scorecard/app/cohort"
)

// TestPackPagesCannotExclude guards QA R6's pack: excluding UASC, an
// indicator that cannot be worked out without UASC had no chart page,
// though page 1 lists its red, special-cause figure for all children and
// says each flagged indicator has a page. Now every indicator flagged in
// the all-children pack keeps its page under the exclusion: its own
// where it can be excluded, otherwise one of the figures without the
// exclusion, labelled "for all children, UASC counted"; a measure of
// pupils or schools, shown as published, says so on its own page.
func TestPackPagesCannotExclude(t *testing.T) {
	h, m := demoHistory(t)
	dir := t.TempDir()
	write := func(name string, cs []app.Cohort) []string {
		path := filepath.Join(dir, name)
		if _, err := Write(context.Background(), path, h, Options{Exclude: cs, Produced: produced}); err != nil {
			t.Fatal(err)
		}
		return pdfText(t, path)
	}
	pageOf := func(pages []string, ind app.Indicator) string {
		for _, pg := range pages {
			text := strings.Join(strings.Fields(pg), " ")
			if strings.Contains(text, "Flagged in October 2026") && strings.Contains(text, ind.Ref+" "+ind.Name) {
				return text
			}
		}
		return ""
	}
	all := write("all.pdf", nil)
	uasc := write("uasc.pdf", []app.Cohort{app.UASC})
	hx, _ := cohort.Exclude(h, []app.Cohort{app.UASC})

	// The demo's own: a measure of children and one of pupils.
	tests := []struct {
		ref, says, never string
	}{
		{"SEND01", "Cannot be worked out excluding UASC: for all children, UASC counted Flagged in October 2026, for all children, UASC counted: special-cause.", "shown as published"},
		{"CIC09", "This page shows all children's figures, UASC counted, as page 1 does", "shown as published"},
		// A measure of pupils without a split stands as published (QA30
		// 13): its own page, saying so, never "cannot".
		{"ED01", "ED01 Permanent exclusions per 10,000 pupils a measure of pupils, shown as published (no UASC split applies) Flagged in October 2026: small-numbers.", "annot"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			ind, _ := h.Indicator(tt.ref)
			pg := pageOf(uasc, ind)
			if !strings.Contains(pg, tt.says) {
				t.Errorf("the pack excluding UASC has no page saying %q for %s:\n%s", tt.says, tt.ref, pg)
			}
			if strings.Contains(pg, tt.never) {
				t.Errorf("%s's page says %q:\n%s", tt.ref, tt.never, pg)
			}
		})
	}

	// Every indicator flagged for all children keeps a page.
	kept := 0
	for _, ind := range h.Indicators() {
		if pageOf(all, ind) == "" {
			continue
		}
		pg := pageOf(uasc, ind)
		o, _ := hx.Observation(app.SeriesKey{Ref: ind.Ref, Area: app.Kent}, m.Latest())
		switch {
		case pg == "":
			t.Errorf("%s is flagged for all children but has no page excluding UASC (status %q)", ind.Ref, o.Status)
		case o.Status == app.CannotExclude && !strings.Contains(pg, "Cannot be worked out excluding UASC: "):
			t.Errorf("%s cannot exclude UASC, but its page does not say so:\n%s", ind.Ref, pg)
		case o.Status == app.CannotExclude:
			kept++
		}
	}
	if kept < 5 {
		t.Errorf("only %d pages of indicators that cannot exclude UASC: the check proves little", kept)
	}
	first := strings.Join(strings.Fields(uasc[0]), " ")
	if !strings.Contains(first, "and so has each that cannot be worked out excluding unaccompanied asylum-seeking children (UASC) but is flagged without the exclusion") {
		t.Errorf("page 1 does not say where the pages of what cannot be excluded are:\n%s", first)
	}
}
