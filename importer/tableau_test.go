package importer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestTableauCrosstab (QA qa33 F2): Tableau's "Download > Crosstab"
// heads the measures' column "Measure Names", in every crosstab it
// writes, and the sheet was refused as having no header row. It is read
// as the indicators' names, the "Service Area" dimension before it as
// their section, and each "Null" (Tableau's empty) is said as such at
// its cell rather than as a figure that would not read.
func TestTableauCrosstab(t *testing.T) {
	months := []string{"April 2024", "May 2024", "June 2024", "July 2024", "August 2024", "September 2024",
		"October 2024", "November 2024", "December 2024", "January 2025", "February 2025", "March 2025"}
	rows := []struct {
		name   string
		values []any
		pct    bool
	}{
		{"Number of looked after children", []any{726, 719, 711, 704, 698, 690, 684, 677, 671, 664, 658, 652}, false},
		{"Re-referral rate", []any{0.239, 0.235, 0.231, 0.228, 0.224, 0.221, 0.218, 0.214, 0.209, 0.202, 0.199, 0.197}, true},
		{"Caseload per FTE social worker", []any{"Null", "Null", 14.6, 15.1, 15.3, 15.9, 16.2, 16.0, 15.8, 16.4, 16.9, 17.2}, false},
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "KPI Trend")
	head := []any{"Service Area", "Measure Names"}
	for _, m := range months {
		head = append(head, m)
	}
	f.SetSheetRow("KPI Trend", "A1", &head)
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		row := append([]any{"Children's Social Care", r.name}, r.values...)
		f.SetSheetRow("KPI Trend", fmt.Sprint("A", i+2), &row)
		if r.pct {
			f.SetCellStyle("KPI Trend", fmt.Sprint("C", i+2), fmt.Sprint("N", i+2), pct)
		}
	}
	res := readFile(t, f)
	got := map[string]string{}
	for _, o := range res.Dataset.Observations {
		got[o.Ref+" "+o.Period.Label()] = fmt.Sprint(*o.Value)
	}
	if len(res.Dataset.Observations) != 34 {
		t.Errorf("%d figures read, want 34 (36 less the two Nulls): %v", len(res.Dataset.Observations), got)
	}
	byName := map[string]string{}
	for _, ind := range res.Dataset.Indicators {
		byName[ind.Name] = ind.Ref
		if ind.Section != "Children's Social Care" {
			t.Errorf("%s: section %q, want the Service Area's", ind.Name, ind.Section)
		}
	}
	for _, want := range []struct{ name, period, value string }{
		{"Number of looked after children", "Mar-25", "652"},
		{"Re-referral rate", "Apr-24", "23.9"},
		{"Re-referral rate", "Mar-25", "19.7"},
		{"Caseload per FTE social worker", "Jun-24", "14.6"},
	} {
		if v := got[byName[want.name]+" "+want.period]; v != want.value {
			t.Errorf("%s %s = %q, want %s", want.name, want.period, v, want.value)
		}
	}
	for _, cell := range []string{"C4", "D4"} {
		if w := warnedAt(res, "KPI Trend", cell); len(w) != 1 || !strings.Contains(w[0], `"Null" is Tableau's (or a database's) mark for no value`) {
			t.Errorf("warnings at %s %q, want one saying Null is Tableau's empty", cell, w)
		}
	}
}
