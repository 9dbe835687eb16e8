package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// titledBook is a one-sheet scorecard with no area column or district
// sheet, as QA11's: only its title says whose it is.
func titledBook(t *testing.T, title string) string {
	b := newBook(t)
	b.sheet("Scorecard")
	if title != "" {
		b.row("Scorecard", "A1", title)
	}
	b.row("Scorecard", "A3", "Ref", "Indicator", "Polarity", "Data Period", "Target", "Floor", "Jan-25", "Feb-25", "Mar-25")
	b.row("Scorecard", "A4", "CLA01", "Percentage of children in care with 3 or more placements in the year", "L", "R12M", 10, 12, 11.1, 11.3, 11.6)
	b.row("Scorecard", "A5", "CLA02", "Number of children in care", "-", "MS", nil, nil, 1900, 1896, 1890)
	return b.save("titled.xlsx")
}

// TestTitleNamingAnotherCouncilRefused imports scorecards whose titles
// name a council into stores of that council and of others (QA11 D5: a
// "Kent County Council" scorecard revised an Essex store's figures, a
// "Bristol City Council" one a Kent store's). A title naming another
// council is refused at its cell; the store's own names, its districts'
// and neutral titles are read as before.
func TestTitleNamingAnotherCouncilRefused(t *testing.T) {
	tests := []struct {
		title, store string
		// refused names what the refusal must say; empty for a title
		// read as the store's.
		refused []string
	}{
		{"Kent County Council - Children's Services Performance Scorecard - March 2025", "Essex",
			[]string{"titled.xlsx: Scorecard!A1:", `names Kent ("Kent County Council"), not Essex`, "scorecard authority \"Kent County Council\"", "store of Kent's own"}},
		{"Bristol City Council Children's Services Performance Scorecard - March 2025", "Kent",
			[]string{"Scorecard!A1:", `names Bristol ("Bristol City Council"), not Kent`}},
		{"Leeds City Council Children's Services Performance Scorecard - March 2025", "Kent", []string{`names Leeds ("Leeds City Council")`}},
		{"Essex Children's Services Performance Scorecard - March 2025", "Kent", []string{`names Essex ("Essex")`}},
		{"Reading Borough Council - CSC scorecard", "Kent", []string{`names Reading ("Reading Borough Council")`}},
		{"Kent County Council - Children's Services Performance Scorecard - March 2025", "Kent", nil},
		{"KCC CYPE Performance Scorecard - Mar-25", "Kent", nil},
		{"CYPE Performance Scorecard - Mar-25", "Kent", nil},
		{"CYPE Performance Scorecard - Mar-25", "Essex", nil},
		{"", "Essex", nil},
		{"Essex County Council - Children's Services Performance Scorecard - March 2025", "Essex", nil},
		{"Bristol City Council Children's Services Performance Scorecard - March 2025", "Bristol", nil},
		{"Thanet District Scorecard - March 2025", "Kent", nil},          // a district of the store's own
		{"Reading and Writing at Key Stage 2 - March 2025", "Kent", nil}, // a word, not a council
		{"Compared with statistical neighbours: Essex, East Sussex, Devon", "Kent", nil},
		// QA probe 7: a council named alone, not first, in a title that
		// says nothing else was read as the store's.
		{"Children's Services Performance Scorecard - Essex - March 2026", "Kent", []string{`titled.xlsx: Scorecard!A1: the title names Essex ("Essex"), not Kent`}},
		{"CYPE scorecard (Essex) Q4 2025/26", "Kent", []string{`the title names Essex ("Essex")`}},
		{"Children's Services Performance Scorecard - Essex - March 2026", "Essex", nil},
		{"KS2 Reading results - March 2026", "Kent", nil}, // a word, not a council
		// A county's usual abbreviation (QA probe 7).
		{"Lancs CFW Scorecard - March 2026", "Kent", []string{`titled.xlsx: Scorecard!A1: the title names Lancashire ("Lancs"), not Kent`}},
		{"Herts Children's Services Scorecard - March 2026", "Hertfordshire", nil},
		{"Scorecard - Essex and Norfolk compared", "Kent", nil},
	}
	for _, tt := range tests {
		t.Run(tt.title+" into "+tt.store, func(t *testing.T) {
			res, err := Read(context.Background(), titledBook(t, tt.title), Options{Authority: lookup(t, tt.store)})
			if len(tt.refused) > 0 {
				if err == nil {
					t.Fatalf("read into a %s store: %d figures, want a refusal", tt.store, len(res.Dataset.Observations))
				}
				for _, want := range tt.refused {
					if !strings.Contains(err.Error(), want) {
						t.Errorf("refusal %q does not say %q", err, want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			own := lookup(t, tt.store).Area()
			for _, o := range res.Dataset.Observations {
				if o.Area != own && !lookup(t, tt.store).IsDistrict(o.Area) {
					t.Errorf("%s %s filed under %s, want %s's", o.Ref, o.Period, o.Area, own)
				}
			}
			if n := len(res.Dataset.Observations); n != 6 {
				t.Errorf("%d figures, want 6", n)
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "the title names") {
					t.Errorf("warning %v for a title of the store's own", w)
				}
			}
		})
	}
}

// TestCouncilInitials reads scorecards naming their council by its
// initials alone, as councils' own papers do: another council's were
// filed as the store's authority's, unsaid. Many councils share
// initials (HCC is Hampshire's and Hertfordshire's) and other words are
// written so, so the figures are read as the store's authority's, with
// a warning naming the councils; the store's own initials, whatever its
// council calls itself, say nothing.
func TestCouncilInitials(t *testing.T) {
	csv := func(t *testing.T, name string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte("Ref,Indicator,Polarity,Apr-24,May-24,Jun-24\nCIC09,Number of children in care,-,700,701,702\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	titled := func(title string) func(t *testing.T) string {
		return func(t *testing.T) string { return titledBook(t, title) }
	}
	tests := []struct {
		name  string
		path  func(t *testing.T) string
		store string
		want  string // the warning; "" for none
	}{
		{"a county's initials", titled("WSCC Children's Services Scorecard - March 2026"), "Kent",
			`Scorecard!A1: the title names "WSCC", the initials of West Sussex's council, not Kent's, and nothing in the file is Kent's: its figures are read as Kent's`},
		{"initials two counties share", titled("HCC CSC scorecard"), "Kent", `"HCC", the initials of Hampshire's or Hertfordshire's council, not Kent's`},
		{"Essex's initials", titled("ECC performance scorecard"), "Kent", `"ECC", the initials of Essex's council`},
		{"a CSV named by initials", func(t *testing.T) string { return csv(t, "WSCC_cic_2024.csv") }, "Kent",
			`the file is named for "WSCC", the initials of West Sussex's council`},
		{"the store's own", titled("KCC CYPE Performance Scorecard"), "Kent", ""},
		{"Essex's own", titled("ECC performance scorecard"), "Essex", ""},
		{"a city council's own", titled("LCC Children's Services Scorecard"), "Leeds", ""},
		{"a metropolitan borough's own", titled("WMBC Children's Services Scorecard"), "Wigan", ""},
		{"a service's initials", titled("CSC KPI scorecard"), "Kent", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Read(context.Background(), tt.path(t), Options{Authority: lookup(t, tt.store)})
			if err != nil {
				t.Fatal(err)
			}
			own := lookup(t, tt.store).Area()
			for _, o := range res.Dataset.Observations {
				if o.Area != own {
					t.Errorf("%s %s filed under %s, want %s's", o.Ref, o.Period, o.Area, own)
				}
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Message, "initials") {
					said = append(said, w.String())
				}
			}
			switch {
			case tt.want == "" && len(said) > 0:
				t.Errorf("warned %q, want nothing said", said)
			case tt.want != "" && (len(said) != 1 || !strings.Contains(said[0], tt.want)):
				t.Errorf("warned %q, want one warning saying %q", said, tt.want)
			}
		})
	}
}

// TestTitleOfAnotherCouncilBesideOwnDistricts reads a workbook whose
// districts are the store's but whose scorecard sheet is titled for
// another council (a template passed on): its districts say whose it
// is, and the title is warned of at its cell, not silently passed.
func TestTitleOfAnotherCouncilBesideOwnDistricts(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Kent County Council - Children's Services Performance Scorecard - March 2025")
	b.row("Scorecard", "A3", "Ref", "Indicator", "Jan-25", "Feb-25", "Mar-25")
	b.row("Scorecard", "A4", "CIC01", "Number of children in care", 930, 931, 932)
	b.sheet("Districts")
	b.row("Districts", "A1", "District summary - March 2025")
	head := []any{"Ref", "Indicator", "Surrey"}
	vals := []any{"CIC01", "Number of children in care", 932}
	for i, d := range surreyDistricts {
		head = append(head, d)
		vals = append(vals, 60+i)
	}
	b.row("Districts", "A3", head...)
	b.row("Districts", "A4", vals...)
	res, err := Read(context.Background(), b.save("template.xlsx"), Options{Authority: lookup(t, "Surrey")})
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "the title names Kent") {
			said = append(said, w.String())
		}
	}
	if len(said) != 1 || !strings.Contains(said[0], "Scorecard!A1") || !strings.Contains(said[0], "Surrey's") {
		t.Errorf("warnings of the title %q, want one at Scorecard!A1 saying the file is Surrey's", said)
	}
}

func TestCouncilsNamed(t *testing.T) {
	kent := app.DefaultAuthority()
	tests := []struct {
		title string
		own   bool
		other string // the DfE's name; "" for none
	}{
		{"Kent County Council - Scorecard", true, ""},
		{"Folkestone & Hythe District Scorecard", true, ""},
		{"Surrey County Council - Scorecard", false, "Surrey"},
		{"City of Bristol scorecard", false, "Bristol, City of"},
		{"Stockton-on-Tees Borough Council performance", false, "Stockton-on-Tees"},
		{"North Somerset Council scorecard", false, "North Somerset"},
		{"Scorecard for the County, March 2025", false, ""},
		{"Surrey County Council and East Sussex County Council joint scorecard", false, ""},
		{"Surrey County Council - Surrey Children's Services", false, "Surrey"},
		{"Derby Day results", false, ""},    // one word, not before Council, in no council's title
		{"Year 2025 report 886", false, ""}, // a code is not a name
	}
	for _, tt := range tests {
		own, other, _ := councilsNamed(tt.title, kent)
		got := ""
		if other != nil {
			got = other.Name
		}
		if own != tt.own || got != tt.other {
			t.Errorf("councilsNamed(%q) = %v, %q; want %v, %q", tt.title, own, got, tt.own, tt.other)
		}
	}
}

// TestFileNamedForAnotherCouncil: a scorecard whose only title is its
// file's name ("Wigan CSC Scorecard Sep-24.xlsx", "leeds_cic_2024.csv"),
// naming no area inside, was filed as the store's authority's with
// nothing said (probe p09h). It is refused as a title naming the
// council is; a file named for the store's own council, or for none,
// or holding the store's own areas, is read as before.
func TestFileNamedForAnotherCouncil(t *testing.T) {
	book := func(t *testing.T, name, title string) string {
		b := newBook(t)
		b.sheet("Scorecard")
		if title != "" {
			b.row("Scorecard", "A1", title)
		}
		b.row("Scorecard", "A3", "Ref", "Indicator", "Polarity", "Apr-24", "May-24", "Jun-24")
		b.row("Scorecard", "A4", "CIC09", "Number of children in care", "-", 700, 701, 702)
		return b.save(name)
	}
	csv := func(t *testing.T, name string) string {
		path := filepath.Join(t.TempDir(), name)
		if err := os.WriteFile(path, []byte("Ref,Indicator,Polarity,Apr-24,May-24,Jun-24\nCIC09,Number of children in care,-,700,701,702\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		store   string
		refused string // what the refusal starts with; "" where the file is read
	}{
		{"a workbook named for Wigan, into Kent's store", func(t *testing.T) string { return book(t, "Wigan CSC Scorecard Sep-24.xlsx", "") }, "Kent",
			`Wigan CSC Scorecard Sep-24.xlsx: the file is named for Wigan ("Wigan"), not Kent, and nothing in the file is Kent's: not imported`},
		{"a CSV named for Leeds, into Kent's store", func(t *testing.T) string { return csv(t, "leeds_cic_2024.csv") }, "Kent",
			`leeds_cic_2024.csv: the file is named for Leeds ("leeds"), not Kent, and nothing in the file is Kent's: not imported`},
		{"a workbook named for Wigan, into Wigan's store", func(t *testing.T) string { return book(t, "Wigan CSC Scorecard Sep-24.xlsx", "") }, "Wigan", ""},
		{"a workbook named for Kent", func(t *testing.T) string { return book(t, "Kent CSC Scorecard Sep-24.xlsx", "") }, "Kent", ""},
		{"a CSV named for no council", func(t *testing.T) string { return csv(t, "cic_2024.csv") }, "Kent", ""},
		// QA probe 7: the council named alone, not first, in a name that
		// says nothing else was read as the store's.
		{"a downloaded copy named for Essex", func(t *testing.T) string { return book(t, "Copy of Essex scorecard.xlsx", "") }, "Kent",
			`Copy of Essex scorecard.xlsx: the file is named for Essex ("Essex"), not Kent, and nothing in the file is Kent's: not imported`},
		{"a dated name for Essex", func(t *testing.T) string { return book(t, "2026-03_Essex_CYPS_scorecard_Mar26.xlsx", "") }, "Kent",
			`2026-03_Essex_CYPS_scorecard_Mar26.xlsx: the file is named for Essex ("Essex")`},
		{"a numbered copy named for Essex", func(t *testing.T) string { return book(t, "Copy of Essex scorecard v2.xlsx", "") }, "Kent",
			`Copy of Essex scorecard v2.xlsx: the file is named for Essex ("Essex")`},
		// Committee papers are numbered in their pack: the council named
		// after the number was read as the store's, unsaid (QA probe 7).
		{"a committee's appendix for Essex", func(t *testing.T) string { return book(t, "Appendix A - Essex CYPS Scorecard March 2026.xlsx", "") }, "Kent",
			`Appendix A - Essex CYPS Scorecard March 2026.xlsx: the file is named for Essex ("Essex")`},
		{"an agenda item for Essex", func(t *testing.T) string { return book(t, "Agenda item 5 - Essex performance.xlsx", "") }, "Kent",
			`Agenda item 5 - Essex performance.xlsx: the file is named for Essex ("Essex")`},
		{"an annex numbered in roman", func(t *testing.T) string { return book(t, "Annex iv Essex scorecard.xlsx", "") }, "Kent",
			`Annex iv Essex scorecard.xlsx: the file is named for Essex ("Essex")`},
		{"a pack's numbered file for Essex", func(t *testing.T) string { return book(t, "a02_Essex_CYPS_scorecard_Mar26.xlsx", "") }, "Kent",
			`a02_Essex_CYPS_scorecard_Mar26.xlsx: the file is named for Essex ("Essex")`},
		{"a committee's appendix for Kent", func(t *testing.T) string { return book(t, "Appendix A - Kent CYPS Scorecard.xlsx", "") }, "Kent", ""},
		{"a workbook named for a word that is a council", func(t *testing.T) string { return book(t, "KS2 Reading results.xlsx", "") }, "Kent", ""},
		{"a workbook named for Wigan, titled for a district of Kent's", func(t *testing.T) string {
			return book(t, "Wigan template.xlsx", "Thanet District Scorecard - June 2024")
		}, "Kent", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, ok := readOrRefused(t, tt.path(t), Options{Authority: lookup(t, tt.store)}, tt.refused)
			if !ok {
				return
			}
			if n := len(res.Dataset.Observations); n != 3 {
				t.Errorf("%d figures read, want 3", n)
			}
		})
	}
}

// TestSheetOrCoverNamingAnotherCouncil reads scorecards whose only
// mention of their council is the data sheet's name or a cover sheet's
// title: another council's was filed as the store's authority's, unsaid
// (QA probe 7). It is refused at the sheet or the cover's cell; the
// store's own, a district sheet and a note on the cover are read.
func TestSheetOrCoverNamingAnotherCouncil(t *testing.T) {
	book := func(t *testing.T, sheet string, cover ...string) string {
		b := newBook(t)
		if len(cover) > 0 {
			b.sheet("Cover")
			for i, line := range cover {
				b.row("Cover", fmt.Sprintf("A%d", i+1), line)
			}
		}
		b.sheet(sheet)
		b.row(sheet, "A1", "Performance Scorecard - March 2026")
		b.row(sheet, "A3", "Ref", "Indicator", "Polarity", "Jan-26", "Feb-26", "Mar-26")
		b.row(sheet, "A4", "CIC09", "Number of children in care", "-", 700, 701, 702)
		return b.save("scorecard.xlsx")
	}
	tests := []struct {
		name    string
		path    func(t *testing.T) string
		refused string // what the refusal starts with; "" where the file is read
	}{
		{"a sheet named for Essex's service", func(t *testing.T) string { return book(t, "Essex CYPS") },
			`scorecard.xlsx: sheet "Essex CYPS": the sheet is named for Essex ("Essex"), not Kent, and nothing in the file is Kent's: not imported`},
		{"a sheet named for Essex after a dash", func(t *testing.T) string { return book(t, "Scorecard - Essex") }, `scorecard.xlsx: sheet "Scorecard - Essex": the sheet is named for Essex ("Essex")`},
		{"a cover naming Essex", func(t *testing.T) string {
			return book(t, "Scorecard", "Essex County Council", "Children and Families Performance Scorecard")
		}, `scorecard.xlsx: Cover!A1: the title names Essex ("Essex County Council"), not Kent`},
		{"a sheet named for Kent's service", func(t *testing.T) string { return book(t, "Kent CYPS") }, ""},
		{"a sheet named for a district", func(t *testing.T) string { return book(t, "Ashford") }, ""},
		{"a cover naming Kent", func(t *testing.T) string { return book(t, "Scorecard", "Kent County Council") }, ""},
		{"a cover's note of a source", func(t *testing.T) string {
			return book(t, "Scorecard", "Contents", "Source: Essex County Council's comparison tool")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, ok := readOrRefused(t, tt.path(t), Options{Authority: lookup(t, "Kent")}, tt.refused)
			if !ok {
				return
			}
			if n := len(res.Dataset.Observations); n != 3 {
				t.Errorf("%d figures read, want 3", n)
			}
		})
	}
}

// TestAuthorityColumnOfAnotherCouncil: a scorecard with a column of LA
// codes or names giving another council ("E10000030" under "LA code"),
// and nothing of the store's, was said to have a column not read and
// filed as Kent's (probe p09f). It is refused as a list with such a
// column is; the store's own code reads as before.
func TestAuthorityColumnOfAnotherCouncil(t *testing.T) {
	book := func(t *testing.T, heading, value string) string {
		b := newBook(t)
		b.sheet("Scorecard")
		b.row("Scorecard", "A3", heading, "Ref", "Indicator", "Polarity", "Apr-24", "May-24", "Jun-24")
		b.row("Scorecard", "A4", value, "CIC09", "Number of children in care", "-", 700, 701, 702)
		return b.save("scorecard.xlsx")
	}
	tests := []struct {
		heading, value, refused string
	}{
		{"LA code", "E10000030", `scorecard.xlsx: Scorecard!A4: the sheet's LA code column gives Surrey ("E10000030"), not Kent, and nothing in the file is Kent's: not imported`},
		{"new_la_code", "E10000030", `scorecard.xlsx: Scorecard!A4: the sheet's new_la_code column gives Surrey ("E10000030"), not Kent`},
		{"LA code", "E10000016", ""},
		{"Old LA code", "886", ""},
	}
	for _, tt := range tests {
		t.Run(tt.heading+" "+tt.value, func(t *testing.T) {
			res, ok := readOrRefused(t, book(t, tt.heading, tt.value), Options{Authority: lookup(t, "Kent")}, tt.refused)
			if !ok {
				return
			}
			if n := len(res.Dataset.Observations); n != 3 {
				t.Errorf("%d figures read, want 3", n)
			}
		})
	}
}
