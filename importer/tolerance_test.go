package importer

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestToleranceAsShareOfTarget: a stay-close-to-target indicator's
// tolerance written as a percentage ("10%", or 0.1 formatted as one) is
// that share of the target, as domain.md words the rule ("green within
// 10% of target"): a caseload target of 18 with 10% is green within 1.8,
// so 27 is red. It had been read as 10 caseloads, rating 27 green with
// no warning. Neither may the tolerance cell's format make a count a
// percentage.
func TestToleranceAsShareOfTarget(t *testing.T) {
	const caseload = "Average caseload of social workers"
	tests := []struct {
		name      string
		indicator string
		head      string
		tolerance any
		format    bool // the tolerance cell formatted 0%
		target    any
		want      string // the tolerance read, "-" for none
		wantUnit  app.Unit
		warn      string // start of the warning at the tolerance's cell
	}{
		{"text on a count", caseload, "Tolerance", "10%", false, 18, "1.8", app.Number, "QT21 2025/26: tolerance 10% read as 10% of the target 18: green within 1.8"},
		{"formatted on a count", caseload, "Tolerance", 0.1, true, 18, "1.8", app.Number, "QT21 2025/26: tolerance 10% read as 10% of the target 18"},
		{"plain number on a count", caseload, "Tolerance", 2, false, 18, "2", app.Number, ""},
		{"heading of target", caseload, "Tolerance (% of target)", 10, false, 18, "1.8", app.Number, "QT21 2025/26: tolerance 10% read as 10% of the target 18"},
		// A percentage's tolerance is written as its targets are, in
		// points, unless the heading says otherwise; said where doubtful.
		{"percent on a percentage", "Re-referrals within 12 months (%)", "Tolerance", "5%", false, 60, "5", app.Percent, `QT21 2025/26: tolerance 5% read as 5 percentage points, QT21 being a percentage; if it is 5% of the target (3 here), head the column "Tolerance (% of target)"`},
		{"formatted on a percentage", "Re-referrals within 12 months (%)", "Tolerance", 0.05, true, 60, "5", app.Percent, "QT21 2025/26: tolerance 5% read as 5 percentage points"},
		{"share of a percentage's target", "Re-referrals within 12 months (%)", "Tolerance (% of target)", "5%", false, 60, "3", app.Percent, "QT21 2025/26: tolerance 5% read as 5% of the target 60: green within 3 of it, amber within 6"},
		{"points on a percentage", "Re-referrals within 12 months (%)", "Tolerance (pp)", "5%", false, 60, "5", app.Percent, ""},
		{"plain on a percentage", "Re-referrals within 12 months (%)", "Tolerance", 5, false, 60, "5", app.Percent, ""},
		{"no target", caseload, "Tolerance", "10%", false, nil, "-", app.Number, "QT21 2025/26: tolerance 10% skipped: no target for the year is read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := toleranceBook(t, [][]any{
				{"Ref", "Indicator", "Polarity", "Target", tt.head, "Apr-25", "May-25", "Jun-25"},
				{"QT21", tt.indicator, "T", tt.target, tt.tolerance, 18.5, 21, 27},
			}, tt.format)
			res := mustRead(t, path)
			got := "-"
			for _, tg := range res.Dataset.Targets {
				if tg.Tolerance != nil {
					got = fmt.Sprint(*tg.Tolerance)
				}
			}
			if got != tt.want {
				t.Errorf("tolerance = %s, want %s", got, tt.want)
			}
			for _, ind := range res.Dataset.Indicators {
				if ind.Unit != tt.wantUnit {
					t.Errorf("unit = %q, want %q", ind.Unit, tt.wantUnit)
				}
			}
			notes := warnedAt(res, "Scorecard", "E2")
			switch {
			case tt.warn == "" && len(notes) > 0:
				t.Errorf("warned %q, want nothing", notes)
			case tt.warn != "" && (len(notes) != 1 || !strings.HasPrefix(notes[0], tt.warn)):
				t.Errorf("warned %q, want one starting %q", notes, tt.warn)
			}
		})
	}
}

// TestTargetsTableToleranceShare: a targets table's tolerance written as
// a percentage is likewise a share of its row's target.
func TestTargetsTableToleranceShare(t *testing.T) {
	path := toleranceBook(t, [][]any{
		{"Ref", "Year", "Target", "Tolerance"},
		{"QT21", "2025/26", 18, "10%"},
		{"QT22", "2025/26", 20, 2},
	}, false)
	res := mustRead(t, path)
	got := map[string]string{}
	for _, tg := range res.Dataset.Targets {
		if tg.Tolerance != nil {
			got[tg.Ref] = fmt.Sprint(*tg.Tolerance)
		}
	}
	if got["QT21"] != "1.8" || got["QT22"] != "2" {
		t.Errorf("tolerances = %v, want QT21 1.8 (10%% of 18), QT22 2", got)
	}
}

// toleranceBook writes rows to a sheet "Scorecard", formatting E2 as a
// percentage where asked.
func toleranceBook(t *testing.T, rows [][]any, percentE2 bool) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Scorecard")
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Scorecard", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	if percentE2 {
		st, err := f.NewStyle(&excelize.Style{NumFmt: 9})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle("Scorecard", "E2", "E2", st); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
