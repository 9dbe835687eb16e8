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

// overdueHistory is quarterlyHistory without its last quarter: Q04's
// figures run Oct-Dec 2024 to Apr-Jun 2026 (64.0%, AMBER), and Jul-Sep
// 2026 never came, beside a monthly count to Oct-26 (QA26b S2).
func overdueHistory() *app.History {
	h := quarterlyHistory()
	d := app.Dataset{Indicators: h.Indicators()}
	for _, k := range h.Keys() {
		for _, o := range h.Series(k) {
			if o.Ref != "Q04" || o.Period != (app.Period{Kind: app.Quarter, Year: 2026, N: 3}) {
				d.Observations = append(d.Observations, o)
			}
		}
	}
	for _, y := range []int{2024, 2025, 2026} {
		d.Targets = append(d.Targets, app.Target{Ref: "Q04", Year: app.Period{Kind: app.FinancialYear, Year: y}, Target: app.Float(70), Floor: app.Float(55)})
	}
	out := app.NewHistory()
	out.Apply(&d, "I0001")
	return out
}

// TestPackOverdueQuarter: a quarter not in by the month it was due is,
// on the pack's first page, an exception listed as a missing figure,
// counted in its heading and named in its intro, saying why it has no
// chart page, in the month it was due and after it, never a "quarterly:"
// note there; its row on the scorecard page says missing, its note
// saying so; and the workbook's cell says missing with the same note
// (QA26b S2: after the month it was due page 1 had only "quarterly: ...
// next was due").
func TestPackOverdueQuarter(t *testing.T) {
	h := overdueHistory()
	const latest = "; latest Apr-Jun 2026 = 64.0% AMBER, so "
	for _, tt := range []struct {
		period     app.Period
		listed     string // what page 1's heading and intro list
		item, note string
	}{
		{app.MonthOf(2026, time.September), "red, worsened, special cause or newly flagged",
			"Care leavers in suitable accommodation (%): no figure; new this month: no figure for Jul-Sep 2026 (last figure Apr-Jun 2026: 64.0%). No chart page: it has no figure for Jul-Sep 2026 to chart",
			"Q04 Care leavers in suitable accommodation (%): missing: no figure for Jul-Sep 2026, due Sep-26" + latest + "September 2026 has no figure, rating or direction of it."},
		{app.MonthOf(2026, time.October), "red, worsened, special cause, newly flagged or overdue",
			"Care leavers in suitable accommodation (%): no figure; overdue: no figure for Jul-Sep 2026, due Sep-26 (last figure Apr-Jun 2026: 64.0%). No chart page: it has no figure for Jul-Sep 2026 to chart",
			"Q04 Care leavers in suitable accommodation (%): missing: no figure for Jul-Sep 2026, due Sep-26" + latest + "October 2026 has no figure, rating or direction of it."},
	} {
		t.Run(tt.period.Label(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pack.pdf")
			if _, err := Write(context.Background(), path, h, Options{Period: tt.period, Produced: produced, Suppress: 1}); err != nil {
				t.Fatal(err)
			}
			pages := pdfText(t, path)
			first := strings.Join(strings.Fields(pages[0]), " ")
			for _, w := range []string{tt.listed + ")", "Every indicator that is " + tt.listed + " in ", tt.item} {
				if !strings.Contains(first, w) {
					t.Errorf("page 1 does not say %q:\n%s", w, first)
				}
			}
			if strings.Contains(first, "quarterly:") {
				t.Errorf("page 1 says the overdue quarter under a quarterly note:\n%s", first)
			}
			var page string
			for _, pg := range pages {
				if strings.Contains(pg, "\nQ04 ") && strings.Contains(pg, "DoT") {
					page = strings.Join(strings.Fields(pg), " ")
				}
			}
			if !strings.Contains(page, "55.0% missing") || !strings.Contains(page, tt.note) {
				t.Errorf("the scorecard page does not say Q04 missing with %q:\n%s", tt.note, page)
			}

			f, _ := export(t, h, Options{Period: tt.period, Suppress: 1})
			cell, _ := excelize.CoordinatesToCellName(headerCol(t, f, tt.period.Label()), sheetRow(t, f, ScorecardSheet, "Q04"))
			if got, _ := f.GetCellValue(ScorecardSheet, cell); got != "missing" {
				t.Errorf("Scorecard!%s = %q, want missing", cell, got)
			}
			var notes []string
			cs, _ := f.GetComments(ScorecardSheet)
			for _, c := range cs {
				if c.Cell == cell {
					notes = append(notes, noteText(c))
				}
			}
			if said := strings.Join(notes, " | "); !strings.Contains(said, tt.note) {
				t.Errorf("Scorecard!%s: note %q, want %q", cell, said, tt.note)
			}
		})
	}
}
