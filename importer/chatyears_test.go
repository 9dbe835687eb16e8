package importer

import (
	"context"
	"testing"
)

// TestAreaYearHeadings: ChAT's headings of the authority's name and the
// year ("Leeds 2022-23") beside "England 2023-24", on a sheet without
// Refs, are read as the authority's figures of those years, each said
// at its heading, and another council's column is refused at its
// heading; the sheet had been refused "no header row found" (QA27b 8).
func TestAreaYearHeadings(t *testing.T) {
	sheet := func(extra ...any) [][]any {
		head := append([]any{"Indicator", "Leeds 2022-23", "Leeds 2023-24", "England 2023-24"}, extra...)
		row := append([]any{"Re-referrals within 12 months (%)", 20.3, 19.7, 22.4}, make([]any, len(extra))...)
		for i := range extra {
			row[4+i] = 25.0
		}
		return [][]any{{"ChAT - Leeds"}, {}, head, row}
	}
	tests := []struct {
		name  string
		rows  [][]any
		obs   []string
		bench []string
		warns []cellWarn
	}{
		{"the authority's years and England's", sheet(),
			[]string{"RRW1M-0548 2022/23 20.3", "RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2023/24 22.4"},
			[]cellWarn{{"B3", `column B "Leeds 2022-23": read as Leeds's figures for 2022/23`}, {"C3", `column C "Leeds 2023-24": read as Leeds's figures for 2023/24`}}},
		{"another council's column", sheet("Bradford 2023-24"),
			[]string{"RRW1M-0548 2022/23 20.3", "RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2023/24 22.4"},
			[]cellWarn{{"E3", `column E "Bradford 2023-24" not read: "Bradford" is not Leeds or one of its districts`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Front door", tt.rows), Options{Authority: lookup(t, "Leeds")})
			if err != nil {
				t.Fatal(err)
			}
			checkYearTable(t, res, tt.obs, tt.bench, tt.warns)
		})
	}
}
