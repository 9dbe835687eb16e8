package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportDfEUnderAnotherMeaning imports the DfE's real children in
// care CSV into stores whose own CIC01, CIC02 and CIC10 mean something
// else (QA11 D1): the DfE's count, rate and starters are not filed under
// them, whatever --accept-definitions says, and a ref defined alike
// takes its figures as before.
func TestImportDfEUnderAnotherMeaning(t *testing.T) {
	csv := filepath.Join("importer", "dfe", "testdata", "cla_number_and_rate_per_10k_children.csv")
	const head = "Ref,Indicator,Unit,Polarity,Period,Value\n"
	foster := "CIC01,Percentage of children in care placed in foster care,%,H,2025-03,73.0\n"
	countExUASC := "CIC02,Number of children in care (excluding UASC),count,,2025-03,1462\n"
	adoption := "CIC10,Average days between entering care and moving in with adoptive family,days,L,2025-03,440\n"
	inCare := "CIC01,Number of children in care,count,,2025-03,1896\n"
	tests := []struct {
		name  string
		defs  string
		flags []string
		code  int
		says  []string // in stdout or stderr
		// benchmarks is how many benchmarks show gives each ref after.
		benchmarks map[string]int
	}{
		{"every ref means another thing", head + foster + countExUASC + adoption, nil, 1,
			[]string{"line 1: not imported", `the store defines CIC01 as "Percentage of children in care placed in foster care" (%)`,
				`CIC02 as "Number of children in care (excluding UASC)" (count)`, "CIC10 as", "--db"},
			map[string]int{"CIC01": 0, "CIC02": 0, "CIC10": 0}},
		{"--accept-definitions does not redefine them", head + foster + countExUASC + adoption, []string{"--accept-definitions"}, 1,
			[]string{"line 1: not imported", "--accept-definitions does not apply"},
			map[string]int{"CIC01": 0, "CIC02": 0, "CIC10": 0}},
		{"only CIC02 means another thing", head + inCare + countExUASC, nil, 0,
			[]string{`line 1: CIC02: the DfE mapping files this file's rate_per_10000 under CIC02`, "its 2 figures and 8 benchmarks were not imported"},
			map[string]int{"CIC01": 8, "CIC02": 0, "CIC10": 8}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			mustRun(t, db, "import", writeFile(t, "defs.csv", tt.defs))
			r := scorecard(t, db, append(append([]string{"import"}, tt.flags...), csv)...)
			if r.code != tt.code {
				t.Fatalf("import: exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			for _, s := range tt.says {
				if !strings.Contains(r.stdout+r.stderr, s) {
					t.Errorf("import does not say %q:\n%s%s", s, r.stdout, r.stderr)
				}
			}
			for ref, want := range tt.benchmarks {
				var shown struct {
					Unit       string            `json:"unit"`
					Benchmarks []json.RawMessage `json:"benchmarks"`
				}
				if err := json.Unmarshal([]byte(mustRun(t, db, "show", ref, "--json")), &shown); err != nil {
					t.Fatal(err)
				}
				if len(shown.Benchmarks) != want {
					t.Errorf("%s (%s): %d benchmarks, want %d", ref, shown.Unit, len(shown.Benchmarks), want)
				}
			}
		})
	}
}
