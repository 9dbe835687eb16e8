package export

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// quarterlyHistory is QA23c's store: a monthly count to Oct-26 beside a
// quarterly percentage (Data period Q) filed by quarter, Oct-Dec 2024 to
// Jul-Sep 2026, the last 61.0% against a target of 70% and a floor of
// 55%.
func quarterlyHistory() *app.History {
	mon := app.Indicator{Ref: "Q02", Name: "Number of children missing from care", Polarity: app.LowerBetter, Unit: app.Number, Measure: app.Count, DataPeriod: app.Snapshot}
	q := app.Indicator{Ref: "Q04", Name: "Care leavers in suitable accommodation (%)", Polarity: app.HigherBetter, Unit: app.Percent, Decimals: 1,
		Measure: app.Proportion, DataPeriod: app.QuarterPeriod}
	d := app.Dataset{Indicators: []app.Indicator{mon, q}}
	start := app.MonthOf(2024, time.November)
	for i := range 24 {
		d.Observations = append(d.Observations, app.Observation{Ref: mon.Ref, Area: app.Kent, Period: start.Add(i), Value: app.Float(float64(40 + i%7))})
	}
	first := app.Period{Kind: app.Quarter, Year: 2024, N: 4}
	for i, n := range []float64{64, 66, 65, 63, 60, 62, 64, 61} {
		d.Observations = append(d.Observations, app.Observation{Ref: q.Ref, Area: app.Kent, Period: first.Add(i), Value: app.Float(n), Numerator: app.Float(n), Denominator: app.Float(100)})
	}
	for _, y := range []int{2024, 2025, 2026} {
		d.Targets = append(d.Targets, app.Target{Ref: q.Ref, Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(70), Floor: app.Float(55)})
	}
	h := app.NewHistory()
	h.Apply(&d, "I0001")
	return h
}

// TestPackQuarterlyNoted: on a monthly pack, a quarterly indicator in a
// month no quarter ends is not a blank row: its month cell says it is
// quarterly, and a note under the scorecard gives its latest quarter,
// labelled as such, with its rating, and when the next is due (QA23c
// D10). In the month a quarter ends it is that quarter's figure, with no
// note.
func TestPackQuarterlyNoted(t *testing.T) {
	h := quarterlyHistory()
	for _, tt := range []struct {
		period    app.Period
		want, not []string
	}{
		{app.MonthOf(2026, time.October),
			[]string{"Q04 Care leavers in suitable accommodation (%): quarterly: Jul-Sep 2026 = 61.0% AMBER; next due Dec-26, so October 2026 has no figure, rating or direction of it.", "55.0% quarterly"},
			nil},
		{app.MonthOf(2026, time.August),
			[]string{"Q04 Care leavers in suitable accommodation (%): quarterly: Apr-Jun 2026 = 64.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it."},
			nil},
		{app.MonthOf(2026, time.September),
			[]string{"61.0% AMBER"},
			[]string{"quarterly:", "55.0% quarterly"}},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Period: tt.period, Produced: produced, Suppress: 1}); err != nil {
				t.Fatal(err)
			}
			var page string
			for _, pg := range pdfText(t, path) {
				if strings.Contains(pg, "\nQ04 ") && strings.Contains(pg, "DoT") {
					page = strings.Join(strings.Fields(pg), " ")
				}
			}
			if page == "" {
				t.Fatal("no scorecard page with a Q04 row")
			}
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("the scorecard page does not say %q:\n%s", w, page)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(page, n) {
					t.Errorf("the scorecard page says %q:\n%s", n, page)
				}
			}
		})
	}
}

// TestWorkbookQuarterlyNoted: on the workbook's Scorecard sheet, a
// quarterly indicator in a month no quarter ends says so in the month's
// cell, with the pack's note on it giving its latest quarter, labelled as
// that quarter's, with its rating and when the next is due; no RAG or
// DoT of the month (QA23c D10). In the month a quarter ends the cell is
// the quarter's figure, rated, with no such note.
func TestWorkbookQuarterlyNoted(t *testing.T) {
	h := quarterlyHistory()
	for _, tt := range []struct {
		period    app.Period
		text      string // the month's cell
		note, rag string
	}{
		{app.MonthOf(2026, time.October), "quarterly",
			"Q04 Care leavers in suitable accommodation (%): quarterly: Jul-Sep 2026 = 61.0% AMBER; next due Dec-26, so October 2026 has no figure, rating or direction of it.", ""},
		{app.MonthOf(2026, time.August), "quarterly",
			"Q04 Care leavers in suitable accommodation (%): quarterly: Apr-Jun 2026 = 64.0% AMBER; next due Sep-26, so August 2026 has no figure, rating or direction of it.", ""},
		{app.MonthOf(2026, time.September), "0.61", "", "AMBER"},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			f, _ := export(t, h, Options{Period: tt.period, Suppress: 1})
			r := sheetRow(t, f, ScorecardSheet, "Q04")
			cell, _ := excelize.CoordinatesToCellName(headerCol(t, f, tt.period.Label()), r)
			if got, _ := f.GetCellValue(ScorecardSheet, cell, excelize.Options{RawCellValue: true}); got != tt.text {
				t.Errorf("Scorecard!%s = %q, want %q", cell, got, tt.text)
			}
			var notes []string
			cs, _ := f.GetComments(ScorecardSheet)
			for _, c := range cs {
				if c.Cell == cell {
					notes = append(notes, noteText(c))
				}
			}
			said := strings.Join(notes, " | ")
			if tt.note != "" && !strings.Contains(said, tt.note) {
				t.Errorf("Scorecard!%s: note %q, want %q", cell, said, tt.note)
			}
			if tt.note == "" && strings.Contains(said, "quarterly:") {
				t.Errorf("Scorecard!%s: note %q on the quarter's own month", cell, said)
			}
			rag, _ := excelize.CoordinatesToCellName(headerCol(t, f, "RAG"), r)
			if got, _ := f.GetCellValue(ScorecardSheet, rag); got != tt.rag {
				t.Errorf("Scorecard!%s (RAG) = %q, want %q", rag, got, tt.rag)
			}
		})
	}
}
