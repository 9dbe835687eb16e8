package export

import (
	"testing"

	"scorecard/app"
)

// TestPerCategoryCountsWithheld: counts of children broken down "per"
// a category (placement type, referral source, plan category), with a
// Unit column of "No.", are counts, so the circulated workbook shows
// their figures of 1 to 4 as c as its header promises, not as means
// shown in full (QA25 D1); a caseload per social worker, a mean, is shown.
func TestPerCategoryCountsWithheld(t *testing.T) {
	auth, ok := app.LookupAuthority("Leeds")
	if !ok {
		t.Fatal("no authority Leeds")
	}
	rows := [][]any{
		{"Leeds children's services scorecard - March 2025"},
		{},
		{"Ref", "Indicator", "Polarity", "Unit", "Jan-25", "Feb-25", "Mar-25"},
		{"CTL01", "Number of children in care", "-", "No.", 1820, 1830, 1825},
	}
	tests := []struct {
		ref, name, unit string
		vals            []any
		want            string // the Mar-25 cell on the Scorecard sheet
	}{
		{"PT01", "Number of children in care per placement type: residential", "No.", []any{3, 4, 3}, "c"},
		{"RS01", "Referrals per referral source: Police", "No.", []any{2, 4, 1}, "c"},
		{"CT01", "Number of children per case type: UASC care leaver", "No.", []any{4, 1, 2}, "c"},
		{"PC01", "Number of children on a plan per plan category: sexual abuse", "No.", []any{2, 3, 3}, "c"},
		{"CP01", "Number of children per child protection category: sexual abuse", "No.", []any{1, 2, 1}, "c"},
		{"YP01", "Number of care leavers per young person's adviser over 25", "No.", []any{1, 3, 2}, "c"},
		{"CW01", "Children with more than 3 moves per placement year", "No.", []any{2, 4, 3}, "c"},
		{"MP01", "Children missing per placement type: unregulated", "", []any{3, 2, 4}, "c"},
		{"AV01", "Average caseload per social worker", "No.", []any{3.5, 4, 4.5}, "4.5"},
	}
	for _, tt := range tests {
		rows = append(rows, append([]any{tt.ref, tt.name, "-", tt.unit}, tt.vals...))
	}
	h := storeFor(t, auth, sheetWorkbook(t, t.TempDir(), "Scorecard", rows))
	f, _ := written(t, h, Options{Authority: auth, Area: auth.Area(), Suppress: 5, Produced: produced, AppVersion: "1.0-test"}, false)
	col := headerCol(t, f, "Mar-25")
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			if got, _ := f.GetCellValue(ScorecardSheet, cell(col, sheetRow(t, f, ScorecardSheet, tt.ref))); got != tt.want {
				t.Errorf("Scorecard %s Mar-25 = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
}
