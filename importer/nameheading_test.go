package importer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"scorecard/app"
)

// TestNameHeadingInBrackets: a name column headed with words in brackets
// ("Indicator (count, all children)", QA27b in15/semi_commahdr.csv) is
// the name column, in a workbook and a CSV alike: its unit is taken for
// the rows whose name states none, said once at the heading, a name
// stating another keeping its own, said at its row; it had been "not
// read", every name lost and "Re-referrals (%)" read as a count. A
// cohort other than all children, or words that are neither unit nor
// cohort, are refused at the heading, saying how to head it.
func TestNameHeadingInBrackets(t *testing.T) {
	for _, tc := range []struct {
		name, head string
		units      []string // "REF name unit", of each indicator read
		warn       []string
		never      []string
	}{
		{name: "QA27b: count and all children", head: "Indicator (count, all children)",
			units: []string{"CLA Children looked after count", "RR Re-referrals, 12 months (%) %"},
			warn: []string{`B1: column B "Indicator (count, all children)": unit "count" taken from its heading for each indicator whose Unit column or name states none; a name stating another unit keeps it, said at its row`,
				`B3: RR: its name "Re-referrals, 12 months (%)" says unit "%" where the heading "Indicator (count, all children)" says "count": read as "%", as its name says`},
			never: []string{"not read"}},
		{name: "a percentage for the rows naming none", head: "Measure (%)",
			units: []string{"CLA Children looked after %", "RR Re-referrals, 12 months (%) %"},
			warn:  []string{`B1: column B "Measure (%)": unit "%" taken from its heading`},
			never: []string{"not read", "B3:"}},
		{name: "all children alone names no unit", head: "Indicator (all children)",
			units: []string{"CLA Children looked after count", "RR Re-referrals, 12 months (%) %"},
			never: []string{"not read", "taken from its heading", "B3:"}},
		{name: "a cohort is refused", head: "Indicator (excl UASC)",
			units: []string{"CLA CLA count", "RR RR count"},
			warn:  []string{`B1: column B "Indicator (excl UASC)" not read: it says its figures count all children excluding UASC ("excl UASC"): a sheet of a cohort's figures says so in its title or its name ("Excl UASC"), not in the name column's heading; head it "Indicator"`}},
		{name: "other words are refused", head: "Indicator (see notes)",
			units: []string{"CLA CLA count", "RR RR count"},
			warn:  []string{`B1: column B "Indicator (see notes)" not read: "see notes" in its brackets is neither a unit (%, count, per 10k, days, weeks, score, ratio) nor "all children": head it "Indicator", with any unit in a Unit column`}},
	} {
		rows := [][]any{
			{"Ref", tc.head, "Polarity", "Apr-24", "May-24"},
			{"CLA", "Children looked after", "-", 1480, 1492},
			{"RR", "Re-referrals, 12 months (%)", "L", 21, 22},
		}
		var csv strings.Builder
		for _, row := range rows {
			for i, v := range row {
				if i > 0 {
					csv.WriteString(";")
				}
				fmt.Fprint(&csv, v)
			}
			csv.WriteString("\n")
		}
		for _, f := range []struct{ kind, path, cell string }{
			{"workbook", writeBook(t, "Scorecard", rows), "Scorecard!"},
			{"csv", writeCSV(t, csv.String()), ""},
		} {
			t.Run(tc.name+" "+f.kind, func(t *testing.T) {
				res, err := Read(context.Background(), f.path, Options{})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, ind := range res.Dataset.Indicators {
					got = append(got, fmt.Sprintf("%s %s %s", ind.Ref, ind.Name, ind.Unit))
				}
				if !slices.Equal(got, tc.units) {
					t.Errorf("indicators %q, want %q", got, tc.units)
				}
				if n := len(res.Dataset.Observations); n != 4 {
					t.Errorf("%d figures, want 4", n)
				}
				for _, o := range res.Dataset.Observations {
					if o.Split != app.All {
						t.Errorf("%s %s read as %s, want all children", o.Ref, o.Period.Label(), o.Split)
					}
				}
				warn := slices.Clone(tc.warn)
				never := slices.Clone(tc.never)
				if f.kind == "csv" {
					// A CSV's warnings name its line, not a cell.
					for i, w := range warn {
						warn[i] = csvCell(w)
					}
					for i, w := range never {
						never[i] = csvCell(w)
					}
				} else {
					for i, w := range warn {
						warn[i] = f.cell + w
					}
				}
				warnsAndNever(t, res.Warnings, warn, never)
			})
		}
	}
}

// csvCell writes a workbook warning's leading cell ("B3: ...") as a
// CSV's warning names it ("line 3: ...").
func csvCell(w string) string {
	cell, rest, ok := strings.Cut(w, ": ")
	if !ok || len(cell) < 2 || cell[0] < 'A' || cell[0] > 'Z' || strings.Trim(cell[1:], "0123456789") != "" {
		return w
	}
	return "line " + cell[1:] + ": " + rest
}

// TestTidyNameHeadingInBrackets: a tidy table's name column headed with
// a unit in brackets gives it as a scorecard's does, said at the
// heading, a name stating another unit keeping its own.
func TestTidyNameHeadingInBrackets(t *testing.T) {
	body := "Ref,Indicator (%),Period,Value\n" +
		"RR,Re-referrals within 12 months,2025-03,21.5\n" +
		"CLA,Number of children looked after,2025-03,1480\n"
	res, err := Read(context.Background(), writeCSV(t, body), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range res.Dataset.Indicators {
		got = append(got, fmt.Sprintf("%s %s %s", ind.Ref, ind.Name, ind.Unit))
	}
	slices.Sort(got)
	want := []string{"CLA Number of children looked after count", "RR Re-referrals within 12 months %"}
	if !slices.Equal(got, want) {
		t.Errorf("indicators %q, want %q", got, want)
	}
	warnsAndNever(t, res.Warnings, []string{
		`line 1: column B "Indicator (%)": unit "%" taken from its heading`,
		`line 3: CLA: its name "Number of children looked after" says unit "count" where the heading "Indicator (%)" says "%": read as "count", as its name says`,
	}, []string{"not read"})
}
