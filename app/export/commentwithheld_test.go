package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/importer"
)

// TestCommentQuotingWithheld: an officer's comment quoting a figure the
// export suppresses ("Down to 3 children" beside its c) is withheld in
// the house layout, whether the history is read whole or an indicator
// at a time, and in the original revised, with a warning naming its
// cell (QA22 F4: it was circulated as written). A comment quoting only
// figures shown is circulated as written.
func TestCommentQuotingWithheld(t *testing.T) {
	dir := t.TempDir()
	const sheet = "CYPE Scorecard"
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	const withheld, shown = "Down to 3 children this month from 8 in August.", "Steady at 55 after 52 in August."
	rows := [][]any{
		{"Children in Care Scorecard - September 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Aug-25", "Sep-25", "Comments"},
		{"CIC30", "Number of children adopted", "H", "M", 8, 3, withheld},
		{"CIC21", "Number of children in care", "-", "MS", 52, 55, shown},
	}
	for i, row := range rows {
		if err := f.SetSheetRow(sheet, cell(1, i+1), &row); err != nil {
			t.Fatal(err)
		}
	}
	orig := filepath.Join(dir, "scorecard.xlsx")
	if err := f.SaveAs(orig); err != nil {
		t.Fatal(err)
	}
	f.Close()
	h := imported(t, orig, "I0001")
	for _, tt := range []struct {
		name  string
		opt   Options
		sheet string
	}{
		{"house layout", Options{Suppress: 5}, ScorecardSheet},
		{"house layout, an indicator at a time", Options{Suppress: 5}, ScorecardSheet},
		{"the original revised", Options{Suppress: 5, Original: orig, Reread: importer.Reread}, sheet},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.xlsx")
			var sum Summary
			var err error
			if strings.HasSuffix(tt.name, "at a time") {
				sum, err = WriteFrom(context.Background(), out, &pieces{h: h}, tt.opt)
			} else {
				sum, err = Write(context.Background(), out, h, tt.opt)
			}
			if err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
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
