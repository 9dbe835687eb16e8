package importer

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/app/benchmark"
	"scorecard/importer/dfe"
)

// realData is shared/realdata beside the repository, where CI has it.
var realData = filepath.Join("..", "..", "shared", "realdata")

// TestRealFiles imports every file of the DfE's real data, which nobody
// here shaped, from shared/realdata where it is and from the trimmed
// copies in testdata: the statistics import, the reference data is
// refused in one line saying what it is (the neighbour models, which
// import as models, are TestNeighbourModelFiles').
func TestRealFiles(t *testing.T) {
	y2025 := app.Period{Kind: app.FinancialYear, Year: 2024} // reporting year 2025, to 31 March 2025
	dfeFormat := "DfE statistics (explore-education-statistics)"
	for _, tt := range []struct {
		name, copy string
		refused    string // the start of the refusal; empty if it imports
		check      func(t *testing.T, d *app.Dataset)
	}{
		{name: "cla_number_and_rate_per_10k_children.csv", copy: "dfe/testdata", check: func(t *testing.T, d *app.Dataset) {
			if o, ok := kentFigure(d, "CIC01", y2025); !ok || o.Value == nil || *o.Value != 1896 {
				t.Errorf("Kent 2025 CIC01 = %+v (found %v), want 1896", o, ok)
			}
		}},
		{name: "la_cla_placement_stability.csv", copy: "dfe/testdata", check: func(t *testing.T, d *app.Dataset) {
			o, ok := kentFigure(d, "CIC05", y2025)
			if !ok || o.Value == nil || o.Numerator == nil || o.Denominator == nil || *o.Numerator != 221 || *o.Denominator != 1896 {
				t.Errorf("Kent 2025 CIC05 = %+v (found %v), want 221 of 1896", o, ok)
			}
			var england *app.Benchmark
			for i, b := range d.Benchmarks {
				if b.Ref == "CIC05" && b.Period == y2025 && b.Group == benchmark.England {
					england = &d.Benchmarks[i]
				}
			}
			if england == nil || england.Value == nil || *england.Value != 10 {
				t.Errorf("England 2025 CIC05 = %+v, want 10", england)
			}
		}},
		{name: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv", copy: "dfe/testdata"},
		{name: "csww_indicators_2017_to_2025.csv", copy: "dfe/testdata"},
		{name: "d3_cpps_subsequent_plan_2013_to_2025.csv", copy: "dfe/testdata"},
		{name: "la_care_leavers_activity.csv", copy: "dfe/testdata"},
		{name: "la_code_list.xlsx", copy: "testdata",
			refused: "la_code_list.xlsx: Sheet1!A1: reference data: a list of local authorities"},
		{name: "lait_data_dictionary.csv", copy: "dfe/testdata",
			refused: "lait_data_dictionary.csv: line 1: reference data: the DfE's LAIT data dictionary"},
	} {
		for _, path := range []string{filepath.Join(realData, tt.name), filepath.Join(tt.copy, tt.name)} {
			t.Run(path, func(t *testing.T) {
				if _, err := os.Stat(path); err != nil {
					t.Skip("not here:", path)
				}
				res, err := Read(context.Background(), path, Options{})
				if tt.refused != "" {
					var se *app.SourceError
					if err == nil || !errors.As(err, &se) || se.File != tt.name {
						t.Fatalf("read %v, error %v: want it refused naming the file", res, err)
					}
					if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, tt.refused) {
						t.Errorf("error %q is not one line starting %q", msg, tt.refused)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if res.Format != dfeFormat || res.Dataset.Empty() || len(res.Dataset.Observations) == 0 {
					t.Fatalf("%s: %+v", res.Summary(), res)
				}
				if tt.check != nil {
					tt.check(t, res.Dataset)
				}
			})
		}
	}
}

func kentFigure(d *app.Dataset, ref string, p app.Period) (app.Observation, bool) {
	for _, o := range d.Observations {
		if o.Ref == ref && o.Period == p && o.Area == app.Kent && o.Split == app.All {
			return o, true
		}
	}
	return app.Observation{}, false
}

// TestDfEOptions checks an import leaves the definitions of indicators
// the store knows alone, and that a saved mapping replaces the default.
func TestDfEOptions(t *testing.T) {
	path := filepath.Join("dfe", "testdata", "la_cla_placement_stability.csv")
	all, err := Read(context.Background(), path, Options{Known: func(string) bool { return false }})
	if err != nil {
		t.Fatal(err)
	}
	known, err := Read(context.Background(), path, Options{Known: func(ref string) bool { return ref == "CIC05" }})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := findInd(all.Dataset, "CIC05"); !ok {
		t.Errorf("CIC05's definition not added when the store does not know it")
	}
	if _, ok := findInd(known.Dataset, "CIC05"); ok {
		t.Errorf("CIC05's definition added though the store knows it")
	}
	if len(known.Dataset.Indicators) != len(all.Dataset.Indicators)-1 {
		t.Errorf("%d indicators added knowing CIC05, %d knowing none", len(known.Dataset.Indicators), len(all.Dataset.Indicators))
	}

	m := dfeMapping(t, `{"rules": [{"value": "children_percent", "filters": {"cla_group": "CLA on 31 March",
		"placement_stability": "With 3 or more placements during the year"}, "indicator": {"ref": "MY01", "polarity": "lower"}}]}`)
	own, err := Read(context.Background(), path, Options{DfEMapping: m})
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range own.Dataset.Observations {
		if o.Ref != "MY01" {
			t.Fatalf("observation of %s under a mapping feeding only MY01", o.Ref)
		}
	}
	if o, ok := kentFigure(own.Dataset, "MY01", app.Period{Kind: app.CalendarYear, Year: 2025}); !ok || o.Value == nil || *o.Value != 12 {
		t.Errorf("Kent 2025 MY01 = %+v (found %v), want 12", o, ok)
	}
}

func dfeMapping(t *testing.T, js string) *dfe.Mapping {
	t.Helper()
	var m dfe.Mapping
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	return &m
}

// TestAnnexA reads the worked example's Annex A list as LibreOffice
// saved it: figures for all children split exactly into UASC and the
// rest, and nothing about any one child.
func TestAnnexA(t *testing.T) {
	res, err := Read(context.Background(), filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Format != "Annex A list 8 (child-level)" || strings.Join(res.Sheets, ",") != "List 8" {
		t.Fatalf("format %q, sheets %q", res.Format, res.Sheets)
	}
	feb := app.MonthOf(2025, time.February)
	splits := map[string]float64{}
	for _, o := range res.Dataset.Observations {
		if o.Ref == "CIC01" && o.Area == app.Kent && o.Period == feb && o.Value != nil {
			splits[o.Split.Label()] = *o.Value
		}
	}
	all, uasc, rest := splits[app.All.Label()], splits[app.Only(app.UASC).Label()], splits[app.Excluding(app.UASC).Label()]
	if all == 0 || uasc == 0 || all != uasc+rest {
		t.Errorf("Kent Feb 2025 CIC01 by split %v: want all = UASC + excluding UASC, none zero", splits)
	}
	// Beside the template's age and postcode columns, which are not read.
	var warns []app.Warning
	for _, w := range res.Warnings {
		if !strings.Contains(w.Message, " not read: ") {
			warns = append(warns, w)
		}
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "no snapshot date") || warns[0].File != "annexa-libreoffice.xlsx" {
		t.Errorf("warnings %v: want one, on the snapshot taken, naming the file alone", res.Warnings)
	}
}

// copy903 copies the testdata 903 tables named into a folder of their
// own, with files that are not 903 tables beside them.
func copy903(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("testdata", "ssda903", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for n, text := range map[string]string{"notes.csv": "Ref,Note\nCIC01,see above\n", "empty.csv": "", "readme.txt": "CHILD,DUC\n"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSSDA903 reads a 903 return named by any of its three tables, and
// refuses a table without the others.
func TestSSDA903(t *testing.T) {
	dir := copy903(t, "header.csv", "episodes.csv", "uasc.csv")
	var sum string
	for _, name := range []string{"header.csv", "episodes.csv", "uasc.csv"} {
		res, err := Read(context.Background(), filepath.Join(dir, name), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if res.Format != "SSDA903 return (child-level)" || strings.Join(res.Sheets, ",") != "header.csv,episodes.csv,uasc.csv" {
			t.Errorf("%s: format %q, files %q", name, res.Format, res.Sheets)
		}
		if sum == "" {
			sum = res.SHA256
		} else if res.SHA256 != sum {
			t.Errorf("%s: SHA-256 %s, want the set's %s whichever file is named", name, res.SHA256, sum)
		}
		mar := app.MonthOf(2025, time.March)
		for _, want := range []struct {
			split app.Split
			n     float64
		}{{app.All, 3}, {app.Only(app.UASC), 1}, {app.Excluding(app.UASC), 2}} {
			found := false
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CIC01" && o.Period == mar && o.Split == want.split {
					found = o.Value != nil && *o.Value == want.n
				}
			}
			if !found {
				t.Errorf("%s: CIC01 Mar 2025 %s is not %v", name, want.split.Label(), want.n)
			}
		}
	}
	if own, _ := app.FileSHA256(filepath.Join(dir, "header.csv")); own == sum {
		t.Errorf("the set's SHA-256 is one file's")
	}

	for _, tt := range []struct {
		have []string
		want string
	}{
		{[]string{"episodes.csv"}, "episodes.csv: is the SSDA903 Episodes table, but the folder holds no Header or UASC table beside it"},
		{[]string{"header.csv", "episodes.csv"}, "episodes.csv: is the SSDA903 Episodes table, but the folder holds no UASC table beside it"},
	} {
		dir := copy903(t, tt.have...)
		_, err := Read(context.Background(), filepath.Join(dir, "episodes.csv"), Options{})
		if err == nil || strings.Contains(err.Error(), "\n") || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("with %v: error %v, want one line starting %q", tt.have, err, tt.want)
		}
	}

	// Two returns in one folder: refuse, rather than pick one.
	dir = copy903(t, "header.csv", "episodes.csv", "uasc.csv")
	b, _ := os.ReadFile(filepath.Join(dir, "uasc.csv"))
	os.WriteFile(filepath.Join(dir, "uasc 2024.csv"), b, 0o644)
	if _, err := Read(context.Background(), filepath.Join(dir, "episodes.csv"), Options{}); err == nil || !strings.Contains(err.Error(), "two SSDA903 UASC tables") {
		t.Errorf("two UASC tables: error %v", err)
	}
}

// exportBook is a small export: a Scorecard sheet showing CIC01 excluding
// UASC on the row an officer's scorecard gives all children, and the
// Data sheet giving both with their cohorts.
func exportBook(t *testing.T, category string) string {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Kent CYPE Scorecard, excluding UASC")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Mar-25", "England", "Comments")
	b.row("Scorecard", "A4", "CIC01", "Number of children in care", 1500.0, 81770.0)
	b.sheet("Data")
	b.row("Data", "A1", "Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value", "Status")
	b.row("Data", "A2", "CIC01", "Mar-25", "Kent", "All", nil, nil, 1896.0)
	b.row("Data", "A3", "CIC01", "Mar-25", "Kent", "Excluding UASC", nil, nil, 1500.0)
	if err := b.f.SetDocProps(&excelize.DocProperties{Category: category}); err != nil {
		t.Fatal(err)
	}
	return b.save("export.xlsx")
}

// TestExportReadFromData checks the app's own export is read from its
// Data sheet alone, so figures excluding UASC are never taken for all
// children's, and that the Category property, not the sheets, decides.
func TestExportReadFromData(t *testing.T) {
	mar := app.MonthOf(2025, time.March)
	for _, tt := range []struct {
		category, format, sheets string
	}{
		{app.ExportCategory, "Scorecard export (Data sheet)", "Data"},
		{"", "scorecard workbook", "Scorecard,Data"},
	} {
		res, err := Read(context.Background(), exportBook(t, tt.category), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Format != tt.format || strings.Join(res.Sheets, ",") != tt.sheets {
			t.Errorf("category %q: format %q, sheets %q; want %q, %q", tt.category, res.Format, res.Sheets, tt.format, tt.sheets)
		}
		if tt.category == "" {
			continue
		}
		for _, o := range res.Dataset.Observations {
			want := map[app.Split]float64{app.All: 1896, app.Excluding(app.UASC): 1500}[o.Split]
			if o.Ref != "CIC01" || o.Period != mar || o.Value == nil || *o.Value != want {
				t.Errorf("read %s %v %s = %v, want %v", o.Ref, o.Period, o.Split.Label(), o.Value, want)
			}
		}
		if len(res.Dataset.Observations) != 2 {
			t.Errorf("%d observations, want 2", len(res.Dataset.Observations))
		}
		// What only the Scorecard sheet shows, and so stays behind, is
		// said: its benchmarks, not its empty Comments column.
		said := false
		for _, w := range res.Warnings {
			said = said || w.Sheet == "Scorecard" && strings.Contains(w.Message, "sheet not read: its benchmarks are not imported")
		}
		if !said || len(res.Warnings) != 1 {
			t.Errorf("the Scorecard sheet's benchmarks staying behind is not said once: %v", res.Warnings)
		}
	}
}
