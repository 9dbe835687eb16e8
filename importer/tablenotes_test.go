package importer

import (
	"testing"

	"scorecard/app"
)

// TestNotesUnderTheTable (QA probe 11): "Note: all figures exclude
// UASC", "Figures are for Ashford district only" or "Source: Medway
// Council" under a scorecard left its figures read as Kent's all
// children's, with nothing said. A note naming a cohort, a district or
// another council that no figure was read as is said at its cell; one
// agreeing with what was read, or naming a cohort in passing, is not.
func TestNotesUnderTheTable(t *testing.T) {
	for _, tc := range []struct {
		name, title string
		twin        bool // an "Excluding UASC" row under CIC01
		note        string
		split       app.Split // CIC01's figures' on its own row
		area        app.Area
		warn        string // at A7, the note's cell; "" for none
	}{
		{"a cohort", "CYPE Scorecard", false, "Note: all figures exclude UASC", app.All, "Kent",
			`A7: the note "Note: all figures exclude UASC" speaks of all children excluding UASC, but no figure on the sheet was read as such: they are read as all children, as its title, name and rows say; if the note is of the figures here, say so in the title (e.g. "... excluding UASC")`},
		{"a cohort the title gives", "CYPE Scorecard excluding UASC", false, "Note: all figures exclude UASC", app.Excluding(app.UASC), "Kent", ""},
		{"a cohort the rows give", "CYPE Scorecard", true, "Note: excluding UASC figures leave out 16 and 17 year olds", app.All, "Kent", ""},
		{"a cohort in passing", "CYPE Scorecard", false, "Note: UASC figures are on the UASC sheet", app.All, "Kent", ""},
		{"a district, not marked as a note", "CYPE Scorecard", false, "Figures are for Ashford district only.", app.All, "Kent",
			`A7: the note "Figures are for Ashford district only." names Ashford, but no figure on the sheet was read as Ashford's: they are read as Kent's; if they are Ashford's, name the sheet "Ashford"`},
		{"the district the title gives", "Ashford District Scorecard", false, "Figures are for Ashford district only.", app.All, "Ashford", ""},
		{"another council", "CYPE Scorecard", false, "Source: Medway Council children's services performance team", app.All, "Kent",
			`A7: the note "Source: Medway Council children's services performance team" names Medway ("Medway Council"), but the figures are read as Kent's`},
		{"the store's council", "CYPE Scorecard", false, "Source: Kent County Council performance team", app.All, "Kent", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := [][]any{{tc.title}, nil, {"Ref", "Indicator", "Polarity", "Jan-26", "Feb-26", "Mar-26"},
				{"CIC01", "Number of children in care", "L", 1850, 1862, 1871}}
			if tc.twin {
				rows = append(rows, []any{nil, "Excluding UASC", nil, 1500, 1510, 1520})
			} else {
				rows = append(rows, []any{"CIC05", "Children in care with 3 or more placements (%)", "L", 10.1, 10.4, 10.7})
			}
			rows = append(rows, nil, []any{tc.note})
			res := mustRead(t, writeBook(t, "Scorecard", rows))
			own := 0
			for _, o := range res.Dataset.Observations {
				if o.Ref == "CIC01" && o.Split == tc.split {
					own++
					if o.Area != tc.area {
						t.Errorf("CIC01 %s read as %s's, want %s's", o.Period.Label(), o.Area, tc.area)
					}
				}
			}
			if own != 3 {
				t.Errorf("%d of CIC01's figures read as %s, want 3", own, tc.split.Label())
			}
			warnedOnce(t, res.Warnings, "the note", tc.warn)
		})
	}
}
