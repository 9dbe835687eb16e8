package childlevel

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// period is one row of a hand-made Annex A list: a child's period of
// care, dates dd/mm/yyyy as text, as lists exported as text give them.
type period struct {
	id, uasc, started, need string
	placements              int
	ceased, reason, reentry string
}

// cells gives the row in annexAHeader's columns, for a child of Kent's.
func (p period) cells() []any {
	reason := ""
	if p.reason != "" {
		reason = "a) " + p.reason + ": reason"
	}
	return []any{p.id, "a) Male", "a) WBRI", "01/01/2012", 0, p.uasc, p.started, "a) " + p.need, p.reentry,
		"a) C2: legal status", p.placements, "a) U1: placement", "ZZ9 1AA", "Kent", "Dover", p.ceased, reason, "Kent", "Y"}
}

// writePeriods writes the rows below annexAHeader, in the order given.
func writePeriods(t *testing.T, path string, rows []period) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "List 8"); err != nil {
		t.Fatal(err)
	}
	all := [][]any{annexAHeader}
	for _, p := range rows {
		all = append(all, p.cells())
	}
	for i, row := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("List 8", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// fourInCare are K1 to K4 of QA's list (qa19 D4), in care on 31 March
// 2025 throughout: K1 and K3 UASC; K2 with 4 placements, K3 with 3;
// K3 started in the year.
var fourInCare = []period{
	{"K1", "Y", "01/05/2020", "N1", 1, "", "", "N"},
	{"K2", "N", "10/01/2022", "N1", 4, "", "", "N"},
	{"K3", "Y", "01/06/2024", "N8", 3, "", "", "N"},
	{"K4", "N", "15/09/2023", "N2", 1, "", "", "N"},
}

// TestAnnexAPeriodsOfCare checks that a child on several rows of an
// Annex A list (a period of care each) is one child, counted by the
// period open on the snapshot date in care and by every period for
// leaving and starting in the year, with the figures worked by hand; and
// that the rows' order changes nothing.
func TestAnnexAPeriodsOfCare(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	with := func(more ...period) []period { return append(slices.Clone(fourInCare), more...) }
	// K5 left care (adopted, E11) on 30 June 2024 and came back on 1
	// November 2024; K6 starts after the snapshot date.
	cameBack := func(flag string) []period {
		return with(
			period{"K5", "N", "01/03/2019", "N1", 2, "30/06/2024", "E11", "N"},
			period{"K5", "N", "01/11/2024", "N3", 2, "", "", flag},
			period{"K6", "N", "20/04/2025", "N1", 1, "", "", "N"})
	}
	// In care: K1 to K5, 5 (UASC K1, K3: 2; excluding: 3).
	// 3+ placements: K2, K3 of 5: 40%; UASC K3 of K1, K3: 1 of 2;
	// excluding UASC K2 of K2, K4, K5: 1 of 3, 33.3%.
	// Left care in the year: K5, adopted: 1 of 1 (not UASC).
	// Started in the year: K3 and K5 (K6 after the snapshot): K5 a
	// re-entry, four months after leaving: 1 of 2; excluding UASC 1 of 1,
	// UASC 0 of 1 (K3). K5 re-entered for N3, its second row's need.
	cameBackFigures := []check{
		proportionIs(RefChildrenInCare, all, 5, 0, march),
		proportionIs(RefChildrenInCare, uasc, 2, 0, march),
		proportionIs(RefChildrenInCare, excl, 3, 0, march),
		proportionIs(RefThreePlacements, all, 2, 5, march),
		proportionIs(RefThreePlacements, uasc, 1, 2, march),
		proportionIs(RefThreePlacements, excl, 1, 3, march),
		proportionIs(RefAdopted, all, 1, 1, march),
		proportionIs(RefAdopted, excl, 1, 1, march),
		proportionIs(RefAdopted, uasc, 0, 0, march),
		proportionIs(RefReentries, all, 1, 0, march),
		proportionIs(RefReentryRate, all, 1, 2, march),
		proportionIs(RefReentryRate, excl, 1, 1, march),
		proportionIs(RefReentryRate, uasc, 0, 1, march),
		proportionIs(RefReentryRateFor("N3"), all, 1, 1, march),
		breakdownIs(DimCategoryOfNeed, categoriesOfNeed["N3"], 1),
		breakdownIs(DimCategoryOfNeed, categoriesOfNeed["N1"], 2),
	}
	cases := []struct {
		name   string
		rows   []period
		checks []check
		warn   []string // each said by some warning
	}{{
		name:   "left care and came back",
		rows:   cameBack("Y"),
		checks: cameBackFigures,
		warn:   []string{"1 child is on more than one row (the first on rows 6, 7)"},
	}, {
		// The rows show the re-entry the flag does not: counted, and said.
		name:   "came back, the re-entry flag not set",
		rows:   cameBack("N"),
		checks: cameBackFigures,
		warn:   []string{"the re-entry flag does not say so, yet this period began within 12 months of the same child's period on row 6 ending"},
	}, {
		// QA's reversed list: K5 left care to go home (E13), K7 was
		// adopted: 1 of 2 leavers adopted, 50%; K5 is in care.
		name: "left care to go home and came back, and another adopted",
		rows: with(
			period{"K5", "N", "01/11/2024", "N1", 2, "", "", "Y"},
			period{"K5", "N", "01/03/2019", "N1", 2, "30/06/2024", "E13", "N"},
			period{"K7", "N", "01/01/2020", "N1", 1, "31/12/2024", "E11", "N"}),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 5, 0, march),
			proportionIs(RefChildrenInCare, excl, 3, 0, march),
			proportionIs(RefThreePlacements, all, 2, 5, march),
			proportionIs(RefAdopted, all, 1, 2, march),
			proportionIs(RefAdopted, excl, 1, 2, march),
		},
	}, {
		// K4's row twice, the same in every column: one period.
		name: "a row repeated",
		rows: with(fourInCare[3]),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 4, 0, march),
			proportionIs(RefThreePlacements, all, 2, 4, march),
		},
		warn: []string{"the same child as row 5, and the same in every column read: a repeat, counted once"},
	}, {
		// K8's first period never ceased, yet a second began: the child
		// is in care once, by the later row (3 placements), and did not
		// leave care. In care 5; 3+ placements K2, K3, K8: 3 of 5;
		// no leavers.
		name: "overlapping periods",
		rows: with(
			period{"K8", "N", "01/01/2024", "N1", 1, "", "", "N"},
			period{"K8", "N", "01/06/2024", "N1", 3, "", "", "N"}),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 5, 0, march),
			proportionIs(RefThreePlacements, all, 3, 5, march),
			proportionIs(RefAdopted, all, 0, 0, march),
			proportionIs(RefReentryRate, all, 0, 2, march),
		},
		warn: []string{"no date ceased, yet the same child's row 7 begins a later period of care: the two overlap"},
	}, {
		// K8's first period ends (adopted, it says) after the second
		// began: not both can be right; K8 is in care by the later row
		// and is no leaver, as an open overlap is not.
		name: "a period ceasing after the next began",
		rows: with(
			period{"K8", "N", "01/01/2024", "N1", 1, "01/12/2024", "E11", "N"},
			period{"K8", "N", "01/06/2024", "N1", 3, "", "", "N"}),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 5, 0, march),
			proportionIs(RefThreePlacements, all, 3, 5, march),
			proportionIs(RefAdopted, all, 0, 0, march),
		},
		warn: []string{"date ceased is after the same child's row 7 begins a later period of care: the two overlap"},
	}, {
		// Two periods of K9's beginning one day: the one still open
		// counts, so K9 is in care and left no care.
		name: "two periods beginning the same day",
		rows: with(
			period{"K9", "N", "01/02/2025", "N1", 1, "01/03/2025", "E13", "N"},
			period{"K9", "N", "01/02/2025", "N1", 1, "", "", "N"}),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 5, 0, march),
			proportionIs(RefAdopted, all, 0, 0, march),
		},
		warn: []string{"the same child's row 7 begins the same day (1 Feb 2025) and they differ: row 7 (still open) counted, this one (ceased 1 Mar 2025) not"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			read := func(name string, rows []period) (*app.Dataset, []app.Warning) {
				path := filepath.Join(dir, name)
				writePeriods(t, path, rows)
				ds, warns, err := ReadAnnexA(path, snapshot, nil)
				if err != nil {
					t.Fatal(err)
				}
				checkCase(t, ds, warns, c.checks, nil, "")
				return ds, warns
			}
			ds, warns := read("list.xlsx", c.rows)
			reversed := slices.Clone(c.rows)
			slices.Reverse(reversed)
			back, _ := read("reversed.xlsx", reversed)
			if !reflect.DeepEqual(ds.Observations, back.Observations) || !reflect.DeepEqual(ds.Breakdowns, back.Breakdowns) {
				t.Errorf("the figures differ with the rows reversed")
			}
			var said []string
			for _, w := range warns {
				said = append(said, w.String())
			}
			for _, want := range c.warn {
				if !strings.Contains(strings.Join(said, "\n"), want) {
					t.Errorf("no warning says %q; warnings:\n%s", want, strings.Join(said, "\n"))
				}
			}
		})
	}
}
