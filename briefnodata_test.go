package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBriefRefusesNoFigures: a brief or pack of a period, or of an area,
// with no figures is refused with exit 1 saying so, as flags refuses a
// period outside the store, rather than an all-clear ("Nothing is red")
// for no data (QA23c D12).
func TestBriefRefusesNoFigures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	mustRun(t, db, "import", smallMonthsCSV(t)) // Kent, Jan-25 to Jan-26
	pdf := filepath.Join(dir, "dover.pdf")
	xlsx := filepath.Join(dir, "dover.xlsx") // its workbook, refused alike (QA24b D5)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"brief"}, 0, "Exceptions: Kent, January 2026"},
		{[]string{"brief", "--period", "2026-02"}, 1, "no figures for Feb-26 (the store holds Jan-25 to Jan-26)"},
		{[]string{"brief", "--period", "2024-12"}, 1, "no figures for Dec-24 (the store holds Jan-25 to Jan-26)"},
		{[]string{"brief", "--area", "Dover"}, 1, "Dover has no figures for Jan-26"},
		{[]string{"brief", "--area", "Dover", "--period", "2025-06"}, 1, "Dover has no figures for Jun-25"},
		{[]string{"export", "--area", "Dover", "--out", pdf}, 1, "Dover has no figures for Jan-26"},
		{[]string{"export", "--area", "Dover", "--out", xlsx}, 1, "Dover has no figures for Jan-26"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := scorecard(t, db, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", r.code, tt.code, r.stdout, r.stderr)
			}
			if said := r.stdout + r.stderr; !strings.Contains(said, tt.want) {
				t.Errorf("does not say %q:\n%s", tt.want, said)
			}
			if tt.code != 0 && strings.Contains(r.stdout, "Nothing is red") {
				t.Errorf("gives an all-clear for no figures:\n%s", r.stdout)
			}
		})
	}
	for _, out := range []string{pdf, xlsx} {
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%s of Dover, which has no figures, was written (%v)", filepath.Base(out), err)
		}
	}
}

// TestBriefStandInIsNoFigure: last year's outturn standing in for the
// month (a Data sheet's "stand-in" status, an italic cell in a workbook)
// is not the month's figure. A month of stand-ins alone is refused as no
// figures, and a stand-in beside real figures is a missing flag and a
// brief line, as a "tbc" cell is: both once gave "Nothing is red" and
// "No flags." (QA24b D7). The workbook of such a month is written, as it
// carries the history, but says in its summary line, with the refusal's
// reason, that it is no report of the month (QA26b L3).
func TestBriefStandInIsNoFigure(t *testing.T) {
	head := "Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Value,Status,Target,Floor"
	pb1 := func(p string, v int, status string) string {
		return fmt.Sprintf("PB1,Children with an up-to-date health check (%%),%%,H,%s,Kent,All,%d,%s,95,85", p, v, status)
	}
	qy2 := func(p string, v int, status string) string {
		return fmt.Sprintf("QY2,Children missing from care,count,L,%s,Kent,All,%d,%s,,", p, v, status)
	}
	for _, tc := range []struct {
		name  string
		rows  []string
		brief int      // brief's exit code
		says  []string // brief's (or its refusal's) words
		flags string   // in flags
	}{
		{"every figure of the month a stand-in",
			[]string{pb1("2025-01", 90, ""), pb1("2025-02", 89, ""), pb1("2025-03", 91, "stand-in"),
				qy2("2025-01", 20, ""), qy2("2025-02", 21, ""), qy2("2025-03", 19, "stand-in")},
			1, []string{"Kent has no figures for Mar-25: every figure given for it is last year's outturn standing in"},
			"PB1 Children with an up-to-date health check (%): 1 missing"},
		{"one of two a stand-in",
			[]string{pb1("2025-01", 90, ""), pb1("2025-02", 89, ""), pb1("2025-03", 91, "stand-in"),
				qy2("2025-01", 20, ""), qy2("2025-02", 21, ""), qy2("2025-03", 22, "")},
			0, []string{"Children with an up-to-date health check (%): no figure; new this month: no figure for Mar-25 yet: last year's outturn 91.0% stands in"},
			"PB1 Children with an up-to-date health check (%): 1 missing"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			csv := filepath.Join(dir, "si.csv")
			if err := os.WriteFile(csv, []byte(head+"\n"+strings.Join(tc.rows, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			db := filepath.Join(dir, "s.db")
			mustRun(t, db, "import", csv)
			r := scorecard(t, db, "brief")
			if r.code != tc.brief {
				t.Errorf("brief exit %d, want %d\n%s%s", r.code, tc.brief, r.stdout, r.stderr)
			}
			for _, w := range tc.says {
				if !strings.Contains(r.stdout+r.stderr, w) {
					t.Errorf("brief does not say %q:\n%s%s", w, r.stdout, r.stderr)
				}
			}
			if strings.Contains(r.stdout, "Nothing is red") || strings.Contains(r.stdout, "91.0% (") {
				t.Errorf("brief gives the stand-in as the month's figure or an all-clear:\n%s", r.stdout)
			}
			pdf := filepath.Join(dir, "pack.pdf")
			p := scorecard(t, db, "export", "--out", pdf)
			if (p.code == 0) != (tc.brief == 0) {
				t.Errorf("pack exit %d, brief's %d\n%s%s", p.code, tc.brief, p.stdout, p.stderr)
			}
			// The workbook carries the history, so is written, but its
			// summary says, in the words of the pack's and the brief's
			// refusal, that it is no report of the month (QA26b L3).
			x := scorecard(t, db, "export", "--out", filepath.Join(dir, "k.xlsx"))
			summary := strings.Split(x.stdout+"\n\n", "\n")[1] // the line after the path
			if x.code != 0 || !strings.HasPrefix(summary, "Kent, Mar-25: 2 indicators") {
				t.Errorf("workbook exit %d, want it written\n%s%s", x.code, x.stdout, x.stderr)
			}
			if said := "not a report of Mar-25: " + tc.says[0]; (tc.brief != 0) != strings.Contains(summary, said) {
				t.Errorf("workbook's summary %q; want it to say %q only where brief (exit %d) refuses", summary, said, tc.brief)
			}
			if tc.brief != 0 {
				for what, refusal := range map[string]string{"brief": r.stderr, "pack": p.stderr} {
					if !strings.Contains(refusal, tc.says[0]) {
						t.Errorf("the %s's refusal %q does not give the workbook's reason %q", what, refusal, tc.says[0])
					}
				}
			}
			if out := mustRun(t, db, "flags"); !strings.Contains(out, tc.flags) {
				t.Errorf("flags does not say %q:\n%s", tc.flags, out)
			}
		})
	}
}
