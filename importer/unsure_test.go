package importer

import (
	"context"
	"strings"
	"testing"
)

// TestUnsure checks detection says why it may have read a sheet wrongly,
// and says nothing for layouts it knows.
func TestUnsure(t *testing.T) {
	for _, tt := range []struct {
		name  string
		sheet string
		rows  [][]string
		want  []string // the reasons, in order; none when sure
	}{
		{name: "house layout", sheet: "Scorecard", rows: [][]string{
			{"Kent CYPE Scorecard"},
			{"Ref", "Indicator", "Previous year outturn", "Target", "Mar-25", "Apr-25", "England", "Stat Neighbours", "Comments"},
			{"CIC01", "Children in care", "1850", "", "1896", "1901"},
		}},
		{name: "definitions sheet", sheet: "Guidance", rows: [][]string{
			{"Ref", "Indicator", "Polarity", "Unit", "Guidance"},
		}},
		{name: "guessed column", sheet: "Scorecard", rows: [][]string{
			{"Ref", "Indicator", "Mar-25", "Outturn last reported"},
		}, want: []string{`column D "Outturn last reported" taken as previous year from part of its heading`}},
		{name: "no months", sheet: "Scorecard", rows: [][]string{
			{"Ref", "Indicator", "Target", "RAG", "P1", "P2"},
		}, want: []string{"no month or quarter columns: only targets, benchmarks and comments are read"}},
		{name: "two header rows", sheet: "Scorecard", rows: [][]string{
			{"Ref", "Indicator", "Mar-25"},
			{"CIC01", "Children in care", "1896"},
			{},
			{"Ref", "Indicator", "Mar-25"},
		}, want: []string{"rows 1 and 4 both look like the header; took row 1"}},
		{name: "two targets", sheet: "Scorecard", rows: [][]string{
			{"Ref", "Indicator", "Target", "Target", "Mar-25"},
		}, want: []string{"columns C and D both read as target; took C"}},
		{name: "district sheet without a month", sheet: "Districts", rows: [][]string{
			{"Ref", "Indicator", "Ashford", "Dover", "Kent"},
		}, want: []string{"no period in the title or sheet name: the district figures take the scorecard's latest period"}},
		{name: "district sheet with its month", sheet: "Districts", rows: [][]string{
			{"District figures, March 2025"},
			{"Ref", "Indicator", "Ashford", "Dover", "Kent"},
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			l, err := detect(tt.sheet, &grid{rows: tt.rows})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(l.Unsure, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("unsure = %q, want %q", l.Unsure, tt.want)
			}
		})
	}
}

// TestUnsureResult checks an import reports doubt through its layouts,
// and that a saved profile, which an officer has checked, is sure.
func TestUnsureResult(t *testing.T) {
	if res := mustRead(t, houseBook(t)); !res.Sure() {
		t.Errorf("house layout unsure: %+v", res.Layouts)
	}
	b := newBook(t)
	b.sheet("Scorecard")
	b.row("Scorecard", "A1", "Ref", "Indicator", "Target", "Target", "Mar-25")
	b.row("Scorecard", "A2", "CIC01", "Children in care", 1800.0, 1900.0, 1896.0)
	path := b.save("doubt.xlsx")
	res := mustRead(t, path)
	if res.Sure() || len(res.Layouts) != 1 || len(res.Layouts[0].Unsure) != 1 {
		t.Fatalf("two Target columns: sure %v, layouts %+v", res.Sure(), res.Layouts)
	}
	profile := res.Layouts[0]
	again, err := Read(context.Background(), path, Options{Layouts: map[string]Layout{"Scorecard": profile}})
	if err != nil {
		t.Fatal(err)
	}
	if !again.Sure() {
		t.Errorf("read with a saved profile, unsure: %q", again.Layouts[0].Unsure)
	}
}
