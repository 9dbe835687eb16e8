package childlevel

import (
	"path/filepath"
	"testing"
	"time"

	"scorecard/app"
)

// Test903SameDay reads the worked example's return with a child H added
// whose episodes begin the same day, from line 19 of Episodes, and checks
// that no real episode is lost: one ending the day it begins is a change
// on the day (a placement for CIC05, as the DfE counts it), and of two
// that cannot both be right the one that continues counts, with a warning
// naming both lines. The worked example alone has 4 children in care,
// 2 of them with 3+ placements, and 1 adoption of 3 leavers.
func Test903SameDay(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all := app.All
	ep := func(decom, rne, place, dec, rec string) []string {
		return episode903("H-9008", decom, rne, place, dec, rec)
	}
	cases := []struct {
		name     string
		episodes [][]string
		checks   []check
		warn     *wantWarning
		noWarn   string
	}{{
		// QA's case: the open episode was not counted, and H, in care,
		// fell out of CIC01.
		name: "a change on the day of entry, then the open episode",
		episodes: [][]string{
			ep("01/06/2024", "S", "U1", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "U4", "", "")},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefThreePlacements, all, 2, 5, march)},
		noWarn: "same day",
	}, {
		// The one-day placement listed after the episode that follows
		// it is still H's third placement.
		name: "the change on the day listed after the open episode",
		episodes: [][]string{
			ep("01/05/2024", "S", "U1", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "U4", "", ""),
			ep("01/06/2024", "P", "K2", "01/06/2024", "X1")},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefThreePlacements, all, 3, 5, march)},
		noWarn: "same day",
	}, {
		name: "two changes on the day, then the open episode",
		episodes: [][]string{
			ep("01/06/2024", "S", "U1", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "K2", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "U4", "", "")},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefThreePlacements, all, 3, 5, march)},
		noWarn: "same day",
	}, {
		// The repeat of line 19 is not next to it once sorted: line 20
		// ends the same day too.
		name: "a change on the day repeated, apart from its first line",
		episodes: [][]string{
			ep("01/06/2024", "S", "U1", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "K2", "01/06/2024", "X1"),
			ep("01/06/2024", "S", "U1", "01/06/2024", "X1"),
			ep("01/06/2024", "P", "U4", "", "")},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefThreePlacements, all, 3, 5, march)},
		warn:   &wantWarning{"episodes.csv", "line 21", "the same episode as line 19: counted once"},
	}, {
		// Kept, line 19 would have H leave care in September, a fourth
		// leaver.
		name: "an episode ending later and one still open",
		episodes: [][]string{
			ep("01/06/2024", "S", "U1", "01/09/2024", "E13"),
			ep("01/06/2024", "S", "U4", "", "")},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefAdopted, all, 1, 3, march)},
		warn: &wantWarning{"episodes.csv", "line 19", "begins the same day (DECOM 1 Jun 2024) as the child's episode on line 20, " +
			"yet neither ends that day, as a change on the day would, and they differ: line 20 (still open) counted, this one (DEC 1 Sep 2024) not"},
	}, {
		// The later end counts, whichever line is first: an adoption
		// (line 19) would be 2 of 4 leavers.
		name: "two episodes ending on different days",
		episodes: [][]string{
			ep("01/06/2024", "S", "U1", "01/09/2024", "E11"),
			ep("01/06/2024", "S", "U4", "01/12/2024", "E13")},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefAdopted, all, 1, 4, march)},
		warn: &wantWarning{"episodes.csv", "line 19", "as the child's episode on line 20, yet neither ends that day, as a change on the day would, " +
			"and they differ: line 20 (DEC 1 Dec 2024) counted, this one (DEC 1 Sep 2024) not"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tables := map[string]string{}
			for _, p := range write903(t, t.TempDir(), worked()) {
				tables[filepath.Base(p)] = p
			}
			appendCSV(t, tables["header.csv"], []string{"H-9008", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tables["episodes.csv"], c.episodes...)
			ds, warns, err := Read903([]string{tables["header.csv"], tables["episodes.csv"], tables["uasc.csv"]}, time.Time{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, ds, warns, c.checks, c.warn, c.noWarn)
		})
	}
}
