package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestFlagsRanked checks that flags ranks and groups by default, that
// flags --json stays an array of the contract's objects (ranked, each
// with its rank) holding exactly what flags --all --json holds, and that
// --all keeps the full list in scorecard order.
func TestFlagsRanked(t *testing.T) {
	db := demoStore(t)
	type flag struct {
		Ref    string `json:"ref"`
		Area   string `json:"area"`
		Period string `json:"period"`
		Kind   string `json:"kind"`
		Detail string `json:"detail"`
		Rank   int    `json:"rank"`
	}
	var ranked, all []flag
	if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--json")), &ranked); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--all", "--json")), &all); err != nil {
		t.Fatal(err)
	}
	if len(ranked) != len(all) || len(all) == 0 {
		t.Fatalf("%d ranked flags, %d in all", len(ranked), len(all))
	}
	weight := map[string]int{"special-cause": 0, "rag-change": 0, "dot-reversal": 1, "revised": 2, "dot-disagrees": 2, "missing": 3, "small-numbers": 4}
	w := func(f flag) int {
		n := weight[f.Kind]
		if f.Area != "Kent" {
			n += 2
		}
		return n
	}
	for i, f := range ranked {
		if f.Rank != i+1 {
			t.Fatalf("flag %d has rank %d", i, f.Rank)
		}
		if i > 0 && w(f) < w(ranked[i-1]) {
			t.Errorf("rank %d (%s %s %s) after rank %d (%s %s %s)", f.Rank, f.Ref, f.Area, f.Kind, i, ranked[i-1].Ref, ranked[i-1].Area, ranked[i-1].Kind)
		}
		f.Rank = 0
		ranked[i] = f
	}
	key := func(a, b flag) int {
		return strings.Compare(a.Ref+a.Area+a.Kind+a.Detail, b.Ref+b.Area+b.Kind+b.Detail)
	}
	slices.SortFunc(ranked, key)
	sorted := slices.Clone(all)
	slices.SortFunc(sorted, key)
	if !reflect.DeepEqual(ranked, sorted) {
		t.Errorf("flags --json and flags --all --json hold different flags")
	}
	for _, f := range all {
		if f.Rank != 0 {
			t.Fatalf("flags --all --json carries a rank")
		}
	}

	text := mustRun(t, db, "flags")
	head, _, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(head, strings.Split(head, " ")[0]+" flags for ") || !strings.Contains(head, "special cause") {
		t.Errorf("flags begins %q, want a count of each kind", head)
	}
	if lines := strings.Count(text, "\n"); lines >= len(all) {
		t.Errorf("flags prints %d lines for %d flags: not grouped", lines, len(all))
	}
	// The demo's districts have figures the export withholds: the line
	// saying what marks them ends the table.
	listed, marked := strings.CutSuffix(mustRun(t, db, "flags", "--all"), notForCirculationNote(5)+"\n")
	if n := strings.Count(listed, "\n"); n != len(all)+1 || !marked {
		t.Errorf("flags --all prints %d lines (a note of what is withheld at the end: %v), want a header, %d flags and the note", n, marked, len(all))
	}
}

// TestFlagsOneMinor: one flag is "1 flag", and an indicator whose flags
// are all minor is counted once, on its own line, not again as "and 1
// more".
func TestFlagsOneMinor(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, db, "import", writeFile(t, "plans.csv", "Ref,Indicator,Period,Area,Value\n"+
		"Q02,Children on a plan,2025-01,Kent,500\nQ02,Children on a plan,2025-02,Kent,510\nQ02,Children on a plan,2025-03,Kent,505\n"+
		"Q02,Children on a plan,2025-01,Ashford,50\nQ02,Children on a plan,2025-02,Ashford,51\n"))
	want := "1 flag for Mar-25: 1 missing (most important first; scorecard flags --all lists every one in scorecard order)\n\n" +
		"Q02 Children on a plan: 1 missing\n"
	if got := mustRun(t, db, "flags"); got != want {
		t.Errorf("flags:\n%s\nwant:\n%s", got, want)
	}
}

// TestFiguresAfterTheLatestMonth: a quarter ending after the store's
// latest month (a red Apr-Jun beside months to March) is named beside the
// month's flags and brief, which leave it out, rather than passed over
// under "nothing is red".
func TestFiguresAfterTheLatestMonth(t *testing.T) {
	months := "Ref,Indicator,Period,Area,Value\n" +
		"Q01,EHCPs issued within 20 weeks,2025-01,Kent,62\nQ01,EHCPs issued within 20 weeks,2025-02,Kent,63\nQ01,EHCPs issued within 20 weeks,2025-03,Kent,64\n"
	tests := []struct {
		name, csv, want string
	}{
		{"months only", months, ""},
		{"a quarter after them", months + "Q01,EHCPs issued within 20 weeks,2025-Q2,Kent,45\n",
			"note: figures after Mar-25 are not in this month's report: Q01 Apr-Jun 2025; scorecard show REF gives them\n"},
		{"a quarter within them", months + "Q01,EHCPs issued within 20 weeks,2025-Q1,Kent,63\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "s.db")
			mustRun(t, db, "import", writeFile(t, "q.csv", tt.csv))
			for _, cmd := range []string{"flags", "brief"} {
				r := scorecard(t, db, cmd)
				if r.code != 0 || r.stderr != tt.want {
					t.Errorf("%s: exit %d, stderr %q; want %q", cmd, r.code, r.stderr, tt.want)
				}
			}
		})
	}
}
