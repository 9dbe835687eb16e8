package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// smallMonthsCSV writes QA's tidy CSV of three county counts with a small
// month each (a year ago; the month before the latest; the latest) and a
// percentage of 100 children, red, whose latest 3 outside it are few.
func smallMonthsCSV(t *testing.T) string {
	t.Helper()
	rows := []string{"Ref,Indicator,Unit,Polarity,Period,Area,Cohort,Numerator,Denominator,Value,Target,Floor"}
	a := []int{10, 12, 11, 3, 12, 13, 14, 15, 16, 17, 18, 19, 20}
	b := []int{20, 21, 22, 20, 21, 22, 20, 21, 22, 20, 21, 3, 10}
	c := []int{30, 31, 29, 30, 31, 29, 30, 31, 29, 30, 31, 29, 2}
	d := []int{99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 97}
	for i := range a {
		p := fmt.Sprintf("2025-%02d", i+1)
		if i == 12 {
			p = "2026-01"
		}
		rows = append(rows,
			fmt.Sprintf("QY1,Children subject to a CP plan for 2+ years,count,L,%s,Kent,All,,,%d,,", p, a[i]),
			fmt.Sprintf("QY2,Children missing from care,count,L,%s,Kent,All,,,%d,,", p, b[i]),
			fmt.Sprintf("QY3,Children in secure placements,count,L,%s,Kent,All,,,%d,,", p, c[i]),
			fmt.Sprintf("PB1,Children with an up-to-date health check (%%),%%,H,%s,Kent,All,%d,100,%d,99.5,98", p, d[i], d[i]))
	}
	path := filepath.Join(t.TempDir(), "small.csv")
	if err := os.WriteFile(path, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestBriefWithholdsSmallNumbers: `scorecard brief`, text to be e-mailed,
// withholds small numbers as `export` does, at its default threshold or
// the one --suppress gives, says at its foot which, and lists a red
// figure it withholds by its rating.
func TestBriefWithholdsSmallNumbers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, db, "import", smallMonthsCSV(t))
	for _, tt := range []struct {
		args      []string
		want, not []string
	}{
		{nil,
			[]string{"Children with an up-to-date health check (%): c (RED), figure withheld (small numbers)", "Children in secure placements: c,", "(threshold 5)"},
			[]string{"up 7", "placements: 2", "97.0%", "1 child =", "1.0 pp", "more counted"}},
		{[]string{"--suppress", "5"},
			[]string{"(threshold 5)"},
			[]string{"up 7", "placements: 2", "97.0%"}},
		{[]string{"--suppress", "0"},
			[]string{"Children missing from care: 10, up 7", "Children in secure placements: 2,", "97.0% (RED)", "no threshold applied"},
			[]string{"figure withheld"}},
	} {
		t.Run(strings.Join(append([]string{"brief"}, tt.args...), " "), func(t *testing.T) {
			out := mustRun(t, db, append([]string{"brief"}, tt.args...)...)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("brief does not say %q:\n%s", w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("brief says %q:\n%s", n, out)
				}
			}
		})
	}
	if r := scorecard(t, db, "brief", "--suppress", "-1"); r.code != 2 {
		t.Errorf("brief --suppress -1: exit %d, want 2 (usage)", r.code)
	}
}

// TestPackFirstPageIsTheBrief: the PDF pack's first page lists what
// `brief` lists at the same threshold, the red figure withheld among
// them, not "Nothing is red".
func TestPackFirstPageIsTheBrief(t *testing.T) {
	pdftotext := needPDFToText(t)
	db := filepath.Join(t.TempDir(), "s.db")
	mustRun(t, db, "import", smallMonthsCSV(t))
	out := filepath.Join(t.TempDir(), "pack.pdf")
	mustRun(t, db, "export", "--out", out)
	first := strings.Join(strings.Fields(pdfPage1(t, pdftotext, out)), " ")
	brief := mustRun(t, db, "brief")
	for _, l := range strings.Split(brief, "\n") {
		if l, ok := strings.CutPrefix(l, "- "); ok {
			if !strings.Contains(first, strings.Join(strings.Fields(l), " ")) {
				t.Errorf("page 1 does not say brief's %q: %s", l, first)
			}
		}
	}
	if strings.Contains(first, "Nothing is red") || !strings.Contains(first, "c (RED)") {
		t.Errorf("page 1 does not list the red figure withheld: %s", first)
	}
}

// needPDFToText is poppler's pdftotext, skipping the test where it is
// not installed, except under CI, which must have it.
func needPDFToText(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is not installed, and CI must have it (scripts/setup.sh test)")
		}
		t.Skip("pdftotext is not installed: apt-get install -y poppler-utils")
	}
	return path
}

// pdfPage1 is the text of a PDF's first page.
func pdfPage1(t *testing.T, pdftotext, path string) string {
	t.Helper()
	out, err := exec.Command(pdftotext, "-f", "1", "-l", "1", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}
