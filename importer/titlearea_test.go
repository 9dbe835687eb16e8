package importer

import (
	"strings"
	"testing"

	"scorecard/app"
)

// TestTitleNamesDistrict reads indicator sheets whose titles name a
// district: as their subject, the sheet is the district's, unsaid; in
// passing (the council's address, the committee it went to, a road, a
// team), the sheet is the authority's and the mention is said at its
// cell. Read as the district's, the county's whole scorecard was filed
// under Maidstone with nothing said (QA probe 7).
func TestTitleNamesDistrict(t *testing.T) {
	header := []any{"Ref", "Indicator", "Polarity", "Jan-26", "Feb-26", "Mar-26"}
	for _, tc := range []struct {
		name   string
		sheet  string
		titles []string // A1, A2, ...
		area   app.Area
		warn   string // the warning's cell and beginning; "" for none
	}{
		{"the district's scorecard", "Sheet1", []string{"Ashford District Scorecard - March 2026"}, "Ashford", ""},
		{"after a colon", "District 1", []string{"CYPE scorecard: Dover - March 2026"}, "Dover", ""},
		{"a subtitle naming it", "Scorecard", []string{"Kent CYPE District Scorecard - March 2026", "District: Gravesham"}, "Gravesham", ""},
		{"a filter line", "Scorecard", []string{"CYPE Scorecard - March 2026", "Applied filters: District is Thanet"}, "Thanet", ""},
		{"services and a quarter", "Sheet2", []string{"Swale Children's Social Care Performance Report Q4 2025/26"}, "Swale", ""},
		{"the council's area and its service's initials", "Scorecard", []string{"Canterbury City Council area - CSC scorecard"}, "Canterbury", ""},
		{"the cohort its figures count", "Sheet3", []string{"Children's Social Care Scorecard - Swale (excl UASC)"}, "Swale", ""},
		{"a committee's appendix", "Scorecard", []string{"Appendix B - Thanet District Scorecard - March 2026"}, "Thanet", ""},
		{"an agenda item numbered", "Scorecard", []string{"Agenda item 7b: Dover CSC scorecard"}, "Dover", ""},
		{"the council's address", "Scorecard", []string{"Kent CYPE Performance Scorecard - March 2026", "Kent County Council, Sessions House, County Hall, Maidstone, ME14 1XQ"}, "Kent",
			`A2: the title at A2 names Maidstone among other words ("Kent County Council, Sessions House, County Hall, Maidstone, ME14 1XQ"): its figures are read as Kent's, not Maidstone's; if they are Maidstone's, name the sheet "Maidstone"`},
		{"the committee's meeting place", "Scorecard", []string{"Kent CYPE Performance Scorecard - March 2026", "Presented to Cabinet Committee, Maidstone, 15 April 2026"}, "Kent",
			`A2: the title at A2 names Maidstone among other words`},
		{"a port", "Scorecard", []string{"Kent UASC dashboard - arrivals at the Port of Dover - March 2026"}, "Kent", `A1: the title at A1 names Dover among other words`},
		{"a team", "Scorecard", []string{"Kent CYPE Performance Scorecard - March 2026 (prepared by Ashford MI hub)"}, "Kent", `A1: the title at A1 names Ashford among other words`},
		{"a road", "Scorecard", []string{"Kent CYPE Scorecard", "Data extracted by the Canterbury Road data team"}, "Kent", `A2: the title at A2 names Canterbury among other words`},
		{"the council and a district", "Scorecard", []string{"Kent County Council (Maidstone) - CYPE Scorecard March 2026"}, "Maidstone",
			`A1: the title at A1 names Maidstone, and Kent too ("Kent County Council (Maidstone) - CYPE Scorecard March 2026"): its figures are read as Maidstone's, the district's; if they are Kent's, name the sheet "Kent"`},
		{"named by the sheet, an address in the title", "Kent", []string{"Sessions House, County Hall, Maidstone ME14 1XQ"}, "Kent", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows [][]any
			for _, s := range tc.titles {
				rows = append(rows, []any{s})
			}
			rows = append(rows, nil, header, []any{"CIC01", "Number of children in care", "L", 1850, 1862, 1871})
			res := mustRead(t, writeBook(t, tc.sheet, rows))
			for _, o := range res.Dataset.Observations {
				if o.Area != tc.area {
					t.Fatalf("figure %s %s read as %s's, want %s's", o.Ref, o.Period.Label(), o.Area, tc.area)
				}
			}
			warnedOnce(t, res.Warnings, "the title at", tc.warn)
		})
	}
}

// warnedOnce checks that of the warnings whose message holds about, one
// is given, at a cell and beginning as want ("A2: the title at A2 ...");
// none where want is "".
func warnedOnce(t *testing.T, warnings []app.Warning, about, want string) {
	t.Helper()
	var said []string
	for _, w := range warnings {
		if strings.Contains(w.Message, about) {
			said = append(said, w.Cell+": "+w.Message)
		}
	}
	switch {
	case want == "" && len(said) > 0:
		t.Errorf("warned %q, want nothing", said)
	case want != "" && (len(said) != 1 || !strings.HasPrefix(said[0], want)):
		t.Errorf("warned %q, want one beginning %q", said, want)
	}
}

// TestSheetTitledForAnotherDistrict (QA probe 11): the sheet "Dover"
// titled "Ashford District Scorecard", a sheet copied for the next
// district with its title left, was read as Dover's with nothing said.
// A sheet named for one district and titled for another is refused,
// naming both; a title naming its own district, or another in passing,
// stands.
func TestSheetTitledForAnotherDistrict(t *testing.T) {
	header := []any{"Ref", "Indicator", "Polarity", "Jan-26", "Feb-26", "Mar-26"}
	for _, tc := range []struct {
		name, sheet, title string
		area               app.Area // "" where the sheet is refused
		refused            string
	}{
		{"another district's title", "Dover", "Ashford District Scorecard - March 2026", "",
			`book.xlsx: Dover!A1: refused: the sheet's name says its figures are Dover's, but its title at A1 says Ashford's ("Ashford District Scorecard - March 2026"); cannot tell which`},
		{"the county's sheet titled for a district", "Kent", "Swale Children's Social Care Performance Report", "",
			"book.xlsx: Kent!A1: refused: the sheet's name says its figures are Kent's, but its title at A1 says Swale's"},
		{"its own district's title", "Dover", "Dover District Scorecard - March 2026", "Dover", ""},
		{"the council and its district", "Dover", "Kent County Council - Dover District Scorecard", "Dover", ""},
		{"another district in passing", "Dover", "Dover scorecard, presented to Cabinet Committee, Maidstone", "Dover", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{{tc.title}, nil, header, {"CIC01", "Number of children in care", "L", 185, 186, 187}}
			res, ok := readOrRefused(t, writeBook(t, tc.sheet, rows), Options{}, tc.refused)
			if !ok {
				return
			}
			for _, o := range res.Dataset.Observations {
				if o.Area != tc.area {
					t.Fatalf("figure %s %s read as %s's, want %s's", o.Ref, o.Period.Label(), o.Area, tc.area)
				}
			}
		})
	}
}
