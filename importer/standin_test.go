package importer

import (
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"scorecard/app"
)

// TestExportStandInsReadBack checks an export's Data sheet row marked
// app.StandInMark is read back as the stand-in it was, its figure kept,
// and not as the month's own figure; the export once left them out, and
// they were lost on the way back with no word.
func TestExportStandInsReadBack(t *testing.T) {
	b := newBook(t)
	b.sheet("Data")
	b.row("Data", "A1", "Ref", "Period", "Area", "Cohort", "Numerator", "Denominator", "Value", "Status")
	b.row("Data", "A2", "CIC01", "Mar-25", "Kent", "All", nil, nil, 1896.0, "stand-in")
	b.row("Data", "A3", "CIC02", "2025-03", "Kent", "Excluding UASC", 20.0, 80.0, 25.0, " Stand-In ")
	b.row("Data", "A4", "CIC03", "2025-03", "Kent", "All", nil, nil, nil, "c")
	b.row("Data", "A5", "CIC04", "2025-03", "Kent", "All", 3.0, 4.0, 75.0)
	if err := b.f.SetDocProps(&excelize.DocProperties{Category: app.ExportCategory}); err != nil {
		t.Fatal(err)
	}
	res, err := Read(context.Background(), b.save("export.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	mar := app.MonthOf(2025, time.March)
	want := map[string]struct {
		value   float64 // -1 for none
		status  app.Status
		standIn bool
	}{
		"CIC01": {1896, app.OK, true},
		"CIC02": {25, app.OK, true},
		"CIC03": {-1, app.Suppressed, false},
		"CIC04": {75, app.OK, false},
	}
	for _, o := range res.Dataset.Observations {
		w, ok := want[o.Ref]
		if !ok {
			t.Errorf("read %s, which the sheet does not hold", o.Ref)
			continue
		}
		delete(want, o.Ref)
		v := -1.0
		if o.Value != nil {
			v = *o.Value
		}
		if o.Period != mar || v != w.value || o.Status != w.status || o.StandIn != w.standIn {
			t.Errorf("%s read as %v value %v status %q standing in %v; want %v, %v, %q, %v",
				o.Ref, o.Period, v, o.Status, o.StandIn, mar, w.value, w.status, w.standIn)
		}
	}
	for ref := range want {
		t.Errorf("%s not read", ref)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning %s: a stand-in's mark is not an unknown status", w)
	}
}
