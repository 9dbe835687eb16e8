package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPackPromisesOnlyItsPages: every indicator page 1 lists either has
// a chart page or says, after its line, why it has none (QA23c D2: page
// 1 promised a page for each flagged indicator, and none came for one
// whose figure was withheld or that raised no flag).
func TestPackPromisesOnlyItsPages(t *testing.T) {
	h, _ := demoHistory(t)
	for _, tt := range []struct {
		name string
		opt  Options
	}{
		{"all children", Options{}},
		{"excluding UASC", Options{Exclude: []app.Cohort{app.UASC}}},
		{"suppressing under 10", Options{Suppress: 10}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Produced = produced
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, tt.opt); err != nil {
				t.Fatal(err)
			}
			pages := pdfText(t, path)
			first := strings.Join(strings.Fields(pages[0]), " ")
			hasPage := func(ind app.Indicator) bool {
				for _, pg := range pages[1:] {
					text := strings.Join(strings.Fields(pg), " ")
					if strings.Contains(text, "Flagged in October 2026") && strings.Contains(text, ind.Ref+" "+ind.Name) {
						return true
					}
				}
				return false
			}
			// Each listed indicator's line runs to the next's, or to the
			// small-numbers foot.
			starts := map[string]int{}
			for _, ind := range h.Indicators() {
				if i := strings.Index(first, ind.Name+": "); i >= 0 {
					starts[ind.Ref] = i
				}
			}
			paged, unpaged := 0, 0
			for _, ind := range h.Indicators() {
				i, ok := starts[ind.Ref]
				if !ok {
					continue
				}
				end := len(first)
				for _, j := range starts {
					if j > i && j < end {
						end = j
					}
				}
				if j := strings.Index(first[i:end], "Small numbers:"); j >= 0 {
					end = i + j
				}
				line := first[i:end]
				says := strings.Contains(line, "No chart page: ")
				switch has := hasPage(ind); {
				case has && says:
					t.Errorf("%s has a chart page but page 1 says it has none: %s", ind.Ref, line)
				case !has && !says:
					t.Errorf("%s has no chart page and page 1 does not say why: %s", ind.Ref, line)
				case has:
					paged++
				default:
					unpaged++
				}
			}
			if paged == 0 || unpaged == 0 {
				t.Errorf("%d listed with a page, %d without: the check proves little", paged, unpaged)
			}
		})
	}
}
