package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets/synth"
)

// storeOf looks refs up in stored, as the store's definitions.
func storeOf(stored []app.Indicator) func(ref string) (app.Indicator, bool) {
	return func(ref string) (app.Indicator, bool) {
		i := slices.IndexFunc(stored, func(ind app.Indicator) bool { return ind.Ref == ref })
		if i < 0 {
			return app.Indicator{}, false
		}
		return stored[i], true
	}
}

// TestChildLevelStoredDefinitionsClash reads the worked Annex A list (as
// at 28 Feb 2025) and the 903 tables (as at 31 Mar 2025) into stores
// whose own CIC01, CIC05 or CIC12 mean something else (QA13 R1: a
// council's CIC01 is "% in foster placements"): those refs' figures are
// left out, each with a warning naming the file, the ref, the stored
// definition and what the list would have filed; refs defined alike, and
// the breakdowns, are read as without definitions.
//
// The figures left out, by hand. Annex A: in care on 28 Feb 2025 are A,
// B, E and F (C and D left in the year, G before it): CIC01 4, in Kent
// and three districts, 12 figures; of them B (3) and F (4) had 3 or more
// placements, CIC05 2 of 4 = 50%, 12 figures; C (adopted, Oct) and D
// (Jan) left in the 12 months from 1 Mar 2024, CIC12 1 of 2 = 50%, 3
// figures, Kent only. 903: the three children are in care on 31 Mar
// 2025; 900002 had 3 placements in the year (in force on 1 Apr, then
// moves in May and November), the others 1: CIC05 1 of 3 = 33.3%.
func TestChildLevelStoredDefinitionsClash(t *testing.T) {
	annexA := filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx")
	episodes := filepath.Join(copy903(t, "header.csv", "episodes.csv", "uasc.csv"), "episodes.csv")

	foster := app.Indicator{Ref: "CIC01", Name: "Children in care in foster placements (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	eet := app.Indicator{Ref: "CIC05", Name: "Care leavers aged 19-21 in education, employment or training (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	dental := app.Indicator{Ref: "CIC12", Name: "Children in care with an up-to-date dental check (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	// The same subject and unit, but read the other way round.
	stable := app.Indicator{Ref: "CIC05", Name: "Children in care with fewer than 3 placements in the last 12 months (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}
	// The list's measures in a council's own words.
	cla := app.Indicator{Ref: "CIC01", Name: "Children looked after (number)", Unit: app.Number, Measure: app.Count}
	moves := app.Indicator{Ref: "CIC05", Name: "Placement stability: 3+ placements in 12 months (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.LowerBetter}
	adoption := app.Indicator{Ref: "CIC12", Name: "Children leaving care through adoption (%)", Unit: app.Percent, Measure: app.Proportion, Polarity: app.HigherBetter}

	const listFile, listSheet = "annexa-libreoffice.xlsx", "List 8"
	tests := []struct {
		name   string
		path   string
		stored []app.Indicator
		// clashed are the refs left out, each with the words its
		// warning must hold beside the stored name.
		clashed map[string][]string
		kept    []string
		at      app.Location
	}{
		{"QA13 R1 council scorecard", annexA, []app.Indicator{foster, eet, dental},
			map[string][]string{
				"CIC01": {`"Number of children in care" (count)`, `unit "count", not "%"`, "its 12 figures for Feb-25 (Kent, all children: 4) were not imported"},
				"CIC05": {`"Children in care with 3 or more placements in the last 12 months (%)"`, "share no word", "its 12 figures for Feb-25 (Kent, all children: 50.0%, 2 of 4) were not imported"},
				"CIC12": {`"Children leaving care who were adopted (%)"`, "share no word", "its 3 figures for Feb-25 (Kent, all children: 50.0%, 1 of 2) were not imported"},
			}, nil, app.Location{File: listFile, Sheet: listSheet}},
		{"opposite polarity alone", annexA, []app.Indicator{stable},
			map[string][]string{"CIC05": {`polarity "L", not "H"`, "its 12 figures for Feb-25 (Kent, all children: 50.0%, 2 of 4)"}},
			[]string{"CIC01", "CIC12"}, app.Location{File: listFile, Sheet: listSheet}},
		{"the council's own words", annexA, []app.Indicator{cla, moves, adoption}, nil, []string{"CIC01", "CIC05", "CIC12"}, app.Location{}},
		{"903 return, a care leavers' CIC05", episodes, []app.Indicator{eet},
			map[string][]string{"CIC05": {"its 3 figures for Mar-25 (Kent, all children: 33.3%, 1 of 3)"}},
			[]string{"CIC01", "CIC12"}, app.Location{File: "episodes.csv"}},
		{"903 return, demo definitions", episodes, synth.Demo().Dataset.Indicators, nil, []string{"CIC01", "CIC05", "CIC12"}, app.Location{}},
		{"Annex A, demo definitions", annexA, synth.Demo().Dataset.Indicators, nil, []string{"CIC01", "CIC05", "CIC12"}, app.Location{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain, err := Read(context.Background(), tt.path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			res, err := Read(context.Background(), tt.path, Options{Defined: storeOf(tt.stored)})
			if err != nil {
				t.Fatal(err)
			}
			d := res.Dataset
			for ref, words := range tt.clashed {
				if n := len(slices.DeleteFunc(slices.Clone(d.Observations), func(o app.Observation) bool { return o.Ref != ref })); n > 0 {
					t.Errorf("%s: %d figures read under a ref the store defines otherwise", ref, n)
				}
				if slices.ContainsFunc(d.Indicators, func(ind app.Indicator) bool { return ind.Ref == ref }) {
					t.Errorf("%s: the list's definition is still in the dataset", ref)
				}
				stored, _ := storeOf(tt.stored)(ref)
				var found []app.Warning
				for _, w := range res.Warnings {
					if strings.HasPrefix(w.Message, ref+": ") && strings.Contains(w.Message, "store defines") {
						found = append(found, w)
					}
				}
				if len(found) != 1 {
					t.Fatalf("%s: %d warnings of the clash, want 1: %v", ref, len(found), res.Warnings)
				}
				if found[0].Location != tt.at {
					t.Errorf("%s: warning at %v, want %v", ref, found[0].Location, tt.at)
				}
				for _, want := range append([]string{stored.Name, "not imported", "--db"}, words...) {
					if !strings.Contains(found[0].Message, want) {
						t.Errorf("%s warning lacks %q: %s", ref, want, found[0].Message)
					}
				}
			}
			for _, ref := range tt.kept {
				keep := func(o app.Observation) bool { return o.Ref != ref }
				got, want := slices.DeleteFunc(slices.Clone(d.Observations), keep), slices.DeleteFunc(slices.Clone(plain.Dataset.Observations), keep)
				if len(got) == 0 || !slices.EqualFunc(got, want, func(a, b app.Observation) bool {
					return a.Area == b.Area && a.Split == b.Split && a.Period == b.Period && (a.Value == nil) == (b.Value == nil) && (a.Value == nil || *a.Value == *b.Value)
				}) {
					t.Errorf("%s: %d figures read, want the %d read without definitions", ref, len(got), len(want))
				}
			}
			if len(d.Breakdowns) != len(plain.Dataset.Breakdowns) || len(d.Breakdowns) == 0 {
				t.Errorf("%d breakdowns, want the %d read without definitions", len(d.Breakdowns), len(plain.Dataset.Breakdowns))
			}
			if len(tt.clashed) == 0 {
				for _, w := range res.Warnings {
					if strings.Contains(w.Message, "store defines") {
						t.Errorf("a clash where none is: %s", w)
					}
				}
			}
		})
	}
}

// TestChildLevelAllClashRefused checks that a list leaving nothing to
// import once its clashing figures are out is refused, saying why.
func TestChildLevelAllClashRefused(t *testing.T) {
	foster := app.Indicator{Ref: "CIC01", Name: "Children in care in foster placements (%)", Unit: app.Percent, Measure: app.Proportion}
	d := &app.Dataset{
		Indicators: []app.Indicator{{Ref: "CIC01", Name: "Number of children in care", Unit: app.Number, Measure: app.Count}},
		Observations: []app.Observation{{Ref: "CIC01", Area: app.Kent, Split: app.All, Period: app.MonthOf(2025, time.February),
			Value: app.Float(4), Numerator: app.Float(4)}},
	}
	at := app.Location{File: "list.xlsx", Sheet: "List 8"}
	warns, err := leaveOutClashes(d, at, app.Kent, storeOf([]app.Indicator{foster}))
	var se *app.SourceError
	if !errors.As(err, &se) || se.Location != at || !strings.Contains(err.Error(), foster.Name) || !strings.Contains(err.Error(), "not imported") {
		t.Fatalf("err = %v, want a refusal at %v naming %q", err, at, foster.Name)
	}
	if len(warns) != 1 || !strings.Contains(warns[0].Message, "its 1 figure for Feb-25 (Kent, all children: 4) was not imported") {
		t.Errorf("warnings %v", warns)
	}
}

// TestFixedRefsLast orders the files of one import: child-level lists
// and DfE statistics files after every other file, each kind in the order
// given, so that a council workbook named with one defines its refs
// before the list or the DfE's figures are judged against them.
func TestFixedRefsLast(t *testing.T) {
	dir := copy903(t, "header.csv", "episodes.csv", "uasc.csv")
	list := filepath.Join("childlevel", "testdata", "annexa-libreoffice.xlsx")
	episodes, header := filepath.Join(dir, "episodes.csv"), filepath.Join(dir, "header.csv")
	book := filepath.Join(dir, "scorecard.xlsx")
	f := excelize.NewFile()
	for i, row := range [][]any{
		{"Ref", "Indicator", "Polarity", "Dec-24", "Jan-25", "Feb-25"},
		{"CIC01", "Children in care in foster placements (%)", "H", 74, 73, 72},
	} {
		if err := f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	f.Close()
	notes := filepath.Join(dir, "notes.csv") // a CSV that is no 903 table
	missing := filepath.Join(dir, "gone.xlsx")
	dfe := filepath.Join("dfe", "testdata", "la_cla_placement_stability.csv")
	tests := []struct {
		name               string
		paths, want, moved []string
	}{
		{"list first", []string{list, book}, []string{book, list}, []string{list}},
		{"list last", []string{book, list}, []string{book, list}, nil},
		{"lists either side", []string{list, book, episodes}, []string{book, list, episodes}, []string{list}},
		{"two lists before two files", []string{header, list, notes, book}, []string{notes, book, header, list}, []string{header, list}},
		{"lists alone", []string{list, episodes}, []string{list, episodes}, nil},
		{"an unreadable file is no list", []string{missing, list, book}, []string{missing, book, list}, []string{list}},
		// As a shell's * names them: la_cla... before the scorecard.
		{"DfE file first", []string{dfe, book}, []string{book, dfe}, []string{dfe}},
		{"DfE file and list", []string{dfe, list, book}, []string{book, dfe, list}, []string{dfe, list}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, moved := FixedRefsLast(context.Background(), tt.paths)
			var paths []string
			for _, m := range moved {
				paths = append(paths, m.Path)
			}
			if !slices.Equal(got, tt.want) || !slices.Equal(paths, tt.moved) {
				t.Errorf("order %v, moved %v; want %v, %v", got, moved, tt.want, tt.moved)
			}
		})
	}
}
