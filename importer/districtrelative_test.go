package importer

import (
	"fmt"
	"slices"
	"testing"
)

// TestDistrictSheetSameMonthLastYear: a district sheet for March 2025
// with a "Same month last year" column after its areas (QA24a D4) was
// read as a sheet of months: Kent's and all 12 districts' figures for
// Mar-25 dropped ("an area column on a sheet of months is not read") and
// the last-year column filed as Kent's Mar-24. A column naming a month
// before the report's by its place from it leaves the sheet one of
// areas, each area's figure read for the title's month; the column,
// whose area the sheet does not say, is said unread at its heading with
// how to give it. "Current month" beside areas still makes a sheet of
// months, as a sheet without areas is read as ever.
func TestDistrictSheetSameMonthLastYear(t *testing.T) {
	districts := []any{"Ashford", "Canterbury", "Dartford", "Dover", "Folkestone and Hythe", "Gravesham", "Maidstone", "Sevenoaks",
		"Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"}
	title := [][]any{{"District scorecard: March 2025"}}
	areas := append([]any{"Ref", "Indicator", "Polarity", "Kent"}, districts...)
	row := []any{"DS02", "Re-referrals within 12 months (%)", "L", 22.0}
	for i := range districts {
		row = append(row, 16.0+float64(i))
	}
	tests := []struct {
		name   string
		head   []any
		extra  []any  // the row's figures in the extra columns
		want   string // DS02's figures, "area period=value" sorted
		warned map[string][]string
	}{
		{"same month last year after the areas", append(slices.Clip(areas), "Same month last year"), []any{20.0},
			"[Ashford 2025-03=16 Canterbury 2025-03=17 Dartford 2025-03=18 Dover 2025-03=19 Folkestone and Hythe 2025-03=20 Gravesham 2025-03=21 Kent 2025-03=22 " +
				"Maidstone 2025-03=22 Sevenoaks 2025-03=23 Swale 2025-03=24 Thanet 2025-03=25 Tonbridge and Malling 2025-03=26 Tunbridge Wells 2025-03=27]",
			map[string][]string{"Q2": {`column Q "Same month last year" not read`, "it names Mar-24 by its place from the report's Mar-25",
				"not saying whose figure for Mar-24 this is", "give it on the sheet of months of the area it is for"}}},
		{"last month after the areas", append(slices.Clip(areas), "Last month"), []any{21.0},
			"[Ashford 2025-03=16 Canterbury 2025-03=17 Dartford 2025-03=18 Dover 2025-03=19 Folkestone and Hythe 2025-03=20 Gravesham 2025-03=21 Kent 2025-03=22 " +
				"Maidstone 2025-03=22 Sevenoaks 2025-03=23 Swale 2025-03=24 Thanet 2025-03=25 Tonbridge and Malling 2025-03=26 Tunbridge Wells 2025-03=27]",
			map[string][]string{"Q2": {`column Q "Last month" not read`, "it names Feb-25 by its place from the report's Mar-25"}}},
		{"no areas: months as ever", []any{"Ref", "Indicator", "Polarity", "Same month last year", "Current month"}, nil,
			"[Kent 2024-03=22 Kent 2025-03=16]",
			map[string][]string{"D2": {`column D "Same month last year" read as Mar-24`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := append(slices.Clip(row), tt.extra...)
			if len(tt.head) < len(r) {
				r = r[:len(tt.head)]
			}
			_, res := guessSheet{"Districts", title, tt.head, [][]any{r}}.read(t, "DS02")
			var got []string
			for _, o := range res.Dataset.Observations {
				if o.Ref == "DS02" && o.Value != nil {
					got = append(got, fmt.Sprintf("%s %s=%g", o.Area, o.Period, *o.Value))
				}
			}
			slices.Sort(got)
			if fmt.Sprint(got) != tt.want {
				t.Errorf("DS02's figures\n got %v\nwant %s", got, tt.want)
			}
			checkWarned(t, res, "Districts", tt.warned)
		})
	}
}
