package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTidy writes a tidy table of rows (Ref, Indicator, Unit, Polarity,
// Period, Area, Cohort, Numerator, Denominator, Value) into dir.
func writeTidy(t *testing.T, dir, name string, rows []string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	body := "Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Numerator,Denominator,Value\n" + strings.Join(rows, "\n") + "\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExcludingDisagreesSaid: a source's own figure excluding UASC that
// contradicts all children minus UASC (QZ1: 30/120 minus 6/20 is 24/100,
// the source says 20/100), or that counts more than all children (QZ2:
// 110 of 100), is warned of at import, at its line, once for the series,
// and said beside the figure by show, show --json, flags and brief. One
// that agrees (QZ4: 24/100) is not.
func TestExcludingDisagreesSaid(t *testing.T) {
	dir := t.TempDir()
	var rows []string
	for m := 1; m <= 12; m++ {
		p := fmt.Sprintf("2025-%02d", m)
		rows = append(rows,
			"QZ1,Children seen within 10 days (%),%,H,"+p+",Kent,All,30,120,25",
			"QZ1,Children seen within 10 days (%),%,H,"+p+",Kent,UASC,6,20,30",
			"QZ1,Children seen within 10 days (%),%,H,"+p+",Kent,Excluding UASC,20,100,20",
			"QZ2,Number of children in care,count,L,"+p+",Kent,All,,,100",
			"QZ2,Number of children in care,count,L,"+p+",Kent,Excluding UASC,,,110",
			"QZ4,Care leavers in touch (%),%,H,"+p+",Kent,All,30,120,25",
			"QZ4,Care leavers in touch (%),%,H,"+p+",Kent,UASC,6,20,30",
			"QZ4,Care leavers in touch (%),%,H,"+p+",Kent,Excluding UASC,24,100,24")
	}
	csv := writeTidy(t, dir, "own.csv", rows)
	db := filepath.Join(dir, "x.db")
	out := mustRun(t, db, "import", csv)
	// Rows 4 and 6 of the file (line 1 the header) are January's own
	// excluding figures of QZ1 and QZ2.
	for _, want := range []string{
		"own.csv: line 4: QZ1 Kent: the source's own figures excluding UASC cannot be right in all 12 periods given, Jan-25 to Dec-25: Jan-25's has value 20 where all children minus the cohort give 24",
		"own.csv: line 6: QZ2 Kent: the source's own figures excluding UASC cannot be right in all 12 periods given, Jan-25 to Dec-25: Jan-25's has count 110 above all children's 100",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("import does not warn %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "warning:"); n != 2 || strings.Contains(out, "QZ4") {
		t.Errorf("import gave %d warnings, want one for each of QZ1's and QZ2's series and none for QZ4:\n%s", n, out)
	}

	cases := []struct {
		ref, value, says string
	}{
		{"QZ1", "20.0 (!)", "value 20 where all children minus the cohort give 24; numerator 20 where all children minus the cohort give 24"},
		{"QZ2", "110 (!)", "count 110 above all children's 100"},
		{"QZ4", "24.0", ""},
	}
	for _, c := range cases {
		t.Run(c.ref, func(t *testing.T) {
			text := mustRun(t, db, "show", c.ref, "--exclude", "uasc")
			var row string
			for _, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, "2025-12 ") {
					row = l
				}
			}
			if f := strings.Fields(strings.TrimPrefix(row, "2025-12")); len(f) == 0 || strings.Join(f[:len(strings.Fields(c.value))], " ") != c.value {
				t.Errorf("show's Dec-25 row %q, want value %q", row, c.value)
			}
			var js struct {
				Points []struct {
					Period    string `json:"period"`
					Disagrees string `json:"source_disagrees"`
				} `json:"points"`
			}
			if err := json.Unmarshal([]byte(mustRun(t, db, "show", c.ref, "--exclude", "uasc", "--json")), &js); err != nil || len(js.Points) != 12 {
				t.Fatalf("show --json: %v, %d points", err, len(js.Points))
			}
			flags := mustRun(t, db, "flags", "--exclude", "uasc", "--all")
			// Said to the officer beside the brief, not in it: the note
			// gives figures the brief may withhold.
			brief := scorecard(t, db, "brief", "--exclude", "uasc").stderr
			if c.says == "" {
				if strings.Contains(text, "(!)") || js.Points[11].Disagrees != "" || strings.Contains(flags, c.ref) || strings.Contains(brief, c.ref) {
					t.Errorf("a figure that agrees is noted:\n%s\n%+v\n%s\n%s", text, js.Points[11], flags, brief)
				}
				return
			}
			if !strings.Contains(text, "(!) 2025-01: the source's own figure excluding UASC has "+c.says) {
				t.Errorf("show does not say what disagrees:\n%s", text)
			}
			for _, p := range js.Points {
				if !strings.Contains(p.Disagrees, c.says) {
					t.Errorf("show --json %s source_disagrees = %q, want %q", p.Period, p.Disagrees, c.says)
				}
			}
			if want := c.ref + "  Kent  2025-12  excluding-disagrees  the source's own figure excluding UASC has " + c.says; !strings.Contains(flags, want) {
				t.Errorf("flags --all does not say %q:\n%s", want, flags)
			}
			if !strings.Contains(brief, "note: check before sending: "+c.ref) || !strings.Contains(brief, c.says) {
				t.Errorf("brief does not say what disagrees:\n%s", brief)
			}
			if all := mustRun(t, db, "show", c.ref); strings.Contains(all, "(!)") {
				t.Errorf("all children's figures are noted:\n%s", all)
			}
		})
	}
}

// TestFlagsExcludeRevisions: under --exclude, a revision says the figure
// excluding UASC as it was worked out before and as it is now, whichever
// of the figures it comes from was revised. QX1 counts 62 children in
// Jan-26, 8 of them UASC: 54 excluding UASC.
func TestFlagsExcludeRevisions(t *testing.T) {
	first := []string{
		"QX1,Number of children in care,count,L,2025-12,Kent,All,,,61",
		"QX1,Number of children in care,count,L,2025-12,Kent,UASC,,,8",
		"QX1,Number of children in care,count,L,2026-01,Kent,All,,,62",
		"QX1,Number of children in care,count,L,2026-01,Kent,UASC,,,8",
	}
	cases := []struct {
		name     string
		revision []string
		want     []string // flags' details, by hand
		not      string
	}{
		{"all children 62 to 63 and 61 to 60",
			[]string{"QX1,Number of children in care,count,L,2026-01,Kent,All,,,63", "QX1,Number of children in care,count,L,2025-12,Kent,All,,,60"},
			[]string{"revised from 54 to 55", "Dec-25 revised from 53 to 52"}, "from 62"},
		{"only UASC 8 to 9",
			[]string{"QX1,Number of children in care,count,L,2026-01,Kent,UASC,,,9"},
			[]string{"revised from 54 to 53"}, ""},
		{"both by one: 54 stands",
			[]string{"QX1,Number of children in care,count,L,2026-01,Kent,All,,,63", "QX1,Number of children in care,count,L,2026-01,Kent,UASC,,,9"},
			nil, "revised"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "import", writeTidy(t, dir, "first.csv", first))
			mustRun(t, db, "import", writeTidy(t, dir, "revision.csv", c.revision))
			out := mustRun(t, db, "flags", "--exclude", "uasc", "--all")
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("flags --exclude uasc --all does not say %q:\n%s", w, out)
				}
			}
			if c.not != "" && strings.Contains(out, c.not) {
				t.Errorf("flags --exclude uasc --all says %q:\n%s", c.not, out)
			}
		})
	}
}

// TestNoneOfNoneCohort: a tidy row giving a cohort 0 of 0 (no children in
// it) is its parts, not a row to skip: the figure excluding the cohort is
// all children's (QA10 g10), where before it could not be excluded.
func TestNoneOfNoneCohort(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out := mustRun(t, db, "import", writeFile(t, "seen.csv", "Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Numerator,Denominator,Value\n"+
		"SC2,Children seen (%),%,H,2025-05,Kent,All,50,100,50\nSC2,Children seen (%),%,H,2025-05,Kent,UASC,5,20,25\n"+
		"SC2,Children seen (%),%,H,2025-06,Kent,All,50,100,50\nSC2,Children seen (%),%,H,2025-06,Kent,UASC,0,0,\n"))
	if strings.Contains(out, "skipped") {
		t.Errorf("import skipped a row:\n%s", out)
	}
	var js struct {
		Points []struct {
			Period string   `json:"period"`
			Value  *float64 `json:"value"`
			Status string   `json:"status"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", "SC2", "--exclude", "uasc", "--json")), &js); err != nil || len(js.Points) != 2 {
		t.Fatalf("show --json: %v, %d points", err, len(js.Points))
	}
	// May: (50 - 5) / (100 - 20) = 56.25%; June: (50 - 0) / (100 - 0) = 50%.
	for i, want := range []float64{45.0 / 80 * 100, 50} {
		if p := js.Points[i]; p.Value == nil || *p.Value != want {
			t.Errorf("%s excluding UASC: %v (%s), want %v", p.Period, p.Value, p.Status, want)
		}
	}
}
