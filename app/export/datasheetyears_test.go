package export

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"scorecard/app"
)

// TestDataSheetHoldsEveryYearShown: an academic year the Scorecard sheet
// shows in the financial year of its name (2024/25 AY, to August 2025,
// in 2024/25) is on the Data sheet too, so that the export imports again
// with it (QA24a D16: the Data sheet cut figures at the period's end, 31
// March 2025, and a re-import lost the year the Scorecard sheet rated,
// with nothing said). A year after the period, in no column (2025/26 AY),
// stays off both, as before, whether the store is read whole or an
// indicator at a time.
func TestDataSheetHoldsEveryYearShown(t *testing.T) {
	camden := [][]any{
		{"London Borough of Camden - Children and Learning annual performance scorecard"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Year type", "2022-23", "2023-24", "2024-25", "2025-26"},
		{"CAM02", "Care leavers aged 19-21 in education, employment or training (%)", "H", "A", "Financial", 62.0, 57.0, 54.0, nil},
		{"CAM03", "Key stage 4 attainment 8 of children in care", "H", "A", "Academic", 24.0, 26.0, 19.0, 23.0},
		// Financial years outnumber academic ones: the store is of
		// financial years, and 2024/25 is not read as 2024/25 AY.
		{"CAM04", "Children in care with three or more placements (%)", "L", "A", "Financial", 9.0, 10.0, 11.0, 12.0},
	}
	auth, ok := app.LookupAuthority("Camden")
	if !ok {
		t.Fatal("no authority Camden")
	}
	h := storeFor(t, auth, sheetWorkbook(t, t.TempDir(), "Scorecard", camden))
	fy24 := app.Period{Kind: app.FinancialYear, Year: 2024}
	ay := func(y int) app.Period { return app.Period{Kind: app.AcademicYear, Year: y} }
	tests := []struct {
		ref    string
		period app.Period
		value  float64 // read back; 0 for none
	}{
		{"CAM03", ay(2024), 19}, // shown in 2024/25's column
		{"CAM03", ay(2023), 26},
		{"CAM02", fy24, 54},
		{"CAM03", ay(2025), 0}, // after the period, in no column
	}
	for _, streamed := range []bool{false, true} {
		t.Run(fmt.Sprintf("streamed %v", streamed), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.xlsx")
			opt := Options{Authority: auth, Area: auth.Area(), Period: fy24, Produced: produced, AppVersion: "1.0-test"}
			var err error
			if streamed {
				_, err = WriteFrom(context.Background(), path, &pieces{h: h}, opt)
			} else {
				_, err = Write(context.Background(), path, h, opt)
			}
			if err != nil {
				t.Fatal(err)
			}
			back := storeFor(t, auth, path)
			for _, tt := range tests {
				k := app.SeriesKey{Ref: tt.ref, Area: auth.Area()}
				o, ok := back.Observation(k, tt.period)
				switch {
				case tt.value == 0 && ok:
					t.Errorf("%s %s: on the Data sheet (%v), though in no column of %s", tt.ref, tt.period.Label(), o.Value, fy24.Label())
				case tt.value != 0 && (!ok || o.Value == nil || *o.Value != tt.value):
					t.Errorf("%s %s: read back %v (found %v), want %v", tt.ref, tt.period.Label(), o.Value, ok, tt.value)
				}
			}
		})
	}
}
