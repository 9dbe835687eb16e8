package childlevel

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// numbered903 writes the worked example's 903 tables with CHILD ids as
// a council's system writes them, all digits with a leading zero
// (0100001 for A to 0100007 for G), and returns them by base name.
func numbered903(t *testing.T) map[string]string {
	t.Helper()
	cs := worked()
	for i := range cs {
		cs[i].id = fmt.Sprintf("01%05d", i+1)
	}
	tables := map[string]string{}
	for _, p := range write903(t, t.TempDir(), cs) {
		tables[filepath.Base(p)] = p
	}
	return tables
}

// stripZeros rewrites a table's CHILD ids as a spreadsheet saves a
// number: without leading zeros.
func stripZeros(t *testing.T, path string) {
	t.Helper()
	editCSV(t, path, func(lines [][]string) {
		for _, l := range lines[1:] {
			l[0] = strings.TrimLeft(l[0], "0")
		}
	})
}

// Test903ChildIDs reads returns whose Header or UASC lines' CHILD is no
// child's of the Episodes table (QA hB F3). A UASC table saved by Excel,
// which drops the leading zeros of 0100001, matched no child, and every
// UASC child was counted in the figures excluding UASC, unsaid. A line
// is read as the one child whose CHILD is the same but for leading
// zeros, and said; any other is warned at its line and not read.
func Test903ChildIDs(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	// The worked example's figures: A (UASC) is episodes.csv line 2 and
	// uasc.csv line 2; D line 9 and line 3; F line 12 and line 4.
	workedFigures := []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefChildrenInCare, uasc, 1, 0, march),
		proportionIs(RefChildrenInCare, excl, 3, 0, march), proportionIs(RefThreePlacements, excl, 1, 2, march),
		proportionIs(RefAdopted, excl, 1, 2, march)}
	cases := []struct {
		name   string
		edit   func(t *testing.T, tb map[string]string)
		checks []check
		warn   *wantWarning
		noWarn string
	}{{
		name:   "leading zeros in every table",
		edit:   func(t *testing.T, tb map[string]string) {},
		checks: workedFigures,
		noWarn: "CHILD matches",
	}, {
		name:   "UASC table saved by a spreadsheet",
		edit:   func(t *testing.T, tb map[string]string) { stripZeros(t, tb["uasc.csv"]) },
		checks: workedFigures,
		warn: &wantWarning{"uasc.csv", "line 4", "CHILD matches no child of the Episodes table as written; with leading zeros ignored " +
			"(a spreadsheet drops them from a number) it matches one, the child of episodes.csv line 12, and no other: read as that child's"},
	}, {
		name: "Episodes and Header tables saved by a spreadsheet",
		edit: func(t *testing.T, tb map[string]string) {
			stripZeros(t, tb["episodes.csv"])
			stripZeros(t, tb["header.csv"])
		},
		checks: workedFigures,
		warn:   &wantWarning{"uasc.csv", "line 2", "it matches one, the child of episodes.csv line 2, and no other: read as that child's"},
	}, {
		// Each child's gender and age were "not recorded".
		name:   "Header table saved by a spreadsheet",
		edit:   func(t *testing.T, tb map[string]string) { stripZeros(t, tb["header.csv"]) },
		checks: append(workedFigures, breakdownIs(DimGender, "Male", 2), breakdownIs(DimGender, "Female", 2), breakdownIs(DimAgeBand, Unknown, 0)),
		warn:   &wantWarning{"header.csv", "line 6", "it matches one, the child of episodes.csv line 10, and no other: read as that child's"},
		noWarn: "no Header row",
	}, {
		// A, UASC, is counted as not UASC: the line is named.
		name: "a UASC line's CHILD mistyped",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["uasc.csv"], func(lines [][]string) { lines[1][0] = "01000019" })
		},
		checks: []check{proportionIs(RefChildrenInCare, uasc, 0, 0, march), proportionIs(RefChildrenInCare, excl, 4, 0, march)},
		warn: &wantWarning{"uasc.csv", "line 2", "CHILD matches no child of the Episodes table (episodes.csv): line not read; " +
			"if it is a child's there with CHILD mistyped, that child is counted as not UASC"},
	}, {
		// 100001 is A's (0100001) or H's (00100001): neither is guessed.
		name: "two children alike but for leading zeros",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"00100001", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("00100001", "01/10/2024", "S", "U1", "", ""))
			editCSV(t, tb["uasc.csv"], func(lines [][]string) { lines[1][0] = "100001" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefChildrenInCare, uasc, 0, 0, march)},
		warn: &wantWarning{"uasc.csv", "line 2", "CHILD matches no child of the Episodes table as written; " +
			"with leading zeros ignored it matches 2 (episodes.csv lines 2, 19), and which is meant cannot be told: line not read"},
	}, {
		// Read, the second line would end A's UASC status in January.
		name: "a child's UASC line again without leading zeros",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["uasc.csv"], []string{"100001", "1", "01/05/2008", "01/01/2025"})
		},
		checks: workedFigures,
		warn: &wantWarning{"uasc.csv", appended903UASC, "CHILD matches no child of the Episodes table as written; with leading zeros ignored " +
			"it matches the child of episodes.csv line 2, who has a UASC line of their own (line 2): line not read"},
	}, {
		// A's only episode is not counted: A's UASC line is no orphan.
		name: "a UASC child whose episodes are all skipped",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[1][1] = "not known" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 3, 0, march), proportionIs(RefChildrenInCare, uasc, 0, 0, march)},
		warn:   &wantWarning{"episodes.csv", "line 2", "DECOM is not a date"},
		noWarn: "CHILD matches",
	}, {
		// Letters are never dropped by a spreadsheet: no near match.
		name: "ids with letters",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["uasc.csv"], func(lines [][]string) { lines[1][0] = "A100001" })
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[1][0] = "A0100001" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefChildrenInCare, uasc, 0, 0, march)},
		warn:   &wantWarning{"uasc.csv", "line 2", "CHILD matches no child of the Episodes table (episodes.csv): line not read"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tables := numbered903(t)
			c.edit(t, tables)
			ds, warns, err := Read903([]string{tables["header.csv"], tables["episodes.csv"], tables["uasc.csv"]}, snapshot, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, ds, warns, c.checks, c.warn, c.noWarn)
			for _, w := range warns {
				if strings.Contains(w.Message, "100001") || strings.Contains(w.Message, "1000019") {
					t.Errorf("a warning quotes a child's CHILD: %v", w)
				}
			}
		})
	}
}

// redate rewrites every dd/mm/yyyy date of a table in layout.
func redate(t *testing.T, path, layout string) {
	t.Helper()
	editCSV(t, path, func(lines [][]string) {
		for _, l := range lines[1:] {
			for i, s := range l {
				if d, err := time.Parse("02/01/2006", s); err == nil {
					l[i] = d.Format(layout)
				}
			}
		}
	})
}

// Test903Dates reads returns whose dates are written otherwise than
// dd/mm/yyyy, or not as dates. "15 March 2025" was no date while "15 Mar
// 2025" was, and a DEC that could not be read was read as none: an
// adopted child counted as still in care (QA hB F11). Dates written
// dd.mm.yyyy refused the return as having no episodes, with no line or
// reason (F12).
func Test903Dates(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc, excl := app.All, app.Only(app.UASC), app.Excluding(app.UASC)
	workedFigures := []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefChildrenInCare, uasc, 1, 0, march),
		proportionIs(RefThreePlacements, all, 2, 4, march), proportionIs(RefThreePlacements, excl, 1, 2, march),
		proportionIs(RefAdopted, all, 1, 3, march), proportionIs(RefReentries, all, 1, 0, march)}
	every := func(layout string) func(t *testing.T, tb map[string]string) {
		return func(t *testing.T, tb map[string]string) {
			for _, p := range tb {
				redate(t, p, layout)
			}
		}
	}
	cases := []struct {
		name    string
		edit    func(t *testing.T, tb map[string]string)
		checks  []check
		warn    *wantWarning
		noWarn  string
		refused string // the error's start, file and line first
	}{{
		// C's adoption (line 8).
		name: "DEC with the month in full",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[7][7] = "1 October 2024" })
		},
		checks: workedFigures,
		noWarn: "not a date",
	}, {
		name:   "every date with the month in full",
		edit:   every("2 January 2006"),
		checks: workedFigures,
		noWarn: "not a date",
	}, {
		name:   "every date dd.mm.yyyy",
		edit:   every("02.01.2006"),
		checks: workedFigures,
		noWarn: "not a date",
	}, {
		// C, adopted on a date that cannot be read, is neither in care
		// nor a leaver; C's earlier episode ends X1, and is not taken
		// for a child still looked after either.
		name: "the last DEC not a date",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[7][7] = "TBC" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefAdopted, all, 0, 2, march)},
		warn: &wantWarning{"episodes.csv", "line 8", "DEC is not a date in any form read (such as dd/mm/yyyy, yyyy-mm-dd or 15 March 2025): " +
			"episode not counted; unless a later episode of the child's begins after it, the child is in no figure"},
		noWarn: "REC X1",
	}, {
		// B's first episode (line 3): B's later episodes are counted,
		// the first not, so B has two placements in the year, not three.
		name: "a DEC not a date before a later episode",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[2][7] = "TBC" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefThreePlacements, all, 1, 4, march)},
		warn:   &wantWarning{"episodes.csv", "line 3", "DEC is not a date in any form read"},
		noWarn: "read as ending then",
	}, {
		name:    "every date in a form not read",
		edit:    every("2006.01.02"),
		refused: "episodes.csv: line 2: the Episodes table has lines, but no episode in it could be read (",
	}, {
		name:    "dates dd.mm.yyyy month first",
		edit:    every("01.02.2006"),
		refused: "header.csv: line 6: its dates are written month first",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tables := map[string]string{}
			dir := t.TempDir()
			for _, p := range write903(t, dir, worked()) {
				tables[filepath.Base(p)] = p
			}
			c.edit(t, tables)
			ds, warns, err := Read903([]string{tables["header.csv"], tables["episodes.csv"], tables["uasc.csv"]}, snapshot, nil)
			if c.refused != "" {
				if err == nil || !strings.HasPrefix(strings.TrimPrefix(err.Error(), dir+string(filepath.Separator)), c.refused) {
					t.Fatalf("error %v, want one starting %q", err, c.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, ds, warns, c.checks, c.warn, c.noWarn)
		})
	}
}
