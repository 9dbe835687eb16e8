package importer

import (
	"testing"

	"scorecard/app"
)

// TestUnratedRAGSaid: a quarterly scorecard rating on a target alone
// (Target and RAG columns, no floor) had its RAG read and kept while
// the app gave none, and the import said nothing (QA30 finding 5). It
// is said once a file, at the first figure rated that the app cannot
// rate; a file with floors says nothing.
func TestUnratedRAGSaid(t *testing.T) {
	rows := [][]any{
		{"CIC01", "Number of children in care", "-", "-", 392, 389, 391, 387, nil},
		{"CIC05", "Children in care with 3 or more placements in the last 12 months (%)", "L", 10.0, 11.8, 12.1, 11.9, 11.6, "Red"},
		{"SCS01", "Re-referrals to children's social care within 12 months (%)", "L", 20.0, 18.7, 19.9, 23.5, 24.8, "Red"},
	}
	quarters := []any{"Q1 2024-25", "Q2 2024-25", "Q3 2024-25", "Q4 2024-25", "RAG"}
	tests := []struct {
		name   string
		head   []any
		warned map[string][]string
		quiet  []string
	}{
		{"a target without a floor", append([]any{"Ref", "Indicator", "Polarity", "Target 2024/25"}, quarters...),
			map[string][]string{"H5": {"CIC05: the workbook rates its Jan-Mar 2025 figure RED", "gives its 2024/25 target no floor", "flagged rag-disagrees"}},
			[]string{"H6", "I5"}},
		{"a target and a floor", append([]any{"Ref", "Indicator", "Polarity", "Target 2024/25", "Floor 2024/25"}, quarters...), nil, []string{"I5", "I6", "J5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := rows
			if len(tt.head) == 10 {
				rs = nil
				for _, r := range rows {
					rs = append(rs, append(append(append([]any{}, r[:4]...), 12.0), r[4:]...))
				}
			}
			sheet := guessSheet{"Scorecard", [][]any{{"Kent Children's Social Care Performance Scorecard"}, {}}, tt.head, rs}
			_, res := sheet.read(t, "SCS01")
			checkWarned(t, res, "Scorecard", tt.warned)
			for _, cell := range tt.quiet {
				for _, w := range warnedAt(res, "Scorecard", cell) {
					t.Errorf("warned at %s %q, want nothing", cell, w)
				}
			}
			for _, o := range res.Dataset.Observations {
				if o.Ref == "SCS01" && o.Period == (app.Period{Kind: app.Quarter, Year: 2025, N: 1}) && o.SourceRAG != app.Red {
					t.Errorf("SCS01's Jan-Mar 2025 source RAG %q, want RED kept", o.SourceRAG)
				}
			}
		})
	}
}
