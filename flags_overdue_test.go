package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestOverdueQuarterSaid: with the demo's months to Oct-26 and QA26b's
// q05.xlsx, Q05's quarters to Apr-Jun 2026 (58.0%), Jul-Sep 2026 is
// overdue from Sep-26: `flags --json` has a missing flag for it in Sep-26
// and in Oct-26 (where it had none, QA26b S2), and the brief lists it as
// an exception, newly flagged, then overdue, never under a "quarterly:"
// note on either.
func TestOverdueQuarterSaid(t *testing.T) {
	db := demoStore(t)
	mustRun(t, db, "import", quarterWorkbook(t, "Q05", "Care leavers in education (%)",
		"2024-12", "2025-03", "2025-06", "2025-09", "2025-12", "2026-03", "2026-06"))
	const last = " (last figure Apr-Jun 2026: 58.0%)"
	for _, tt := range []struct {
		period, flag, line, heading string
	}{
		{"2026-09", "no figure for Jul-Sep 2026" + last,
			"- Care leavers in education (%): no figure; new this month: no figure for Jul-Sep 2026" + last + ".\n",
			"red, worsened, special cause or newly flagged)"},
		{"2026-10", "no figure for Jul-Sep 2026, due Sep-26" + last,
			"- Care leavers in education (%): no figure; overdue: no figure for Jul-Sep 2026, due Sep-26" + last + ".\n",
			"red, worsened, special cause, newly flagged or overdue)"},
	} {
		t.Run(tt.period, func(t *testing.T) {
			for _, args := range [][]string{{"flags", "--json"}, {"flags", "--all", "--json"}} {
				r := scorecard(t, db, append(args, "--period", tt.period)...)
				if r.code != 0 {
					t.Fatalf("%s: exit %d: %s", args, r.code, r.stderr)
				}
				var flags []struct{ Ref, Period, Kind, Detail string }
				if err := json.Unmarshal([]byte(r.stdout), &flags); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, f := range flags {
					if f.Ref == "Q05" {
						got = append(got, f.Period+" "+f.Kind+" "+f.Detail)
					}
				}
				if want := "2026-Q3 missing " + tt.flag; len(got) != 1 || got[0] != want {
					t.Errorf("%s: Q05's flags %q, want %q", args, got, want)
				}
				if strings.Contains(r.stderr, "Q05 Care leavers in education (%): quarterly:") {
					t.Errorf("%s notes Q05 as quarterly beside its flag:\n%s", args, r.stderr)
				}
			}
			r := scorecard(t, db, "brief", "--period", tt.period)
			if r.code != 0 {
				t.Fatalf("brief: exit %d: %s", r.code, r.stderr)
			}
			head, _, _ := strings.Cut(r.stdout, "\n")
			if !strings.HasSuffix(head, tt.heading) || !strings.Contains(r.stdout, tt.line) || strings.Contains(r.stdout, "Q05 Care leavers in education (%): quarterly:") {
				t.Errorf("brief does not list %q under a heading ending %q, or notes it quarterly:\n%s", tt.line, tt.heading, r.stdout)
			}
		})
	}
}
