package export

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer"
)

// TestRegionColumnCirculated: a workbook's column of the region's figure
// ("South East 2023/24" for Kent), read at import as the region's
// benchmark, was in no export: the Scorecard sheet had England and the
// neighbours only, and the pack's chart page said "England 17.1;
// Statistical neighbours 18.3", so the officer's regional figure
// vanished from what is circulated unsaid (QA26b S3). It now stands
// beside England's, headed with the region's name, in England's number
// format, in the pack's scorecard and in its chart page's words; a
// workbook with no region figure gains no column.
func TestRegionColumnCirculated(t *testing.T) {
	months := []any{"Feb-24", "Mar-24", "Apr-24", "May-24", "Jun-24", "Jul-24", "Aug-24", "Sep-24", "Oct-24", "Nov-24", "Dec-24", "Jan-25"}
	tests := []struct {
		name, authority string
		benchHeads      []any  // the benchmark columns after the months
		head            string // the region column's heading, "" for none
		words           string // the pack's chart page says of MS01
	}{
		{"own region named", "Kent", []any{"England 2023/24", "South East 2023/24", "Stat neighbours 2023/24"}, "South East",
			"England 17.1; South East 16.2; Statistical neighbours 18.3; 2023/24 benchmarks"},
		{"region unnamed", "Kent", []any{"England 2023/24", "Regional average 2023/24", "Stat neighbours 2023/24"}, "South East",
			"England 17.1; South East 16.2; Statistical neighbours 18.3; 2023/24 benchmarks"},
		{"a northern region", "Leeds", []any{"England 2023/24", "Yorkshire and Humber 2023/24", "Stat neighbours 2023/24"}, "Yorkshire and The Humber",
			"England 17.1; Yorkshire and The Humber 16.2; Statistical neighbours 18.3; 2023/24 benchmarks"},
		{"no region", "Kent", []any{"England 2023/24", "Stat neighbours 2023/24"}, "",
			"England 17.1; Statistical neighbours 18.3; 2023/24 benchmarks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth, ok := app.LookupAuthority(tt.authority)
			if !ok {
				t.Fatalf("no authority %s", tt.authority)
			}
			dir := t.TempDir()
			head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target 2024/25", "Floor 2024/25"}, months...)
			ms01 := []any{"MS01", "Average social worker caseload", "L", "MS", "count", 18, 20, 19, 18, 18.5, 18.2, 18, 17.9, 18.4, 18.8, 19.2, 19.5, 19.9, 20.5, 17.1, 16.2, 18.3}
			pc01 := []any{"PC01", "Re-referrals within 12 months (%)", "L", "MS", "%", 20, 25, 22, 21, 23, 22, 21, 20, 22, 23, 24, 22, 21, 23, 22.4, 21.3, 23.9}
			if tt.head == "" {
				// England's and the neighbours' alone.
				ms01 = append(ms01[:len(ms01)-2], 18.3)
				pc01 = append(pc01[:len(pc01)-2], 23.9)
			}
			h := storeFor(t, auth, sheetWorkbook(t, dir, "Scorecard", [][]any{
				{tt.authority + " CYPE performance scorecard - January 2025"},
				append(head, tt.benchHeads...), ms01, pc01,
			}))
			opt := Options{Authority: auth, Area: auth.Area(), Produced: produced, AppVersion: "1.0-test"}
			for _, streamed := range []bool{false, true} {
				f, _ := written(t, h, opt, streamed)
				rows, err := f.GetRows(ScorecardSheet)
				if err != nil {
					t.Fatal(err)
				}
				heads := rows[headerRow-1]
				england := headerCol(t, f, "England")
				if got := heads[england]; tt.head != "" && got != tt.head || tt.head == "" && got != "Stat neighbours" {
					t.Errorf("streamed %v: the column after England's is headed %q, want %q", streamed, got, cmp.Or(tt.head, "Stat neighbours"))
				}
				if tt.head == "" {
					if n := len(heads) - england; n != 4 {
						t.Errorf("streamed %v: %d columns after England's (%q), want 4 as before", streamed, n, heads[england-1:])
					}
					continue
				}
				for _, want := range []struct {
					ref       string
					england   float64
					region    float64
					formatted string
				}{{"MS01", 17.1, 16.2, "16.2"}, {"PC01", 0.224, 0.213, "21%"}} {
					r := sheetRow(t, f, ScorecardSheet, want.ref)
					at, eat := cell(england+1, r), cell(england, r)
					if got := numberAt(t, f, ScorecardSheet, at); math.Abs(got-want.region) > 1e-9 {
						t.Errorf("streamed %v: %s %s = %v, want the region's %v", streamed, want.ref, at, got, want.region)
					}
					if got := numberAt(t, f, ScorecardSheet, eat); math.Abs(got-want.england) > 1e-9 {
						t.Errorf("streamed %v: %s England %s = %v, want %v", streamed, want.ref, eat, got, want.england)
					}
					rs, _ := f.GetCellStyle(ScorecardSheet, at)
					es, _ := f.GetCellStyle(ScorecardSheet, eat)
					if rs != es {
						t.Errorf("streamed %v: %s %s's style %d is not England's %d", streamed, want.ref, at, rs, es)
					}
					if got, _ := f.GetCellValue(ScorecardSheet, at); got != want.formatted {
						t.Errorf("streamed %v: %s %s shows %q, want %q", streamed, want.ref, at, got, want.formatted)
					}
				}
				// The caption over the benchmarks spans the region's column.
				if cap, _ := f.GetCellValue(ScorecardSheet, cell(england+1, headerRow-1)); cap != "Benchmarks" {
					t.Errorf("streamed %v: caption over the region's column %q, want Benchmarks", streamed, cap)
				}
			}
			pdf := filepath.Join(dir, "pack.pdf")
			if _, err := Write(context.Background(), pdf, h, opt); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf), " ")), " ")
			if !strings.Contains(text, tt.words) {
				t.Errorf("the pack does not say %q:\n%s", tt.words, text)
			}
			for _, line := range strings.Split(strings.Join(pdfText(t, pdf), "\n"), "\n") {
				// The scorecard table's row, rated; not the Districts page's.
				if f := strings.Fields(line); len(f) > 0 && f[0] == "PC01" && strings.Contains(line, "AMBER") {
					if has := strings.Contains(line, "21%"); has != (tt.head != "") {
						t.Errorf("the pack's scorecard row %q: region's 21%% shown %v, want %v", line, has, tt.head != "")
					}
				}
			}
		})
	}
}

// TestRegionColumnExcludedAndDistrict: the region's figure, like
// England's, is the authority's comparator counting all children: an
// export excluding UASC shows it under the "Benchmarks (all children)"
// caption, the pack heads it "(all children)" and its words say "for
// all children"; a district's export shows the authority's region as it
// shows England. Built on the demo with a South East figure beside each
// England figure, as a DfE file's regional row gives one.
func TestRegionColumnExcludedAndDistrict(t *testing.T) {
	tests := []struct {
		name, caption, packHead string
		opt                     Options
	}{
		{"Kent", "Benchmarks", "South East", Options{}},
		{"excluding UASC", "Benchmarks (all children)", "South East (all children)", Options{Exclude: []app.Cohort{app.UASC}}},
		{"Ashford", "Benchmarks", "South East", Options{Area: "Ashford"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, m := demoHistory(t)
			region := map[string]float64{} // by ref, the region's figure shown
			for _, ind := range h.Indicators() {
				s, ok := benchmark.Beside(h, ind.Ref, m.Latest())
				if !ok || s.England == nil || s.England.Value == nil {
					continue
				}
				v := math.Round(*s.England.Value*11) / 10 // a tenth above England's, to tell them apart
				h.AddBenchmark(app.Benchmark{Ref: ind.Ref, Period: s.England.Period, Group: "South East", Value: &v})
				region[ind.Ref] = v
			}
			if len(region) < 5 {
				t.Fatalf("the demo has %d indicators with an England figure", len(region))
			}
			opt := tt.opt
			opt.Produced, opt.AppVersion = produced, "1.0-test"
			f, _ := written(t, h, opt, false)
			col := headerCol(t, f, "South East")
			if col != headerCol(t, f, "England")+1 {
				t.Errorf("the South East column %d is not beside England's", col)
			}
			if cap, _ := f.GetCellValue(ScorecardSheet, cell(col, headerRow-1)); cap != tt.caption {
				t.Errorf("caption over the region's column %q, want %q", cap, tt.caption)
			}
			for ref, v := range region {
				ind, _ := h.Indicator(ref)
				r := sheetRow(t, f, ScorecardSheet, ref)
				at := cell(col, r)
				if got, want := numberAt(t, f, ScorecardSheet, at), cellNumber(ind, v); got != want {
					t.Errorf("%s %s = %v, want the region's %v", ref, at, got, want)
				}
				rs, _ := f.GetCellStyle(ScorecardSheet, at)
				es, _ := f.GetCellStyle(ScorecardSheet, cell(col-1, r))
				if rs != es {
					t.Errorf("%s %s's style %d is not England's %d", ref, at, rs, es)
				}
			}
			pdf := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), pdf, h, opt); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf), " ")), " ")
			if regexp.MustCompile(`England [^;]+; Statistical neighbours`).MatchString(text) {
				t.Errorf("a chart page words England's and the neighbours' figures without the region's between")
			}
			if !regexp.MustCompile(`England [^;]+; South East [^;]+; Statistical neighbours`).MatchString(text) {
				t.Errorf("no chart page words the region's figure beside England's:\n%s", text)
			}
			words := strings.Fields(tt.packHead)
			if !strings.Contains(text, strings.Join(words, " ")) && !containsAll(text, words) {
				t.Errorf("the pack's scorecard has no %q column", tt.packHead)
			}
		})
	}
}

// containsAll reports whether text holds every word.
func containsAll(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// TestRegionOriginalReread: the officer's workbook revised in its own
// layout keeps its region column, and imported again reads it as the
// region's benchmark. Excluding UASC its heading is labelled "South East
// 2023/24 (all children)", as England's is, which the importer took for
// a heading it did not know; it is now known as the region's, and on
// that sheet of figures excluding UASC refused for the reason England's
// is, not as unknown (QA26b S3).
func TestRegionOriginalReread(t *testing.T) {
	auth, _ := app.LookupAuthority("Kent")
	for _, tt := range []struct {
		name    string
		exclude []app.Cohort
		head    string   // the region's heading in the revised workbook
		region  []string // the region's figures read again
		said    string   // what is said at the region's heading, I2
	}{
		{"all children", nil, "South East 2023/24", []string{"MS01 2023/24 16.2"},
			`column I "South East 2023/24" read as South East's figure, the region of Kent, a benchmark`},
		{"excluding UASC", []app.Cohort{app.UASC}, "South East 2023/24 (all children)", nil,
			`column I "South East 2023/24 (all children)" not read: the sheet's title or name says its figures count all children excluding UASC, and an indicator's targets and benchmarks are read beside all children's figures only`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			orig := sheetWorkbook(t, dir, "Scorecard", [][]any{
				{"Kent CYPE performance scorecard - March 2025"},
				{"Ref", "Indicator", "Polarity", "Unit", "Jan-25", "Feb-25", "Mar-25", "England 2023/24", "South East 2023/24", "Stat neighbours 2023/24"},
				{"MS01", "Average social worker caseload", "L", "count", 19.2, 19.9, 20.5, 17.1, 16.2, 18.3},
			})
			h := storeFor(t, auth, orig)
			out := filepath.Join(dir, "revised.xlsx")
			opt := Options{Authority: auth, Original: orig, Reread: importer.Reread, Exclude: tt.exclude, Produced: produced, AppVersion: "1.0-test"}
			if _, err := Write(context.Background(), out, h, opt); err != nil {
				t.Fatal(err)
			}
			if tt.exclude != nil {
				// The revised title ("... - excluding unaccompanied
				// asylum-seeking children (UASC)") is refused on import
				// as naming UASC twice, apart from this fix: worded as
				// that refusal asks.
				f, err := excelize.OpenFile(out)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStr("Scorecard", "A1", "Kent CYPE performance scorecard - March 2025 - Excluding UASC"); err != nil {
					t.Fatal(err)
				}
				if err := f.Save(); err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
			res, err := importer.Read(context.Background(), out, importer.Options{Authority: auth})
			if err != nil {
				t.Fatal(err)
			}
			var region []string
			for _, bm := range res.Dataset.Benchmarks {
				if bm.Group == "South East" && bm.Value != nil {
					region = append(region, fmt.Sprintf("%s %s %v", bm.Ref, bm.Period.Label(), *bm.Value))
				}
			}
			if !slices.Equal(region, tt.region) {
				t.Errorf("the revised workbook re-read gives the region's %q, want %q", region, tt.region)
			}
			said, england := "", ""
			for _, w := range res.Warnings {
				switch w.Cell {
				case "I2":
					said = w.Message
				case "H2":
					england = w.Message
				}
			}
			if !strings.Contains(said, tt.said) {
				t.Errorf("at the region's heading %q: %q, want %q", tt.head, said, tt.said)
			}
			// Refused, it is refused as England's is.
			if _, why, refused := strings.Cut(said, "not read: "); refused && !strings.HasSuffix(england, why) {
				t.Errorf("the region's column refused %q, England's %q", said, england)
			}
		})
	}
}
