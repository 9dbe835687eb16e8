package main

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// kentCSV writes QA29's tidy CSV of PF01 for Kent and its twelve
// districts: a month's Ashford and Canterbury, then nine for each other
// district, and Kent their sum.
func kentCSV(t *testing.T, name string, months [][3]any) string {
	t.Helper()
	districts := []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	var b strings.Builder
	b.WriteString("Ref,Indicator,Polarity,Unit,Period,Area,Value\n")
	for _, m := range months {
		vs := append([]int{m[1].(int), m[2].(int)}, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9)
		sum := 0
		for _, v := range vs {
			sum += v
		}
		fmt.Fprintf(&b, "PF01,Number of private fostering arrangements,-,count,%s,Kent,%d\n", m[0], sum)
		for i, v := range vs {
			fmt.Fprintf(&b, "PF01,Number of private fostering arrangements,-,count,%s,%s,%d\n", m[0], districts[i], v)
		}
	}
	return writeFile(t, name, b.String())
}

// cohortCSV writes QA29's tidy CSV of CL03 for Kent: each month's all
// children and UASC.
func cohortCSV(t *testing.T, name string, months [][3]any) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Ref,Indicator,Polarity,Unit,Period,Area,Cohort,Value\n")
	for _, m := range months {
		fmt.Fprintf(&b, "CL03,Number of children starting to be looked after,-,count,%s,Kent,All children,%d\n", m[0], m[1])
		fmt.Fprintf(&b, "CL03,Number of children starting to be looked after,-,count,%s,Kent,UASC only,%d\n", m[0], m[2])
	}
	return writeFile(t, name, b.String())
}

// dataCells returns an export's Data sheet figures, "Ref Period Area
// Cohort" to the Value cell as written, or the Status cell ("c") where
// there is no value.
func dataCells(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Data")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		switch {
		case len(r) >= 7 && r[6] != "":
			out[strings.Join(r[:4], " ")] = r[6]
		case len(r) >= 8:
			out[strings.Join(r[:4], " ")] = r[7]
		}
	}
	return out
}

// TestWithheldStaysWithheld (QA29 1, 2): May's pack, as circulated,
// withheld a small count and its complement; June's file revises May.
// Nothing circulated in June, workbook or brief, gives a figure that with
// May's pack tells the small count: May's Kent 100 less the ten other
// districts' 90 less Canterbury's 7 is Ashford's 3.
func TestWithheldStaysWithheld(t *testing.T) {
	for _, tt := range []struct {
		name     string
		m05, m06 func(t *testing.T) string
		exports  [][]string          // each export's arguments after --out
		may      map[string]string   // as May's own export wrote them
		june     map[string]string   // as every June export writes them
		juneEx   map[string]string   // as June's export excluding UASC writes them
		brief    map[string][]string // by brief arguments, what it says
		briefNot []string            // what no brief says
	}{{
		name: "s1: the small count and its complement revised",
		m05: func(t *testing.T) string {
			return kentCSV(t, "m05.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 3, 7}})
		},
		m06: func(t *testing.T) string {
			return kentCSV(t, "m06.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 5, 8}, {"2025-06", 9, 9}})
		},
		exports: [][]string{{}, {"--area", "Canterbury"}},
		may:     map[string]string{"PF01 2025-05 Kent All": "100", "PF01 2025-05 Ashford All": "c", "PF01 2025-05 Canterbury All": "c"},
		// June's 5 and 8 are other counts than May's 3 and 7 and tell
		// nothing of them; "revised from 7" would.
		june: map[string]string{"PF01 2025-05 Kent All": "103", "PF01 2025-05 Ashford All": "5", "PF01 2025-05 Canterbury All": "8",
			"PF01 2025-05 Dover All": "9"},
		brief: map[string][]string{
			"--area Canterbury": {"PF01 Number of private fostering arrangements: May-25 revised to 8; the earlier figure is withheld (small numbers) (m06.csv, import I0002)"},
			"--area Ashford":    {"PF01 Number of private fostering arrangements: May-25 revised to 5; the earlier figure is withheld (small numbers) (m06.csv, import I0002)"},
		},
		briefNot: []string{"from 7", "from 3"},
	}, {
		name: "s7: the small count revised, its complement not",
		m05: func(t *testing.T) string {
			return kentCSV(t, "m05.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 3, 7}})
		},
		m06: func(t *testing.T) string {
			return kentCSV(t, "m06.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 5, 7}, {"2025-06", 9, 9}})
		},
		exports: [][]string{{}, {"--area", "Canterbury"}},
		may:     map[string]string{"PF01 2025-05 Kent All": "100", "PF01 2025-05 Ashford All": "c", "PF01 2025-05 Canterbury All": "c"},
		june:    map[string]string{"PF01 2025-05 Kent All": "102", "PF01 2025-05 Ashford All": "c", "PF01 2025-05 Canterbury All": "c"},
		brief: map[string][]string{
			"--area Ashford": {"PF01 Number of private fostering arrangements: May-25 revised; figures withheld (small numbers) (m06.csv, import I0002)"},
		},
		briefNot: []string{"from 3", "revised to 5"},
	}, {
		name: "s12: a cohort revised, its complement not",
		m05: func(t *testing.T) string {
			return cohortCSV(t, "m05.csv", [][3]any{{"2025-04", 40, 10}, {"2025-05", 25, 3}})
		},
		m06: func(t *testing.T) string {
			return cohortCSV(t, "m06.csv", [][3]any{{"2025-04", 40, 10}, {"2025-05", 27, 5}, {"2025-06", 41, 10}})
		},
		exports: [][]string{{}, {"--exclude", "uasc"}},
		may:     map[string]string{"CL03 2025-05 Kent All": "25", "CL03 2025-05 Kent UASC": "c"},
		june:    map[string]string{"CL03 2025-05 Kent All": "27", "CL03 2025-05 Kent UASC": "c"},
		juneEx:  map[string]string{"CL03 2025-05 Kent Excluding UASC": "c"},
		brief: map[string][]string{
			"": {"CL03 Number of children starting to be looked after: May-25 revised to 27; the earlier figure is withheld (small numbers) (m06.csv, import I0002)"},
		},
		briefNot: []string{"revised from 3", "to 5", "22"},
	}, {
		name: "an ordinary revision, nothing small",
		m05: func(t *testing.T) string {
			return kentCSV(t, "m05.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 12, 7}})
		},
		m06: func(t *testing.T) string {
			return kentCSV(t, "m06.csv", [][3]any{{"2025-04", 9, 9}, {"2025-05", 15, 8}, {"2025-06", 9, 9}})
		},
		exports: [][]string{{}, {"--area", "Canterbury"}},
		may:     map[string]string{"PF01 2025-05 Kent All": "109", "PF01 2025-05 Ashford All": "12", "PF01 2025-05 Canterbury All": "7"},
		june:    map[string]string{"PF01 2025-05 Kent All": "113", "PF01 2025-05 Ashford All": "15", "PF01 2025-05 Canterbury All": "8"},
		brief: map[string][]string{
			"--area Canterbury": {"PF01 Number of private fostering arrangements: May-25 revised from 7 to 8 (m06.csv, import I0002)"},
			"--area Ashford":    {"PF01 Number of private fostering arrangements: May-25 revised from 12 to 15 (m06.csv, import I0002)"},
		},
		briefNot: []string{"withheld (small numbers) (m06"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "authority", "Kent")
			mustRun(t, db, "import", tt.m05(t))
			may := filepath.Join(dir, "may.xlsx")
			mustRun(t, db, "export", "--out", may)
			got := dataCells(t, may)
			for k, want := range tt.may {
				if got[k] != want {
					t.Fatalf("May's export: %s = %q, want %q (not QA29's case)", k, got[k], want)
				}
			}
			mustRun(t, db, "import", tt.m06(t))
			for i, args := range tt.exports {
				out := filepath.Join(dir, fmt.Sprintf("jun%d.xlsx", i))
				mustRun(t, db, append([]string{"export", "--out", out}, args...)...)
				got := dataCells(t, out)
				want := tt.june
				if slices.Contains(args, "--exclude") {
					want = maps.Clone(want)
					maps.Copy(want, tt.juneEx)
				}
				for k, want := range want {
					if got[k] != want {
						t.Errorf("June's export %v: %s = %q, want %q", args, k, got[k], want)
					}
				}
			}
			for args, lines := range tt.brief {
				brief := mustRun(t, db, append([]string{"brief"}, strings.Fields(args)...)...)
				for _, w := range lines {
					if !strings.Contains(brief, w) {
						t.Errorf("brief %s does not say %q:\n%s", args, w, brief)
					}
				}
				for _, w := range tt.briefNot {
					if strings.Contains(brief, w) {
						t.Errorf("brief %s says %q:\n%s", args, w, brief)
					}
				}
			}
		})
	}
}
