package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A file that does not state a year's milestones or district targets
// never changes them: next month's file restating only the year's
// Target and Floor keeps the profile a targets file gave; one stating a
// milestone or district target differently replaces that one, with a
// warning at its row; an academic year's target for an indicator set by
// financial year is warned of.
func TestImportKeepsUnstatedTargets(t *testing.T) {
	dir := t.TempDir()
	figures := filepath.Join(dir, "figures.csv")
	if err := os.WriteFile(figures, []byte("Ref,Indicator,Polarity,Unit,Period,Area,Value\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-07,Kent,10.2\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-08,Kent,10.2\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-09,Kent,9.8\n"+
		"CIC05,Children in care with 3+ placements,L,%,2025-09,Swale,8.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(dir, "targets.csv")
	if err := os.WriteFile(profile, []byte("Ref,Year,District,Target,Floor,Q2 target,Milestone Sep\n"+
		"CIC05,2025/26,,9,11,9.5,10.1\n"+
		"CIC05,2025/26,Swale,8,8.2,,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const (
		kent  = "2025-07 9.5/11 AMBER; 2025-08 9.5/11 AMBER; 2025-09 10.1/11 GREEN"
		swale = "2025-09 8/8.2 RED"
	)
	for _, tc := range []struct {
		name, file  string
		kent, swale string
		warning     string // "" for none
	}{
		{
			name: "the year restated alone",
			file: "Ref,Year,Target,Floor\nCIC05,2025/26,9,11\n",
			kent: kent, swale: swale,
		},
		{
			name:    "a milestone stated differently",
			file:    "Ref,Year,Target,Floor,Milestone Sep\nCIC05,2025/26,9,11,9.7\n",
			kent:    "2025-07 9.5/11 AMBER; 2025-08 9.5/11 AMBER; 2025-09 9.7/11 AMBER",
			swale:   swale,
			warning: "next.csv: A2: CIC05 2025/26: the Sep-25 milestone here (target 9.7) replaces the stored one (target 10.1)",
		},
		{
			name:    "a district's target stated differently",
			file:    "Ref,Year,District,Target,Floor\nCIC05,2025/26,Swale,8.5,8.7\n",
			kent:    kent,
			swale:   "2025-09 8.5/8.7 GREEN",
			warning: "next.csv: A2: CIC05 2025/26: Swale's own target here (target 8.5, floor 8.7) replaces the stored one (target 8, floor 8.2)",
		},
		{
			name: "an academic year's target for a financial-year indicator",
			file: "Ref,Year,Target,Floor\nCIC05,2025/26AY,8,9\n",
			kent: kent, swale: swale,
			warning: "next.csv: A2: CIC05 2025/26AY: this academic year's target never applies: CIC05's targets are set by financial year (years like 2025/26)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "t.db")
			mustRun(t, db, "import", figures, profile)
			next := filepath.Join(t.TempDir(), "next.csv")
			if err := os.WriteFile(next, []byte(tc.file), 0o644); err != nil {
				t.Fatal(err)
			}
			out := mustRun(t, db, "import", next)
			var warnings []string
			for _, line := range strings.Split(out, "\n") {
				if w, ok := strings.CutPrefix(strings.TrimSpace(line), "warning: "); ok {
					warnings = append(warnings, w)
				}
			}
			switch {
			case tc.warning == "" && len(warnings) > 0:
				t.Errorf("warnings %q, want none", warnings)
			case tc.warning != "" && (len(warnings) != 1 || !strings.HasPrefix(warnings[0], tc.warning)):
				t.Errorf("warnings %q, want one starting %q", warnings, tc.warning)
			}
			if got := shownTargets(t, db, "Kent"); got != tc.kent {
				t.Errorf("Kent: %q, want %q", got, tc.kent)
			}
			if got := shownTargets(t, db, "Swale"); got != tc.swale {
				t.Errorf("Swale: %q, want %q", got, tc.swale)
			}
		})
	}
}

// shownTargets is what show --json gives for CIC05's points in area:
// "2025-09 8/8.2 RED; ...".
func shownTargets(t *testing.T, db, area string) string {
	t.Helper()
	var shown struct {
		Points []struct {
			Period string   `json:"period"`
			Target *float64 `json:"target"`
			Floor  *float64 `json:"floor"`
			RAG    string   `json:"rag"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, db, "show", "CIC05", "--area", area, "--json")), &shown); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range shown.Points {
		num := func(v *float64) string {
			if v == nil {
				return "-"
			}
			return fmt.Sprint(*v)
		}
		got = append(got, fmt.Sprintf("%s %s/%s %s", p.Period, num(p.Target), num(p.Floor), p.RAG))
	}
	return strings.Join(got, "; ")
}

// export --area shows, beside each RAG, the target it was rated against:
// the area's own target and floor where it has them, and the milestone
// for the month, on the Scorecard sheet and in the PDF pack, as show
// --area does.
func TestExportAreaShowsItsOwnTarget(t *testing.T) {
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed, and CI must have it (scripts/setup.sh test)")
		}
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	files := map[string]string{
		"figures.csv": "Ref,Indicator,Polarity,Unit,Period,Area,Value\n" +
			"CIC05,Children in care with 3+ placements,L,%,2025-08,Kent,10.2\n" +
			"CIC05,Children in care with 3+ placements,L,%,2025-09,Kent,9.8\n" +
			"CIC05,Children in care with 3+ placements,L,%,2025-08,Swale,8.4\n" +
			"CIC05,Children in care with 3+ placements,L,%,2025-09,Swale,8.3\n",
		"targets.csv": "Ref,Year,District,Target,Floor,Milestone Sep\n" +
			"CIC05,2025/26,,9,11,10.1\n" +
			"CIC05,2025/26,Swale,8,8.2,7.9\n",
	}
	for _, name := range []string{"figures.csv", "targets.csv"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, db, "import", path)
	}
	for _, tc := range []struct {
		area               string
		show               string // show --area --json's last point
		target, floor, rag string // as the export shows them
	}{
		{"Kent", "2025-09 10.1/11 GREEN", "10.1%", "11.0%", "GREEN"},
		{"Swale", "2025-09 7.9/8.2 RED", "7.9%", "8.2%", "RED"},
	} {
		t.Run(tc.area, func(t *testing.T) {
			if got := shownTargets(t, db, tc.area); !strings.HasSuffix(got, tc.show) {
				t.Fatalf("show --area %s: %q, want it to end %q", tc.area, got, tc.show)
			}
			xlsx := filepath.Join(t.TempDir(), "out.xlsx")
			mustRun(t, db, "export", "--area", tc.area, "--suppress", "0", "--out", xlsx)
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Scorecard")
			if err != nil {
				t.Fatal(err)
			}
			var got string
			for _, r := range rows {
				if len(r) > 8 && r[0] == "CIC05" {
					var shown []string
					for _, c := range r[5:] {
						if c != "" && (strings.HasSuffix(c, "%") || c == "RED" || c == "AMBER" || c == "GREEN") {
							shown = append(shown, c)
						}
					}
					got = strings.Join(shown, " ")
				}
			}
			want := tc.target + " " + tc.floor
			if !strings.HasPrefix(got, want) || !strings.Contains(got, tc.rag) {
				t.Errorf("Scorecard sheet: CIC05 shows %q, want %q then %s", got, want, tc.rag)
			}
			pack := filepath.Join(t.TempDir(), "out.pdf")
			mustRun(t, db, "export", "--area", tc.area, "--suppress", "0", "--out", pack)
			text, err := exec.Command(pdftotext, "-layout", pack, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			line := ""
			for _, l := range strings.Split(string(text), "\n") {
				if strings.HasPrefix(strings.TrimSpace(l), "CIC05 ") && strings.Contains(l, "%") {
					line = strings.Join(strings.Fields(l), " ")
					break
				}
			}
			if !strings.Contains(line, want) || !strings.Contains(line, tc.rag) {
				t.Errorf("PDF scorecard: %q, want %q then %s", line, want, tc.rag)
			}
		})
	}
}

// The export's Targets sheet keeps every target's milestones and
// district targets, so that the export imported into a fresh store holds
// the same targets and rates every figure as the store did.
func TestExportTargetsRoundTrip(t *testing.T) {
	var figures strings.Builder
	figures.WriteString("Ref,Indicator,Polarity,Unit,Period,Area,Value\n")
	for i := range 12 {
		m, y := (i+3)%12+1, 2025
		if i >= 9 {
			y = 2026
		}
		for _, area := range []string{"Kent", "Swale"} {
			fmt.Fprintf(&figures, "PP1,Test percent,H,%%,%d-%02d,%s,%d\n", y, m, area, 53+i)
		}
	}
	for _, tc := range []struct {
		name, targets string
	}{
		{"monthly milestones", "Ref,Year,Target,Floor,Sept target,Milestone Mar\nPP1,2025/26,70,40,58,64\n"},
		{"quarterly milestones with floors and a district's own", "Ref,Year,District,Target,Floor,Q1 target,Q1 floor,Q3 target\n" +
			"PP1,2025/26,,70,40,54,50,62\n" +
			"PP1,2025/26,Swale,60,55,,,61\n"},
		{"a district's milestones only", "Ref,Year,District,Target,Floor,Milestone Jun,Floor Jun\n" +
			"PP1,2025/26,,70,40,,\n" +
			"PP1,2025/26,Swale,,,56,52\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "a.db")
			for _, f := range [][2]string{{"figures.csv", figures.String()}, {"targets.csv", tc.targets}} {
				path := filepath.Join(dir, f[0])
				if err := os.WriteFile(path, []byte(f[1]), 0o644); err != nil {
					t.Fatal(err)
				}
				mustRun(t, db, "import", path)
			}
			xlsx := filepath.Join(dir, "export.xlsx")
			mustRun(t, db, "export", "--suppress", "0", "--out", xlsx)
			again := filepath.Join(dir, "again.db")
			if out := mustRun(t, again, "import", xlsx); strings.Contains(out, "warning:") {
				t.Errorf("the export imported again with warnings:\n%s", out)
			}
			for _, area := range []string{"Kent", "Swale"} {
				// The whole of show --json: targets, floors, RAGs and
				// the flags they raise.
				want := mustRun(t, db, "show", "PP1", "--area", area, "--json")
				got := mustRun(t, again, "show", "PP1", "--area", area, "--json")
				if got != want {
					t.Errorf("%s after the round trip:\n%s\nwant\n%s", area, got, want)
				}
			}
		})
	}
}
