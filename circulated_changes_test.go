package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// leedsMonth writes QA27a's Leeds monthly scorecard for the month ending
// its columns (Apr-25 on): a title naming the month, Ref, Indicator,
// Polarity, Data Period, the 2025/26 target and floor, a column a month,
// then a section row and a row an indicator; a nil figure is a blank
// cell. EH03's polarity is pol.
func leedsMonth(t *testing.T, dir, name, title, pol string, months int, figs map[string][]any) string {
	t.Helper()
	head := []any{"Ref", "Indicator", "Polarity", "Data Period", "Target 2025/26", "Floor 2025/26"}
	for i := range months {
		head = append(head, time.Date(2025, time.Month(4+i), 1, 0, 0, 0, 0, time.UTC))
	}
	rows := [][]any{{title}, {}, head, {"Safeguarding and Early Help"}}
	for _, ind := range [][]any{
		{"SG01", "Number of children subject to a child protection plan", "-", "MS", nil, nil},
		{"SG11", "Private fostering arrangements notified (number)", "-", "MS", nil, nil},
		{"EH03", "Families stepped up to social care within 6 months of early help (%)", pol, "MS", 0.1, 0.12},
		{"EH04", "Family wellbeing score at case closure (0-10)", "H", "MS", 7, 6.5},
	} {
		row := append([]any{}, ind...)
		for i := range months {
			var v any
			if vs := figs[ind[0].(string)]; i < len(vs) {
				v = vs[i]
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	return writeSheets(t, dir, name, namedRows{"Scorecard", rows})
}

// TestCirculatedChanges: what an officer circulates says what changed in
// figures and definitions already circulated (QA27a 2, 3): the brief, the
// pack's first page, the Trend sheet's Note and the Guidance, each read
// back as circulated; a figure, or an earlier figure, that small-number
// suppression withholds is never given; and undo of a definition change
// says the definition went back.
func TestCirculatedChanges(t *testing.T) {
	pdftotext := needPDFToText(t)
	may := map[string][]any{"SG01": {640, 631}, "SG11": {9, 3}, "EH03": {0.085, 0.082}, "EH04": {6.7, 6.4}}
	jun := map[string][]any{"SG01": {640, 645, 650}, "SG11": {9, 7, 8}, "EH03": {0.085, 0.082, 0.083}, "EH04": {6.7, 6.4, 6.5}}
	for _, tt := range []struct {
		name  string
		files func(dir string) [][]string // each file's import arguments, in turn
		brief []string                    // what the brief's changes say
		not   []string                    // what nothing circulated may say
		trend map[string]string           // a Trend row's Note, by ref
		guide string                      // the Guidance's definitions changed
		kind  string                      // a flag of the month's, "ref kind"
		undo  string                      // undo of the last import says
	}{{
		name: "a revised count and a small count revised",
		files: func(dir string) [][]string {
			return [][]string{{leedsMonth(t, dir, "m02.xlsx", "Scorecard - May 2025", "H", 2, may)},
				{leedsMonth(t, dir, "m03.xlsx", "Scorecard - June 2025", "H", 3, jun)}}
		},
		brief: []string{
			"Changed since figures were last circulated:",
			"SG01 Number of children subject to a child protection plan: May-25 revised from 631 to 645 (m03.xlsx, import I0002)",
			"SG11 Private fostering arrangements notified (number): May-25 revised to 7; the earlier figure is withheld (small numbers) (m03.xlsx, import I0002)",
		},
		not:   []string{"from 3 ", "from 3)", "revised from 3"},
		trend: map[string]string{"SG01": "Revised: May-25", "SG11": "Revised: May-25"},
		kind:  "SG01 revised",
	}, {
		name: "a figure given late for a month left blank",
		files: func(dir string) [][]string {
			m := map[string][]any{"SG01": {640, 631}, "SG11": {9, 8}, "EH03": {0.085, 0.082}, "EH04": {6.7}}
			j := map[string][]any{"SG01": {640, 631, 650}, "SG11": {9, 8, 8}, "EH03": {0.085, 0.082, 0.083}, "EH04": {6.7, 6.4, 6.5}}
			return [][]string{{leedsMonth(t, dir, "m02.xlsx", "Scorecard - May 2025", "H", 2, m)},
				{leedsMonth(t, dir, "m03.xlsx", "Scorecard - June 2025", "H", 3, j)}}
		},
		brief: []string{"EH04 Family wellbeing score at case closure (0-10): May-25 given late: 6.4, where an earlier file that ran to May-25 gave no figure (m03.xlsx, import I0002)"},
		kind:  "EH04 revised",
	}, {
		name: "a polarity changed, as accepted, by a copy stating it",
		files: func(dir string) [][]string {
			return [][]string{{leedsMonth(t, dir, "m03.xlsx", "Scorecard - June 2025", "H", 3, jun)},
				{"--accept-definitions", leedsMonth(t, dir, "m03x.xlsx", "Scorecard - June 2025 (v2)", "L", 3, jun)}}
		},
		brief: []string{"EH03 Families stepped up to social care within 6 months of early help (%): polarity changed from H (higher is better) to L (lower is better) on " +
			time.Now().Format("2 Jan 2006") + " (import I0002, m03x.xlsx: Scorecard!C7): earlier ratings and directions of travel recomputed"},
		guide: "EH03 polarity changed from H (higher is better) to L (lower is better) on",
		kind:  "EH03 definition",
		undo:  "EH03's polarity is H (higher is better) again, as before I0002 (m03x.xlsx): ratings and directions of travel recomputed",
	}} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "s.db")
			mustRun(t, db, "authority", "Leeds")
			for _, args := range tt.files(dir) {
				mustRun(t, db, append([]string{"import"}, args...)...)
			}
			brief := mustRun(t, db, "brief")
			for _, w := range tt.brief {
				if !strings.Contains(brief, w) {
					t.Errorf("the brief does not say %q:\n%s", w, brief)
				}
			}
			var flags []struct{ Ref, Kind string }
			if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--json")), &flags); err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range flags {
				found = found || f.Ref+" "+f.Kind == tt.kind
			}
			if !found {
				t.Errorf("flags has no %s flag: %+v", tt.kind, flags)
			}
			pdf := filepath.Join(dir, "pack.pdf")
			mustRun(t, db, "export", "--out", pdf)
			page1 := strings.Join(strings.Fields(pdfPage1(t, pdftotext, pdf)), " ")
			for _, w := range tt.brief {
				if !strings.Contains(page1, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("the pack's page 1 does not say %q:\n%s", w, page1)
				}
			}
			xlsx := filepath.Join(dir, "out.xlsx")
			mustRun(t, db, "export", "--out", xlsx)
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Trend")
			if err != nil {
				t.Fatal(err)
			}
			for ref, want := range tt.trend {
				got := ""
				for _, r := range rows {
					if len(r) > 0 && r[0] == ref {
						got = r[len(r)-1]
					}
				}
				if !strings.Contains(got, want) {
					t.Errorf("%s: Trend note %q, want %q", ref, got, want)
				}
			}
			guidance, err := f.GetRows("Guidance")
			if err != nil {
				t.Fatal(err)
			}
			var said strings.Builder
			for _, r := range guidance {
				said.WriteString(strings.Join(r, " ") + "\n")
			}
			if tt.guide != "" && !strings.Contains(said.String(), "Definitions changed\n"+tt.guide) {
				t.Errorf("the Guidance does not say %q:\n%s", tt.guide, said.String())
			}
			everything := brief + page1 + said.String()
			for _, r := range rows {
				everything += strings.Join(r, " ") + "\n"
			}
			for _, n := range tt.not {
				if strings.Contains(everything, n) {
					t.Errorf("what is circulated says %q", n)
				}
			}
			if tt.undo != "" {
				if out := mustRun(t, db, "undo", "I0002"); !strings.Contains(out, tt.undo) {
					t.Errorf("undo says:\n%s\nwant %q", out, tt.undo)
				}
				if b := mustRun(t, db, "brief"); strings.Contains(b, "Changed since") {
					t.Errorf("after the undo the brief still lists a change:\n%s", b)
				}
			}
		})
	}
}
