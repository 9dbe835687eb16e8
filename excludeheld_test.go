package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExcludeRefusesCohortNotHeld: a cohort no figure in the store is
// split by is refused by every command that takes --exclude, exit 1 in
// one line, whether the name is one members ask about (OLA) or a typo;
// a cohort the store holds is accepted by each.
func TestExcludeRefusesCohortNotHeld(t *testing.T) {
	db := cannotExcludeStore(t)
	out := filepath.Join(t.TempDir(), "x.xlsx")
	commands := [][]string{
		{"show", "QA"}, {"flags"}, {"flags", "--json"}, {"brief"},
		{"export", "--out", out}, {"export", "--out", out + ".pdf"},
	}
	for _, cmd := range commands {
		for _, c := range []string{"ola", "disability", "former-uasc", "foo", "uasc,ola"} {
			args := append(append([]string{}, cmd...), "--exclude", c)
			r := scorecard(t, db, args...)
			want := "no figures are split by that cohort, so nothing could be excluded (the store's figures are split by uasc)"
			if r.code != 1 || !strings.Contains(r.stderr, want) || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
				t.Errorf("scorecard %v: exit %d, stderr %q; want exit 1, one line saying %q", args, r.code, r.stderr, want)
			}
		}
		args := append(append([]string{}, cmd...), "--exclude", "uasc")
		if r := scorecard(t, db, args...); r.code != 0 {
			t.Errorf("scorecard %v: exit %d, stderr %q; want 0", args, r.code, r.stderr)
		}
	}
	// A store split by no cohort at all says so.
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.db")
	mustRun(t, plain, "import", writeTidy(t, dir, "plain.csv", []string{"QC,Children in care,count,L,2025-01,Kent,All,,,100"}))
	if r := scorecard(t, plain, "brief", "--exclude", "uasc"); r.code != 1 || !strings.Contains(r.stderr, "no figure in the store is split by any cohort") {
		t.Errorf("brief --exclude uasc on a store with no cohort: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestExcludeCohortNoIndicatorCounts: a store whose indicators are all
// defined not to count UASC (a workforce scorecard) holds no figure split
// by it, yet excluding UASC is a report of those figures as they are,
// which every command gives, not a refusal.
func TestExcludeCohortNoIndicatorCounts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "workforce.db")
	csv := filepath.Join(dir, "workforce.csv")
	if err := os.WriteFile(csv, []byte("Ref,Indicator,Polarity,Cohorts not counted,Apr-25,May-25,Jun-25\n"+
		"WF01,Social worker vacancy rate (%),L,UASC,16.5,17.1,16.9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, db, "import", csv)
	out := filepath.Join(dir, "x.xlsx")
	for _, cmd := range [][]string{{"show", "WF01"}, {"flags"}, {"brief"}, {"export", "--out", out}} {
		args := append(append([]string{}, cmd...), "--exclude", "uasc")
		if r := scorecard(t, db, args...); r.code != 0 {
			t.Errorf("scorecard %v: exit %d, stderr %q; want 0", args, r.code, r.stderr)
		}
	}
	if r := scorecard(t, db, "show", "WF01", "--exclude", "uasc", "--json"); !strings.Contains(r.stdout, `"value": 16.9`) && !strings.Contains(r.stdout, `"value":16.9`) {
		t.Errorf("show WF01 --exclude uasc --json: %s; want the figures as they are", r.stdout)
	}
	if r := scorecard(t, db, "show", "WF01", "--exclude", "ola"); r.code != 1 {
		t.Errorf("show --exclude ola: exit %d; want the cohort no indicator names refused", r.code)
	}
}
