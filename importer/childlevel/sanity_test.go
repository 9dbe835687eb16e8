package childlevel

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// The lines of the worked example's 903 tables (write903): Header and
// UASC have a line a child, Episodes a line an episode. A line appended
// to Episodes is line 19, to Header line 9, to UASC line 5.
const (
	appended903Episode = "line 19"
	appended903Header  = "line 9"
	appended903UASC    = "line 5"
)

// wantWarning is a warning a case expects: in the file of that base
// name, at that cell, saying that.
type wantWarning struct{ file, cell, says string }

// check is one figure a case expects.
type check func(ds *app.Dataset) (got, want string)

// proportionIs checks a figure's numerator and denominator (0 for a
// count) and month.
func proportionIs(ref string, split app.Split, num, den float64, month app.Period) check {
	return func(ds *app.Dataset) (string, string) {
		want := fmt.Sprintf("%s %s: %v of %v in %v", ref, split.Label(), num, den, month)
		for _, o := range ds.Observations {
			if o.Ref == ref && o.Area == app.Kent && o.Split == split {
				var n, m float64
				if o.Numerator != nil {
					n = *o.Numerator
				}
				if o.Denominator != nil {
					m = *o.Denominator
				}
				return fmt.Sprintf("%s %s: %v of %v in %v", ref, split.Label(), n, m, o.Period), want
			}
		}
		return "no figure", want
	}
}

// noFigure checks that no figure of ref was drawn.
func noFigure(ref string) check {
	return func(ds *app.Dataset) (string, string) {
		for _, o := range ds.Observations {
			if o.Ref == ref {
				return ref + " drawn", "no " + ref
			}
		}
		// Nor an indicator with no figures, to fill a row of every
		// scorecard (QA30 finding 10).
		for _, ind := range ds.Indicators {
			if ind.Ref == ref {
				return ref + " defined with no figure", "no " + ref
			}
		}
		return "no " + ref, "no " + ref
	}
}

// breakdownIs checks the count of a category of children in care.
func breakdownIs(dim, cat string, count float64) check {
	return func(ds *app.Dataset) (string, string) {
		n, _, _ := breakdown(ds, MeasureInCare, dim, cat, app.All)
		return fmt.Sprintf("%s %s: %v", dim, cat, n), fmt.Sprintf("%s %s: %v", dim, cat, count)
	}
}

// refused checks that a figure is refused (app.CannotExclude) with a
// reason and rule saying says, and holds no number.
func refused(ref string, split app.Split, says string) check {
	return func(ds *app.Dataset) (string, string) {
		want := fmt.Sprintf("%s %s refused: %s", ref, split.Label(), says)
		for _, o := range ds.Observations {
			if o.Ref == ref && o.Area == app.Kent && o.Split == split {
				if o.Status != app.CannotExclude || o.Value != nil || o.Numerator != nil || !strings.Contains(o.Raw, says) || !strings.Contains(o.Rule, says) {
					return fmt.Sprintf("%s %s: status %q value %v reason %q rule %q", ref, split.Label(), o.Status, ptr(o.Value), o.Raw, o.Rule), want
				}
				return want, want
			}
		}
		return "no figure", want
	}
}

// ruleSays checks that a figure's rule of who counts as UASC says says.
func ruleSays(ref string, split app.Split, says string) check {
	return func(ds *app.Dataset) (string, string) {
		want := fmt.Sprintf("%s %s rule saying %q", ref, split.Label(), says)
		for _, o := range ds.Observations {
			if o.Ref == ref && o.Area == app.Kent && o.Split == split {
				if !strings.Contains(o.Rule, says) {
					return fmt.Sprintf("%s %s rule %q", ref, split.Label(), o.Rule), want
				}
				return want, want
			}
		}
		return "no figure", want
	}
}

// noBreakdown checks that no breakdown of measure was drawn.
func noBreakdown(measure string) check {
	return func(ds *app.Dataset) (string, string) {
		for _, b := range ds.Breakdowns {
			if b.Measure == measure {
				return fmt.Sprintf("%s by %s: %s %v of %v", measure, b.Dimension, b.Category, b.Count, b.Total), "no " + measure + " breakdown"
			}
		}
		return "no " + measure + " breakdown", "no " + measure + " breakdown"
	}
}

func checkCase(t *testing.T, ds *app.Dataset, warns []app.Warning, checks []check, want *wantWarning, noWarn string) {
	t.Helper()
	for _, c := range checks {
		if got, want := c(ds); got != want {
			t.Errorf("figure %s, want %s", got, want)
		}
	}
	var all []string
	found := false
	for _, w := range warns {
		all = append(all, w.String())
		if want != nil && filepath.Base(w.File) == want.file && w.Cell == want.cell && strings.Contains(w.Message, want.says) {
			found = true
		}
		if noWarn != "" && strings.Contains(w.String(), noWarn) {
			t.Errorf("warning %v, want none at %s", w, noWarn)
		}
	}
	if want != nil && !found {
		t.Errorf("no warning at %s %s saying %q; warnings:\n%s", want.file, want.cell, want.says, strings.Join(all, "\n"))
	}
}

// appendCSV adds lines at the end of a CSV file.
func appendCSV(t *testing.T, path string, lines ...[]string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(lines); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// editCSV rewrites a CSV file's lines, the header line first.
func editCSV(t *testing.T, path string, edit func(lines [][]string)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	edit(lines)
	writeCSV(t, path, lines)
}

// editAnnexA opens the workbook at path, edits it and saves it.
func editAnnexA(t *testing.T, path string, edit func(f *excelize.File) error) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := edit(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// episode903 is an Episodes line as write903 writes one.
func episode903(child, decom, rne, place, dec, rec string) []string {
	return []string{child, decom, rne, "C2", "N1", place, "PR" + place, dec, rec, "", "ZZ9 1AA", "ZZ9 1AA", "SC" + place}
}

// Test903Sanity reads the worked example's return with one slip of the
// kind the 903's own validation refuses, and checks that the figures are
// the worked example's (the slip not counted, or counted once) and that
// a warning names the slip's line. Each figure below is what the slip
// used to change silently.
func Test903Sanity(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc := app.All, app.Only(app.UASC)
	cases := []struct {
		name     string
		snapshot time.Time // zero: inferred, as 31 March 2025
		now      time.Time // zero: today
		edit     func(t *testing.T, tables map[string]string)
		checks   []check
		warn     *wantWarning
	}{{
		// A date of birth written month first beside the episodes'
		// dates day first: 05/20/2008 is no date either way, and one
		// such as 05/03/2008 would be read as 5 March, said once.
		name: "a date written month first",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["header.csv"], func(lines [][]string) { lines[1][2] = "05/20/2008" })
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"episodes.csv", "", "dates are written day first (as at header.csv line 6) and month first (as at header.csv line 2)"},
	}, {
		// QA probe 4 (in an Annex A list): counted unsaid.
		name: "a child in care past 18",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"H-9008", "1", "01/01/2006", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("H-9008", "01/10/2020", "S", "U1", "", ""))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march)},
		warn: &wantWarning{"header.csv", appended903Header, "1 child aged 18 or over on the snapshot date (31 Mar 2025) and in care by the Episodes table, " +
			"the first on this line: no one is looked after past 18"},
	}, {
		// E's return to care repeated: a third placement counted
		// would put E among the 3+.
		name: "exact duplicate episode line",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episodeLine(t, tb["episodes.csv"], 11))
		},
		checks: []check{proportionIs(RefThreePlacements, all, 2, 4, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "the same episode as line 11: counted once"},
	}, {
		name: "second episode beginning the same day",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episode903("E-9005", "01/02/2025", "S", "K2", "", ""))
		},
		checks: []check{proportionIs(RefThreePlacements, all, 2, 4, march)},
		// Both open: the first line read counts, and both are named.
		warn: &wantWarning{"episodes.csv", appended903Episode, "as the child's episode on line 11, " +
			"yet neither ends that day, as a change on the day would, and they differ: line 11 (still open) counted, this one (still open) not"},
	}, {
		// An adoption "ending" before the episode began would make H's
		// the second adoption of four leavers.
		name: "DEC before DECOM",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"H-9008", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("H-9008", "01/10/2024", "S", "U1", "01/09/2024", "E11"))
		},
		checks: []check{proportionIs(RefAdopted, all, 1, 3, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "DEC (date the episode ceased) is before DECOM"},
	}, {
		// A DECOM in 2099 would date the return by today.
		name: "DECOM after today",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episode903("A-9001", "01/06/2099", "P", "U4", "", ""))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "DECOM (date the episode began) is after today"},
	}, {
		// A's new placement typed 2025 for 2024 dates the return by
		// 2025/26, every figure a year on: the lines are named.
		name: "one DECOM in a later collection year",
		now:  d("2026-12-03"),
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episode903("A-9001", "01/05/2025", "P", "U4", "", ""))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, app.MonthOf(2026, time.March))},
		warn: &wantWarning{"episodes.csv", "", "only 1 episode begins in that year (line 19): if a DECOM there is a slip, " +
			"give the return's own year end as its date (import --as-at 2025-03-31)"},
	}, {
		// QA22 F7: H's episode ends X1 (H stays looked after) and no
		// episode follows: H fell out of every figure. H is in care, a
		// fifth child, and out of CIC05's denominator, since any move
		// since is not in the tables.
		name: "last episode ends X1 with no next episode",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"H-9008", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("H-9008", "01/06/2024", "S", "U1", "01/09/2024", "X1"))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march), proportionIs(RefThreePlacements, all, 2, 4, march),
			proportionIs(RefAdopted, all, 1, 3, march), breakdownIs(DimPlacementType, Unknown, 1)},
		warn: &wantWarning{"episodes.csv", appended903Episode, "but the child has no later episode, which the 903's validation refuses: " +
			"counted in care on 31 Mar 2025, with legal status and placement type not recorded"},
	}, {
		name:     "DEC after today",
		snapshot: snapshot,
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"H-9008", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("H-9008", "01/10/2024", "S", "U1", "01/09/2099", "E11"))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "DEC (date the episode ceased) is after today"},
	}, {
		// Not an error, but a line left out of the figures is said.
		name:     "DECOM after the snapshot date given",
		snapshot: snapshot,
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episode903("A-9001", "01/06/2025", "P", "U4", "", ""))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "1 episode begins after the snapshot date (31 Mar 2025)"},
	}, {
		name: "episode left open when the next begins",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["episodes.csv"], episode903("A-9001", "01/12/2024", "P", "U4", "", ""))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"episodes.csv", "line 2", "no DEC (date the episode ceased), yet the child's next episode (line 19) begins later: read as ending then"},
	}, {
		// A leaving with a reason but no date is read as in care.
		name: "REC without DEC",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"H-9008", "1", "01/01/2015", "WBRI", "", "", ""})
			appendCSV(t, tb["episodes.csv"], episode903("H-9008", "01/10/2024", "S", "U1", "", "E11"))
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 5, 0, march)},
		warn:   &wantWarning{"episodes.csv", appended903Episode, "REC (reason the episode ceased) but no DEC (date it ceased): read as open"},
	}, {
		// D (line 9) left in January; with no reason D is neither in
		// care nor a leaver, which is said.
		name: "DEC without REC",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["episodes.csv"], func(lines [][]string) { lines[8][8] = "" })
		},
		checks: []check{proportionIs(RefAdopted, all, 1, 2, march)},
		warn:   &wantWarning{"episodes.csv", "line 9", "DEC (date the episode ceased) but no REC (reason), and no later episode"},
	}, {
		// A (line 2) born after the episode began would be under 1.
		name: "DOB after DECOM",
		edit: func(t *testing.T, tb map[string]string) {
			editCSV(t, tb["header.csv"], func(lines [][]string) { lines[1][2] = "01/01/2025" })
		},
		checks: []check{breakdownIs(DimAgeBand, Unknown, 1), breakdownIs(DimAgeBand, "Under 1", 0)},
		warn:   &wantWarning{"header.csv", "line 2", "DOB is after the child's first DECOM (episodes line 2): age band not recorded"},
	}, {
		// A second Header line for A, as female, used to replace the
		// first.
		name: "second Header line for a child",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["header.csv"], []string{"A-9001", "2", "01/05/2008", "OOTH", "", "", ""})
		},
		checks: []check{breakdownIs(DimGender, "Male", 2), breakdownIs(DimGender, "Female", 2)},
		warn:   &wantWarning{"header.csv", appended903Header, "the same child as line 2: line skipped"},
	}, {
		// A second UASC line for A, with UASC status ceased, used to
		// replace the first.
		name: "second UASC line for a child",
		edit: func(t *testing.T, tb map[string]string) {
			appendCSV(t, tb["uasc.csv"], []string{"A-9001", "1", "01/05/2008", "01/01/2025"})
		},
		checks: []check{proportionIs(RefChildrenInCare, uasc, 1, 0, march)},
		warn:   &wantWarning{"uasc.csv", appended903UASC, "the same child as line 2: line skipped"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tables := map[string]string{}
			for _, p := range write903(t, t.TempDir(), worked()) {
				tables[filepath.Base(p)] = p
			}
			c.edit(t, tables)
			if !c.now.IsZero() {
				defer func(f func() time.Time) { today = f }(today)
				today = func() time.Time { return c.now }
			}
			ds, warns, err := Read903([]string{tables["header.csv"], tables["episodes.csv"], tables["uasc.csv"]}, c.snapshot, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, ds, warns, c.checks, c.warn, "")
		})
	}
}

// episodeLine returns line n of an Episodes table.
func episodeLine(t *testing.T, path string, n int) []string {
	t.Helper()
	var line []string
	editCSV(t, path, func(lines [][]string) { line = append([]string(nil), lines[n-1]...) })
	return line
}

// annexARowOf is a row in writeAnnexA's columns for a child of Kent's
// placed in Dover.
func annexARowOf(id, birth, started, ceased, reason string) []any {
	return []any{id, "a) Male", "a) WBRI", birth, 0, "N", started, "a) N1", "N", "a) C2: legal status", 1,
		"a) U1: placement", "ZZ9 1AA", "Kent", "Dover", ceased, reason, "Kent", "Y"}
}

// TestAnnexASanity reads the worked example's Annex A list with one slip
// in it, and checks the figures are the worked example's and that a
// warning names the slip's row or cell. Rows 5 to 11 are children A to
// G; a row added is row 12.
func TestAnnexASanity(t *testing.T) {
	march := app.MonthOf(2025, time.March)
	all, uasc := app.All, app.Only(app.UASC)
	set := func(cells map[string]any) func(*excelize.File) error {
		return func(f *excelize.File) error {
			for cell, v := range cells {
				if err := f.SetCellValue("List 8", cell, v); err != nil {
					return err
				}
			}
			return nil
		}
	}
	addRow := func(row []any, more map[string]any) func(*excelize.File) error {
		return func(f *excelize.File) error {
			if err := f.SetSheetRow("List 8", "A12", &row); err != nil {
				return err
			}
			return set(more)(f)
		}
	}
	const extract = "Date of extract: 31/03/2025"
	cases := []struct {
		name     string
		snapshot time.Time // zero: the extract date, set in A3
		edit     func(*excelize.File) error
		checks   []check
		warn     *wantWarning
		noWarn   string
	}{{
		// Before the flag, "Former UASC" was read as it (QA probe 4):
		// no child UASC, the flag's own column said not to be read.
		name:     "a former-UASC column before the UASC flag",
		snapshot: snapshot,
		edit: set(map[string]any{"E4": "Former UASC", "E5": "N", "E6": "N", "E7": "N", "E8": "N", "E9": "N", "E10": "N",
			"E11": "N"}),
		checks: []check{proportionIs(RefChildrenInCare, uasc, 2, 0, march)},
		warn:   &wantWarning{"annex-a.xlsx", "E4", `column E "Former UASC" not read`},
	}, {
		// A, UASC, with the flag left blank: counted as not UASC, as
		// an unrecognised flag is, and said the same way.
		name:     "blank UASC flag",
		snapshot: snapshot,
		edit:     set(map[string]any{"F5": ""}),
		checks:   []check{proportionIs(RefChildrenInCare, uasc, 1, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "column F", "UASC flag (Y or N) blank (1 row): row 5; counted as N"},
	}, {
		// QA probe 4: a total with a start date was counted as a child.
		name:     "a totals row with a date",
		snapshot: snapshot,
		edit:     addRow([]any{"Total", "", "", "", 7, "", "01/04/2024"}, nil),
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "A12", `a totals row ("Total"), not a child's: row skipped`},
	}, {
		// QA probe 4: a list saved filtered (Excel saves the rows a
		// filter leaves out as hidden) was counted whole, unsaid, by an
		// officer seeing fewer children. Every row is still counted.
		name:     "rows a filter hides",
		snapshot: snapshot,
		edit: func(f *excelize.File) error {
			if err := f.AutoFilter("List 8", "A4:S11", []excelize.AutoFilterOptions{{Column: "F", Expression: "x == N"}}); err != nil {
				return err
			}
			for _, r := range []int{5, 9} {
				if err := f.SetRowVisible("List 8", r, false); err != nil {
					return err
				}
			}
			return nil
		},
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefChildrenInCare, uasc, 2, 0, march)},
		warn:   &wantWarning{"annex-a.xlsx", "A5", "2 of the list's 7 rows read are hidden from view (a filter, or rows hidden), the first on this row: every row is counted"},
	}, {
		// A title row hidden above the header hides no child.
		name:     "a title row hidden",
		snapshot: snapshot,
		edit:     func(f *excelize.File) error { return f.SetRowVisible("List 8", 2, false) },
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		noWarn:   "hidden from view",
	}, {
		// QA probe 4: counted unsaid.
		name:     "a child in care past 18",
		snapshot: snapshot,
		edit:     addRow(annexARowOf("H-9008", "01/01/2006", "01/10/2020", "", ""), nil),
		checks:   []check{proportionIs(RefChildrenInCare, all, 5, 0, march)},
		warn: &wantWarning{"annex-a.xlsx", "D12", "1 child aged 18 or over on the snapshot date (31 Mar 2025) and not ceased to be looked after, " +
			"the first on this row: no one is looked after past 18"},
	}, {
		// Counted, H would be an adoption: 2 of 3 leavers.
		name:     "ceased before started",
		snapshot: snapshot,
		edit:     addRow(annexARowOf("H-9008", "01/01/2015", "01/10/2024", "01/09/2024", "a) E11: reason"), nil),
		checks:   []check{proportionIs(RefAdopted, all, 1, 2, march)},
		warn:     &wantWarning{"annex-a.xlsx", "P12", "date ceased to be looked after is before the date started: row not counted"},
	}, {
		name:   "started after the extract date",
		edit:   addRow(annexARowOf("H-9008", "01/01/2015", "01/05/2025", "", ""), map[string]any{"A3": extract}),
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"annex-a.xlsx", "G12", "date started to be looked after is after 31 Mar 2025, the list's extract date (A3): the child is in no figure"},
	}, {
		name:   "ceased after the extract date",
		edit:   set(map[string]any{"A3": extract, "P5": "01/06/2025", "Q5": "a) E13: reason"}),
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:   &wantWarning{"annex-a.xlsx", "P5", "date ceased to be looked after is after 31 Mar 2025, the list's extract date (A3): read as still looked after"},
	}, {
		// Counted as at a date after the list's own, a start between
		// the two is read as it stands, and said.
		name:     "started after the extract date, before the snapshot date given",
		snapshot: d("2025-06-30"),
		edit:     addRow(annexARowOf("H-9008", "01/01/2015", "01/05/2025", "", ""), map[string]any{"A3": extract}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 5, 0, app.MonthOf(2025, time.June))},
		warn: &wantWarning{"annex-a.xlsx", "G12", "date started to be looked after is after 31 Mar 2025, the list's extract date (A3): " +
			"read as given, since the snapshot date (30 Jun 2025) is later"},
	}, {
		// So is a cessation between the two: A left care in May.
		name:     "ceased after the extract date, before the snapshot date given",
		snapshot: d("2025-06-30"),
		edit:     set(map[string]any{"A3": extract, "P5": "01/05/2025", "Q5": "a) E13: reason"}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 3, 0, app.MonthOf(2025, time.June))},
		warn: &wantWarning{"annex-a.xlsx", "P5", "date ceased to be looked after is after 31 Mar 2025, the list's extract date (A3): " +
			"read as given, since the snapshot date (30 Jun 2025) is later"},
	}, {
		// Not an error, but a row left out of the figures is said.
		name:     "started after the snapshot date given",
		snapshot: d("2024-12-31"),
		edit:     set(map[string]any{}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, app.MonthOf(2024, time.December))},
		warn:     &wantWarning{"annex-a.xlsx", "G9", "1 child started to be looked after after the snapshot date (31 Dec 2024)"},
	}, {
		// QA probe 4: its "last 12 months" columns were used as at
		// December, unsaid, though the list runs to February.
		name:     "dates after the snapshot date given, no extract date",
		snapshot: d("2024-12-31"),
		edit:     set(map[string]any{}),
		checks:   []check{proportionIs(RefChildrenInCare, uasc, 3, 0, app.MonthOf(2024, time.December))},
		warn: &wantWarning{"annex-a.xlsx", "G9", "the list holds dates up to 1 Feb 2025, after the snapshot date asked (31 Dec 2024), and gives no extract date: " +
			"its UASC flag and number of placements, of the last 12 months, may count to a later date than 31 Dec 2024; used as they stand"},
	}, {
		// D (row 8) left care in January: with no reason, not adopted,
		// and said.
		name:     "blank reason ceased of a leaver",
		snapshot: snapshot,
		edit:     set(map[string]any{"Q8": ""}),
		checks:   []check{proportionIs(RefAdopted, all, 1, 2, march)},
		warn:     &wantWarning{"annex-a.xlsx", "column Q", "reason ceased blank (1 row): row 8; counted as not adopted"},
	}, {
		name:     "reason ceased without a date ceased",
		snapshot: snapshot,
		edit:     set(map[string]any{"Q5": "a) E11: reason"}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "Q5", "a reason ceased but no date ceased to be looked after: read as still looked after"},
	}, {
		// A placeholder for a child still in care is not recognised,
		// said once for the column, and is not a reason.
		name:     "placeholder reason ceased without a date ceased",
		snapshot: snapshot,
		edit:     set(map[string]any{"Q5": "N/A"}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "column Q", "reason ceased not recognised (1 row): row 5"},
		noWarn:   "Q5",
	}, {
		// Without reasons every leaver would count as not adopted: 0%.
		name:     "no reason ceased column",
		snapshot: snapshot,
		edit:     set(map[string]any{"Q4": "Notes"}),
		checks:   []check{noFigure(RefAdopted), proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "row 4", "no Reason Ceased to be Looked After column: no % adopted (CIC12) drawn or added"},
	}, {
		// Without placements no 3+ figure, and no CIC05 row left empty.
		name:     "no number of placements column",
		snapshot: snapshot,
		edit:     set(map[string]any{"K4": "Notes"}),
		checks:   []check{noFigure(RefThreePlacements), proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "row 4", "no Number of Placements in the Last 12 months column: no 3+ placements figure (CIC05) drawn or added"},
	}, {
		// QA22 F10: a list extracted on 30 June counted as at 31 March.
		// Its placements "in the last 12 months" run July to June: E and
		// F's 3+ were not for the 12 months to March.
		name:     "extract date after the snapshot date: placements column",
		snapshot: snapshot,
		edit:     set(map[string]any{"A3": "Date of extract: 30/06/2025"}),
		checks:   []check{noFigure(RefThreePlacements), proportionIs(RefChildrenInCare, all, 4, 0, march)},
		warn: &wantWarning{"annex-a.xlsx", "K4", "the number of placements in the last 12 months counts to the list's extract date " +
			"(30 Jun 2025, A3), not to the snapshot date asked (31 Mar 2025): not used, and no 3+ placements figure (CIC05) drawn"},
		noWarn: "number of placements blank",
	}, {
		// Its UASC flag is for the 12 months to June: no figure is
		// split by it, and the rule printed no longer claims March.
		name:     "extract date after the snapshot date: UASC flag",
		snapshot: snapshot,
		edit:     set(map[string]any{"A3": "Date of extract: 30/06/2025", "K5": ""}),
		checks: []check{proportionIs(RefChildrenInCare, all, 4, 0, march), proportionIs(RefAdopted, all, 1, 2, march),
			refused(RefChildrenInCare, uasc, "12 months to its extract date (30 Jun 2025, A3), not to the snapshot date asked (31 Mar 2025)"),
			refused(RefAdopted, app.Excluding(app.UASC), "not to the snapshot date asked (31 Mar 2025)"),
			refused(RefReentries, app.Excluding(app.UASC), "not to the snapshot date asked (31 Mar 2025)"),
			ruleSays(RefChildrenInCare, all, "Not split by UASC"), breakdownIs(DimGender, "Male", 2)},
		warn: &wantWarning{"annex-a.xlsx", "F4", "the list's UASC flag says who was UASC in the 12 months to its extract date " +
			"(30 Jun 2025, A3), not to the snapshot date asked (31 Mar 2025): not used, and no figure drawn for UASC only or excluding UASC"},
		noWarn: "number of placements blank",
	}, {
		// A flag not used is not "counted as N" where it is blank.
		name:     "extract date after the snapshot date: a blank UASC flag",
		snapshot: snapshot,
		edit:     set(map[string]any{"A3": "Date of extract: 30/06/2025", "F6": ""}),
		checks:   []check{proportionIs(RefChildrenInCare, all, 4, 0, march)},
		noWarn:   "UASC flag (Y or N)",
	}, {
		// The same date as the list's: its columns are for that date.
		name:   "extract date the snapshot date",
		edit:   set(map[string]any{"A3": "Date of extract: 31/03/2025"}),
		checks: []check{proportionIs(RefThreePlacements, all, 2, 4, march), proportionIs(RefChildrenInCare, uasc, 2, 0, march)},
		noWarn: "extract date (31 Mar 2025, A3), not",
	}, {
		// QA22 F2: H left care in May and came back in November, a
		// re-entry the rows show; with no re-entry column CIC13 was
		// dropped unsaid while the breakdown still counted H.
		name:     "no re-entry flag column",
		snapshot: snapshot,
		edit: func(f *excelize.File) error {
			for cell, row := range map[string][]any{
				"A12": annexARowOf("H-9008", "01/01/2015", "01/01/2024", "01/05/2024", "a) E13: reason"),
				"A13": annexARowOf("H-9008", "01/01/2015", "01/11/2024", "", ""),
			} {
				if err := f.SetSheetRow("List 8", cell, &row); err != nil {
					return err
				}
			}
			return set(map[string]any{"I4": "Notes"})(f)
		},
		checks: []check{noFigure(RefReentries), noFigure(RefReentryRate), noFigure(RefReentryRateFor("N1")),
			noBreakdown(MeasureReentries), proportionIs(RefChildrenInCare, all, 5, 0, march)},
		warn: &wantWarning{"annex-a.xlsx", "row 4", "no subsequent period of care (re-entry) column: no re-entries (CIC13), " +
			"re-entry rates (CIC13a, CIC13-N1 to CIC13-N9) or re-entries breakdown drawn, and those indicators not added"},
	}, {
		// A child placed by Medway with the school place left blank is
		// left out of OLA02's denominator, and said.
		name:     "blank school place of a child placed by another authority",
		snapshot: snapshot,
		edit: func(f *excelize.File) error {
			row := annexARowOf("H-9008", "01/01/2015", "01/10/2024", "", "")
			row[17], row[18] = "Medway", ""
			return addRow(row, nil)(f)
		},
		checks: []check{proportionIs(RefOLAPlaced, all, 1, 0, march), proportionIs(RefOLANoSchool, all, 0, 0, march)},
		warn:   &wantWarning{"annex-a.xlsx", "column S", "school place flag (Y or N) blank (1 row): row 12"},
	}, {
		// A born after starting to be looked after would be under 1.
		name:     "born after starting",
		snapshot: snapshot,
		edit:     set(map[string]any{"D5": "01/01/2025"}),
		checks:   []check{breakdownIs(DimAgeBand, Unknown, 1), breakdownIs(DimAgeBand, "Under 1", 0)},
		warn:     &wantWarning{"annex-a.xlsx", "D5", "date of birth is after the date started to be looked after: age band not recorded"},
	}, {
		name:     "blank number of placements",
		snapshot: snapshot,
		edit:     set(map[string]any{"K5": ""}),
		checks:   []check{proportionIs(RefThreePlacements, all, 2, 3, march)},
		warn:     &wantWarning{"annex-a.xlsx", "column K", "number of placements blank (1 row): row 5"},
	}, {
		// E started in the year, a re-entry, with the flag left blank.
		name:     "blank re-entry flag of a child who started in the year",
		snapshot: snapshot,
		edit:     set(map[string]any{"I9": ""}),
		checks:   []check{proportionIs(RefReentries, all, 0, 0, march)},
		warn:     &wantWarning{"annex-a.xlsx", "column I", "subsequent period of care flag (Y or N) blank (1 row): row 9; counted as N"},
	}, {
		// B started long before the year: the flag is not asked of B.
		name:     "blank re-entry flag of a child who started before the year",
		snapshot: snapshot,
		edit:     set(map[string]any{"I6": ""}),
		checks:   []check{proportionIs(RefReentries, all, 1, 0, march)},
		noWarn:   "column I",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeAnnexA(t, t.TempDir(), worked())
			editAnnexA(t, path, c.edit)
			ds, warns, err := ReadAnnexA(path, c.snapshot, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkCase(t, ds, warns, c.checks, c.warn, c.noWarn)
		})
	}
}
