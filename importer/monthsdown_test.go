package importer

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"scorecard/app"
)

// TestMonthsDownAreasAcrossRefused checks that a sheet of months down and
// Bristol and its localities across (QA33 b6, b6b) is refused at its
// first area's heading, saying what the importer reads instead: with no
// Ref it had been refused as having no header row, naming A1; with Ref
// and Period columns it was read as a tidy table whose Area column was
// "Bristol", each of the city's counts an area of its own ("351") and
// the localities' columns unread (QA33 F4).
func TestMonthsDownAreasAcrossRefused(t *testing.T) {
	tests := []struct {
		name string
		ref  bool // a Ref and a Period column, as b6b adds
		// localitiesFirst puts Bristol's column after its localities',
		// as b6's sheet CLA does, "North & West" first.
		localitiesFirst bool
		want            string
		wantCell        string
	}{
		{name: "month and areas", want: `months down (column A "Month") and areas across (B2:G2, "Bristol" here) are not read`, wantCell: "B2"},
		{name: "localities left of the city", localitiesFirst: true, want: `months down (column A "Month") and areas across (B2:G2, "Bristol" here) are not read`, wantCell: "F2"},
		{name: "with Ref and Period", ref: true, want: `months down (column B "Period") and areas across (C2:H2, "Bristol" here) are not read`, wantCell: "C2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			s := "Referrals"
			b.sheet(s)
			b.row(s, "A1", "Referrals to children's social care by locality")
			head := []any{"Month", "Bristol", "North and West", "East Central", "South", "Out of Area", "Total"}
			if tt.localitiesFirst {
				head = []any{"Month", "North & West", "East Central", "South", "Out of Area", "Bristol", "Total"}
			}
			if tt.ref {
				head = append([]any{"Ref"}, head...)
				head[1] = "Period"
			}
			b.row(s, "A2", head...)
			for i, r := range [][]any{{"Apr-24", 351, 109, 126, 112, 4, 351}, {"May-24", 360, 112, 130, 113, 5, 360}} {
				if tt.ref {
					r = append([]any{"REFERRALS"}, r...)
				}
				b.row(s, fmt.Sprintf("A%d", i+3), r...)
			}
			auth := authorityNamed(t, "Bristol").WithDistricts([]string{"North and West", "East Central", "South"})
			res, err := Read(context.Background(), b.save("localities.xlsx"), Options{Authority: auth})
			var se *app.SourceError
			if !errors.As(err, &se) {
				var areas []string
				if res != nil {
					for _, o := range res.Dataset.Observations {
						areas = append(areas, string(o.Area))
					}
				}
				t.Fatalf("read with error %v, areas %q; want it refused", err, areas)
			}
			if se.Sheet != s || se.Cell != tt.wantCell || !strings.Contains(se.Error(), tt.want) {
				t.Errorf("refused at %s!%s: %v\nwant at %s!%s: ...%s", se.Sheet, se.Cell, se, s, tt.wantCell, tt.want)
			}
		})
	}
}
