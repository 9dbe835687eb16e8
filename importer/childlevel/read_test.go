package childlevel

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/assets/synth"
)

func TestDetectAnnexA(t *testing.T) {
	cases := []struct {
		header []string
		want   bool
	}{
		{[]string{"Child Unique ID", "Gender", "Ethnicity", "Date of Birth",
			"Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
			"Date Started to be Looked After", "Child's Category of Need"}, true},
		// Headers wrapped over two lines in the cell, in capitals.
		{[]string{"CHILD UNIQUE ID", "DATE STARTED TO BE\nLOOKED AFTER", "UASC (Y/N)"}, true},
		{[]string{"Child ID", "Date of birth", "Asylum seeker", "Date started to be looked after"}, true},
		// Annex A's List 6 (children in need) has no start of care.
		{[]string{"Child Unique ID", "Gender", "Date of Birth", "Disability"}, false},
		{[]string{"Ref", "Indicator", "Polarity", "Oct-24"}, false},
		// A scorecard's row whose indicator excludes UASC.
		{[]string{"CIC05", "Children in care excluding UASC", "L", "MS", "11.7"}, false},
		{nil, false},
	}
	for _, c := range cases {
		if got := DetectAnnexA(c.header); got != c.want {
			t.Errorf("DetectAnnexA(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}

func TestDetect903(t *testing.T) {
	cases := []struct {
		header []string
		want   string
	}{
		{[]string{"CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"}, Table903Header},
		{[]string{"\ufeffCHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
			"REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"}, Table903Episodes},
		{[]string{"CHILD", "SEX", "DOB", "DUC"}, Table903UASC},
		{[]string{"child", "sex", "dob", "duc"}, Table903UASC},
		{[]string{"CHILD", "SEX", "DOB"}, ""},
		{[]string{"time_period", "la_name", "children_count"}, ""},
	}
	for _, c := range cases {
		got, ok := Detect903(c.header)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Detect903(%q) = %q, %v; want %q", c.header, got, ok, c.want)
		}
	}
}

// TestIndicatorsMatchDemo checks that the figures use the demo's
// definitions of the refs it has, and refs it does not use otherwise.
func TestIndicatorsMatchDemo(t *testing.T) {
	m := synth.Demo()
	for _, ind := range Indicators() {
		demo, ok := m.Indicator(ind.Ref)
		switch ind.Ref {
		case RefChildrenInCare, RefThreePlacements:
			if !ok || !reflect.DeepEqual(demo, ind) {
				t.Errorf("%s is\n%+v\nbut the demo has\n%+v", ind.Ref, ind, demo)
			}
		default:
			if ok {
				t.Errorf("%s (%s) is the demo's %q", ind.Ref, ind.Name, demo.Name)
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	cs := worked()
	tables := write903(t, dir, cs)
	var header, episodes, uasc string
	for _, p := range tables {
		switch filepath.Base(p) {
		case "header.csv":
			header = p
		case "episodes.csv":
			episodes = p
		case "uasc.csv":
			uasc = p
		}
	}
	notATable := write("referrals.csv", "time_period,la_name\n2025,Kent\n")
	badQuote := write("episodes-bad.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\nA1,01/04/2024,S,C2,N1,U1,,\nA2,\"01/04/2024,S\n")
	blankBook := filepath.Join(dir, "blank.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Children in care")
	if err := f.SaveAs(blankBook); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		read func() error
		want []string // in the error message
	}{
		{"missing UASC table", func() error { _, _, err := Read903([]string{header, episodes}, snapshot, nil); return err },
			[]string{"no UASC table"}},
		{"not a 903 table", func() error {
			_, _, err := Read903([]string{header, episodes, uasc, notATable}, snapshot, nil)
			return err
		},
			[]string{"referrals.csv", "line 1", "not an SSDA903"}},
		{"two Header tables", func() error {
			_, _, err := Read903([]string{header, episodes, uasc, header}, snapshot, nil)
			return err
		},
			[]string{"header.csv", "second Header table"}},
		{"broken CSV", func() error { _, _, err := Read903([]string{header, badQuote, uasc}, snapshot, nil); return err },
			[]string{"episodes-bad.csv", "line 3"}},
		{"no such file", func() error { _, _, err := ReadAnnexA(filepath.Join(dir, "nope.xlsx"), snapshot, nil); return err },
			[]string{"nope.xlsx"}},
		{"no List 8 header", func() error { _, _, err := ReadAnnexA(blankBook, snapshot, nil); return err },
			[]string{"blank.xlsx", "no sheet has an Annex A List 8 header"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.read()
			if err == nil {
				t.Fatal("no error")
			}
			var se *app.SourceError
			if !errors.As(err, &se) {
				t.Errorf("%v is not an *app.SourceError", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// TestAnnexAWarnings checks that unreadable cells are reported by cell,
// that the row is skipped or the fact left unknown, and that no cell's
// text is ever repeated in a warning (warnings are stored, and a cell
// may hold anything typed into a child's record).
func TestAnnexAWarnings(t *testing.T) {
	dir := t.TempDir()
	path := writeAnnexA(t, dir, worked())
	// Row 5 is child A, the first below the header on row 4.
	editAnnexA(t, path, func(f *excelize.File) error {
		for cell, v := range map[string]string{"D5": "31/02/2008", "G6": "soon", "K5": "three", "A9": "D-9004"} {
			if err := f.SetCellValue("List 8", cell, v); err != nil {
				return err
			}
		}
		return nil
	})
	ds, warns, err := ReadAnnexA(path, snapshot, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, w := range warns {
		if w.File != path || w.Sheet != "List 8" {
			t.Errorf("warning at %v, want %s List 8", w.Location, path)
		}
		got[w.Cell] = w.Message
		for _, v := range []string{"31/02/2008", "soon", "three"} {
			if strings.Contains(w.Message, v) {
				t.Errorf("warning %q repeats the cell's text %q", w.Message, v)
			}
		}
	}
	for cell, want := range map[string]string{"D5": "date of birth", "G6": "row skipped", "K5": "number of placements", "A9": "more than one row (the first on rows 8, 9)"} {
		if !strings.Contains(got[cell], want) {
			t.Errorf("warning for %s = %q, want it to mention %q (all: %v)", cell, got[cell], want, warns)
		}
	}
	// B (row 6) is skipped. E (row 9), given D's identifier, is D's
	// second period of care, begun after D (row 8) left in January: one
	// child, in care by row 9. A, D-E and F are in care.
	if o := figure(t, ds, RefChildrenInCare, app.Kent, app.All); *o.Value != 3 {
		t.Errorf("children in care = %v, want 3 (A, D-E, F)", *o.Value)
	}
	// A's number of placements is unreadable: A is left out of CIC05's
	// denominator rather than counted as having none. E's row has 2.
	if o := figure(t, ds, RefThreePlacements, app.Kent, app.All); *o.Numerator != 1 || *o.Denominator != 2 {
		t.Errorf("3+ placements = %v of %v, want 1 of 2 (F of E, F)", *o.Numerator, *o.Denominator)
	}
}

// TestSnapshotInferred checks the snapshot date taken when none is given.
func TestSnapshotInferred(t *testing.T) {
	dir := t.TempDir()
	cs := worked()
	ds, warns, err := Read903(write903(t, dir, cs), snapshot, nil)
	if err != nil || len(readColumns(warns)) != 0 {
		t.Fatalf("given a date: %v %v", err, warns)
	}
	given := figure(t, ds, RefChildrenInCare, app.Kent, app.All)
	ds, warns, err = Read903(write903(t, dir, cs), zeroTime, nil)
	if err != nil {
		t.Fatal(err)
	}
	if warns := readColumns(warns); len(warns) != 1 || !strings.Contains(warns[0].Message, "31 Mar 2025") {
		t.Errorf("warnings %v, want one saying 31 Mar 2025 was taken", warns)
	}
	if o := figure(t, ds, RefChildrenInCare, app.Kent, app.All); o.Period != given.Period || *o.Value != *given.Value {
		t.Errorf("inferred %v %v, want %v %v", o.Period, *o.Value, given.Period, *given.Value)
	}
	_, warns, err = ReadAnnexA(writeAnnexA(t, dir, cs), zeroTime, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The latest date in the list is E's start on 1 February 2025.
	if warns := readColumns(warns); len(warns) != 1 || !strings.Contains(warns[0].Message, "28 Feb 2025") {
		t.Errorf("warnings %v, want one saying 28 Feb 2025 was taken", warns)
	}
}

var zeroTime time.Time
