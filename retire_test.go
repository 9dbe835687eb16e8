package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// retireMonths and retireDefs are a Kent monthly scorecard's months and
// indicators, as QA27a's year in the life gave them: EH06 is the one the
// scorecard stops giving.
var (
	retireMonths = []string{"Oct-24", "Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"}
	retireFigs   = map[string][]any{"CIC01": {1900, 1910, 1925, 1930, 1942, 1950}, "CIC05": {10.5, 10.8, 11.0, 11.2, 11.5, 11.7},
		"SCS02": {18.0, 18.5, 19.0, 18.2, 17.9, 17.5}, "EH06": {1440, 1458, 1429, 1448, 1460, 1471}}
	retireDefs = [][]any{{"CIC01", "Number of children in care", "-", "MS", "count", nil, nil},
		{"CIC05", "Children in care with 3 or more placements in the last 12 months (%)", "L", "R12M", "%", 10, 12},
		{"SCS02", "Average social worker caseload", "L", "MS", "count", 18, 20},
		{"EH06", "Elective home education (number)", "-", "MS", "count", nil, nil}}
)

// retireCard is the scorecard of the four months to retireMonths[upto],
// its indicators changed by edit (which may return nil to leave a row
// out), in the layout of ratings_test's writeScorecard.
func retireCard(upto int, edit func(row []any) []any) [][]any {
	from := max(0, upto-3)
	head := append([]any{"Ref", "Indicator", "Polarity", "Data period", "Unit", "Target", "Floor"}, anys(retireMonths[from:upto+1])...)
	rows := [][]any{{"Kent CYPE performance scorecard"}, head}
	for _, d := range retireDefs {
		row := append([]any{}, d...)
		row = append(row, retireFigs[d[0].(string)][from:upto+1]...)
		if edit != nil {
			row = edit(row)
		}
		if row != nil {
			rows = append(rows, row)
		}
	}
	return rows
}

// without leaves ref's row out; renamed gives it as ref to, with its
// months' figures from the first changed to figs.
func without(ref string) func([]any) []any {
	return func(row []any) []any {
		if row[0] == ref {
			return nil
		}
		return row
	}
}

// only keeps ref's row alone.
func only(ref string) func([]any) []any {
	return func(row []any) []any {
		if row[0] != ref {
			return nil
		}
		return row
	}
}

func renamed(ref, to, name string, figs ...any) func([]any) []any {
	return func(row []any) []any {
		if row[0] != ref {
			return row
		}
		row[0] = to
		if name != "" {
			row[1] = name
		}
		copy(row[7:], figs)
		return row
	}
}

// warningsOf is the import's warning lines that contain any of words.
func warningsOf(out string, words ...string) []string {
	var got []string
	for _, line := range strings.Split(out, "\n") {
		for _, w := range words {
			if strings.HasPrefix(line, "  warning: ") && strings.Contains(line, w) {
				got = append(got, line)
				break
			}
		}
	}
	return got
}

// TestImportLeftOutAndRenumbered: a month's scorecard that leaves out an
// indicator the store gave last month warns once, naming it, its last
// figure and how to retire it; and a new ref under exactly a held
// indicator's name says which it is and how many figures agree, and how
// to keep one history in circulation (QA27a 5: ED06 dropped from m06 said
// nothing; ED09 of m07R was "added" though ED05 held the same history).
func TestImportLeftOutAndRenumbered(t *testing.T) {
	const leftOut = `  warning: Scorecard February.xlsx: sheet "Scorecard": EH06 Elective home education (number): held, with a figure for Jan-25 (1,448), but this file, which gives Feb-25 for the other indicators, does not name it; it will be flagged missing for Feb-25. If it is no longer reported, ` + "`scorecard retire EH06`" + ` leaves it out of exports, the brief and flags from Feb-25 on, keeping its history`
	renumberedAs := func(equal string) string {
		return `  warning: Scorecard February.xlsx: Scorecard!B6: EH09: the store holds EH06 under exactly this name (Elective home education (number)), which this file does not name, and ` + equal + ` of the 3 figures it gives for periods EH06 has are equal to EH06's: if EH06 was renumbered EH09, both are kept and the history is held twice. To circulate one, ` + "`scorecard retire EH06`" + ` leaves EH06 out of exports, the brief and flags after its last figure, keeping its history under EH06; or undo this import and give the figures as EH06`
	}
	for _, tc := range []struct {
		name   string
		jan    func([]any) []any // January's scorecard, as edited
		beside func([]any) []any // another January scorecard, of these rows
		before [][]string        // commands run after January's import
		feb    func([]any) []any
		more   [][][]any // files imported after February's, the last one's warnings checked
		want   []string  // warnings of the last import about left-out or renumbered indicators
	}{{
		name: "a scorecard leaving out an indicator held last month",
		feb:  without("EH06"),
		want: []string{leftOut},
	}, {
		name: "said once: March's scorecard leaves it out too, and says nothing",
		feb:  without("EH06"),
		more: [][][]any{retireCard(5, without("EH06"))},
	}, {
		name: "a row given with its month blank is not left out (flags has it missing)",
		feb: func(row []any) []any {
			if row[0] == "EH06" {
				row[len(row)-1] = nil
			}
			return row
		},
	}, {
		name: "a file of one indicator is not a scorecard, and leaves nothing out",
		feb: func(row []any) []any {
			if row[0] != "CIC01" {
				return nil
			}
			return row
		},
	}, {
		name:   "an indicator already retired is not said",
		before: [][]string{{"retire", "EH06"}},
		feb:    without("EH06"),
	}, {
		name: "renumbered with its history: named, every shared figure equal",
		feb:  renamed("EH06", "EH09", ""),
		want: []string{renumberedAs("3")},
	}, {
		name: "renumbered with a figure revised: named, two of three equal",
		feb:  renamed("EH06", "EH09", "", 1458, 1430),
		want: []string{renumberedAs("2")},
	}, {
		name: "a new ref of another name is only added",
		feb:  renamed("EH06", "EH09", "Elective home education, children known to early help (number)"),
		want: []string{leftOut},
	}, {
		// QA29 11: the education scorecard gives EH06 beside social
		// care's, which never named it.
		name:   "an indicator another scorecard gives is not this one's to leave out",
		jan:    without("EH06"),
		beside: only("EH06"),
		feb:    without("EH06"),
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "x.db")
			mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard January.xlsx", retireCard(3, tc.jan)))
			if tc.beside != nil {
				mustRun(t, db, "import", writeScorecard(t, dir, "Education January.xlsx", retireCard(3, tc.beside)))
			}
			for _, args := range tc.before {
				mustRun(t, db, args...)
			}
			out := mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard February.xlsx", retireCard(4, tc.feb)))
			for i, rows := range tc.more {
				out = mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard "+retireMonths[5+i]+".xlsx", rows))
			}
			got := warningsOf(out, "does not name", "not an indicator the store holds")
			var want []string
			if strings.Contains(tc.name, "renumbered") || strings.Contains(tc.name, "new ref") {
				want = append(want, "  warning: Scorecard February.xlsx: EH09: not an indicator the store holds; added as the file defines it (")
			}
			want = append(want, tc.want...)
			if len(got) != len(want) {
				t.Fatalf("warnings:\n%s\nwant:\n%s\nall said:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], want[i]) || !strings.HasSuffix(want[i], "(") && got[i] != want[i] {
					t.Errorf("warning %d:\n%s\nwant:\n%s", i, got[i], want[i])
				}
			}
		})
	}
}

// TestRetire: `scorecard retire EH06` after February's scorecard left it
// out takes it out of flags, the brief, the workbook's Scorecard and
// Districts sheets and the pack from Feb-25, each export saying once that
// it was retired, while show and the Data sheet keep its history; it is
// recorded as an edit that undo removes, and `retire --undo` puts it back
// (QA27a 5: ED06 stayed on every Scorecard with a missing flag each month).
func TestRetire(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard January.xlsx", retireCard(3, nil)))
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard February.xlsx", retireCard(4, without("EH06"))))
	const said = "note: EH06 Elective home education (number) was retired from Feb-25 (edit I0003): left out of the scorecard from then on; its figures are still held (scorecard show EH06), and scorecard retire --undo EH06 puts it back.\n"
	missing := func() bool {
		t.Helper()
		var flags []struct{ Ref, Kind string }
		if err := json.Unmarshal([]byte(mustRun(t, db, "flags", "--json")), &flags); err != nil {
			t.Fatal(err)
		}
		for _, f := range flags {
			if f.Ref == "EH06" {
				return true
			}
		}
		return false
	}
	if !missing() {
		t.Fatal("before it is retired, flags has no EH06 missing: the test proves nothing")
	}

	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"retire"}, 2, "name one indicator"},
		{[]string{"retire", "EH06", "--undo", "--from", "2025-02"}, 2, "name one indicator"},
		{[]string{"retire", "EH99"}, 1, "EH99: no such indicator (scorecard list shows them)"},
		{[]string{"retire", "--undo", "EH06"}, 1, "EH06: not retired, so there is nothing to undo"},
		{[]string{"retire", "EH06", "--from", "2025-01"}, 1, "EH06 has a figure for Jan-25, at or after --from Jan-25: retire it from Feb-25, after its last figure, or undo the import that gave the later figures"},
	} {
		r := scorecard(t, db, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.stderr) {
			t.Errorf("%v: exit %d, %q; want exit %d, %q", tc.args, r.code, r.stderr, tc.code, tc.stderr)
		}
	}

	out := mustRun(t, db, "retire", "EH06")
	if want := "EH06 Elective home education (number): retired from Feb-25 (its last figure is for Jan-25), saved as I0003 (scorecard undo I0003 removes it)\n" +
		"  its figures stay in the store and in scorecard show EH06; exports, the brief and flags for Feb-25 on leave it out, and say so; scorecard retire --undo EH06 puts it back\n"; out != want {
		t.Fatalf("retire says:\n%s\nwant:\n%s", out, want)
	}
	if missing() {
		t.Error("retired, EH06 is still flagged")
	}
	if got := monthFigures(t, db, "EH06", "2024-10", "2025-01"); got != "2024-10 1440, 2025-01 1448" {
		t.Errorf("show EH06 holds %q, want its history kept", got)
	}
	if out := mustRun(t, db, "show", "EH06"); !strings.Contains(out, "\nRetired from Feb-25 (edit I0003): left out of what is circulated from then on; scorecard retire --undo EH06 puts it back\n") {
		t.Errorf("show does not say EH06 is retired:\n%s", out)
	}
	if out := mustRun(t, db, "show", "EH06", "--json"); !strings.Contains(out, `"retired": "2025-02"`) {
		t.Errorf("show --json has no \"retired\": \"2025-02\":\n%s", out)
	}
	if out := mustRun(t, db, "imports"); !strings.Contains(out, "EH06 Elective home education (number): retired from Feb-25 (its last figure is for Jan-25)") {
		t.Errorf("imports does not list the retirement:\n%s", out)
	}
	// The brief lists no line for it, and says once why.
	if r := scorecard(t, db, "brief"); strings.Count(r.stdout, "EH06") != 1 || !strings.Contains(r.stdout, "\nEH06 Elective home education (number) was retired from Feb-25 (edit I0003): not listed.\n") {
		t.Errorf("the brief does not say once that EH06 is retired:\n%s", r.stdout)
	}

	xlsx, pdf := filepath.Join(dir, "feb.xlsx"), filepath.Join(dir, "feb.pdf")
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"workbook", []string{"export", "--out", xlsx}},
		{"pack", []string{"export", "--out", pdf}},
		{"workbook of January, before it was retired", []string{"export", "--out", filepath.Join(dir, "jan.xlsx"), "--period", "2025-01"}},
	} {
		r := scorecard(t, db, tc.args...)
		want := said
		if strings.Contains(tc.name, "January") {
			want = ""
		}
		if r.code != 0 || strings.Count(r.stderr, "EH06") != strings.Count(want, "EH06") || !strings.Contains(r.stderr, want) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant once:\n%s", tc.name, r.code, r.stderr, want)
		}
	}
	// The pack names EH06 in its note (three times), its row of the
	// table of definitions and the brief's note on page 1, on no page of
	// figures.
	text, err := exec.Command(needPDFToText(t), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(text), "EH06"); n != 5 || !strings.Contains(string(text), "Retired indicators\nEH06 Elective home education (number) was retired from Feb-25 (edit I0003)") {
		t.Errorf("the pack names EH06 %d times, want 5, under \"Retired indicators\":\n%s", n, text)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tc := range []struct {
		sheet string
		n     int // cells naming EH06
		words string
	}{
		{"Scorecard", 0, ""},
		{"Districts", 0, ""},
		{"Trend", 0, ""},
		// Its row of the table of definitions, and the note.
		{"Guidance", 2, strings.TrimSuffix(strings.TrimPrefix(said, "note: "), "\n")},
		{"Data", 4, ""},
	} {
		rows, err := f.GetRows(tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		n, found := 0, tc.words == ""
		for _, row := range rows {
			for _, c := range row {
				if strings.HasPrefix(c, "EH06") {
					n++
				}
				found = found || c == tc.words
			}
		}
		if n != tc.n || !found {
			t.Errorf("%s sheet: %d cells name EH06, want %d; says %q: %v", tc.sheet, n, tc.n, tc.words, found)
		}
	}

	// Put back, then that undone: each recorded, each seen by flags.
	out = mustRun(t, db, "retire", "--undo", "EH06")
	if want := "EH06 Elective home education (number): back in circulation (it was retired from Feb-25 by I0003), saved as I0004 (scorecard undo I0004 removes it)\n"; out != want {
		t.Errorf("retire --undo says:\n%s\nwant:\n%s", out, want)
	}
	if !missing() {
		t.Error("put back, EH06 is not flagged missing")
	}
	mustRun(t, db, "undo", "I0004")
	if missing() {
		t.Error("the putting back undone, EH06 is flagged again")
	}
	mustRun(t, db, "undo", "I0003")
	if !missing() {
		t.Error("the retirement undone, EH06 is not flagged missing")
	}
	if out := mustRun(t, db, "show", "EH06", "--json"); strings.Contains(out, `"retired"`) {
		t.Errorf("the retirement undone, show --json still has it:\n%s", out)
	}
}

// TestRetiredOriginal: an export into the officer's own workbook
// (--original) keeps a retired indicator's row as the officer laid it
// out, its figures before the retirement as held and none after, and
// says so at the row (a note at its Ref) and once beside the
// file written, not that it was left out (QA27a 5).
func TestRetiredOriginal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	mustRun(t, db, "import", writeScorecard(t, dir, "Scorecard January.xlsx", retireCard(3, nil)))
	feb := writeScorecard(t, dir, "Scorecard February.xlsx", retireCard(4, func(row []any) []any {
		if row[0] == "EH06" {
			row[len(row)-1] = nil // the scorecard stopped giving it: Feb-25 blank
		}
		return row
	}))
	mustRun(t, db, "import", feb)
	mustRun(t, db, "retire", "EH06")
	out := filepath.Join(dir, "out.xlsx")
	r := scorecard(t, db, "export", "--original", feb, "--out", out)
	const said = "EH06 Elective home education (number) was retired from Feb-25 (edit I0003): its row is kept as this workbook lays it out, with no figure from Feb-25 on; an export without --original leaves it out of the scorecard, and scorecard retire --undo EH06 puts it back."
	if r.code != 0 || strings.Count(r.stderr, "EH06") != 2 || !strings.Contains(r.stderr, "note: "+said+"\n") || strings.Contains(r.stderr, "left out of the scorecard from then on") {
		t.Fatalf("exit %d, stderr:\n%s\nwant once:\n%s", r.code, r.stderr, said)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Row 6 is EH06's; H to K are Nov-24 to Feb-25.
	for cell, want := range map[string]string{"A6": "EH06", "H6": "1458", "J6": "1448", "K6": ""} {
		if got, _ := f.GetCellValue("Scorecard", cell); got != want {
			t.Errorf("Scorecard!%s = %q, want %q", cell, got, want)
		}
	}
	cs, err := f.GetComments("Scorecard")
	if err != nil {
		t.Fatal(err)
	}
	var at []string
	for _, c := range cs {
		text := c.Text
		for _, p := range c.Paragraph {
			text += p.Text
		}
		if strings.Contains(text, said) {
			at = append(at, c.Cell)
		}
	}
	if len(at) != 1 || at[0] != "A6" {
		t.Errorf("the note is at %v, want once at A6, EH06's Ref", at)
	}
}
