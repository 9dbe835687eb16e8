package importer

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"scorecard/app"
)

// kentDistricts are Kent's twelve districts, as its scorecards head them.
var kentDistricts = []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe",
	"Gravesham", "Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}

// figuresOf lists a dataset's figures for ref as "area split period:
// value", sorted.
func figuresOf(d *app.Dataset, ref string) []string {
	var out []string
	for _, o := range d.Observations {
		if o.Ref == ref && o.Value != nil {
			out = append(out, fmt.Sprintf("%s %s %s: %v", o.Area, cmpSplit(o.Split), o.Period.Label(), *o.Value))
		}
	}
	slices.Sort(out)
	return out
}

// A sheet of months heading each month's columns by the area and the
// children they count ("Mar-25 Kent | Mar-25 Kent excl UASC | Apr-25
// Kent | ..."), or the area first ("Kent excl UASC Mar-25"), gives the
// month's figures for the area and its cohort, as a district sheet's
// "Kent excl UASC" column does, said at each heading. Every such
// heading had been said unknown, and its figures lost. A heading with
// words besides a cohort's ("YTD"), a cohort the app does not hold
// ("excl 16+"), or another council's area is refused at its heading,
// saying how to head it; so is one on a sheet whose rows each name their
// area, which the column would contradict.
func TestMonthColumnsNamingAreaAndCohort(t *testing.T) {
	kentAndDistricts := []any{"Ref", "Indicator", "Mar-25 Kent", "Mar-25 Kent excl UASC"}
	figures := []any{"CLA1", "Number of children looked after", 1896, 1486}
	for i, d := range kentDistricts {
		kentAndDistricts = append(kentAndDistricts, "Mar-25 "+d)
		figures = append(figures, 100+i)
	}
	for _, tc := range []struct {
		name  string
		heads []any
		rows  [][]any
		want  []string // CLA1's figures, as figuresOf writes them
		warn  []string
		never []string
		rag   bool   // the row's RAG is read
		hide  string // a column hidden, read all the same
	}{
		{name: "the month first, two months", heads: []any{"Ref", "Indicator", "Mar-25 Kent", "Mar-25 Kent excl UASC", "Apr-25 Kent", "Apr-25 Kent excl UASC", "RAG"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 1486, 1910, 1492, "Amber"},
				{"CLA2", "Rate of CLA per 10,000", 60.1, 47.2, 60.5, 47.4, "Red"}},
			want: []string{"Kent all Apr-25: 1910", "Kent all Mar-25: 1896", "Kent excl:uasc Apr-25: 1492", "Kent excl:uasc Mar-25: 1486"},
			warn: []string{`s.xlsx: Scorecard!C3: column C "Mar-25 Kent": read as Kent's figures for Mar-25, counting all children`,
				`Scorecard!D3: column D "Mar-25 Kent excl UASC": read as Kent's figures for Mar-25, counting all children excluding UASC`,
				`Scorecard!F3: column F "Apr-25 Kent excl UASC": read as Kent's figures for Apr-25, counting all children excluding UASC`},
			never: []string{"not read", "not one the importer knows"}, rag: true},
		{name: "a hidden cohort's column beside its area's is read", heads: []any{"Ref", "Indicator", "Mar-25 Kent", "Mar-25 Kent excl UASC", "Apr-25 Kent", "Apr-25 Kent excl UASC"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 1486, 1910, 1492}}, hide: "D",
			want:  []string{"Kent all Apr-25: 1910", "Kent all Mar-25: 1896", "Kent excl:uasc Apr-25: 1492", "Kent excl:uasc Mar-25: 1486"},
			warn:  []string{`Scorecard!D3: column D "Mar-25 Kent excl UASC": read as Kent's figures for Mar-25, counting all children excluding UASC`},
			never: []string{"not read"}},
		{name: "the area first, the month last", heads: []any{"Ref", "Indicator", "Kent Mar-25", "Kent excl UASC Mar-25", "Kent Apr-25", "Kent excl UASC (Apr-25)"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 1486, 1910, 1492}},
			want: []string{"Kent all Apr-25: 1910", "Kent all Mar-25: 1896", "Kent excl:uasc Apr-25: 1492", "Kent excl:uasc Mar-25: 1486"},
			warn: []string{`Scorecard!D3: column D "Kent excl UASC Mar-25": read as Kent's figures for Mar-25, counting all children excluding UASC`,
				`Scorecard!F3: column F "Kent excl UASC (Apr-25)": read as Kent's figures for Apr-25, counting all children excluding UASC`},
			never: []string{"not read"}},
		{name: "Kent, Kent excluding UASC and its twelve districts for one month", heads: kentAndDistricts,
			rows: [][]any{figures},
			want: []string{"Ashford all Mar-25: 100", "Canterbury all Mar-25: 101", "Dartford all Mar-25: 102", "Dover all Mar-25: 103",
				"Folkestone and Hythe all Mar-25: 104", "Gravesham all Mar-25: 105", "Kent all Mar-25: 1896", "Kent excl:uasc Mar-25: 1486",
				"Maidstone all Mar-25: 106", "Sevenoaks all Mar-25: 107", "Swale all Mar-25: 108", "Thanet all Mar-25: 109",
				"Tonbridge and Malling all Mar-25: 110", "Tunbridge Wells all Mar-25: 111"},
			warn:  []string{`Scorecard!O3: column O "Mar-25 Tonbridge and Malling": read as Tonbridge and Malling's figures for Mar-25, counting all children`},
			never: []string{"not read"}},
		{name: "including UASC is all children; a district's UASC alone", heads: []any{"Ref", "Indicator", "Mar-25 Kent incl UASC", "Mar-25 Ashford UASC only"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 14}},
			want: []string{"Ashford uasc Mar-25: 14", "Kent all Mar-25: 1896"},
			warn: []string{`Scorecard!C3: column C "Mar-25 Kent incl UASC": read as Kent's figures for Mar-25, counting all children`,
				`Scorecard!D3: column D "Mar-25 Ashford UASC only": read as Ashford's figures for Mar-25, counting UASC alone`}},
		{name: "a cohort's name alone after the area; UASC alone is refused, the Service's or Kent's", heads: []any{"Ref", "Indicator", "Mar-25", "Mar-25 Kent UASC", "Mar-25 UASC", "Mar-25 UASC Service"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 410, 410, 395}},
			want: []string{"Kent all Mar-25: 1896", "Kent uasc Mar-25: 410", "UASC Service all Mar-25: 395"},
			warn: []string{`Scorecard!D3: column D "Mar-25 Kent UASC": read as Kent's figures for Mar-25, counting UASC alone`,
				`Scorecard!E3: column E "Mar-25 UASC" not read: "UASC" may name the UASC Service's figure or Kent's, counting UASC alone: head it "Mar-25 UASC Service" for the one, or "Mar-25 Kent UASC" for the other`,
				`Scorecard!F3: column F "Mar-25 UASC Service": read as UASC Service's figures for Mar-25, counting all children`}},
		{name: "other words besides the cohort's are refused", heads: []any{"Ref", "Indicator", "Mar-25", "Apr-25", "Apr-25 Kent excl UASC YTD"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 1910, 9000}},
			want: []string{"Kent all Apr-25: 1910", "Kent all Mar-25: 1896"},
			warn: []string{`Scorecard!E3: column E "Apr-25 Kent excl UASC YTD" not read: it names Kent, then which children it counts ("excl UASC YTD"), with other words besides, which may make it another figure than theirs; head a column of Kent's figures for Apr-25 by the month, the area and, if any, one cohort the app holds, alone, such as "Apr-25 Kent" or "Apr-25 Kent excl UASC"`}},
		{name: "a cohort the app does not hold is refused", heads: []any{"Ref", "Indicator", "Mar-25", "Mar-25 Kent excl 16+"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 1400}},
			want: []string{"Kent all Mar-25: 1896"},
			warn: []string{`Scorecard!D3: column D "Mar-25 Kent excl 16+" not read: it names Kent, then which children it counts ("excl 16+"), which is no cohort the app holds`}},
		{name: "another council's area is refused", heads: []any{"Ref", "Indicator", "Mar-25", "Mar-25 Medway", "Mar-25 Medway excl UASC"},
			rows: [][]any{{"CLA1", "Number of children looked after", 1896, 420, 390}},
			want: []string{"Kent all Mar-25: 1896"},
			warn: []string{`Scorecard!D3: column D "Mar-25 Medway" not read: "Medway" is not Kent or one of its districts, alone or with one cohort the app holds`,
				`Scorecard!E3: column E "Mar-25 Medway excl UASC" not read: "Medway excl UASC" is not Kent`},
			never: []string{"Medway's figures", "an area of its own"}},
		{name: "rows naming their areas: a column naming one is refused", heads: []any{"Ref", "Indicator", "Area", "Mar-25", "Mar-25 Kent excl UASC"},
			rows: [][]any{{"CLA1", "Number of children looked after", "Kent", 1896, 1486},
				{"", "", "Ashford", 115, 100}},
			want: []string{"Ashford all Mar-25: 115", "Kent all Mar-25: 1896"},
			warn: []string{`Scorecard!E3: column E "Mar-25 Kent excl UASC" not read: it names Kent's figures, though column C names each row's area`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := newBook(t)
			b.sheet("Scorecard")
			b.row("Scorecard", "A1", "Kent CYPE performance scorecard")
			b.row("Scorecard", "A3", tc.heads...)
			for i, r := range tc.rows {
				b.row("Scorecard", cellName(3+i, 0), r...)
			}
			if tc.hide != "" {
				if err := b.f.SetColVisible("Scorecard", tc.hide, false); err != nil {
					t.Fatal(err)
				}
			}
			path := b.save("s.xlsx")
			res, err := Read(context.Background(), path, Options{Authority: authorityNamed(t, "Kent")})
			if err != nil {
				t.Fatal(err)
			}
			if got := figuresOf(res.Dataset, "CLA1"); !slices.Equal(got, tc.want) {
				t.Errorf("CLA1 %q, want %q", got, tc.want)
			}
			// The layout saved as a profile reads the same figures: its
			// settled area and cohort are read again from the headings.
			again, err := Read(context.Background(), path, Options{Authority: authorityNamed(t, "Kent"),
				Layouts: map[string]Layout{"Scorecard": profileOf(t, res.Layouts[0])}})
			if err != nil {
				t.Fatal(err)
			}
			if got := figuresOf(again.Dataset, "CLA1"); !slices.Equal(got, tc.want) {
				t.Errorf("by the saved layout, CLA1 %q, want %q", got, tc.want)
			}
			warnsAndNever(t, res.Warnings, tc.warn, tc.never)
			// The row's RAG is its own latest figure's, Kent's for all
			// children, not the cohort's column beside it.
			rag := false
			for _, o := range res.Dataset.Observations {
				if o.SourceRAG == app.NoRAG {
					continue
				}
				rag = true
				if o.Area != "Kent" || o.Split != app.All || o.Period.Label() != "Apr-25" {
					t.Errorf("%s: RAG %s given to %s %s %s", o.Ref, o.SourceRAG, o.Area, o.Split, o.Period.Label())
				}
			}
			if rag != tc.rag {
				t.Errorf("RAG read %v, want %v", rag, tc.rag)
			}
		})
	}
}
