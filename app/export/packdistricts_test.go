package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestPackDistrictHeads: the pack's Districts page heads each district
// with its name whole, not broken mid-word ("Canterb|ury"), and gives a
// column only to an area with figures for the month, naming those left
// out beneath (QA23c D4).
func TestPackDistrictHeads(t *testing.T) {
	demo, _ := demoHistory(t)
	for _, tt := range []struct {
		name      string
		h         *app.History
		want, not []string
	}{
		{"demo, every district", demo, []string{"Canterbury", "Folkestone", "Gravesham", "Maidstone", "Sevenoaks", "Tonbridge", "Unknown"}, []string{"so no column"}},
		{"county only", healthChecks(), []string{"No figures for December 2025, so no column: Ashford, Canterbury, Dartford, Dover,"}, []string{"Swale Thanet"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, tt.h, Options{Produced: produced}); err != nil {
				t.Fatal(err)
			}
			var page string
			for _, pg := range pdfText(t, path) {
				if strings.Contains(pg, "rated against the Kent target") {
					page = pg
					break
				}
			}
			words := map[string]bool{}
			for _, w := range strings.Fields(page) {
				words[w] = true
			}
			text := strings.Join(strings.Fields(page), " ")
			for _, w := range tt.want {
				if !words[w] && !strings.Contains(text, w) || !strings.Contains(w, " ") && !words[w] {
					t.Errorf("the Districts page does not say %q whole:\n%s", w, page)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("the Districts page says %q:\n%s", n, page)
				}
			}
		})
	}
}
