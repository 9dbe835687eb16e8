package importer

import (
	"fmt"
	"slices"
	"testing"
)

// TestCohortRowOwnDefinition reads a cohort's row under its indicator
// (a twin row with a Ref of its own, or a row labelled by its cohort)
// that states its own Data period, Unit or Polarity (QA22 F13): where
// that contradicts the indicator's row, its figures are not read as the
// indicator's cohort, or excluding UASC would take one month's UASC
// starters from a rolling year's (3000 - 150 = 2850); said at the cell.
// Where they agree, or the row states none, it is read as before.
func TestCohortRowOwnDefinition(t *testing.T) {
	head := []any{"Ref", "Indicator", "Polarity", "Data Period", "Unit", "Jul-25", "Aug-25", "Sep-25"}
	starters := []any{"CIC10", "Number of children starting to be looked after", "-", "R12M", "Number", 3000, 3010, 3020}
	inCare := []any{"CIC01", "Number of children in care", "L", "MS", "Number", 1896, 1900, 1916}
	tests := []struct {
		name  string
		head  []any   // the header, if not head
		rows  [][]any // under the header, from row 4
		ref   string
		want  []string // seriesOf(ref)
		warn  []string
		never []string
	}{
		{
			name: "a twin row saying M under a rolling year is not read",
			rows: [][]any{starters, {"CIC10u", "Number of children starting to be looked after - UASC only", "-", "M", "Number", 150, 160, 170}},
			ref:  "CIC10",
			want: []string{"Kent all: 3000 3010 3020"},
			warn: []string{`CYPE Scorecard!D5: CIC10u: row not read as CIC10's UASC only figures: its data period M is not CIC10's R12M (D4); figures of another measure taken from CIC10's would leave a figure of neither; give this row CIC10's data period if it is the same measure, or a name naming no cohort to read it as an indicator of its own`},
		},
		{
			name:  "a twin row saying the same data period in other words is read",
			rows:  [][]any{starters, {"CIC10u", "Number of children starting to be looked after - UASC only", "-", "Rolling 12 months", "Count", 150, 160, 170}},
			ref:   "CIC10",
			want:  []string{"Kent all: 3000 3010 3020", "Kent uasc: 150 160 170"},
			never: []string{"CIC10u", "checked"},
		},
		{
			name:  "a twin row stating nothing of its own is read",
			rows:  [][]any{starters, {"CIC10u", "Number of children starting to be looked after - UASC only", "", "", "", 150, 160, 170}},
			ref:   "CIC10",
			want:  []string{"Kent all: 3000 3010 3020", "Kent uasc: 150 160 170"},
			never: []string{"CIC10u", "checked"},
		},
		{
			name: "a twin row in per cent under a count is not read",
			rows: [][]any{inCare, {"CIC01a", "Number of children in care (UASC only)", "L", "MS", "%", 22, 22.5, 21.9}},
			ref:  "CIC01",
			want: []string{"Kent all: 1896 1900 1916"},
			warn: []string{`E5: CIC01a: row not read as CIC01's UASC only figures: its unit % is not CIC01's count (E4); figures of another measure taken from CIC01's would leave a figure of neither; give this row CIC01's unit if it is the same measure`},
		},
		{
			name: "an excluding row with the other polarity and data period is not read, both said",
			rows: [][]any{inCare, {"CIC01b", "Number of children in care - excluding UASC", "H", "R12M", "", 1500, 1510, 1496}},
			ref:  "CIC01",
			want: []string{"Kent all: 1896 1900 1916"},
			warn: []string{`D5: CIC01b: row not read as CIC01's Excluding UASC figures: its data period R12M is not CIC01's MS (D4), and its polarity H is not CIC01's L (C4);`,
				`give this row CIC01's data period and polarity if it is the same measure`},
		},
		{
			name:  "a twin row's polarity '-' is a placeholder, not another measure",
			rows:  [][]any{inCare, {"CIC01a", "Number of children in care (UASC only)", "-", "MS", "count", 400, 410, 420}},
			ref:   "CIC01",
			want:  []string{"Kent all: 1896 1900 1916", "Kent uasc: 400 410 420"},
			never: []string{"CIC01a", "checked"},
		},
		{
			name: "a row labelled by its cohort alone saying M under a rolling year is not read",
			rows: [][]any{starters, {"", "UASC only", "", "M", "", 150, 160, 170}, {"", "Excluding UASC", "", "R12M", "", 2850, 2850, 2850}},
			ref:  "CIC10",
			want: []string{"Kent all: 3000 3010 3020", "Kent excl:uasc: 2850 2850 2850"},
			warn: []string{`D5: CIC10: row "UASC only" not read as CIC10's UASC only figures: its data period M is not CIC10's R12M (D4);`,
				`or a Ref and name of its own to read it as another indicator`},
			never: []string{`"Excluding UASC" not read`},
		},
		{
			name: "a twin row stating a data period its indicator's row does not is read, said unchecked",
			rows: [][]any{{"CIC10", "Number of children starting to be looked after", "-", "", "Number", 3000, 3010, 3020},
				{"CIC10u", "Number of children starting to be looked after - UASC only", "-", "M", "Number", 150, 160, 170}},
			ref:  "CIC10",
			want: []string{"Kent all: 3000 3010 3020", "Kent uasc: 150 160 170"},
			warn: []string{`D5: CIC10u: row read as CIC10's UASC only figures, taken to be the same measure, though its own data period M (D5) is not checked: CIC10's row gives none; state it on CIC10's row too to have them checked`},
		},
		{
			name: "a twin row on a sheet of rows per district saying M under a rolling year is not read",
			head: []any{"Ref", "Indicator", "Area", "Data Period", "Jul-25", "Aug-25", "Sep-25"},
			rows: [][]any{{"CIC10", "Number of children starting to be looked after", "Kent", "R12M", 3000, 3010, 3020},
				{"CIC10u", "Number of children starting to be looked after - UASC only", "Kent", "M", 150, 160, 170}},
			ref:  "CIC10",
			want: []string{"Kent all: 3000 3010 3020"},
			warn: []string{`D5: CIC10u: row not read as CIC10's UASC only figures: its data period M is not CIC10's R12M (D4);`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			s := "CYPE Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Children in Care Scorecard - September 2025")
			if tc.head == nil {
				tc.head = head
			}
			b.row(s, "A3", tc.head...)
			for i, r := range tc.rows {
				b.row(s, fmt.Sprintf("A%d", 4+i), r...)
			}
			res := mustRead(t, b.save("twins.xlsx"))
			if got := seriesOf(res.Dataset, tc.ref); !slices.Equal(got, tc.want) {
				t.Errorf("%s %q, want %q", tc.ref, got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// TestCohortRowOutturn reads a twin row's "Previous year outturn" (QA22
// F9): the store keeps an outturn for all children only, as a benchmark,
// so the twin's is not read, and said at its cell; its England figure is
// counted in the sheet's one warning of benchmarks on cohorts' rows. The
// indicator's own outturn is read as before.
func TestCohortRowOutturn(t *testing.T) {
	tests := []struct {
		name  string
		twin  []any
		bench []string // "group year value"
		warn  []string
		never []string
	}{
		{
			name:  "UASC only",
			twin:  []any{"CIC01u", "Number of children in care - UASC only", "-", "MS", 400, nil, 401, 402, 420},
			bench: []string{"England 2024/25 1700", "Previous year outturn 2024/25 1910"},
			warn:  []string{`CYPE Scorecard!E5: CIC01u: previous year's outturn 400 on the UASC only row (column E "2024/25 Outturn") not read: the app keeps a previous year's outturn for all children only, not a cohort's; an export excluding children works it out from the year's own figures where the store has them, else says it cannot; to have the year's figure read, give it in a column headed by the year alone (such as 2024/25) beside the months, on CIC01's row and this one`},
			never: []string{"targets and benchmarks"},
		},
		{
			name:  "excluding UASC, with an England figure",
			twin:  []any{"CIC01e", "Number of children in care - excluding UASC", "-", "MS", 1510, 1400, 1510, 1510, 1496},
			bench: []string{"England 2024/25 1700", "Previous year outturn 2024/25 1910"},
			warn: []string{`E5: CIC01e: previous year's outturn 1510 on the Excluding UASC row (column E "2024/25 Outturn") not read`,
				`F5: a target or benchmark on rows of a district or cohort not read`},
		},
		{
			name:  "no outturn on the twin row",
			twin:  []any{"CIC01u", "Number of children in care - UASC only", "-", "MS", nil, nil, 401, 402, 420},
			bench: []string{"England 2024/25 1700", "Previous year outturn 2024/25 1910"},
			never: []string{"outturn", "benchmark"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			s := "CYPE Scorecard"
			b.sheet(s)
			b.row(s, "A1", "Children in Care Scorecard - September 2025")
			b.row(s, "A3", "Ref", "Indicator", "Polarity", "Data Period", "2024/25 Outturn", "England 2024/25", "Jul-25", "Aug-25", "Sep-25")
			b.row(s, "A4", "CIC01", "Number of children in care", "-", "MS", 1910, 1700, 1911, 1912, 1916)
			b.row(s, "A5", tc.twin...)
			res := mustRead(t, b.save("outturn.xlsx"))
			var got []string
			for _, bm := range res.Dataset.Benchmarks {
				got = append(got, fmt.Sprintf("%s %s %v", bm.Group, bm.Period.Label(), *bm.Value))
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.bench) {
				t.Errorf("benchmarks %q, want %q", got, tc.bench)
			}
			if got := seriesOf(res.Dataset, "CIC01"); len(got) != 2 {
				t.Errorf("CIC01 %q, want all children's and the twin's", got)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
		})
	}
}

// TestCohortRowComment reads the comments on an indicator's row and on
// its cohorts' rows: each is about its own row's figures, so a cohort's
// is kept as the cohort's (an export excluding UASC shows it as its own)
// rather than dropped without a word, as it was.
func TestCohortRowComment(t *testing.T) {
	b := newBook(t)
	s := "CYPE Scorecard"
	b.sheet(s)
	b.row(s, "A1", "Children in Care Scorecard - September 2025")
	b.row(s, "A3", "Ref", "Indicator", "Polarity", "Jul-25", "Aug-25", "Sep-25", "Comments")
	b.row(s, "A4", "CIC01", "Number of children in care", "L", 1896, 1900, 1916, "Up by 16 on August")
	b.row(s, "A5", "CIC01b", "Number of children in care - excluding UASC", "L", 1500, 1510, 1496, "Down by 14 excluding UASC")
	b.row(s, "A6", "CIC01u", "Number of children in care - UASC only", "L", 396, 390, 420, "")
	res := mustRead(t, b.save("comments.xlsx"))
	var got []string
	for _, c := range res.Dataset.Comments {
		got = append(got, fmt.Sprintf("%s %s %s %s: %s", c.Ref, c.Area, c.Split, c.Period, c.Text))
	}
	want := []string{"CIC01 Kent  2025-09: Up by 16 on August", "CIC01 Kent excl:uasc 2025-09: Down by 14 excluding UASC"}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("comments %q, want %q", got, want)
	}
}
