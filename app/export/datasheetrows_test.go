package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"scorecard/app"
)

// TestDataSheetPastExcelsRows: a store whose figures would run the Data
// sheet past the rows an Excel sheet holds is refused with the count and
// what to do, whether the store is read whole or an indicator at a time,
// and no workbook is left. Before, an export of forty years of monthly
// figures failed after half a minute with excelize's `cannot convert cell
// "" to coordinates`. The limit is lowered to the Camden fixture's six
// figures so that the test need not write a million rows.
func TestDataSheetPastExcelsRows(t *testing.T) {
	camden := [][]any{
		{"London Borough of Camden - Children and Learning annual performance scorecard"},
		{},
		{"Ref", "Indicator", "Polarity", "Data Period", "Year type", "2022-23", "2023-24", "2024-25"},
		{"CAM02", "Care leavers aged 19-21 in education, employment or training (%)", "H", "A", "Financial", 62.0, 57.0, 54.0},
		{"CAM04", "Children in care with three or more placements (%)", "L", "A", "Financial", 9.0, 10.0, 11.0},
	}
	auth, ok := app.LookupAuthority("Camden")
	if !ok {
		t.Fatal("no authority Camden")
	}
	h := storeFor(t, auth, sheetWorkbook(t, t.TempDir(), "Scorecard", camden))
	opt := Options{Authority: auth, Area: auth.Area(), Period: app.Period{Kind: app.FinancialYear, Year: 2024}, Produced: produced, AppVersion: "1.0-test"}
	for _, rows := range []int{8, 7} { // six figures under two rows fit in 8, not in 7
		for _, streamed := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d rows, streamed %v", rows, streamed), func(t *testing.T) {
				defer func(was int) { sheetRows = was }(sheetRows)
				sheetRows = rows
				path := filepath.Join(t.TempDir(), "out.xlsx")
				var err error
				if streamed {
					_, err = WriteFrom(context.Background(), path, &pieces{h: h}, opt)
				} else {
					_, err = Write(context.Background(), path, h, opt)
				}
				_, statErr := os.Stat(path)
				if rows == 8 {
					if err != nil {
						t.Fatalf("six figures in a sheet of 8 rows: %v", err)
					}
					return
				}
				if err == nil || !strings.Contains(err.Error(), "the Data sheet would need 8 rows, 6 figures") || !strings.Contains(err.Error(), "export one area, or an earlier period") {
					t.Fatalf("got %v, want the Data sheet's 8 rows refused", err)
				}
				if !errors.Is(statErr, fs.ErrNotExist) {
					t.Errorf("a refused export left %s (%v)", path, statErr)
				}
			})
		}
	}
}
