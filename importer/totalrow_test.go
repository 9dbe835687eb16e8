package importer

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A "Total" row with no Ref under an indicator is that indicator's all
// children only below its cohort rows; under indicators alone it sums
// them, and is skipped, said at its label, never filed as the last
// indicator's figures (QA20 D1: a CP plans row with no figures took the
// total's).
func TestTotalRowUnderIndicators(t *testing.T) {
	for _, tc := range []struct {
		name string
		rows [][]any // under the header Ref, Indicator, Apr-25, May-25
		want []string
		warn string // a warning to be given, "" for none
	}{
		{name: "under an indicator with no figures",
			rows: [][]any{{"CIC01", "Children in care", 1900, 1910}, {"CPP01", "Children with a CP plan"}, {"", "Total", 1900, 1910}},
			want: nil, warn: `Scorecard!B4: row skipped: "Total" is a total of the rows above, not CPP01 or a cohort of it`},
		{name: "under an indicator with a gap",
			rows: [][]any{{"CIC01", "Children in care", 1900, 1910}, {"CPP01", "Children with a CP plan", 600, ""}, {"", "Total", 2500, 2520}},
			want: []string{"Kent all: 600"}, warn: `Scorecard!B4: row skipped: "Total" is a total of the rows above`},
		{name: "below the indicator's cohort rows",
			rows: [][]any{{"CPP01", "Children with a CP plan"}, {"", "UASC", 10, 12}, {"", "Excluding UASC", 590, 600}, {"", "Total", 600, 612}},
			want: []string{"Kent all: 600 612", "Kent excl:uasc: 590 600", "Kent uasc: 10 12"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Ref", "Indicator", "Apr-25", "May-25")
			for i, r := range tc.rows {
				b.row("Scorecard", "A"+string(rune('2'+i)), r...)
			}
			res, err := Read(context.Background(), b.save("total.xlsx"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := seriesOf(res.Dataset, "CPP01"); !slices.Equal(got, tc.want) {
				t.Errorf("CPP01 %q, want %q", got, tc.want)
			}
			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.String())
			}
			said := slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, `"Total" is a total`) })
			if tc.warn != "" && !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, tc.warn) }) || tc.warn == "" && said {
				t.Errorf("warnings %q, want %q", warns, tc.warn)
			}
		})
	}
}

// A numbered note under the table's notes ("1 | Figures for the latest
// month are provisional") is a note, not an indicator ref "1" printed in
// the circulated scorecard (QA20 D4); an indicator given there with figures
// is read.
func TestNumberedNotesUnderTheTable(t *testing.T) {
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Apr-25", "May-25")
	b.row("Scorecard", "A2", "CIC01", "Children in care", 1900, 1910)
	b.row("Scorecard", "A4", "Notes:")
	b.row("Scorecard", "A5", "1", "Figures for the latest month are provisional and may be revised")
	b.row("Scorecard", "A6", "2", "Figures for May-25 are estimates")
	b.row("Scorecard", "A7", "CIC02", "Children in care per 10,000", 55.1, 55.4)
	res, err := Read(context.Background(), b.save("notes.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, ind := range res.Dataset.Indicators {
		refs = append(refs, ind.Ref)
	}
	if want := []string{"CIC01", "CIC02"}; !slices.Equal(refs, want) {
		t.Errorf("indicators %q, want %q", refs, want)
	}
}
