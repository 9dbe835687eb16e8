package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// publishedStore is a store of 14 months, Jan-25 to Feb-26, of QA,
// children in care with their UASC (so a report can exclude them), and
// QS, primary schools judged good or outstanding, a measure of schools
// that no UASC split applies to, which falls from 90% to 60% in Feb-26
// (special cause); beside them QE, pupils persistently absent, given by
// academic year to 2024/25, which a monthly report has no figure of.
func publishedStore(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var rows []string
	for i := range 14 {
		p := fmt.Sprintf("%d-%02d", 2025+i/12, i%12+1)
		qs := "45,50,90"
		if i == 13 {
			qs = "30,50,60"
		}
		rows = append(rows,
			"QA,Children in care,count,L,"+p+",Kent,All,,,100",
			"QA,Children in care,count,L,"+p+",Kent,UASC,,,10",
			"QS,Primary schools judged good or outstanding (%),%,H,"+p+",Kent,All,"+qs)
	}
	rows = append(rows,
		"QE,Pupils persistently absent (%),%,L,2023/24AY,Kent,All,,,21.5",
		"QE,Pupils persistently absent (%),%,L,2024/25AY,Kent,All,,,20.3")
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeTidy(t, dir, "published.csv", rows))
	return db
}

// TestFlagsSayPublished guards QA30's leftover: excluding UASC, a measure
// of schools is shown as published and flagged as any other, and the
// brief and the pack say "a measure of schools, shown as published (no
// UASC split applies)" of it, but flags gave its lines without the
// label, as if its figure were worked out without UASC. Now its JSON
// gains "published" with the label (the contract's fields unchanged), its
// text says it after the indicator's name (ranked) or before the detail
// (--all), and its note off the month's cycle (a year's figure in a
// monthly report) says it too. Without --exclude nothing says it, and
// QA, a measure of children worked out without UASC, never does.
func TestFlagsSayPublished(t *testing.T) {
	db := publishedStore(t)
	const label = "a measure of schools, shown as published (no UASC split applies)"

	type flag struct{ Ref, Kind, Detail, Published string }
	flagsOf := func(args ...string) map[string]flag {
		var fs []flag
		if err := json.Unmarshal([]byte(mustRun(t, db, args...)), &fs); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		by := map[string]flag{}
		for _, f := range fs {
			if f.Ref == "QA" && f.Published != "" {
				t.Errorf("%v: QA, a measure of children, is labelled %q", args, f.Published)
			}
			by[f.Ref+" "+f.Kind] = f
		}
		return by
	}
	for _, args := range [][]string{{"flags", "--exclude", "uasc", "--json"}, {"flags", "--exclude", "uasc", "--all", "--json"}} {
		f, ok := flagsOf(args...)["QS special-cause"]
		if !ok {
			t.Fatalf("%v: no special cause of QS", args)
		}
		if f.Published != label || strings.Contains(f.Detail, "published") {
			t.Errorf("%v: QS's special cause has published %q and detail %q; want published %q, the detail as without --exclude", args, f.Published, f.Detail, label)
		}
	}
	for _, args := range [][]string{{"flags", "--json"}, {"flags", "--all", "--json"}} {
		if f := flagsOf(args...)["QS special-cause"]; f.Published != "" {
			t.Errorf("%v: QS is labelled %q with no cohort excluded", args, f.Published)
		}
	}

	note := "note: QE Pupils persistently absent (%): a measure of pupils, shown as published (no UASC split applies): annual: 2024/25 AY = 20.3%;"
	for _, tt := range []struct {
		args []string
		says []string
	}{
		{[]string{"flags", "--exclude", "uasc"}, []string{"QS Primary schools judged good or outstanding (%): " + label + ": 1 special cause", note}},
		{[]string{"flags", "--exclude", "uasc", "--all"}, []string{"special-cause  " + label + ": special cause, concerning", note}},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := scorecard(t, db, tt.args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, s := range tt.says {
				if !strings.Contains(r.stdout+r.stderr, s) {
					t.Errorf("does not say %q:\n%s%s", s, r.stdout, r.stderr)
				}
			}
		})
	}
	r := scorecard(t, db, "flags", "--all")
	if r.code != 0 || strings.Contains(r.stdout+r.stderr, "published") {
		t.Errorf("flags --all, no cohort excluded (exit %d), says published:\n%s%s", r.code, r.stdout, r.stderr)
	}
}
