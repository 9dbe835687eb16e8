package importer

import (
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestRAGFillLastColumn: a RAG given by fill colour alone is read
// whatever follows it on its row: as the last column, or before a
// Comments column left blank (QA33 F1). The scanner had let a filled
// blank count only where content followed it, so such a RAG was lost
// without a word and an officer's RED beside the app's AMBER unflagged.
func TestRAGFillLastColumn(t *testing.T) {
	fills := map[string]app.RAG{"FF0000": app.Red, "FFC000": app.Amber, "00B050": app.Green}
	for _, tt := range []struct {
		name    string
		heading []any
	}{
		{"RAG last", []any{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "RAG"}},
		{"blank Comments after", []any{"Ref", "Indicator", "Polarity", "Target", "Floor", "Apr-25", "May-25", "RAG", "Comments"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			b.row(s, "A1", tt.heading...)
			rows := []struct {
				ref, fill string
			}{{"A1", "FFC000"}, {"A2", "FF0000"}, {"A3", "00B050"}}
			for i, r := range rows {
				n := i + 2
				b.row(s, cellName(n-1, 0), r.ref, "Re-referrals within 12 months (%)", "L", 20, 25, 21.5, 23.9)
				at := cellName(n-1, 7)
				b.style(s, at, at, &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{r.fill}}})
			}
			res, err := Read(context.Background(), b.save("rag.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]app.RAG{}
			for _, o := range res.Dataset.Observations {
				if o.Period == app.MonthOf(2025, time.May) {
					got[o.Ref] = o.SourceRAG
				}
			}
			for _, r := range rows {
				if got[r.ref] != fills[r.fill] {
					t.Errorf("%s: source RAG %q, want %q from its fill %s", r.ref, got[r.ref], fills[r.fill], r.fill)
				}
			}
		})
	}
}
