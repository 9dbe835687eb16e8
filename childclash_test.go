package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestChildListKeepsCouncilRefs imports a council's scorecard whose
// CIC01, CIC05 and CIC12 are its own measures (QA13 R1) and the worked
// Annex A list as at 28 Feb 2025, which files a count in care, % with 3+
// placements and % adopted under those refs: in separate imports, and in
// one import naming the files either way round. The council's figures
// stand, unrevised, and the list's import names each ref it left out;
// named first in one import, the list is read after the workbook, and
// says so.
func TestChildListKeepsCouncilRefs(t *testing.T) {
	dir := t.TempDir()
	book := writeScorecard(t, dir, "council.xlsx", [][]any{
		{"Children in Care Scorecard - February 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Target", "Floor", "Dec-24", "Jan-25", "Feb-25"},
		{"CIC01", "Children in care in foster placements (%)", "H", 75, 70, 74, 73, 72},
		{"CIC05", "Care leavers aged 19-21 in education, employment or training (%)", "H", 60, 55, 58, 57, 59},
		{"CIC12", "Children in care with an up-to-date dental check (%)", "H", 90, 85, 88, 87, 86},
	})
	b, err := os.ReadFile(filepath.Join("importer", "childlevel", "testdata", "annexa-libreoffice.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "list8.xlsx")
	if err := os.WriteFile(list, b, 0o644); err != nil {
		t.Fatal(err)
	}
	// The council's own figures, as its scorecard gives them.
	want := map[string]string{
		"CIC01": "2024-12 74; 2025-01 73; 2025-02 72",
		"CIC05": "2024-12 58; 2025-01 57; 2025-02 59",
		"CIC12": "2024-12 88; 2025-01 87; 2025-02 86",
	}
	const moved = "list8.xlsx: a child-level list: read after the other files named"
	for _, tc := range []struct {
		name    string
		imports [][]string
		note    bool
	}{
		{"separate imports", [][]string{{book}, {list}}, false},
		{"one import, workbook first", [][]string{{book, list}}, false},
		{"one import, list first", [][]string{{list, book}}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			var out string
			for _, files := range tc.imports {
				out += mustRun(t, db, append([]string{"import"}, files...)...)
			}
			if strings.Contains(out, moved) != tc.note {
				t.Errorf("note of the list read last %v, want %v:\n%s", strings.Contains(out, moved), tc.note, out)
			}
			for ref, figures := range want {
				var show struct {
					Name   string `json:"name"`
					Points []struct {
						Period string   `json:"period"`
						Value  *float64 `json:"value"`
					} `json:"points"`
				}
				if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &show); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, p := range show.Points {
					got = append(got, fmt.Sprintf("%s %s", p.Period, num(p.Value)))
				}
				if strings.Join(got, "; ") != figures {
					t.Errorf("%s %q: %s, want the council's %s", ref, show.Name, strings.Join(got, "; "), figures)
				}
				if !strings.Contains(out, "list8.xlsx: sheet \"List 8\": "+ref+": this list files its") {
					t.Errorf("no warning of %s left out at the list's sheet:\n%s", ref, out)
				}
			}
			if flags := mustRun(t, db, "flags", "--all"); strings.Contains(flags, "revised") {
				t.Errorf("the council's figures flagged as revised:\n%s", flags)
			}
		})
	}
}
