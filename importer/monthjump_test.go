package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestMonthHeadingsRunningBack: a row of month headings running forward
// that goes back to months before one it has passed (QA27b 1: Jan-24 |
// Feb-24 | Mar-24 after Dec-24, copied from last year's sheet, or typed
// with last year's year) is refused at each such heading, the first
// naming both months, rather than read as written: its figures were
// filed a year back, over last year's or as their revisions, with no
// word. A row newest first is read as ever, and refused alike where it
// turns forward; months a row heads twice are left to what reads blocks.
func TestMonthHeadingsRunningBack(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		heads []any
		want  string   // the periods read, left to right
		warn  []string // said, each "cell: text"
		never []string
	}{
		{"copied from last year's sheet", []any{"Oct-24", "Nov-24", "Dec-24", "Jan-24", "Feb-24", "Mar-24"},
			"2024-10 2024-11 2024-12",
			[]string{
				`Scorecard!H3: column H "Jan-24" not read: its heading, Jan-24, goes back to a month the row has passed, after Dec-24 in column G in a row of months running forward: its figures may be another year's`,
				`head each column with the month its figures are for, each later than the one before`,
				`Scorecard!I3: column I "Feb-24" not read: its heading, Feb-24, is in the run of months from Jan-24 in column H going back from Dec-24 in column G`,
				`Scorecard!J3: column J "Mar-24" not read`,
			}, nil},
		{"date cells on the 1st, a year back", []any{d(2024, 10, 1), d(2024, 11, 1), d(2024, 12, 1), d(2024, 1, 1), d(2024, 2, 1)},
			"2024-10 2024-11 2024-12",
			[]string{
				`Scorecard!H3: column H not read: its heading, Jan-24 (a date cell, 1-Jan-2024), goes back to a month the row has passed, after Dec-24 in column G`,
				`Scorecard!I3: column I not read: its heading, Feb-24 (a date cell, 1-Feb-2024), is in the run of months from Jan-24`,
			}, nil},
		{"newest first", []any{"Mar-25", "Feb-25", "Jan-25", "Dec-24", "Nov-24"},
			"2025-03 2025-02 2025-01 2024-12 2024-11", nil, []string{"not read"}},
		{"newest first, turning forward", []any{"Mar-25", "Feb-25", "Jan-25", "Dec-25", "Nov-25"},
			"2025-03 2025-02 2025-01",
			[]string{`Scorecard!H3: column H "Dec-25" not read: its heading, Dec-25, goes back to a month the row has passed, before Jan-25 in column G in a row of months running newest first`},
			nil},
		{"in turn across the year", []any{"Nov-24", "Dec-24", "Jan-25", "Feb-25", "Mar-25"},
			"2024-11 2024-12 2025-01 2025-02 2025-03", nil, []string{"not read"}},
		{"last year's outturn month before the run", []any{"Mar-24", "Nov-24", "Dec-24", "Jan-25"},
			"2024-03 2024-11 2024-12 2025-01", nil, []string{"not read"}},
		{"a block of months given twice", []any{"Jan-25", "Feb-25", "Mar-25", "Jan-25", "Feb-25", "Mar-25"},
			"2025-01 2025-02 2025-03", nil, []string{"goes back", "not read"}},
		// This year's months beside last year's same months, each year
		// right, is no copied heading: the month a year on is headed.
		{"this year's months, then last year's", []any{"Oct-24", "Nov-24", "Dec-24", "Oct-23", "Nov-23", "Dec-23"},
			"2024-10 2024-11 2024-12 2023-10 2023-11 2023-12", nil, []string{"goes back", "not read"}},
		{"last year's months beside, one copied a year out", []any{"Oct-24", "Nov-24", "Dec-24", "Oct-23", "Nov-23", "Jan-24"},
			"2024-10 2024-11 2024-12 2023-10 2023-11",
			[]string{`Scorecard!J3: column J "Jan-24" not read: its heading, Jan-24`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Children in Care Scorecard - March 2025")
			b.row("Scorecard", "A3", append([]any{"Ref", "Indicator", "Polarity", "Unit"}, tt.heads...)...)
			row := []any{"CIC01", "Number of children in care", "L", "count"}
			for range tt.heads {
				row = append(row, 1550)
			}
			b.row("Scorecard", "A4", row...)
			if _, ok := tt.heads[0].(time.Time); ok {
				b.style("Scorecard", "E3", "J3", &excelize.Style{NumFmt: 17}) // mmm-yy
			}
			res, err := Read(context.Background(), b.save("sc.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("periods %v, want %s", got, tt.want)
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}

// TestMonthHeadingsRunningBackInACSV: a scorecard saved as CSV, its
// headings copied from last year's (QA27b in5/typo.csv), is refused at
// the line as a workbook's is at its cells.
func TestMonthHeadingsRunningBackInACSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "typo.csv")
	csv := "Ref,Indicator,Polarity,Unit,Oct-24,Nov-24,Dec-24,Jan-24,Feb-24,Mar-24\nCLA,Number of children looked after,L,count,1530,1541,1549,1550,1562,1570\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := seriesOf(res.Dataset, "CLA"); strings.Join(got, "|") != "Kent all: 1530 1541 1549" {
		t.Errorf("CLA %q, want Oct-Dec 24 only", got)
	}
	warnsAndNever(t, res.Warnings, []string{
		`typo.csv: line 1: column H "Jan-24" not read: its heading, Jan-24, goes back to a month the row has passed, after Dec-24 in column G`,
		`typo.csv: line 1: column J "Mar-24" not read`,
	}, nil)
}

// TestMonthDatesOnOtherDays: a month heading typed "Apr 24" is stored by
// Excel as 24 April of the year it was typed (QA27b in4/q_typed.xlsx:
// Apr 24 to Mar 25 typed in 2024 became 24-Apr-2024 ... 25-Mar-2024,
// shown "24-Apr"), so the year it names is lost: a date cell on neither
// the first nor the last day of its month whose day is the last two
// figures of its year (or the year either side) is refused at its
// heading. Other such days (a row all on the 15th; a 2nd among 1sts) are
// read as the month they fall in, said once at the first; month starts
// and ends are read as ever, unsaid.
func TestMonthDatesOnOtherDays(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		heads []time.Time
		want  string // the periods read, left to right
		warn  []string
		never []string
	}{
		{name: "typed Nov 24 ... Mar 25 in 2024", heads: []time.Time{d(2024, 11, 24), d(2024, 12, 24), d(2024, 1, 25), d(2024, 2, 25), d(2024, 3, 25)},
			warn: []string{`Scorecard!E3: column E not read: its heading is a date cell, 24-Nov-2024, on neither the first nor the last day of its month, and the row's such days (the 24th, 25th) are the last two figures of a year: a heading typed "Nov 24" is stored as the 24th of November of the year it was typed, so which year it names is lost; head the column as text, such as "Nov-24", or with a date on the month's first day`,
				`Scorecard!G3: column G not read: its heading is a date cell, 25-Jan-2024, on neither the first nor the last day of its month, and the row's such days (the 24th, 25th) are the last two figures of a year: a heading typed "Jan 25" is stored as the 25th of January`,
				`Scorecard!I3: column I not read: its heading is a date cell, 25-Mar-2024`},
			never: []string{"goes back"}},
		{name: "typed in 2025, one month already on its 1st", heads: []time.Time{d(2025, 1, 1), d(2025, 2, 25), d(2025, 3, 25)},
			want: "2025-01",
			warn: []string{`Scorecard!F3: column F not read: its heading is a date cell, 25-Feb-2025, on neither the first nor the last day of its month, and the row's such days (the 25th) are the last two figures of a year: a heading typed "Feb 25"`,
				`Scorecard!G3: column G not read: its heading is a date cell, 25-Mar-2025`},
			never: []string{"E3"}},
		{name: "all on the 15th", heads: []time.Time{d(2024, 10, 15), d(2024, 11, 15), d(2024, 12, 15)},
			want:  "2024-10 2024-11 2024-12",
			warn:  []string{`Scorecard!E3: month headings that are date cells on neither the first nor the last day of their months (E 15-Oct-2024, F 15-Nov-2024, G 15-Dec-2024): each read as the month it falls in; if a heading was typed as a month and a year, head it as text`},
			never: []string{"not read"}},
		{name: "a 2nd among 1sts", heads: []time.Time{d(2024, 4, 1), d(2024, 5, 2), d(2024, 6, 1)},
			want: "2024-04 2024-05 2024-06",
			warn: []string{`Scorecard!F3: month headings that are date cells on neither the first nor the last day of their months (F 2-May-2024): each read as the month it falls in`}},
		{name: "the 1st", heads: []time.Time{d(2024, 4, 1), d(2024, 5, 1), d(2024, 6, 1)},
			want: "2024-04 2024-05 2024-06", never: []string{"date cells on neither", "not read"}},
		{name: "month ends", heads: []time.Time{d(2024, 1, 31), d(2024, 2, 29), d(2024, 3, 31)},
			want: "2024-01 2024-02 2024-03", never: []string{"date cells on neither", "not read"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Children in Care Scorecard")
			head := []any{"Ref", "Indicator", "Polarity", "Unit"}
			row := []any{"CIC01", "Number of children in care", "L", "count"}
			for i, h := range tt.heads {
				head = append(head, h)
				row = append(row, 1500+10*i)
			}
			b.row("Scorecard", "A3", head...)
			b.row("Scorecard", "A4", row...)
			b.style("Scorecard", "E3", "I3", &excelize.Style{CustomNumFmt: ptr("d-mmm")})
			res, err := Read(context.Background(), b.save("sc.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Dataset.Observations {
				got = append(got, o.Period.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("periods %v, want %s", got, tt.want)
			}
			warnsAndNever(t, res.Warnings, tt.warn, tt.never)
		})
	}
}
