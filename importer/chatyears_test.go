package importer

import (
	"context"
	"testing"

	"scorecard/app"
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

// TestAuthorityWithMoreYearHeadings: ChAT heads the authority's column
// "Kent LA 2022-23", its name with "LA" added, beside "England 2022-23"
// and "Statistical neighbours 2022-23"; the sheet had been refused "no
// header row found", the benchmarks with it, and a turned table's "Kent
// LA" column (a LAIT row "Kent LA") likewise. The authority's name with
// more words gives its figures of the year, said at the heading, the
// benchmarks theirs, as "Kent 2022-23" does; another council's so named
// is refused at its heading.
func TestAuthorityWithMoreYearHeadings(t *testing.T) {
	const name = "Re-referrals within 12 months (%)"
	tests := []struct {
		name  string
		rows  [][]any
		obs   []string
		bench []string
		warns []cellWarn
	}{
		{"Kent LA beside England and the neighbours",
			[][]any{{"ChAT - Kent"}, {}, {"Indicator", "Kent LA 2022-23", "Kent LA 2023-24", "England 2022-23", "Statistical neighbours 2022-23"}, {name, 20.3, 19.7, 22.4, 21.0}},
			[]string{"RRW1M-0548 2022/23 20.3", "RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2022/23 22.4", "RRW1M-0548 Statistical neighbours 2022/23 21"},
			[]cellWarn{{"B3", `column B "Kent LA 2022-23": read as Kent's figures for 2022/23`}, {"C3", `column C "Kent LA 2023-24": read as Kent's figures for 2023/24`}}},
		{"Kent and the year with a slash",
			[][]any{{"ChAT - Kent"}, {}, {"Indicator", "Kent 2022/23", "England 2022/23", "Statistical neighbours 2022/23"}, {name, 20.3, 22.4, 21.0}},
			[]string{"RRW1M-0548 2022/23 20.3"},
			[]string{"RRW1M-0548 England 2022/23 22.4", "RRW1M-0548 Statistical neighbours 2022/23 21"},
			[]cellWarn{{"B3", `column B "Kent 2022/23": read as Kent's figures for 2022/23`}}},
		{"another council's with LA",
			[][]any{{"ChAT - Kent"}, {}, {"Indicator", "Kent LA 2023-24", "Essex LA 2023-24", "England 2023-24"}, {name, 19.7, 25.0, 22.4}},
			[]string{"RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2023/24 22.4"},
			[]cellWarn{{"C3", `column C "Essex LA 2023-24" not read: "Essex LA" is not Kent or one of its districts`}}},
		{"a turned table's Kent LA column",
			[][]any{{name}, {}, {"Year", "Kent LA", "England", "Statistical neighbours"}, {"2022-23", 20.3, 22.4, 21.0}, {"2023-24", 19.7, 22.0, 20.5}},
			[]string{"RRW1M-0548 2022/23 20.3", "RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2022/23 22.4", "RRW1M-0548 England 2023/24 22", "RRW1M-0548 Statistical neighbours 2022/23 21", "RRW1M-0548 Statistical neighbours 2023/24 20.5"},
			[]cellWarn{{"B3", `"Kent LA" read as Kent (LA 886, E10000016), its name with more words or its code`}}},
		{"a LAIT row of Kent LA",
			[][]any{{name}, {}, {"LA name", "2022-23", "2023-24"}, {"Kent LA", 20.3, 19.7}, {"England", 22.4, 22.0}},
			[]string{"RRW1M-0548 2022/23 20.3", "RRW1M-0548 2023/24 19.7"},
			[]string{"RRW1M-0548 England 2022/23 22.4", "RRW1M-0548 England 2023/24 22"},
			[]cellWarn{{"A4", `"Kent LA" read as Kent (LA 886, E10000016), its name with more words or its code`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), writeBook(t, "Front door", tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkAreaYears(t, res, app.Kent, tt.obs, tt.bench, tt.warns)
		})
	}
}
