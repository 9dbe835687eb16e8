package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
	"scorecard/importer"
)

// ragCell is a RAG cell as excelize reads it: its text and solid fill
// ("" for none).
func ragCell(t *testing.T, f *excelize.File, at string) (text, fill string) {
	t.Helper()
	text, err := f.GetCellValue("Scorecard", at)
	if err != nil {
		t.Fatal(err)
	}
	id, err := f.GetCellStyle("Scorecard", at)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.Fill.Type == "pattern" && st.Fill.Pattern == 1 && len(st.Fill.Color) > 0 {
		c := strings.ToUpper(st.Fill.Color[0])
		fill = c[max(len(c)-6, 0):]
	}
	return text, fill
}

// TestOriginalRAGColumn exports the latest of a council's quarterly
// workbooks into its own layout and checks its RAG column, read with
// excelize and with openpyxl (QA30 9): where the app rates a figure
// (a target and a floor), the cell gives the app's rating in the
// workbook's own word and fill for it; where it cannot, the officer's
// rating stays, text and fill, beside the very figure it rated, and is
// cleared beside any other (a figure that cannot exclude a cohort), with
// a note at the cell and a warning naming it. None is left blank or
// standing unsaid.
func TestOriginalRAGColumn(t *testing.T) {
	python := needOpenpyxl(t)
	uasc := []app.Cohort{app.UASC}
	tests := []struct {
		name    string
		floors  bool
		exclude []app.Cohort
		// want is the rating each row's RAG cell must show, from the
		// row's figures and target (and floor): the app's, or the
		// officer's kept; "" where it is cleared.
		want func(r cardRow, latest float64) string
		// noted says the cell must carry a note, and warned a warning
		// naming it.
		noted, warned bool
		// monthly adds a month's figure of another indicator, as a
		// child-level list as at the quarter's end does (QA30 4): the
		// export's period is then that month, which the quarter holds.
		monthly bool
	}{
		{"rated by the app", true, nil,
			func(r cardRow, v float64) string { return appRAG(r.polarity, v, r.target, r.floor) }, false, false, false},
		{"no floor: the officer's kept", false, nil,
			func(r cardRow, v float64) string { return officerRAG(r.polarity, v, r.target) }, true, false, false},
		{"no floor, excluding UASC: cleared", false, uasc,
			func(cardRow, float64) string { return "" }, true, true, false},
		{"no floor, excluding UASC, a month after: cleared", false, uasc,
			func(cardRow, float64) string { return "" }, true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cards := quarterCards(tt.floors)
			c := cards[len(cards)-1]
			var after []string
			if tt.monthly {
				month := filepath.Join(t.TempDir(), "month.xlsx")
				correctionWorkbook(t, month, [][]any{{"CIC22", "2025-03", string(app.Kent), 52}})
				after = append(after, month)
			}
			h, orig := importedCards(t, cards, after...)
			out := filepath.Join(t.TempDir(), "out.xlsx")
			sum, err := Write(context.Background(), out, h, Options{Original: orig, Reread: importer.Reread, Exclude: tt.exclude, Produced: produced, AppVersion: "1.0-test"})
			if err != nil {
				t.Fatal(err)
			}
			if tt.monthly && sum.Period.Kind != app.Month {
				t.Fatalf("exported %s: the case needs a store whose latest period is a month", sum.Period.Label())
			}
			f, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			py := readCells(t, python, out, "Scorecard")
			warned := map[string]bool{}
			for _, w := range sum.Warnings {
				warned[w.Sheet+"!"+w.Cell] = true
			}
			rated := 0
			for i, r := range c.rows {
				officer := officerRAG(r.polarity, r.figures[c.shown-1], r.target)
				if officer == "" {
					continue // no RAG in the original's row
				}
				rated++
				at := cell(c.ragCol(), cardFirstRow+i)
				want := tt.want(r, r.figures[c.shown-1])
				text, fill := ragCell(t, f, at)
				back := py[at]
				pyText, _ := back.Value.(string)
				pyFill := ""
				if back.Fill != nil {
					pyFill = *back.Fill
				}
				if text != want || pyText != want {
					t.Errorf("%s (%s): RAG %q (openpyxl %q), want %q", r.ref, at, text, pyText, want)
				}
				if wantFill := officerFills[want]; fill != wantFill || pyFill != wantFill {
					t.Errorf("%s (%s): fill %q (openpyxl %q), want the workbook's for %q, %q", r.ref, at, fill, pyFill, want, wantFill)
				}
				if tt.noted && back.Comment == nil {
					t.Errorf("%s (%s): RAG %q with no note saying whose it is or why it went", r.ref, at, text)
				}
				if tt.warned && !warned["Scorecard!"+at] {
					t.Errorf("%s (%s): no warning names the cell; warnings: %v", r.ref, at, sum.Warnings)
				}
			}
			if rated < 3 {
				t.Fatalf("the card rates %d rows: too few to test", rated)
			}
		})
	}
}
