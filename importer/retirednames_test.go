package importer

import (
	"context"
	"strings"
	"testing"

	"scorecard/app"
)

// TestRetiredNameFiling: the officer retired SG07 (scorecard retire) and
// the scorecard gives the same measure as SG17 since, so the store holds
// the name under both Refs. A file keyed by names giving it had been
// filed under a ref made from the name, a third indicator beside both
// histories. It is filed under the Ref in circulation for the file's
// figures, said at its cell; where that leaves no one Ref (its figures
// before the retirement, or both retired), it is refused at its cell
// naming both. Where neither is retired it is kept under the made ref,
// as before.
func TestRetiredNameFiling(t *testing.T) {
	const name = "Number of strategy meetings"
	stored := []app.Indicator{{Ref: "SG07", Name: name}, {Ref: "SG17", Name: name}}
	apr25, jul25 := app.MonthOf(2025, 4), app.MonthOf(2025, 7)
	scorecard := func(month string) [][]any {
		// Another indicator's row beside it, so that the file has
		// something to import where the name is refused.
		return [][]any{{"Indicator", "Polarity", month}, {name, "H", 15}, {"Number of referrals", "L", 40}}
	}
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		retired map[string]app.Period
		ref     string // the ref its figure is filed under; "" for none read
		cell    string
		said    string
	}{
		{"the successor in circulation", func(t *testing.T) string { return writeBook(t, "Scorecard", scorecard("Jun-25")) },
			map[string]app.Period{"SG07": apr25}, "SG17", "A2",
			`"Number of strategy meetings" filed under SG17, the indicator of the same name in the store that is in circulation, not under SG07 (retired from Apr-25, scorecard retire) nor under NSM-1324 made from the name`},
		{"a tidy CSV keyed by names", func(t *testing.T) string {
			return writeCSV(t, "Month,Measure,Value\n2025-06,"+name+",15\n")
		}, map[string]app.Period{"SG07": apr25}, "SG17", "line 2",
			`"Number of strategy meetings" filed under SG17, the indicator of the same name in the store that is in circulation, not under SG07 (retired from Apr-25, scorecard retire)`},
		{"a LAIT table titled by the name", func(t *testing.T) string {
			return writeBook(t, "Data", [][]any{{name}, {}, {"LA name", "2024-25", "2025-26"}, {"Kent", 14, 15}, {"England", 11, 13}})
		}, map[string]app.Period{"SG07": apr25}, "SG17", "A1",
			`"Number of strategy meetings" filed under SG17, the indicator of the same name in the store that is in circulation`},
		{"figures from before the retirement", func(t *testing.T) string { return writeBook(t, "Scorecard", scorecard("Feb-25")) },
			map[string]app.Period{"SG07": apr25}, "", "A2",
			`"Number of strategy meetings" not read: it is the name of SG07 (retired from Apr-25) and SG17 in the store, and which of them it gives cannot be told from the name, as SG07 and SG17 were each in circulation for Feb-25, this file's latest figure; give the sheet a Ref column saying which it is`},
		{"both retired", func(t *testing.T) string { return writeBook(t, "Scorecard", scorecard("Sep-25")) },
			map[string]app.Period{"SG07": apr25, "SG17": jul25}, "", "A2",
			`"Number of strategy meetings" not read: it is the name of SG07 (retired from Apr-25) and SG17 (retired from Jul-25) in the store, and which of them it gives cannot be told from the name, as every one of them is retired`},
		{"neither retired, as before", func(t *testing.T) string { return writeBook(t, "Scorecard", scorecard("Jun-25")) },
			nil, "NSM-1324", "A2",
			`"Number of strategy meetings" kept under NSM-1324 made from the name, not guessed: indicators of the same name have the Refs SG07 (the store) and SG17 (the store)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
			res, err := Read(context.Background(), path, Options{Indicators: stored, Retired: tt.retired})
			if err != nil {
				t.Fatal(err)
			}
			var refs []string
			for _, o := range res.Dataset.Observations {
				if o.Value != nil && *o.Value == 15 {
					refs = append(refs, o.Ref)
				}
			}
			warns := res.Warnings
			want := []string{tt.ref}
			if tt.ref == "" {
				want = nil
			}
			if strings.Join(refs, " ") != strings.Join(want, " ") {
				t.Errorf("figures filed under %v, want %v", refs, want)
			}
			said := false
			for _, w := range warns {
				if w.Cell == tt.cell && strings.Contains(w.Message, tt.said) {
					said = true
				}
			}
			if !said {
				t.Errorf("not said at %s: %s\n%v", tt.cell, tt.said, warns)
			}
		})
	}
}
