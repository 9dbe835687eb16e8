package childlevel

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestAnnexAUnreadableDateCeased checks that a List 8 row whose date
// ceased to be looked after is given but is not a date is counted in no
// figure, said at its cell, as a 903 episode whose DEC is not a date is
// not: never read as still looked after. A child with a row beginning
// after it is counted by that row; one without is in no figure. A blank
// date ceased is still looked after (the four of fourInCare). The rows'
// order changes no figure.
func TestAnnexAUnreadableDateCeased(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	with := func(more ...period) []period { return append(slices.Clone(fourInCare), more...) }
	// fourInCare alone: in care 4 (UASC K1, K3: 2; excluding 2);
	// 3+ placements K2, K3: 2 of 4; no leavers; started K3 alone.
	fourOnly := []check{
		proportionIs(RefChildrenInCare, all, 4, 0, march),
		proportionIs(RefChildrenInCare, uasc, 2, 0, march),
		proportionIs(RefChildrenInCare, excl, 2, 0, march),
		proportionIs(RefThreePlacements, all, 2, 4, march),
		proportionIs(RefAdopted, all, 0, 0, march),
		proportionIs(RefReentryRate, all, 0, 1, march),
	}
	const notCounted = "date ceased to be looked after is not a date in any form read (such as dd/mm/yyyy, yyyy-mm-dd or 15 March 2025)"
	const noFigure = "row not counted; unless a later row of the same child's begins after it, the child is in no figure"
	cases := []struct {
		name   string
		rows   []period
		checks []check
		warn   *wantWarning // at the rows as given
		noWarn string
	}{{
		// K7, UASC, adopted by its reason, its date ceased a word: read
		// as still looked after it was in care, 5 (UASC 3).
		name:   "one row, date ceased a word",
		rows:   with(period{"K7", "Y", "01/01/2020", "N1", 3, "adopted", "E11", "N"}),
		checks: fourOnly,
		warn:   &wantWarning{"list.xlsx", "P6", notCounted + ": " + noFigure},
	}, {
		// 31/13/2024 is no date: K7 started in the year, and was counted
		// in care and starting.
		name:   "one row started in the year, date ceased no day",
		rows:   with(period{"K7", "N", "01/05/2024", "N1", 1, "31/13/2024", "E13", "N"}),
		checks: fourOnly,
		warn:   &wantWarning{"list.xlsx", "P6", noFigure},
	}, {
		// No identifier: a child of its own, in no figure.
		name:   "no identifier",
		rows:   with(period{"", "N", "01/01/2020", "N1", 3, "?", "", "N"}),
		checks: fourOnly,
		warn:   &wantWarning{"list.xlsx", "P6", noFigure},
	}, {
		// K5 adopted in June 2024 (a date), came back in November with a
		// date ceased unreadable: whether K5 is in care, or left, cannot
		// be told, so K5 is in no figure, not a leaver by the first row
		// nor in care by the second (5 in care, 1 of 1 adopted, before).
		name: "the latest row's date ceased unreadable",
		rows: with(
			period{"K5", "N", "01/03/2019", "N1", 2, "30/06/2024", "E11", "N"},
			period{"K5", "N", "01/11/2024", "N3", 3, "not known", "", "Y"}),
		checks: fourOnly,
		warn:   &wantWarning{"list.xlsx", "P7", noFigure},
	}, {
		// K5's first row's date ceased is unreadable, its second begins
		// after it: K5 is counted by the second, in care and starting
		// in the year, a re-entry by its flag, no leaver (the first was
		// read as open, overlapping the second, before). In care 5;
		// 3+ placements K2, K3, K5: 3 of 5; re-entry rate 1 of 2.
		name: "a later row begins after it",
		rows: with(
			period{"K5", "N", "01/03/2019", "N1", 2, "30/06/24xx", "E11", "N"},
			period{"K5", "N", "01/11/2024", "N3", 3, "", "", "Y"}),
		checks: []check{
			proportionIs(RefChildrenInCare, all, 5, 0, march),
			proportionIs(RefChildrenInCare, excl, 3, 0, march),
			proportionIs(RefThreePlacements, all, 3, 5, march),
			proportionIs(RefAdopted, all, 0, 0, march),
			proportionIs(RefReentryRate, all, 1, 2, march),
		},
		warn:   &wantWarning{"list.xlsx", "P6", noFigure},
		noWarn: "overlap",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			read := func(name string, rows []period, want *wantWarning, noWarn string) *app.Dataset {
				path := filepath.Join(dir, name)
				writePeriods(t, path, rows)
				ds, warns, err := ReadAnnexA(path, snapshot, nil)
				if err != nil {
					t.Fatal(err)
				}
				checkCase(t, ds, warns, c.checks, want, noWarn)
				return ds
			}
			ds := read("list.xlsx", c.rows, c.warn, c.noWarn)
			reversed := slices.Clone(c.rows)
			slices.Reverse(reversed)
			back := read("reversed.xlsx", reversed, nil, c.noWarn)
			if !reflect.DeepEqual(ds.Observations, back.Observations) || !reflect.DeepEqual(ds.Breakdowns, back.Breakdowns) {
				t.Errorf("the figures differ with the rows reversed")
			}
		})
	}
}

// TestAnnexAEveryDateCeasedUnreadable checks that a list none of whose
// rows is counted, each for a date ceased that is not a date, is refused
// as a list of no row read is, and is not read as children still looked
// after.
func TestAnnexAEveryDateCeasedUnreadable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "list.xlsx")
	writePeriods(t, path, []period{
		{"K1", "N", "01/05/2020", "N1", 1, "left", "E13", "N"},
		{"K2", "N", "10/01/2022", "N1", 4, "unknown", "E11", "N"},
	})
	_, _, err := ReadAnnexA(path, snapshot, nil)
	if err == nil {
		t.Fatal("read, want refused")
	}
	if want := "no child's row below it was read"; !strings.Contains(err.Error(), want) {
		t.Errorf("refused with %q, want it to say %q", err, want)
	}
}
