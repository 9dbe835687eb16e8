package main

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// impliedDistricts are May-26's figures of QA31's pctonly.xlsx and
// rates.xlsx shapes, by district: children in care (N02), of them with 3+
// placements (P03's hidden numerator), care starts (N01) and the 0-17
// population (public).
var impliedDistricts = []struct {
	name                  string
	inCare, placed, start int
	pop                   float64
}{
	{"Ashford", 62, 9, 1, 25000},
	{"Canterbury", 67, 2, 1, 26500},
	{"Dartford", 79, 4, 6, 28000},
	{"Dover", 90, 2, 12, 29500},
	{"Folkestone and Hythe", 101, 8, 7, 31000},
	{"Gravesham", 107, 3, 8, 32500},
	{"Maidstone", 118, 11, 2, 34000},
	{"Sevenoaks", 127, 4, 9, 35500},
	{"Swale", 131, 12, 6, 37000},
	{"Thanet", 140, 15, 10, 38500},
	{"Tonbridge and Malling", 150, 9, 7, 40000},
	{"Tunbridge Wells", 160, 10, 5, 41500},
}

// writeImpliedBook writes the QA's shapes as a tidy Data sheet with its
// Definitions: P03 a percentage given without counts whose guidance names
// N02 its denominator, R02 a rate with its counts and R03 the same rate
// published without them, and P04 a percentage that nothing ties to a
// count.
func writeImpliedBook(t *testing.T, path string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Data")
	rows := [][]any{{"Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value", "Status"}}
	add := func(ref, area string, num, den any, v float64) {
		rows = append(rows, []any{ref, "2026-05", area, "All", num, den, v})
	}
	var inCare, placed, starts int
	var pop float64
	for i, d := range impliedDistricts {
		add("N02", d.name, "", "", float64(d.inCare))
		add("P03", d.name, "", "", math.Round(1000*float64(d.placed)/float64(d.inCare))/10)
		add("N01", d.name, "", "", float64(d.start))
		add("R02", d.name, d.start, d.pop, float64(d.start)/d.pop*10000)
		add("R03", d.name, "", "", math.Round(float64(d.start)/d.pop*1000000)/100)
		add("P04", d.name, "", "", float64(40+i)+0.5)
		inCare, placed, starts, pop = inCare+d.inCare, placed+d.placed, starts+d.start, pop+d.pop
	}
	add("N02", "Kent", "", "", float64(inCare))
	add("P03", "Kent", "", "", math.Round(1000*float64(placed)/float64(inCare))/10)
	add("N01", "Kent", "", "", float64(starts))
	add("R02", "Kent", starts, pop, float64(starts)/pop*10000)
	add("R03", "Kent", "", "", math.Round(float64(starts)/pop*1000000)/100)
	add("P04", "Kent", "", "", 46.1)
	for i, r := range rows {
		if err := f.SetSheetRow("Data", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("Definitions"); err != nil {
		t.Fatal(err)
	}
	defs := [][]any{
		{"Ref", "Indicator", "Section", "Polarity", "Unit", "Decimals", "Measure", "Data Period", "Target Year", "How it is calculated", "Cohorts not counted", "Owner"},
		{"N01", "Number of children starting to be looked after in the month", "Children in Care", "", "count", 0, "count", "MS", "Financial", "Children who started to be looked after during the month.", "", ""},
		{"N02", "Number of children in care", "Children in Care", "", "count", 0, "count", "MS", "Financial", "Children looked after on the last day of the month.", "", ""},
		{"P03", "Children in care with 3 or more placements (%) - as published", "Children in Care", "L", "%", 1, "proportion", "R12M", "Financial",
			"Numerator: children in care with 3+ placements in 12 months. Denominator: all children in care on the last day of the month (N02).", "", ""},
		{"R02", "Rate of children starting to be looked after per 10,000 children", "Children in Care", "", "per 10k", 1, "rate", "MS", "Financial",
			"Children starting to be looked after in the month (N01) per 10,000 children aged 0-17; denominator ONS mid-2024 population of the area.", "", ""},
		{"R03", "Rate of care starts per 10,000 children (published rate)", "Children in Care", "", "per 10k", 2, "rate", "MS", "Financial",
			"Care starts in the month per 10,000 children aged 0-17; denominator ONS mid-2024 population of the area.", "", ""},
		{"P04", "Care leavers in education, employment or training (%)", "Care Leavers", "H", "%", 1, "proportion", "MS", "Financial",
			"Care leavers aged 19-21 in education, employment or training, as published by the DfE.", "", ""},
	}
	for i, r := range defs {
		if err := f.SetSheetRow("Definitions", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestExportWithholdsImpliedCounts is QA31 findings 10 and 4: a
// percentage given without counts beside its denominator's figures, and a
// rate per 10,000 beside its withheld count, gave the children away
// (3.0% of 67 is 2). Both must be withheld with the count they imply,
// and a percentage nothing ties to a count said to be unprotected, on
// the command line, in the summary and on the Provenance sheet; by
// either way the export reads the store.
func TestExportWithholdsImpliedCounts(t *testing.T) {
	for _, pieces := range []bool{true, false} {
		t.Run(fmt.Sprint("pieces=", pieces), func(t *testing.T) {
			defer func(was bool) { exportReadsPieces = was }(exportReadsPieces)
			exportReadsPieces = pieces
			dir := t.TempDir()
			book, db, out := filepath.Join(dir, "pctonly.xlsx"), filepath.Join(dir, "s.db"), filepath.Join(dir, "e.xlsx")
			writeImpliedBook(t, book)
			mustRun(t, db, "import", book)
			said := mustRun(t, db, "export", "--out", out)

			x, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			rows, err := x.GetRows("Data")
			if err != nil {
				t.Fatal(err)
			}
			status := map[string]string{}
			for _, r := range rows[1:] {
				for len(r) < 8 {
					r = append(r, "")
				}
				status[r[0]+" "+r[2]] = r[7]
			}
			for _, d := range impliedDistricts {
				implied := math.Round(float64(d.placed)/float64(d.inCare)*1000) / 1000 * float64(d.inCare)
				wantP03 := ""
				if n := math.Round(implied); n >= 1 && n <= 4 {
					wantP03 = "c"
				}
				if got := status["P03 "+d.name]; got != wantP03 {
					t.Errorf("P03 %s (%d of %d): status %q, want %q", d.name, d.placed, d.inCare, got, wantP03)
				}
				// R03 is withheld wherever R02, its twin with counts, is.
				if got, twin := status["R03 "+d.name], status["R02 "+d.name]; got != twin {
					t.Errorf("R03 %s (%d starts): status %q, R02's %q", d.name, d.start, got, twin)
				}
			}
			if status["R02 Canterbury"] != "c" {
				t.Errorf("R02 Canterbury (1 start) status %q, want c", status["R02 Canterbury"])
			}

			for _, where := range []string{said, provenanceText(t, x)} {
				if !strings.Contains(where, "P04 (Care leavers in education, employment or training (%)) is given as percentages without counts") ||
					!strings.Contains(where, "12 of its district and cohort figures could be a count of 1 to 4 children") {
					t.Errorf("no warning that P04 is unprotected in:\n%s", where)
				}
				if strings.Contains(where, "P03 (") || strings.Contains(where, "R03 (") {
					t.Errorf("P03 or R03, tied to their counts, said unprotected:\n%s", where)
				}
			}
			if !strings.Contains(said, "not protected by suppression, given without counts: P04;") {
				t.Errorf("the summary line does not name P04:\n%s", said)
			}
		})
	}
}

// provenanceText is the Provenance sheet's text, a line a row.
func provenanceText(t *testing.T, x *excelize.File) string {
	t.Helper()
	rows, err := x.GetRows("Provenance")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, " "))
	}
	return strings.Join(lines, "\n")
}
