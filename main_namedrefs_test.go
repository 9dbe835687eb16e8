package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestNamedIndicatorsAcrossMonths: a scorecard with row numbers but no
// Ref is imported month by month; April's producer inserted a row, so
// every number below it moved, yet each indicator's April figure lands
// on its March history, by its name (QA19 D6). Such a file had been
// refused: "no header row found".
func TestNamedIndicatorsAcrossMonths(t *testing.T) {
	db := filepath.Join(t.TempDir(), "leeds.db")
	mustRun(t, db, "authority", "Leeds")
	head := []any{"No.", "Indicator", "Polarity", "Feb-25", "Mar-25"}
	out := mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "march.xlsx", [][]any{head,
		{1, "Number of children looked after", "-", 1360, 1372},
		{2, "Children with 3+ placements (%)", "L", 10.1, 9.5}}))
	for _, want := range []string{`Scorecard!A1: column A "No." not read as refs`, `Scorecard!B1: no Ref column`, `NCLA-4384 "Number of children looked after"`} {
		if !strings.Contains(out, want) {
			t.Errorf("March's import does not say %q:\n%s", want, out)
		}
	}
	mustRun(t, db, "import", writeScorecard(t, t.TempDir(), "april.xlsx", [][]any{
		{"No.", "Indicator", "Polarity", "Mar-25", "Apr-25"},
		{1, "Number of children looked after", "-", 1372, 1380},
		{2, "Children in care for 2.5 years in the same placement (%)", "H", 67.0, 68.0},
		{3, "Children with 3+ placements (%)", "L", 9.5, 9.7}}))
	tests := []struct {
		ref, name string
		points    []string // "PERIOD VALUE"
	}{
		{"NCLA-4384", "Number of children looked after", []string{"2025-02 1360", "2025-03 1372", "2025-04 1380"}},
		{"C3P-7503", "Children with 3+ placements (%)", []string{"2025-02 10.1", "2025-03 9.5", "2025-04 9.7"}},
		{"CC25YS-3512", "Children in care for 2.5 years in the same placement (%)", []string{"2025-03 67", "2025-04 68"}},
	}
	for _, tt := range tests {
		var show struct {
			Name   string
			Points []struct {
				Period string
				Value  float64
			}
		}
		if err := json.Unmarshal([]byte(mustRun(t, db, "show", tt.ref, "--json")), &show); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range show.Points {
			got = append(got, p.Period+" "+strconv.FormatFloat(p.Value, 'g', -1, 64))
		}
		if show.Name != tt.name || !slices.Equal(got, tt.points) {
			t.Errorf("%s: %q %q, want %q %q", tt.ref, show.Name, got, tt.name, tt.points)
		}
	}
	if list := mustRun(t, db, "list"); strings.Count(list, "\n") != 4 {
		t.Errorf("want 3 indicators listed:\n%s", list)
	}
}

// writeSheets writes a workbook of sheets (name, then rows from A1), in
// order, into dir.
func writeSheets(t *testing.T, dir, name string, sheets ...namedRows) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sh.rows {
			if err := f.SetSheetRow(sh.name, fmt.Sprintf("A%d", r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// namedRows is one sheet of writeSheets' workbook.
type namedRows struct {
	name string
	rows [][]any
}

// TestNameSplitBySheetAcrossImports: two workbooks with no Ref column
// imported in turn into one store. March gives "Number of referrals" on
// Early Help and on Social Care with other polarities, so each is keyed
// by its sheet; April's, giving it on Social Care alone, joins Social
// Care's history (it had started a third indicator, NR-3343, its April
// figure never meeting March's), and on a sheet of another name is kept
// apart from both, said at its cell. The other way round, March giving
// the name once, April's split leaves March's NR-3343 as it was and says
// it is joined to neither sheet.
func TestNameSplitBySheetAcrossImports(t *testing.T) {
	sheet := func(name, month string, months []any, row ...any) namedRows {
		return namedRows{name, [][]any{{"Kent Scorecard " + month + " 2025"}, {}, append([]any{"Indicator", "Polarity"}, months...), row}}
	}
	march := func(name string, row ...any) namedRows {
		return sheet(name, "March", []any{"Jan-25", "Feb-25", "Mar-25"}, row...)
	}
	april := func(name string, row ...any) namedRows {
		return sheet(name, "April", []any{"Feb-25", "Mar-25", "Apr-25"}, row...)
	}
	split := []namedRows{
		march("Early Help", "Number of referrals", "Low", 400, 420, 410),
		march("Social Care", "Number of referrals", "High", 150, 160, 170),
	}
	tests := []struct {
		name         string
		first, later []namedRows
		list         []string            // refs listed after both
		shown        map[string][]string // ref: "PERIOD VALUE"
		said         []string            // in the later import's output
		unsaid       []string
	}{{
		name:  "split, then on one sheet",
		first: split,
		later: []namedRows{april("Social Care", "Number of referrals", "High", 160, 170, 180)},
		list:  []string{"NREH-8800", "NRSC-6954"},
		shown: map[string][]string{
			"NRSC-6954": {"2025-01 150", "2025-02 160", "2025-03 170", "2025-04 180"},
			"NREH-8800": {"2025-01 400", "2025-02 420", "2025-03 410"},
		},
		said:   []string{`Social Care!A4: "Number of referrals" filed under NRSC-6954, the store's indicator of this name on the sheet "Social Care", not under NR-3343 made from the name: an earlier workbook gave the name on sheets that disagree, so the store keys it by each sheet's name (NREH-8800, NRSC-6954)`},
		unsaid: []string{"NR-3343:"},
	}, {
		name:  "split, then on a sheet of another name",
		first: split,
		later: []namedRows{april("Summary", "Number of referrals", "High", 160, 170, 180)},
		list:  []string{"NREH-8800", "NRSC-6954", "NRS-0910"},
		shown: map[string][]string{
			"NRS-0910":  {"2025-02 160", "2025-03 170", "2025-04 180"},
			"NRSC-6954": {"2025-01 150", "2025-02 160", "2025-03 170"},
			"NREH-8800": {"2025-01 400", "2025-02 420", "2025-03 410"},
		},
		said: []string{
			`Summary!A4: "Number of referrals" kept apart under NRS-0910, keyed by the sheet's name "Summary" and its own, not under NR-3343 made from the name nor under any the store holds`,
			`NRS-0910: not an indicator the store holds`,
		},
	}, {
		name:  "given once, then split",
		first: []namedRows{march("Scorecard", "Number of referrals", "Low", 400, 420, 410)},
		later: []namedRows{
			april("Early Help", "Number of referrals", "Low", 420, 410, 430),
			april("Social Care", "Number of referrals", "High", 160, 170, 180),
		},
		list: []string{"NR-3343", "NREH-8800", "NRSC-6954"},
		shown: map[string][]string{
			"NR-3343":   {"2025-01 400", "2025-02 420", "2025-03 410"},
			"NREH-8800": {"2025-02 420", "2025-03 410", "2025-04 430"},
			"NRSC-6954": {"2025-02 160", "2025-03 170", "2025-04 180"},
		},
		said: []string{
			`Early Help!A4: "Number of referrals" filed under NREH-8800, keyed by the sheet's name "Early Help" and its own, not under NR-3343 made from the name: sheet "Social Care" gives the same name polarity H at Social Care!B4 where this sheet gives L; the store's NR-3343, from an earlier workbook that gave the name on one sheet, keeps the history it has and is joined to neither sheet's indicator`,
			`Social Care!A4: "Number of referrals" filed under NRSC-6954, keyed by the sheet's name "Social Care" and its own, not under NR-3343 made from the name: sheet "Early Help" gives the same name polarity L at Early Help!B4 where this sheet gives H; the store's NR-3343, from an earlier workbook that gave the name on one sheet, keeps the history it has and is joined to neither sheet's indicator`,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "import", writeSheets(t, dir, "march.xlsx", tt.first...))
			out := mustRun(t, db, "import", writeSheets(t, dir, "april.xlsx", tt.later...))
			for _, want := range tt.said {
				if !strings.Contains(out, want) {
					t.Errorf("April's import does not say %q:\n%s", want, out)
				}
			}
			for _, not := range tt.unsaid {
				if strings.Contains(out, not) {
					t.Errorf("April's import says %q:\n%s", not, out)
				}
			}
			var list []struct{ Ref string }
			if err := json.Unmarshal([]byte(mustRun(t, db, "list", "--json")), &list); err != nil {
				t.Fatal(err)
			}
			var refs []string
			for _, ind := range list {
				refs = append(refs, ind.Ref)
			}
			if !slices.Equal(refs, tt.list) {
				t.Errorf("listed %q, want %q", refs, tt.list)
			}
			for ref, want := range tt.shown {
				var show struct {
					Points []struct {
						Period string
						Value  float64
					}
				}
				if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &show); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range show.Points {
					got = append(got, p.Period+" "+strconv.FormatFloat(p.Value, 'g', -1, 64))
				}
				if !slices.Equal(got, want) {
					t.Errorf("show %s: %q, want %q", ref, got, want)
				}
			}
		})
	}
}
