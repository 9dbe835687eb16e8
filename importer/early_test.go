package importer

import (
	"context"
	"strings"
	"testing"
	"time"

	"scorecard/app"
)

// TestMonthsBefore1990 reads scorecards and a tidy table with months
// before 1990: they are not read, and a warning names their columns (or
// the table's first row and how many), never silently.
func TestMonthsBefore1990(t *testing.T) {
	for _, tc := range []struct {
		name    string
		file    func(t *testing.T) string
		periods string // the periods read, in order
		warn    string
	}{
		{"text headings", func(t *testing.T) string {
			b := newBook(t)
			b.sheet("S")
			b.row("S", "A1", "Ref", "Indicator", "Mar 1985", "March 1989", "Jan 1990", "Feb-25")
			b.row("S", "A2", "CIC01", "Children in care", 1, 2, 3, 4)
			return b.save("text.xlsx")
		}, "1990-01 2025-02", `S!C1: columns C (Mar-85), D (Mar-89) not read: months before 1990 are not read`},
		{"date headings", func(t *testing.T) string {
			b := newBook(t)
			b.sheet("S")
			b.row("S", "A1", "Ref", "Indicator", time.Date(1985, 4, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
			b.row("S", "A2", "CIC01", "Children in care", 1, 2)
			return b.save("dates.xlsx")
		}, "2025-03", `S!C1: column C (Apr-85) not read: months before 1990 are not read`},
		{"tidy rows", func(t *testing.T) string {
			return writeCSV(t, "Ref,Period,Value\nCIC01,1985-03,5\nCIC01,2025-03,7\nCIC01,1989-12,6\n")
		}, "2025-03", `line 2: 2 rows skipped: dated before 1990`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(context.Background(), tc.file(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period.String())
			}
			if strings.Join(got, " ") != tc.periods {
				t.Errorf("periods read %q, want %q", got, tc.periods)
			}
			var lines []string
			for _, w := range res.Warnings {
				lines = append(lines, w.String())
			}
			if all := strings.Join(lines, "\n"); !strings.Contains(all, tc.warn) {
				t.Errorf("no warning %q in\n%s", tc.warn, all)
			}
		})
	}
	if !early(app.MonthOf(1989, 12)) || early(app.MonthOf(1990, 1)) {
		t.Error("early: December 1989 is early, January 1990 is not")
	}
}
