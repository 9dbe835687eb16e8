package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// benchmarksOf lists ref's benchmarks as "PERIOD GROUP VALUE SOURCE",
// sorted.
func benchmarksOf(d *app.Dataset, ref string) []string {
	var out []string
	for _, b := range d.Benchmarks {
		if b.Ref == ref && b.Value != nil {
			out = append(out, fmt.Sprintf("%s %s %g %s", b.Period, b.Group, *b.Value, b.Source))
		}
	}
	slices.Sort(out)
	return out
}

// TestAreasUnderPeriods: months (or quarters) merged or written once
// over "Leeds | Stat neighbours" or "Leeds | England | Stat neighbours"
// (QA21 C2: l3d, l3g, l3h) are read a period at a time: the area's
// column is its figure for that month, England's and the neighbours' are
// that month's benchmarks, dated as a benchmark headed by a month is (the
// year it falls in), the latest month's standing for its year and an
// earlier one that differs said at its cell. Before, such a sheet was
// refused, or read as a district sheet dated by its title, January's
// figure stored as March's. What is still ambiguous is refused at its
// cell: a sub-column that is neither the area's nor a benchmark, or a
// second area beside the benchmarks; two areas alone under each month
// stay refused at the month.
func TestAreasUnderPeriods(t *testing.T) {
	tests := []struct {
		name      string
		auth      string
		title     string
		caps      []any // row 3 from C
		subs      []any // row 4 from C
		row       []any // row 5 from C
		merge     []string
		figures   []string // partsOf ref CLA1, area as area
		area      app.Area
		bench     []string
		warn      []string
		never     []string
		refused   string // the refusal's start; "" where the sheet is read
		refusedAt string
	}{
		{name: "l3h: Leeds | Stat neighbours merged under months, dated title", title: "Leeds Scorecard - March 2025",
			caps:    []any{"Jan-25", nil, "Feb-25", nil, "Mar-25", nil},
			subs:    []any{"Leeds", "Stat neighbours", "Leeds", "Stat neighbours", "Leeds", "Stat neighbours"},
			row:     []any{79, 75, 80, 75, 81, 75},
			merge:   []string{"C3:D3", "E3:F3", "G3:H3"},
			figures: []string{"2025-01 79 -/-", "2025-02 80 -/-", "2025-03 81 -/-"}, area: "Leeds",
			bench: []string{"2024/25 Statistical neighbours 75 Scorecard!H5"},
			warn:  []string{`book.xlsx: Scorecard!C3: Jan-25 to Mar-25 are each headed over sub-columns (Leeds | Stat neighbours, C4:H4): each period's "Leeds" column read as its figure, its "Stat neighbours" as that period's benchmarks, stored, as benchmarks are, for the year the period falls in`},
			never: []string{"district", "not stored", "here but", "not read"}},
		{name: "l3d: Leeds | England | SN written once, undated title", title: "Leeds Scorecard",
			caps:    []any{"Feb-25", nil, nil, "Mar-25", nil, nil},
			subs:    []any{"Leeds", "England", "Stat Neighbours", "Leeds", "England", "Stat Neighbours"},
			row:     []any{80, 70, 75, 81, 70, 76},
			figures: []string{"2025-02 80 -/-", "2025-03 81 -/-"}, area: "Leeds",
			bench: []string{"2024/25 England 70 Scorecard!G5", "2024/25 Statistical neighbours 76 Scorecard!H5"},
			warn: []string{`its "England" and "Stat Neighbours" as that period's benchmarks`,
				`book.xlsx: Scorecard!E5: CLA1: Statistical neighbours 75 under Feb-25 not stored: benchmarks are stored a year at a time, and Mar-25's 76 in column H stands for 2024/25`},
			never: []string{"England 70 under", "not read"}},
		{name: "quarters over Leeds | England", title: "Leeds Scorecard 2024/25",
			caps:    []any{"Q1 2024/25", nil, "Q2 2024/25", nil, "Q3 2024/25", nil},
			subs:    []any{"Leeds", "England", "Leeds", "England", "Leeds", "England"},
			row:     []any{79, 70, 80, 71, 81, 72},
			merge:   []string{"C3:D3", "E3:F3", "G3:H3"},
			figures: []string{"2024-Q2 79 -/-", "2024-Q3 80 -/-", "2024-Q4 81 -/-"}, area: "Leeds",
			bench: []string{"2024/25 England 72 Scorecard!H5"},
			warn: []string{`Scorecard!D5: CLA1: England 70 under Apr-Jun 2024 not stored: benchmarks are stored a year at a time, and Oct-Dec 2024's 72 in column H stands for 2024/25`,
				`Scorecard!F5: CLA1: England 71 under Jul-Sep 2024 not stored`}},
		{name: "another authority's name over the figures: the file is refused", auth: "Kent", title: "Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, "Mar-25", nil},
			subs:    []any{"Leeds", "England", "Leeds", "England"},
			row:     []any{80, 70, 81, 70},
			refused: "book.xlsx: area Leeds is Leeds's own area, not Kent's"},
		{name: "a sub-column that is neither the area's nor a benchmark", title: "Leeds Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, nil, "Mar-25", nil, nil},
			subs:    []any{"Leeds", "Comments", "England", "Leeds", "Comments", "England"},
			row:     []any{80, "ok", 70, 81, "ok", 70},
			refused: `book.xlsx: Scorecard!D4: refused: "Comments" under Feb-25 is neither the area's own figure nor an England or statistical neighbours' benchmark`},
		{name: "a second area beside the benchmarks", title: "Leeds Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, nil, "Mar-25", nil, nil},
			subs:    []any{"Leeds", "Bradford", "England", "Leeds", "Bradford", "England"},
			row:     []any{80, 90, 70, 81, 91, 70},
			refused: `book.xlsx: Scorecard!D4: refused: "Bradford" under Feb-25 is a second area beside "Leeds" at C4: two areas' figures under one month are not read`},
		{name: "another area under a later month", title: "Leeds Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, "Mar-25", nil},
			subs:    []any{"Leeds", "England", "Bradford", "England"},
			row:     []any{80, 70, 91, 70},
			refused: `book.xlsx: Scorecard!E4: refused: "Bradford" under Mar-25 is a second area beside "Leeds" at C4`},
		{name: "a district's title over another district's figures", auth: "Kent", title: "Ashford Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, "Mar-25", nil},
			subs:    []any{"Swale", "England", "Swale", "England"},
			row:     []any{80, 70, 81, 70},
			refused: `book.xlsx: Scorecard!C4: refused: "Swale" heads the figures under each month, but the sheet's title or name gives the area "Ashford"`},
		{name: "two areas alone under each month stay refused at the month", title: "Leeds locality Scorecard - March 2025",
			caps:    []any{"Feb-25", nil, "Mar-25", nil},
			subs:    []any{"East", "West", "East", "West"},
			row:     []any{300, 370, 305, 372},
			merge:   []string{"C3:D3", "E3:F3"},
			refused: `book.xlsx: Scorecard!C3: refused: Feb-25 is headed over sub-columns`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := excelize.NewFile()
			defer f.Close()
			sheet := "Scorecard"
			f.SetSheetName("Sheet1", sheet)
			f.SetSheetRow(sheet, "A1", &[]any{tt.title})
			f.SetSheetRow(sheet, "A3", &[]any{"Ref", "Indicator"})
			f.SetSheetRow(sheet, "C3", &tt.caps)
			f.SetSheetRow(sheet, "C4", &tt.subs)
			f.SetSheetRow(sheet, "A5", &[]any{"CLA1", "Rate of children looked after per 10,000"})
			f.SetSheetRow(sheet, "C5", &tt.row)
			for _, r := range tt.merge {
				from, to, _ := strings.Cut(r, ":")
				if err := f.MergeCell(sheet, from, to); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "book.xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			auth := tt.auth
			if auth == "" {
				auth = "Leeds"
			}
			res, err := Read(context.Background(), path, Options{Authority: lookup(t, auth)})
			if tt.refused != "" {
				var se *app.SourceError
				if err == nil || !errors.As(err, &se) || !strings.HasPrefix(err.Error(), tt.refused) {
					n := 0
					if res != nil {
						n = len(res.Dataset.Observations)
					}
					t.Fatalf("error %v (%d figures read), want one starting %q", err, n, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := partsOf(res.Dataset, "CLA1", tt.area); !slices.Equal(got, tt.figures) {
				t.Errorf("figures = %q, want %q", got, tt.figures)
			}
			if got := len(res.Dataset.Observations); got != len(tt.figures) {
				t.Errorf("%d figures in all, want %d", got, len(tt.figures))
			}
			if got := benchmarksOf(res.Dataset, "CLA1"); !slices.Equal(got, tt.bench) {
				t.Errorf("benchmarks = %q, want %q", got, tt.bench)
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}
