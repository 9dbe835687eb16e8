package importer

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestRAGFromFigureFill checks that, with no RAG column, the latest
// figure's own cell filled red, amber or green is read as the officer's
// RAG (QA33 r3: Bristol's CP plans second or subsequent, 26.3% filled
// red where the app rates amber), so that a disagreement is flagged: it
// had been read nowhere and said nowhere (QA33 F1's variant). A row
// highlighted whole (its Ref filled too) rates nothing, and a RAG column
// stands over any fill.
func TestRAGFromFigureFill(t *testing.T) {
	fill := func(hex string) *excelize.Style {
		return &excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex}}}
	}
	tests := []struct {
		name      string
		ragColumn bool // a RAG column after the months, left blank
		wholeRow  bool // the Ref and name cells filled as the figure is
		want      map[string]app.RAG
		wantSaid  string
	}{
		{name: "figure cells filled", want: map[string]app.RAG{"A1": app.Amber, "A2": app.Red, "A3": app.Green},
			wantSaid: "G2: 3 RAG ratings read from the fill of the latest figure's own cell"},
		{name: "rows highlighted whole", wholeRow: true, want: map[string]app.RAG{"A1": app.NoRAG, "A2": app.NoRAG, "A3": app.NoRAG}},
		{name: "beside a RAG column", ragColumn: true, want: map[string]app.RAG{"A1": app.NoRAG, "A2": app.NoRAG, "A3": app.NoRAG}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Scorecard"
			b.sheet(s)
			head := []any{"Ref", "Indicator", "Polarity", "Target 2024/25", "Floor 2024/25", "Feb-25", "Mar-25"}
			if tt.ragColumn {
				head = append(head, "RAG")
			}
			b.row(s, "A1", head...)
			rows := []struct {
				ref, name     string
				target, floor float64
				feb, mar      float64
				fill          string
			}{
				{"A1", "Re-referrals within 12 months (%)", 22, 25, 24.6, 22.8, "FFC000"},
				{"A2", "CP plans second or subsequent (%)", 24, 28, 26.6, 26.3, "FF0000"},
				{"A3", "Children with 3+ placements (%)", 9, 11, 8, 8.1, "00B050"},
			}
			for i, r := range rows {
				n := i + 2
				b.row(s, fmt.Sprintf("A%d", n), r.ref, r.name, "L", r.target, r.floor, r.feb, r.mar)
				b.style(s, fmt.Sprintf("G%d", n), fmt.Sprintf("G%d", n), fill(r.fill))
				if tt.wholeRow {
					b.style(s, fmt.Sprintf("A%d", n), fmt.Sprintf("F%d", n), fill(r.fill))
				}
			}
			res, err := Read(context.Background(), b.save("fills.xlsx"), Options{Authority: authorityNamed(t, "Bristol")})
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range res.Dataset.Observations {
				if o.Period == app.MonthOf(2025, time.March) && o.SourceRAG != tt.want[o.Ref] {
					t.Errorf("%s Mar-25: source RAG %q, want %q", o.Ref, o.SourceRAG, tt.want[o.Ref])
				}
				if o.Period == app.MonthOf(2025, time.February) && o.SourceRAG != app.NoRAG {
					t.Errorf("%s Feb-25: source RAG %q, want none (not the latest figure)", o.Ref, o.SourceRAG)
				}
			}
			said := false
			for _, w := range res.Warnings {
				said = said || tt.wantSaid != "" && strings.HasPrefix(w.Cell+": "+w.Message, tt.wantSaid)
			}
			if tt.wantSaid != "" && !said {
				t.Errorf("no warning %q in %v", tt.wantSaid, res.Warnings)
			}
		})
	}
}
