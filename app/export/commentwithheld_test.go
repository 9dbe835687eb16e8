package export

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCommentQuotingWithheld: an officer's comment quoting a figure the
// export suppresses ("Down to 3 children" beside its c) is withheld in
// the house layout, whether the history is read whole or an indicator
// at a time, and in the original revised, with a warning naming its
// cell (QA22 F4: it was circulated as written). A comment quoting only
// figures shown is circulated as written.
func TestCommentQuotingWithheld(t *testing.T) {
	const sheet = "CYPE Scorecard"
	const withheld, shown = "Down to 3 children this month from 8 in August.", "Steady at 55 after 52 in August."
	orig := sheetWorkbook(t, t.TempDir(), sheet, [][]any{
		{"Children in Care Scorecard - September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Aug-25", "Sep-25", "Comments"},
		{"CIC30", "Number of children adopted", "H", "M", 8, 3, withheld},
		{"CIC21", "Number of children in care", "-", "MS", 52, 55, shown},
	})
	h := imported(t, orig, "I0001")
	for _, tt := range suppressedExports(orig, sheet) {
		t.Run(tt.name, func(t *testing.T) {
			f, sum := written(t, h, tt.opt, tt.streamed)
			texts, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			all := ""
			for _, row := range texts {
				all += strings.Join(row, "|") + "\n"
			}
			if strings.Contains(all, withheld) || !strings.Contains(all, "Comment withheld: it quotes 3, the Sep-25 figure") {
				t.Errorf("the comment quoting the withheld 3 is not withheld:\n%s", all)
			}
			if !strings.Contains(all, shown) {
				t.Errorf("the comment quoting figures shown is not circulated:\n%s", all)
			}
			warned := false
			for _, w := range sum.Warnings {
				warned = warned || w.Location.Sheet == tt.sheet && strings.Contains(w.Message, "CIC30 Sep-25 commentary withheld")
			}
			if !warned {
				t.Errorf("no warning of the comment withheld: %v", sum.Warnings)
			}
		})
	}
}

// TestCommentNamingWithheldDistrict is QA31 finding 7, in the shape of
// its comm_may26.xlsx: the county row's comment names districts ("Dover
// had 6 starts and Ashford 2") and a cohort, and quotes their figures the
// release withholds. Each is withheld with a warning at its cell, as a
// comment quoting its own row's withheld figure is; one naming only
// figures shown ("Dover had 6") is circulated as written, and so is one
// whose number is another district's shown figure.
func TestCommentNamingWithheldDistrict(t *testing.T) {
	const sheet = "CYPE Scorecard"
	comments := map[string]struct {
		text     string
		withheld string // "" where it is circulated
	}{
		"N01": {"Starts rose in May; Dover had 6 starts and Ashford 2, two of them siblings.", "it quotes 2 for Ashford, the May-26 figure"},
		"Y01": {"Thirteen adoptions so far, 3 of them in Canterbury.", "it quotes 3 for Canterbury, the May-26 figure"},
		"N02": {"Dover had 6 children placed; Ashford's share fell.", ""},
		"N04": {"Kent's 41 includes 3 UASC.", "it quotes 3 for Kent (UASC only), the May-26 figure"},
	}
	districts := []string{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham",
		"Maidstone", "Sevenoaks", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	figures := map[string][]any{
		"N01": {2, 7, 9, 6, 6, 7, 8, 7, 5, 0, 7, 5}, // Ashford 2 withheld
		"Y01": {0, 3, 1, 0, 0, 2, 0, 0, 1, 2, 4, 0}, // Canterbury 3 withheld
		"N02": {60, 70, 80, 6, 90, 95, 100, 105, 110, 115, 120, 125},
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Children in Care Performance Scorecard - May 2026"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Apr-26", "May-26", "Comments"},
		{"N01", "Number of children starting to be looked after in the month", "-", "MS", 40, 69, comments["N01"].text},
		{"Y01", "Number of children adopted in the year to date", "-", "YTD", 4, 13, comments["Y01"].text},
		{"N02", "Number of children in care", "-", "MS", 1170, 1176, comments["N02"].text},
		{"N04", "Number of children in care aged 16-17", "-", "MS", 40, 41, comments["N04"].text},
		{"N04", "Number of children in care aged 16-17 (UASC)", "-", "MS", 6, 3, ""},
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("Districts"); err != nil {
		t.Fatal(err)
	}
	head := []any{"Ref", "Indicator"}
	for _, d := range districts {
		head = append(head, d)
	}
	drows := [][]any{{"District summary - May 2026"}, {}, head}
	for _, ref := range []string{"N01", "Y01", "N02"} {
		drows = append(drows, append([]any{ref, ""}, figures[ref]...))
	}
	for i, row := range drows {
		if err := f.SetSheetRow("Districts", cell(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	orig := filepath.Join(t.TempDir(), "comm_may26.xlsx")
	if err := f.SaveAs(orig); err != nil {
		t.Fatal(err)
	}
	h := imported(t, orig, "I0001")
	for _, tt := range suppressedExports(orig, sheet) {
		t.Run(tt.name, func(t *testing.T) {
			out, sum := written(t, h, tt.opt, tt.streamed)
			for ref, c := range comments {
				r := sheetRow(t, out, tt.sheet, ref)
				texts, err := out.GetRows(tt.sheet)
				if err != nil {
					t.Fatal(err)
				}
				got := strings.Join(texts[r-1], "|")
				if c.withheld == "" {
					if !strings.Contains(got, c.text) {
						t.Errorf("%s: the comment quoting figures shown is not circulated: %q", ref, got)
					}
					continue
				}
				if strings.Contains(got, c.text) || !strings.Contains(got, "Comment withheld: "+c.withheld) {
					t.Errorf("%s: row %q, want the comment withheld: %q", ref, got, c.withheld)
				}
				warned := false
				for _, w := range sum.Warnings {
					warned = warned || w.Location.Sheet == tt.sheet && w.Location.Cell != "" && strings.Contains(w.Message, ref+" May-26 commentary withheld: "+c.withheld)
				}
				if !warned {
					t.Errorf("%s: no warning at its cell of the comment withheld: %v", ref, sum.Warnings)
				}
			}
		})
	}
}
